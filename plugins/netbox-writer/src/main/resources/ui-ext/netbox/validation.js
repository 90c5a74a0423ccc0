// NetBox "Validation" page: counts per rule (click one to filter) and the findings with filters
// (GET /api/netbox/validation). Errors keep an object out of change sets.
import { KINDS, PAGE_SIZE, stylesheet, routeQuery, go, getJson, withQuery, errorBox, safeClass, when, select, filterForm, pager, offsetOf }
  from './common.js';

const PAGE = 'netbox-validation';
const FILTERS = ['target', 'severity', 'rule', 'object_type', 'site', 'entity'];

export async function render(element, context) {
  stylesheet();
  const h = context.h;
  const query = routeQuery(context);
  const offset = offsetOf(query);
  element.append(h('h1', { id: 'nbv-title' }, 'NetBox validation'));
  const inputs = {
    target: h('input', { name: 'target', value: query.target || '', placeholder: 'the only one' }),
    severity: select(h, 'severity', ['error', 'warning', 'info'], query.severity),
    rule: h('input', { name: 'rule', value: query.rule || '', placeholder: 'ip-unique' }),
    object_type: select(h, 'object_type', KINDS, query.object_type),
    site: h('input', { name: 'site', value: query.site || '' }),
    entity: h('input', { name: 'entity', value: query.entity || '', placeholder: 'id', size: 6 }),
  };
  element.append(filterForm(h, 'nbv-filters', [['target', 'Target', inputs.target], ['severity', 'Severity', inputs.severity],
    ['rule', 'Rule', inputs.rule], ['object_type', 'Kind', inputs.object_type], ['site', 'Site', inputs.site], ['entity', 'Entity', inputs.entity]],
  next => go(context, PAGE, next), () => go(context, PAGE, {})));

  const status = h('p', { class: 'muted', id: 'nbv-running' }, 'Validating against NetBox…');
  element.append(status);
  let report;
  try {
    const q = {};
    for (const k of FILTERS) if (query[k]) q[k] = query[k];
    report = await getJson(context, withQuery('/api/netbox/validation', { ...q, limit: PAGE_SIZE, offset }));
  } catch (e) {
    status.remove();
    element.append(errorBox(h, 'nbv-error', 'Could not validate', e));
    return;
  }
  status.remove();
  element.append(h('div', { class: 'nb-summary card', id: 'nbv-summary' },
    [['objects', report.objects], ['blocked', report.blocked], ['errors', report.errors], ['warnings', report.warnings], ['infos', report.infos]]
      .map(([label, n]) => h('div', { 'data-count': label }, h('span', { class: 'num' }, String(n ?? 0)), h('span', { class: 'lbl' }, label))),
    h('div', {}, h('span', { class: 'num' }, report.target || '—'), h('span', { class: 'lbl' }, 'target, validated ' + when(report.generated_at)))));

  const byRule = report.by_rule || {};
  const rules = Array.from(new Set([...Object.keys(report.rules || {}), ...Object.keys(byRule)])).sort();
  if (rules.length) {
    element.append(h('h2', {}, 'Per rule'), h('table', { class: 'nb-rules', id: 'nbv-rules' },
      h('thead', {}, h('tr', {}, ['Rule', 'Errors', 'Warnings', 'Infos', 'What it checks'].map(t => h('th', {}, t)))),
      h('tbody', {}, rules.map(r => {
        const c = byRule[r] || {};
        return h('tr', { 'data-rule': r },
          h('td', { class: 'rule' }, h('a', { href: '#', onclick: ev => { ev.preventDefault(); go(context, PAGE, { ...pick(query), rule: r }); } }, r)),
          h('td', { class: c.error ? 'nb-error' : '' }, String(c.error || 0)),
          h('td', { class: c.warning ? 'nb-warning' : '' }, String(c.warning || 0)),
          h('td', {}, String(c.info || 0)),
          h('td', { class: 'muted' }, (report.rules || {})[r] || ''));
      }))));
  }

  element.append(h('h2', {}, 'Findings'));
  const findings = report.findings || [];
  if (!findings.length) {
    element.append(h('p', { class: 'muted empty', id: 'nbv-empty' },
      FILTERS.some(k => query[k]) ? 'No finding matches these filters.' : 'Nothing to report: every object passes every rule.'));
    return;
  }
  element.append(h('table', { id: 'nbv-findings' },
    h('thead', {}, h('tr', {}, ['Severity', 'Rule', 'Kind', 'Object', 'Entity', 'Field', 'Message'].map(t => h('th', {}, t)))),
    h('tbody', {}, findings.map(f => h('tr', { 'data-severity': f.severity },
      h('td', {}, h('span', { class: 'nb-status nb-' + safeClass(f.severity) }, f.severity)),
      h('td', {}, f.rule),
      h('td', {}, f.object_type || '—'),
      h('td', {}, f.object || '—'),
      h('td', {}, f.entity_id ? h('a', { href: '#/entities/' + encodeURIComponent(f.entity_id) }, String(f.entity_id)) : '—'),
      h('td', {}, f.field || '—'),
      h('td', {}, f.message || ''))))));
  element.append(pager(h, 'nbv-count', offset, findings.length, report.count || 0,
    o => go(context, PAGE, { ...pick(query), offset: o || undefined })));
}

function pick(query) {
  return Object.fromEntries(FILTERS.filter(k => query[k]).map(k => [k, query[k]]));
}
