// Sync history: runs newest first, filtered by source, status and start day (UTC), paged by the API.
import { h, append, table, status, when, show } from '../dom.js';
import { api } from '../api.js';
import { params, filterForm, pager, PAGE_SIZE } from './paging.js';

/** The day after a yyyy-mm-dd day: "to" includes its whole day. */
function nextDay(day) {
  const d = new Date(day + 'T00:00:00Z');
  if (isNaN(d)) return day;
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export async function render(el, ctx) {
  const p = params(ctx);
  const offset = Number(p.offset || 0);
  const [sourceList, page] = await Promise.all([
    api('/api/sources').catch(() => []),
    api('/api/sync/runs', { query: { instance: p.instance, status: p.status, started_after: p.from, started_before: p.to ? nextDay(p.to) : null,
      limit: PAGE_SIZE, offset } }),
  ]);
  append(el, h('h1', {}, 'Sync history'),
    filterForm('sync-filters', [
      { name: 'instance', label: 'Source', options: sourceList.map(s => s.instance) },
      { name: 'status', label: 'Status', options: ['running', 'succeeded', 'failed', 'needs_confirmation', 'cancelled'] },
      { name: 'from', label: 'From (UTC day)', type: 'date' },
      { name: 'to', label: 'To (UTC day)', type: 'date' },
    ], p, f => ctx.go('syncs', f)),
    pager(page.count, PAGE_SIZE, offset, o => ctx.go('syncs', { ...p, offset: o })),
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
    ], page.results, { id: 'sync-runs', empty: 'No run matches these filters.' }));
}
