// NetBox "History" page: what the platform changed in NetBox (GET /api/netbox/history) with filters by target,
// source, entity, kind, NetBox id, object, user, dates, status and change set; each change expands to its before
// and after side by side.
import { KINDS, PAGE_SIZE, stylesheet, routeQuery, go, getJson, withQuery, errorBox, show, when, statusChip, select, filterForm, pager, offsetOf }
  from './common.js';

const PAGE = 'netbox-history';
const FILTERS = ['target', 'source', 'entity', 'object_type', 'netbox_id', 'object', 'user', 'from', 'to', 'status', 'changeset'];

export async function render(element, context) {
  stylesheet();
  const h = context.h;
  const query = routeQuery(context);
  const offset = offsetOf(query);
  element.append(h('h1', { id: 'nbh-title' }, 'NetBox history'));
  const text = (name, placeholder, size) => h('input', { name, value: query[name] || '', placeholder, size });
  const fields = [['target', 'Target', text('target')], ['source', 'Source', text('source', 'vcenter-prod')], ['entity', 'Entity', text('entity', 'id', 6)],
    ['object_type', 'Kind', select(h, 'object_type', KINDS, query.object_type)], ['netbox_id', 'NetBox id', text('netbox_id', '', 6)],
    ['object', 'Object', text('object', 'name contains')], ['user', 'User', text('user', 'token name')],
    ['from', 'From', text('from', '2026-12-01T00:00:00Z', 20)], ['to', 'To', text('to', '', 20)],
    ['status', 'Status', select(h, 'status', ['applied', 'failed', 'drifted', 'dry_run'], query.status)], ['changeset', 'Change set', text('changeset', 'id', 6)]];
  element.append(filterForm(h, 'nbh-filters', fields, next => go(context, PAGE, next), () => go(context, PAGE, {})));
  const filters = Object.fromEntries(FILTERS.filter(k => query[k]).map(k => [k, query[k]]));
  let page;
  try {
    page = await getJson(context, withQuery('/api/netbox/history', { ...filters, limit: PAGE_SIZE, offset }));
  } catch (e) {
    element.append(errorBox(h, 'nbh-error', 'Could not read the history', e));
    return;
  }
  const rows = page.results || [];
  if (!rows.length) {
    element.append(h('p', { class: 'muted empty', id: 'nbh-empty' }, Object.keys(filters).length ? 'No change matches these filters.'
      : 'Nothing was applied to NetBox yet.'));
    return;
  }
  const body = h('tbody', {});
  for (const e of rows) {
    const detail = h('tr', { class: 'nb-fields', hidden: true }, h('td', { colspan: 11 }, beforeAfter(h, e)));
    const toggle = h('td', { class: 'expand', title: 'Before and after', 'data-expand': e.id, onclick: () => {
      detail.hidden = !detail.hidden;
      toggle.textContent = detail.hidden ? '▸' : '▾';
    } }, '▸');
    body.append(h('tr', { 'data-history': e.id }, toggle,
      h('td', {}, when(e.at)),
      h('td', {}, h('a', { href: '#/ext/netbox-changesets?id=' + encodeURIComponent(e.change_set_id) }, '#' + e.change_set_id)),
      h('td', { class: 'nb-act-' + e.action }, e.action),
      h('td', {}, e.object_type),
      h('td', {}, e.entity_id ? h('a', { href: '#/entities/' + encodeURIComponent(e.entity_id) }, e.object || String(e.entity_id)) : (e.object || '—')),
      h('td', {}, e.netbox_id == null ? '—' : String(e.netbox_id)),
      h('td', {}, statusChip(h, e.status)),
      h('td', {}, e.applied_by || '—'),
      h('td', {}, e.approved_by || '—'),
      h('td', { class: 'nb-message' }, e.message || '')), detail);
  }
  element.append(h('table', { class: 'nb-items', id: 'nbh-table' },
    h('thead', {}, h('tr', {}, ['', 'At', 'Change set', 'Action', 'Kind', 'Object', 'NetBox id', 'Status', 'Applied by', 'Approved by', 'Message']
      .map(t => h('th', {}, t)))), body));
  element.append(pager(h, 'nbh-count', offset, rows.length, page.count || 0, o => go(context, PAGE, { ...filters, offset: o || undefined })));
}

/** Every field of the before and after images, side by side, changed ones coloured. */
function beforeAfter(h, e) {
  const before = e.before || {};
  const after = e.after || {};
  const keys = Array.from(new Set([...Object.keys(before), ...Object.keys(after)])).sort();
  if (!keys.length) return h('p', { class: 'muted' }, 'No before or after image.');
  return h('div', {},
    h('p', { class: 'muted' }, 'sources: ' + ((e.sources || []).join(', ') || '—') + ', target ' + e.target),
    h('table', { class: 'nb-side' }, h('thead', {}, h('tr', {}, ['Field', 'Before', 'After'].map(t => h('th', {}, t)))),
      h('tbody', {}, keys.map(k => {
        const same = JSON.stringify(before[k]) === JSON.stringify(after[k]);
        return h('tr', {}, h('td', {}, k), h('td', { class: same ? 'same' : 'cur' }, show(before[k])), h('td', { class: same ? 'same' : 'pro' }, show(after[k])));
      }))));
}
