// NetBox "Change sets" page: the list (GET /api/netbox/changesets) with a Preview button for operators, and one
// change set (#/ext/netbox-changesets?id=<id>): filters by kind/action/site/status, every item expandable to its
// fields side by side (current | proposed, conflicts marked), approve all / selected / reject for approvers (bound
// to the hash shown), apply, rollback. The server enforces the roles; buttons only show for the roles that may.
import { KINDS, PAGE_SIZE, stylesheet, routeQuery, go, call, getJson, withQuery, can, errorBox, show, when, statusChip, select, filterForm,
  pager, offsetOf } from './common.js';

const PAGE = 'netbox-changesets';
const STATUSES = ['pending', 'approved', 'rejected', 'applying', 'applied', 'partially_applied', 'failed', 'superseded'];
const ITEM_STATUSES = ['pending', 'applying', 'applied', 'failed', 'drifted', 'skipped', 'dry_run'];
const ITEM_FILTERS = ['object_type', 'action', 'site', 'status', 'q'];
const ROWS_AT_ONCE = 200;
/** The outcome of the apply just made, shown once above the reloaded change set. */
let lastApply = null;

export async function render(element, context) {
  stylesheet();
  const query = routeQuery(context);
  if (query.id) {
    await renderOne(element, context, query);
  } else {
    await renderList(element, context, query);
  }
}

async function renderList(element, context, query) {
  const h = context.h;
  const offset = offsetOf(query);
  element.append(h('h1', { id: 'nbc-title' }, 'NetBox change sets'));
  if (can(context, 'operator')) element.append(previewForm(context));
  const inputs = { target: h('input', { name: 'target', value: query.target || '' }), status: select(h, 'status', STATUSES, query.status),
    kind: select(h, 'kind', ['sync', 'rollback', 'adopt'], query.kind) };
  element.append(filterForm(h, 'nbc-filters', [['target', 'Target', inputs.target], ['status', 'Status', inputs.status], ['kind', 'Kind', inputs.kind]],
    next => go(context, PAGE, next), () => go(context, PAGE, {})));
  let page;
  try {
    page = await getJson(context, withQuery('/api/netbox/changesets', { target: query.target, status: query.status, kind: query.kind,
      limit: PAGE_SIZE, offset }));
  } catch (e) {
    element.append(errorBox(h, 'nbc-error', 'Could not read the change sets', e));
    return;
  }
  const rows = page.results || [];
  if (!rows.length) {
    element.append(h('p', { class: 'muted empty', id: 'nbc-empty' }, 'No change set yet' + (can(context, 'operator') ? ': preview one above.' : '.')));
    return;
  }
  element.append(h('table', { id: 'nbc-table' },
    h('thead', {}, h('tr', {}, ['ID', 'Target', 'Kind', 'Status', 'Creates', 'Updates', 'Deletes', 'Approved', 'Applied', 'Failed', 'Created by',
      'Created'].map(t => h('th', {}, t)))),
    h('tbody', {}, rows.map(c => {
      const n = c.counts || {};
      return h('tr', { 'data-changeset': c.id },
        h('td', {}, h('a', { href: '#/ext/' + PAGE + '?id=' + encodeURIComponent(c.id), class: 'nbc-open' }, '#' + c.id)),
        h('td', {}, c.target), h('td', {}, c.kind + (c.rollback_of ? ' of #' + c.rollback_of : '')),
        h('td', {}, statusChip(h, c.status), c.dry_run ? h('span', { class: 'nb-badge' }, 'dry run') : null),
        h('td', {}, String(n.creates || 0)), h('td', {}, String(n.updates || 0)), h('td', {}, String(n.deletes || 0)),
        h('td', {}, String(n.approved || 0)), h('td', {}, String(n.applied || 0)), h('td', {}, String(n.failed || 0)),
        h('td', {}, c.created_by || '—'), h('td', {}, when(c.created_at)));
    }))));
  element.append(pager(h, 'nbc-count', offset, rows.length, page.count || 0, o => go(context, PAGE, { ...query, offset: o || undefined })));
}

