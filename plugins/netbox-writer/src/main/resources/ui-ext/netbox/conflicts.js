// NetBox "Conflicts" page: fields changed in NetBox by hand that differ from the golden value
// (GET /api/netbox/conflicts), with Keep NetBox / Use golden for operators (POST /api/netbox/conflicts/{id}/resolve).
import { KINDS, PAGE_SIZE, stylesheet, routeQuery, go, call, getJson, withQuery, can, errorBox, show, when, statusChip, select, filterForm,
  pager, offsetOf } from './common.js';

const PAGE = 'netbox-conflicts';

export async function render(element, context) {
  stylesheet();
  const h = context.h;
  const query = routeQuery(context);
  const offset = offsetOf(query);
  element.append(h('h1', { id: 'nbk-title' }, 'NetBox conflicts'),
    h('p', { class: 'muted' }, 'Keep NetBox makes the hand-edited value the golden one (a manual override); Use golden lets the next change set write the golden value.'));
  const inputs = { target: h('input', { name: 'target', value: query.target || '' }),
    status: select(h, 'status', ['open', 'resolved', 'all'], query.status || 'open', 'open'),
    object_type: select(h, 'object_type', KINDS, query.object_type), entity: h('input', { name: 'entity', value: query.entity || '', size: 6 }) };
  element.append(filterForm(h, 'nbk-filters', [['target', 'Target', inputs.target], ['status', 'Status', inputs.status],
    ['object_type', 'Kind', inputs.object_type], ['entity', 'Entity', inputs.entity]], next => go(context, PAGE, next), () => go(context, PAGE, {})));
  const result = h('div', { id: 'nbk-result' });
  element.append(result);
  let page;
  try {
    page = await getJson(context, withQuery('/api/netbox/conflicts', { target: query.target, status: query.status, object_type: query.object_type,
      entity: query.entity, limit: PAGE_SIZE, offset }));
  } catch (e) {
    element.append(errorBox(h, 'nbk-error', 'Could not read the conflicts', e));
    return;
  }
  const rows = page.results || [];
  if (!rows.length) {
    element.append(h('p', { class: 'muted empty', id: 'nbk-empty' }, 'No conflict' + (query.status === 'resolved' ? ' resolved yet.' : ': nobody edited a managed field by hand.')));
    return;
  }
  const operator = can(context, 'operator');
  element.append(h('table', { id: 'nbk-table' },
    h('thead', {}, h('tr', {}, ['ID', 'Object', 'Kind', 'Field', 'NetBox', 'Golden', 'Changed by', 'Changed', 'Rule', 'Status', ''].map(t => h('th', {}, t)))),
    h('tbody', {}, rows.map(c => h('tr', { 'data-conflict': c.id },
      h('td', {}, String(c.id)),
      h('td', {}, c.entity_id ? h('a', { href: '#/entities/' + encodeURIComponent(c.entity_id) }, c.object || String(c.entity_id)) : (c.object || '—')),
      h('td', {}, c.object_type || '—'),
      h('td', {}, c.field + (c.attribute ? ' ← ' + c.attribute : '')),
      h('td', { class: 'nb-conflict' }, show(c.netbox_value)),
      h('td', {}, show(c.golden_value)),
      h('td', {}, c.changed_by || '—'), h('td', {}, when(c.changed_at)),
      h('td', {}, (c.rule || '—') + (c.suggestion ? ' → ' + c.suggestion : '')),
      h('td', {}, statusChip(h, c.status), c.resolution ? ' ' + c.resolution + (c.resolved_by ? ' by ' + c.resolved_by : '') : ''),
      h('td', {}, operator && c.status === 'open' ? resolveButtons(context, c, result, () => go(context, PAGE, { ...query, t: Date.now() })) : null))))));
  element.append(pager(h, 'nbk-count', offset, rows.length, page.count || 0, o => go(context, PAGE, { ...query, offset: o || undefined })));
}

function resolveButtons(context, c, result, reload) {
  const h = context.h;
  const resolve = async (button, resolution) => {
    button.disabled = true;
    try {
      await call(context, 'POST', '/api/netbox/conflicts/' + encodeURIComponent(c.id) + '/resolve', { resolution, comment: null });
      reload();
    } catch (e) {
      result.replaceChildren(errorBox(h, 'nbk-action-error', 'Refused', e));
      button.disabled = false;
    }
  };
  const keep = h('button', { type: 'button', class: c.suggestion === 'keep_netbox' ? '' : 'secondary', 'data-resolve': 'keep_netbox',
    onclick: () => resolve(keep, 'keep_netbox') }, 'Keep NetBox');
  const golden = h('button', { type: 'button', class: c.suggestion === 'use_golden' ? '' : 'secondary', 'data-resolve': 'use_golden',
    onclick: () => resolve(golden, 'use_golden') }, 'Use golden');
  return h('span', { class: 'actions' }, keep, golden);
}
