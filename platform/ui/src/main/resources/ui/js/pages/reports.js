// Coverage and anomaly reports: the list, and one report run with its parameters, drill-down and CSV export.
import { h, append, table, show, when } from '../dom.js';
import { api, url } from '../api.js';
import { params, pager, PAGE_SIZE } from './paging.js';

export async function render(el, ctx) {
  return ctx.arg ? run(el, ctx) : list(el);
}

/** The report list: an envelope (count/results) or a plain list. */
async function reportInfos() {
  const r = await api('/api/reports');
  return Array.isArray(r) ? r : (r.results || []);
}

async function list(el) {
  const reports = await reportInfos();
  append(el, h('h1', {}, 'Reports'),
    table([
      { label: 'Report', render: r => h('a', { href: '#/reports/' + encodeURIComponent(r.name), class: 'report-link' }, show(r.title || r.name)) },
      { label: 'Description', render: r => show(r.description) },
      { label: 'Parameters', render: r => (r.params || []).map(p => p.name + (p.default_value ? '=' + p.default_value : '')).join(', ') || '—' },
    ], reports, { id: 'reports', empty: 'No reports are available.' }));
}

async function run(el, ctx) {
  const name = ctx.arg;
  const p = params(ctx);
  const offset = Number(p.offset || 0);
  const infos = await reportInfos();
  const info = infos.find(r => r.name === name) || { name, params: [] };
  const values = {};
  for (const prm of info.params || []) values[prm.name] = p[prm.name] || '';
  const result = await api('/api/reports/' + encodeURIComponent(name), { query: { ...values, limit: PAGE_SIZE, offset } });
  const inputs = {};
  const form = h('form', { class: 'filters', id: 'report-params' },
    (info.params || []).map(prm => {
      inputs[prm.name] = h('input', { name: prm.name, value: values[prm.name], placeholder: prm.default_value || '', title: prm.description || '' });
      return h('label', {}, prm.name, inputs[prm.name]);
    }),
    h('button', { type: 'submit', id: 'report-run' }, 'Run'));
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    const q = {};
    for (const [k, i] of Object.entries(inputs)) if (i.value) q[k] = i.value.trim();
    ctx.go('reports/' + encodeURIComponent(name), q);
  });
  const csv = url('/api/reports/' + encodeURIComponent(name), { ...values, format: 'csv' });
  const columns = [
    { label: 'Entity', render: r => r.entity_id != null ? h('a', { href: '#/entities/' + r.entity_id, class: 'drill-down' }, show(r.entity_name)) : show(r.entity_name) },
    { label: 'Type', render: r => show(r.entity_type) },
    ...(result.columns || []).map(c => ({ label: c.replace(/_/g, ' '), render: r => show((r.values || {})[c]) })),
  ];
  append(el, h('h1', {}, show(result.title || info.title || name)),
    info.description ? h('p', { class: 'muted' }, info.description) : null,
    form,
    h('p', {}, h('strong', { id: 'report-total' }, String(result.total)), ' findings · generated ' + when(result.generated_at) + ' · ',
      h('a', { href: csv.pathname + csv.search, download: name + '.csv', id: 'report-csv' }, 'Download CSV')),
    pager(result.total, PAGE_SIZE, offset, o => ctx.go('reports/' + encodeURIComponent(name), { ...p, offset: o })),
    table(columns, result.rows, { id: 'report-rows', empty: 'Nothing found: the estate passes this check.' }));
}