/** Operators build a change set here; it opens when stored. */
function previewForm(context) {
  const h = context.h;
  const target = h('input', { name: 'target', placeholder: 'target (default: the only one)' });
  const kinds = select(h, 'kinds', KINDS, null, 'all kinds');
  const noDeletes = h('input', { type: 'checkbox', name: 'no_deletes', id: 'nbc-no-deletes' });
  const out = h('span', { class: 'muted', id: 'nbc-preview-status' });
  const button = h('button', { type: 'button', id: 'nbc-preview', onclick: async () => {
    button.disabled = true;
    out.textContent = 'Reading NetBox and the golden records…';
    try {
      const cs = await call(context, 'POST', '/api/netbox/changesets', {
        target: target.value.trim() || null, kinds: kinds.value ? [kinds.value] : [], deletes: !noDeletes.checked });
      go(context, PAGE, { id: cs.id });
    } catch (e) {
      out.textContent = '';
      out.append(errorBox(h, 'nbc-preview-error', 'Preview refused', e));
      button.disabled = false;
    }
  } }, 'Preview');
  return h('div', { class: 'nb-actions card', id: 'nbc-preview-form' }, button, target, kinds,
    h('label', {}, noDeletes, ' no deletes'), out);
}

async function renderOne(element, context, query) {
  const h = context.h;
  const id = query.id;
  element.append(h('p', {}, h('a', { href: '#/ext/' + PAGE, id: 'nbc-back' }, '‹ Change sets')));
  const filters = Object.fromEntries(ITEM_FILTERS.filter(k => query[k]).map(k => [k, query[k]]));
  let cs;
  try {
    cs = await getJson(context, withQuery('/api/netbox/changesets/' + encodeURIComponent(id), filters));
  } catch (e) {
    element.append(errorBox(h, 'nbc-error', e.status === 404 ? 'No change set ' + id : 'Could not read change set ' + id, e));
    return;
  }
  const n = cs.counts || {};
  element.append(h('h1', { id: 'nbc-one-title' }, 'Change set #' + cs.id + ' ', statusChip(h, cs.status),
    cs.dry_run ? h('span', { class: 'nb-badge', id: 'nbc-dry-run' }, 'dry run: the target is not write-enabled') : null));
  element.append(h('dl', { class: 'kv card', id: 'nbc-facts' }, [
    ['Target', cs.target + (cs.netbox_version ? ' (NetBox ' + cs.netbox_version + ')' : '')],
    ['Kind', cs.kind + (cs.rollback_of ? ' of #' + cs.rollback_of : '')],
    ['Items', (n.total || 0) + ': ' + (n.creates || 0) + ' create, ' + (n.updates || 0) + ' update, ' + (n.deletes || 0) + ' delete'],
    ['Outcome', (n.approved || 0) + ' approved, ' + (n.applied || 0) + ' applied, ' + (n.failed || 0) + ' failed, ' + (n.drifted || 0)
      + ' drifted, ' + (n.skipped || 0) + ' skipped'],
    ['Held out', String(n.held || 0) + (n.conflicts ? ', ' + n.conflicts + ' conflicts' : '')],
    ['Created', when(cs.created_at) + ' by ' + (cs.created_by || '—')],
    ['Applied', cs.applied_at ? when(cs.applied_at) + ' by ' + cs.applied_by : '—'],
    ['Hash', h('code', { id: 'nbc-hash' }, cs.hash || '—')],
  ].flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])));
  for (const a of cs.approvals || []) {
    element.append(h('p', { class: 'muted nbc-approval' }, a.decision + ' by ' + a.actor + ' at ' + when(a.at) + ' (' + a.scope
      + (a.include_deletes ? ', deletes included' : '') + (a.item_ids && a.item_ids.length ? ', items ' + a.item_ids.join(', ') : '') + ')'
      + (a.comment ? ': ' + a.comment : '')));
  }
  const result = h('div', { id: 'nbc-result' });
  if (lastApply && String(lastApply.change_set_id) === String(cs.id)) {
    const r = lastApply;
    result.append(h('div', { class: 'card', id: 'nbc-apply-result' }, 'Apply: ', statusChip(h, r.status),
      ' — ' + r.applied + ' applied, ' + r.failed + ' failed, ' + r.drifted + ' drifted, ' + r.skipped + ' skipped, ' + r.resumed + ' resumed'
      + (r.dry_run ? ' (dry run: nothing was sent)' : '') + ((r.problems || []).length ? '; the items that did not apply say why below' : '')));
  }
  lastApply = null;
  element.append(actions(context, cs, result), result);

  const inputs = { object_type: select(h, 'object_type', KINDS, query.object_type), action: select(h, 'action', ['create', 'update', 'delete'], query.action),
    site: h('input', { name: 'site', value: query.site || '' }), status: select(h, 'status', ITEM_STATUSES, query.status),
    q: h('input', { name: 'q', type: 'search', value: query.q || '', placeholder: 'object name' }) };
  element.append(h('h2', {}, 'Items'), filterForm(h, 'nbc-item-filters', [['object_type', 'Kind', inputs.object_type], ['action', 'Action', inputs.action],
    ['site', 'Site', inputs.site], ['status', 'Status', inputs.status], ['q', 'Object', inputs.q]],
  next => go(context, PAGE, { id, ...next }), () => go(context, PAGE, { id })));
  element.append(itemsTable(context, cs));
  if ((cs.held || []).length) {
    element.append(h('h2', {}, 'Held out (' + cs.held.length + ')'), h('p', { class: 'muted' }, 'Blocking findings or open conflicts keep these out; fix them and preview again.'),
      h('table', { id: 'nbc-held' }, h('thead', {}, h('tr', {}, ['Severity', 'Rule', 'Kind', 'Object', 'Field', 'Message'].map(t => h('th', {}, t)))),
        h('tbody', {}, cs.held.map(f => h('tr', {}, h('td', {}, statusChip(h, f.severity)), h('td', {}, f.rule), h('td', {}, f.object_type || '—'),
          h('td', {}, f.object || '—'), h('td', {}, f.field || '—'), h('td', {}, f.message || ''))))));
  }
}

