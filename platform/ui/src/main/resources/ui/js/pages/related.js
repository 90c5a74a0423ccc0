// What hangs off a device or an entity: interfaces, IPs, facts, volumes, backups, configuration versions.
import { h, recordTable, when, show, bytes, clear, errorBox } from '../dom.js';
import { api } from '../api.js';
import { diffTable } from './diff.js';

export function section(title, id, content) {
  return h('section', { id }, h('h2', {}, title), content);
}

export function interfaces(list) {
  return section('Interfaces', 'interfaces', recordTable(list, ['name', 'mac', 'type', 'enabled', 'mtu', 'network', 'source_instance'], { empty: 'No interfaces.' }));
}

export function ipAddresses(list) {
  return section('IP addresses', 'ip-addresses', recordTable(list, ['address', 'prefix_length', 'interface_name', 'dns_name', 'source_instance'], { empty: 'No IP addresses.' }));
}

export function facts(list) {
  const rows = (list || []).map(f => ({ ...f, memory: bytes(f.memory_bytes), disks: (f.disks || []).map(d => d.name + ' ' + bytes(d.size_bytes)) }));
  return section('Facts', 'facts', recordTable(rows, ['source_instance', 'os_name', 'os_release', 'kernel', 'cpu_model', 'cpu_count', 'memory', 'disks',
    'manufacturer', 'product', 'serial_number', 'virtual', 'updated_at'], { empty: 'No facts.' }));
}

export function volumes(list) {
  return section('Volumes', 'volumes', recordTable(list, ['name', 'kind', 'array_name', 'pool', 'svm', 'capacity_bytes', 'used_bytes', 'health', 'source_instance'],
    { empty: 'No volumes.' }));
}

export function backups(list) {
  const rows = (list || []).map(b => ({ ...b, last_job: b.last_job ? show(b.last_job.status) + ' ' + when(b.last_job.end || b.last_job.start) : null }));
  return section('Backups', 'backups', recordTable(rows, ['client_name', 'vm_name', 'status', 'last_success_at', 'last_job', 'source_instance'], { empty: 'No backups.' }));
}

/** Configuration versions, newest first, and a side-by-side diff of two chosen versions. */
export function configs(list) {
  const versions = list || [];
  const el = h('div');
  if (versions.length === 0) return section('Configuration versions', 'configs', h('p', { class: 'muted' }, 'No configuration versions.'));
  el.append(recordTable(versions, ['device_id', 'version', 'retrieved_at', 'lines', 'content_hash']));
  const byDevice = new Map();
  for (const v of versions) byDevice.set(v.device_id, [...(byDevice.get(v.device_id) || []), v]);
  for (const [deviceId, vs] of byDevice) {
    if (vs.length < 2) continue;
    const sorted = [...vs].sort((a, b) => b.version - a.version);
    const pick = (name, selected) => h('select', { name, id: 'diff-' + name + '-' + deviceId },
      sorted.map(v => h('option', { value: v.version, selected: v.version === selected ? true : null }, 'version ' + v.version + ' (' + when(v.retrieved_at) + ')')));
    const from = pick('from', sorted[1].version);
    const to = pick('to', sorted[0].version);
    const out = h('div', { class: 'diff-out' });
    const compare = async () => {
      clear(out).append(h('p', { class: 'muted' }, 'Comparing…'));
      try {
        const d = await api('/api/devices/' + deviceId + '/configs/diff', { query: { from: from.value, to: to.value } });
        clear(out).append(diffTable(d.diff, 'version ' + d.from, 'version ' + d.to));
      } catch (e) {
        clear(out).append(errorBox(e));
      }
    };
    el.append(h('form', { class: 'filters', id: 'diff-form-' + deviceId, onsubmit: ev => { ev.preventDefault(); compare(); } },
      h('label', {}, 'From', from), h('label', {}, 'To', to), h('button', { type: 'submit', id: 'diff-compare-' + deviceId }, 'Compare side by side')), out);
    compare();
  }
  return section('Configuration versions', 'configs', el);
}
