// The unified inventory: one row per resolved entity, with the sources that know it.
import { h, table, chips, status, when, show } from '../dom.js';
import { api } from '../api.js';
import { params, filterForm, pager, PAGE_SIZE } from './paging.js';

export async function render(el, ctx) {
  const p = params(ctx);
  const offset = Number(p.offset || 0);
  const sort = p.sort || 'name';
  const [page, sourceList] = await Promise.all([
    api('/api/entities', { query: { q: p.q, type: p.type, source: p.source, status: p.status, site: p.site, sort, limit: PAGE_SIZE, offset } }),
    api('/api/sources').catch(() => []),
  ]);
  const nav = extra => ctx.go('entities', { ...p, offset: undefined, ...extra });
  el.append(
    h('h1', {}, 'Entities'),
    filterForm('entity-filters', [
      { name: 'q', label: 'Search', placeholder: 'name, serial, UUID, FQDN, MAC, IP' },
      { name: 'type', label: 'Type', placeholder: 'vm, server, switch…' },
      { name: 'source', label: 'Source', options: sourceList.map(s => s.instance) },
      { name: 'status', label: 'Status', options: ['active', 'stale'] },
      { name: 'site', label: 'Site' },
    ], p, f => ctx.go('entities', { ...f, sort: p.sort })),
    pager(page.count, PAGE_SIZE, offset, o => ctx.go('entities', { ...p, offset: o })),
    table([
      { label: 'Name', sort: 'name', render: e => h('a', { href: '#/entities/' + e.id, class: 'entity-link' }, show(e.name)) },
      { label: 'Type', sort: 'type', render: e => show(e.type) },
      { label: 'Sources', sort: 'sources', render: e => chips(e.sources) },
      { label: 'Site', render: e => show(e.site) },
      { label: 'Last seen', sort: 'last_seen', render: e => when(e.last_seen) },
      { label: 'Status', render: e => status(e.status) },
      { label: 'Conflicts', render: e => e.conflict_count ? h('span', { class: 'conflict' }, String(e.conflict_count)) : '0' },
    ], page.results, { id: 'entities', sort, onSort: s => nav({ sort: s }), empty: 'No entity matches these filters.' }));
}