/** Approve / reject (approver, pending), apply (approver, approved), rollback (operator, applied). */
function actions(context, cs, result) {
  const h = context.h;
  const bar = h('div', { class: 'nb-actions', id: 'nbc-actions' });
  const run = async (button, method, url, body, done) => {
    button.disabled = true;
    result.replaceChildren(h('p', { class: 'muted' }, 'Working…'));
    try {
      const answer = await call(context, method, url, body);
      done(answer);
    } catch (e) {
      result.replaceChildren(errorBox(h, 'nbc-action-error', 'Refused', e));
      button.disabled = false;
    }
  };
  const base = '/api/netbox/changesets/' + encodeURIComponent(cs.id);
  const reload = () => go(context, PAGE, { id: cs.id, t: Date.now() });
  if (can(context, 'approver') && cs.status === 'pending') {
    const comment = h('input', { type: 'text', id: 'nbc-comment', placeholder: 'comment (kept with the decision)' });
    const deletes = h('input', { type: 'checkbox', id: 'nbc-include-deletes' });
    const approveAll = h('button', { type: 'button', id: 'nbc-approve-all', onclick: () => run(approveAll, 'POST', base + '/approve',
      { hash: cs.hash, item_ids: [], include_deletes: deletes.checked, comment: comment.value.trim() || null }, reload) },
    'Approve all' + (cs.counts && cs.counts.total ? ' ' + cs.counts.total : ''));
    const approveSel = h('button', { type: 'button', id: 'nbc-approve-selected', onclick: () => {
      const ids = Array.from(document.querySelectorAll('input.nbc-select:checked')).map(i => Number(i.value));
      if (!ids.length) {
        result.replaceChildren(h('div', { class: 'error-box', role: 'alert' }, 'Select the items to approve first.'));
        return;
      }
      run(approveSel, 'POST', base + '/approve', { hash: cs.hash, item_ids: ids, include_deletes: false, comment: comment.value.trim() || null }, reload);
    } }, 'Approve selected');
    const reject = h('button', { type: 'button', class: 'secondary', id: 'nbc-reject', onclick: () => run(reject, 'POST', base + '/reject',
      { hash: cs.hash, comment: comment.value.trim() || null }, reload) }, 'Reject');
    bar.append(approveAll, h('label', {}, deletes, ' include deletes'), approveSel, reject, comment);
  }
  if (can(context, 'approver') && ['approved', 'applying', 'partially_applied'].includes(cs.status)) {
    const apply = h('button', { type: 'button', id: 'nbc-apply', onclick: () => run(apply, 'POST', base + '/apply', undefined, r => {
      lastApply = r; // shown above the reloaded change set, whose items now carry their outcome
      reload();
    }) }, cs.status === 'approved' ? 'Apply' : 'Apply again (resume)');
    bar.append(apply);
  }
  if (can(context, 'operator') && ['applied', 'partially_applied'].includes(cs.status) && cs.kind !== 'adopt') {
    const rollback = h('button', { type: 'button', class: 'secondary', id: 'nbc-rollback', onclick: () => run(rollback, 'POST', base + '/rollback',
      undefined, created => go(context, PAGE, { id: created.id })) }, 'Roll back (new change set)');
    bar.append(rollback);
  }
  return bar;
}

