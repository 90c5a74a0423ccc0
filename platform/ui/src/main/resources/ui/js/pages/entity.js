// One entity: golden values with where each came from and why, every observation, and what hangs off them.
import { h, table, status, when, show, kv, chips, safeUrl, recordTable } from '../dom.js';
import { api } from '../api.js';
import * as related from './related.js';
import * as knowledge from './knowledge.js';

function source(p) {
  if (!p) return '—';
  return h('span', { class: 'provenance' }, h('span', { class: 'chip' }, show(p.source_instance)), ' ', show(p.source_system),
    p.seen_at ? h('span', { class: 'muted' }, ' seen ' + when(p.seen_at)) : null);
}

function value(attribute, v) {
  if (v !== null && typeof v === 'number' && /_bytes$/.test(attribute)) return show(v) + ' (' + (v / 1073741824).toFixed(1) + ' GiB)';
  return show(v);
}

export async function render(el, ctx) {
  const d = await api('/api/entities/' + encodeURIComponent(ctx.arg));
  const e = d.entity;
  el.append(h('h1', {}, show(e.name)),
    h('div', { class: 'card' }, kv([['Type', e.type], ['Status', status(e.status)], ['Site', e.site], ['Sources', h('span', {}, chips(e.sources))],
      ['Observations', e.observation_count], ['Conflicts', e.conflict_count], ['Last seen', when(e.last_seen)]])),
    related.section('Golden attributes', 'golden', table([
      { label: 'Attribute', render: g => g.attribute },
      { label: 'Value', render: g => h('span', { class: 'golden-value' }, value(g.attribute, g.value)) },
      { label: 'Source', render: g => source(g.source) },
      { label: 'Rule', render: g => h('span', { class: 'rule' }, show(g.rule)) },
      { label: 'Other sources say', render: g => (g.alternatives || []).length
          ? h('div', { class: 'alt' }, g.alternatives.map(a => h('div', {}, value(g.attribute, a.value), ' — ', source(a.source))))
          : '—' },
      { label: '', render: g => g.conflict
          ? h('a', { class: 'conflict', href: '#/conflicts?entity=' + e.id + '&attribute=' + encodeURIComponent(g.attribute) }, 'conflict: resolve')
          : '' },
    ], d.attributes, { id: 'golden-attributes', empty: 'No golden values yet.' })),
    related.section('Observations', 'observations', table([
      { label: 'Object', render: o => h('a', { href: '#/devices/' + o.device.id }, show(o.device.name)) },
      { label: 'Source', render: o => h('span', {}, h('span', { class: 'chip' }, show(o.device.source_instance)), ' ', show(o.device.source_system)) },
      { label: 'Source id', render: o => show(o.device.source_id) },
      { label: 'Linked by', render: o => show(o.rule) + ' (' + Math.round((o.confidence || 0) * 100) + '%)' },
      { label: 'Evidence', render: o => show(o.evidence) },
      { label: 'Last seen', render: o => when(o.device.last_seen) },
      { label: 'Status', render: o => status(o.device.status) },
      { label: 'In source', render: o => safeUrl(o.source_url)
          ? h('a', { href: safeUrl(o.source_url), target: '_blank', rel: 'noopener noreferrer', class: 'source-link' }, 'open ↗') : '—' },
    ], d.observations, { id: 'observations' })),
    knowledge.panel(e.id),
    related.section('Relationships', 'relationships', table([
      { label: 'Relation', render: r => show(r.type) + ' (' + show(r.direction) + ')' },
      { label: 'Entity', render: r => h('a', { href: '#/entities/' + r.entity_id }, show(r.entity_name)) },
      { label: 'Type', render: r => show(r.entity_type) },
      { label: 'Source', render: r => show(r.source_instance) },
    ], d.relationships, { empty: 'No relationships.' })),
    related.interfaces(d.interfaces), related.ipAddresses(d.ip_addresses), related.facts(d.facts),
    related.volumes(d.volumes), related.backups(d.backups), related.configs(d.configs),
    related.section('Manual decisions', 'decisions', recordTable(d.decisions, ['action', 'attribute', 'value', 'reason', 'actor', 'created_at', 'expires_at'],
      { empty: 'No manual decisions.' })),
    related.section('Identity conflicts', 'identity-conflicts', recordTable(d.identity_conflicts, ['kind', 'key', 'detail', 'entity_ids', 'status', 'created_at'],
      { empty: 'No identity conflicts.' })));
}
