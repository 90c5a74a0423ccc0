// Sync history: runs newest first, filtered by source (server side), status and date range.
import { h, append, table, status, when, show } from '../dom.js';
import { api } from '../api.js';
import { params, filterForm, pager, PAGE_SIZE } from './paging.js';

/** How far back the status and date filters look (the API filters by source only; the rest is done here). */
const WINDOW = 1000;

export async function render(el, ctx) {
  const p = params(ctx);
  const offset = Number(p.offset || 0);
  const sourceList = await api('/api/sources').catch(() => []);
  const filtered = Boolean(p.status || p.from || p.to);
  let runs, count;
  if (filtered) {
    const page = await api('/api/sync/runs', { query: { instance: p.instance, limit: WINDOW, offset: 0 } });
    const from = p.from ? new Date(p.from + 'T00:00:00Z') : null;
    const to = p.to ? new Date(p.to + 'T00:00:00Z') : null;
    if (to) to.setUTCDate(to.getUTCDate() + 1); // the whole "to" day
    const all = page.results.filter(r => (!p.status || r.status === p.status)
      && (!from || new Date(r.started_at) >= from) && (!to || new Date(r.started_at) < to));
    count = all.length;
    runs = all.slice(offset, offset + PAGE_SIZE);
  } else {
    const page = await api('/api/sync/runs', { query: { instance: p.instance, limit: PAGE_SIZE, offset } });
    count = page.count;
    runs = page.results;
  }
  append(el, h('h1', {}, 'Sync history'),
    filterForm('sync-filters', [
      { name: 'instance', label: 'Source', options: sourceList.map(s => s.instance) },
      { name: 'status', label: 'Status', options: ['running', 'succeeded', 'failed', 'needs_confirmation', 'cancelled'] },
      { name: 'from', label: 'From (UTC day)', type: 'date' },
      { name: 'to', label: 'To (UTC day)', type: 'date' },
    ], p, f => ctx.go('syncs', f)),
    filtered ? h('p', { class: 'muted' }, 'Status and date filters apply to the newest ' + WINDOW + ' runs.') : null,
    pager(count, PAGE_SIZE, offset, o => ctx.go('syncs', { ...p, offset: o })),
    table([
      { label: 'Run', render: r => '#' + r.id },
      { label: 'Source', render: r => h('span', { class: 'run-instance' }, r.instance) },
      { label: 'Trigger', render: r => show(r.trigger) },
      { label: 'Status', render: r => h('span', { class: 'run-status' }, status(r.status)) },
      { label: 'Started', render: r => h('span', { class: 'run-started' }, when(r.started_at)) },
      { label: 'Finished', render: r => when(r.finished_at) },
      { label: 'Fetched', render: r => String(r.fetched) },
      { label: 'Added / updated / stale', render: r => r.added + ' / ' + r.updated + ' / ' + r.stale },
      { label: 'Error', render: r => show(r.error) },
    ], runs, { id: 'sync-runs', empty: 'No run matches these filters.' }));
}