function itemsTable(context, cs) {
  const h = context.h;
  const items = cs.items || [];
  if (!items.length) return h('p', { class: 'muted empty', id: 'nbc-items-empty' }, 'No item matches these filters.');
  const selectable = can(context, 'approver') && cs.status === 'pending';
  const body = h('tbody', {});
  const expanders = [];
  // A first full sync has thousands of items: rows are added a batch at a time (filters narrow the list).
  let shown = 0;
  const more = h('button', { type: 'button', class: 'secondary', id: 'nbc-more', onclick: () => addRows() });
  const addRows = () => {
    for (const i of items.slice(shown, shown + ROWS_AT_ONCE)) addItem(i);
    shown = Math.min(items.length, shown + ROWS_AT_ONCE);
    more.hidden = shown >= items.length;
    more.textContent = 'Show ' + Math.min(ROWS_AT_ONCE, items.length - shown) + ' more (' + shown + ' of ' + items.length + ' shown)';
  };
  const addItem = i => {
    const changed = (i.fields || []).filter(f => JSON.stringify(f.current) !== JSON.stringify(f.proposed)).length;
    const conflicts = (i.fields || []).filter(f => f.conflict).length;
    const detail = h('tr', { class: 'nb-fields', 'data-fields-of': i.id, hidden: true }, h('td', { colspan: 10 }, sideBySide(h, i)));
    const toggle = h('td', { class: 'expand', title: 'Show the fields', 'data-expand': i.id }, '▸');
    const flip = open => {
      detail.hidden = open === undefined ? !detail.hidden : !open;
      toggle.textContent = detail.hidden ? '▸' : '▾';
    };
    toggle.addEventListener('click', () => flip());
    expanders.push(flip);
    body.append(h('tr', { 'data-item': i.id, 'data-action': i.action, 'data-kind': i.object_type },
      toggle,
      h('td', {}, selectable ? h('input', { type: 'checkbox', class: 'nbc-select', value: i.id, title: 'Select for approval' }) : null, ' ' + i.id),
      h('td', { class: 'nb-act-' + i.action }, i.action),
      h('td', {}, i.object_type),
      h('td', {}, h('a', { href: '#', onclick: ev => { ev.preventDefault(); flip(); } }, i.name || i.ref)),
      h('td', {}, i.site || '—'),
      h('td', {}, statusChip(h, i.approval)),
      h('td', {}, statusChip(h, i.status)),
      h('td', {}, String(changed) + (conflicts ? ' ' : ''), conflicts ? h('span', { class: 'nb-conflict' }, conflicts + ' conflict') : null),
      h('td', { class: 'nb-message' }, i.message || '')));
    body.append(detail);
  };
  addRows();
  return h('div', {},
    h('div', { class: 'nb-actions' }, h('button', { type: 'button', class: 'secondary', id: 'nbc-expand-all', onclick: () => expanders.forEach(f => f(true)) }, 'Expand all'),
      h('button', { type: 'button', class: 'secondary', id: 'nbc-collapse-all', onclick: () => expanders.forEach(f => f(false)) }, 'Collapse all'),
      h('span', { class: 'muted', id: 'nbc-items-count' }, items.length + ' items match')),
    h('table', { class: 'nb-items', id: 'nbc-items' },
      h('thead', {}, h('tr', {}, ['', '#', 'Action', 'Kind', 'Object', 'Site', 'Approval', 'Status', 'Changes', 'Message'].map(t => h('th', {}, t)))),
      body), more);
}

/** One item's fields: field | current | proposed, changed cells coloured, conflicts marked; then its findings. */
function sideBySide(h, item) {
  const rows = (item.fields || []).map(f => {
    const same = JSON.stringify(f.current) === JSON.stringify(f.proposed);
    return h('tr', { class: f.conflict ? 'conflict' : null, 'data-field': f.field },
      h('td', {}, f.field, f.attribute ? h('span', { class: 'muted' }, ' ← ' + f.attribute) : null),
      h('td', { class: same ? 'same' : item.action === 'create' ? '' : 'cur' }, show(f.current)),
      h('td', { class: same ? 'same' : item.action === 'delete' ? '' : 'pro' }, show(f.proposed)),
      h('td', {}, f.conflict ? h('span', { class: 'nb-conflict' }, 'conflict: changed in NetBox by hand; not written until resolved') : ''));
  });
  return h('div', {},
    rows.length ? h('table', { class: 'nb-side' }, h('thead', {}, h('tr', {}, ['Field', 'Current (NetBox)', 'Proposed', ''].map(t => h('th', {}, t)))),
      h('tbody', {}, rows)) : h('p', { class: 'muted' }, 'No field changes.'),
    h('p', { class: 'muted' }, 'ref ' + item.ref + (item.netbox_id ? ', NetBox id ' + item.netbox_id : '') + (item.entity_id ? ', entity ' + item.entity_id : '')
      + ((item.depends_on || []).length ? ', after ' + item.depends_on.join(', ') : '')),
    (item.findings || []).length ? h('ul', { class: 'nb-findings' }, item.findings.map(f => h('li', {}, f.severity + ' ' + f.rule + ': ' + f.message))) : null);
}
