"""Reads the platform's NetBox-compatible API with pynetbox, as a NetBox user would, and prints what it saw as JSON.

Run by NetBoxReadApiIT with Debian's /usr/bin/python3: NB_URL (…/netbox), NB_TOKEN, NB_SITE (a site slug to filter by).
"""
import json
import os

import pynetbox

nb = pynetbox.api(os.environ["NB_URL"], token=os.environ["NB_TOKEN"])
out = {"status": nb.status()["netbox-version"], "version": nb.version}
devices = list(nb.dcim.devices.all())
out["device_ids"] = sorted(d.id for d in devices)
out["device_count"] = nb.dcim.devices.count()
out["vm_ids"] = sorted(v.id for v in nb.virtualization.virtual_machines.all())
site = os.environ["NB_SITE"]
in_site = list(nb.dcim.devices.filter(site=site))
out["site_ids"] = sorted(d.id for d in in_site)
out["site_slugs"] = sorted({d.site.slug for d in in_site})
named = devices[0]
found = nb.dcim.devices.get(name=named.name)
out["get_name"] = named.name
out["get_id"] = found.id
out["get_role"] = found.role.slug if found.role else None
out["cluster_ids"] = sorted(c.id for c in nb.virtualization.clusters.all())
print(json.dumps(out))
