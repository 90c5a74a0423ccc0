"""Drives the NetBox double with the real pynetbox client; prints one JSON line of what it saw.

Usage: python3 client_session.py <url> <token>
"""
import json
import sys

import pynetbox

url, token = sys.argv[1], sys.argv[2]
nb = pynetbox.api(url, token=token)
out = {"version": nb.version, "status": nb.status()["netbox-version"]}

site = nb.dcim.sites.create(name="DC One", slug="dc-one")
role = nb.dcim.device_roles.create(name="Server", slug="server")
mf = nb.dcim.manufacturers.create(name="Dell", slug="dell")
dtype = nb.dcim.device_types.create(manufacturer=mf.id, model="R640", slug="r640")
tag = nb.extras.tags.create(name="Managed by Enreach Tools", slug="enreach")
nb.extras.custom_fields.create(name="enreach_entity_id", type="integer", object_types=["dcim.device"])

devices = nb.dcim.devices.create([
    {"name": "web%02d" % i, "site": site.id, "role": role.id, "device_type": dtype.id,
     "tags": [tag.id], "custom_fields": {"enreach_entity_id": i}}
    for i in range(120)
])
out["bulk_created"] = len(devices)
out["all"] = len(list(nb.dcim.devices.all()))
out["count"] = nb.dcim.devices.count(site="dc-one")
web7 = nb.dcim.devices.get(name="web07")
out["web07_site"] = web7.site.slug
out["web07_status"] = web7.status.value
out["web07_cf"] = web7.custom_fields["enreach_entity_id"]
out["web07_tag"] = web7.tags[0].slug

web7.serial = "SN-7"
web7.save()
out["web07_serial"] = nb.dcim.devices.get(web7.id).serial

iface = nb.dcim.interfaces.create(device=web7.id, name="eth0", type="1000base-t")
ip = nb.ipam.ip_addresses.create(address="10.0.0.7/24", assigned_object_type="dcim.interface", assigned_object_id=iface.id)
web7.primary_ip4 = ip.id
web7.save()
out["primary"] = str(nb.dcim.devices.get(web7.id).primary_ip4)
out["ips_of_device"] = len(list(nb.ipam.ip_addresses.filter(device_id=web7.id)))

nb.dcim.devices.update([{"id": d.id, "status": "planned"} for d in devices[:10]])
out["planned"] = nb.dcim.devices.count(status="planned")

try:
    nb.dcim.devices.create(name="web00", site=site.id, role=role.id, device_type=dtype.id)
    out["duplicate"] = "accepted"
except pynetbox.RequestError as e:
    out["duplicate"] = e.error

nb.dcim.devices.delete([d.id for d in devices[100:]])
out["after_delete"] = nb.dcim.devices.count()
# pynetbox 7.0 predates the "core" app of NetBox 4; its generic App reaches /api/core/object-changes/
core = nb.core if hasattr(nb, "core") else pynetbox.core.app.App(nb, "core")
changes = list(core.object_changes.filter(changed_object_type="dcim.device", action="delete"))
out["delete_changes"] = len(changes)
print(json.dumps(out))
