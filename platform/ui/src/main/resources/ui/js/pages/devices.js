// Observations: every object as one source instance sees it (the existing /api/devices routes).
import { h, table, status, when, show, kv, chips } from '../dom.js';
import { api } from '../api.js';
import { params, filterForm, pager, PAGE_SIZE } from './paging.js';
import * as related from './related.js';

export async function render(el, ctx) {
  return ctx.arg ? detail(el, ctx) : list(el, ctx);
}

async function list(el, ctx) {
  const p = params(ctx);
  const offset = Number(p.offset || 0);
  const [page, sourceList] = await Promise.all([
    api('/api/devices', { query: { q: p.q, type: p.type, source_instance: p.source_instance, status: p.status, limit: PAGE_SIZE, offset } }),
    api('/api/sources').catch(() => []),
  ]);
  el.append(h('h1', {}, 'Observations'),
    h('p', { class: 'muted' }, 'Each row is one object as one source instance reports it; entities combine them.'),
    filterForm('device-filters', [
      { name: 'q', label: 'Search' },
      { name: 'type', label: 'Type' },
      { name: 'source_instance', label: 'Source', options: sourceList.map(s => s.instance) },
      { name: 'status', label: 'Status', options: ['active', 'stale', 'quarantined'] },
    ], p, f => ctx.go('devices', f)),
    pager(page.count, PAGE_SIZE, offset, o => ctx.go('devices', { ...p, offset: o })),
    table([
      { label: 'Name', render: d => h('a', { href: '#/devices/' + d.id, class: 'device-link' }, show(d.name)) },
      { label: 'Type', render: d => show(d.type) },
      { label: 'Source', render: d => chips([d.source_instance]) },
      { label: 'Source id', render: d => show(d.source_id) },
      { label: 'Last seen', render: d => when(d.last_seen) },
      { label: 'Status', render: d => status(d.status) },
    ], page.results, { id: 'devices', empty: 'No observation matches these filters.' }));
}

async function detail(el, ctx) {
  const d = await api('/api/devices/' + encodeURIComponent(ctx.arg));
  const dev = d.device;
  el.append(h('h1', {}, show(dev.name)),
    h('div', { class: 'card' }, kv([['Type', dev.type], ['Source', dev.source_system + ' / ' + dev.source_instance], ['Source id', dev.source_id],
      ['Status', status(dev.status)], ['First seen', when(dev.first_seen)], ['Last seen', when(dev.last_seen)]])),
    related.section('Metadata', 'metadata', kv(Object.entries(dev.metadata || {}))),
    related.interfaces(d.interfaces), related.ipAddresses(d.ip_addresses), related.facts(d.facts),
    related.volumes(d.volumes), related.backups(d.backups), related.configs(d.configs));
}
