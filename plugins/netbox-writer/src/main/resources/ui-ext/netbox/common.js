// What the NetBox pages share: the route's query, navigation, JSON calls with readable errors, roles, value display.
// Contract (com.enreach.tools.api.ui.UiExtension): each page exports render(element, context); context.fetch adds the
// session's CSRF header, context.h builds elements safely (text, never markup), context.session has the role.

export const KINDS = ['extras.tag', 'extras.customfield', 'dcim.manufacturer', 'dcim.devicetype', 'dcim.site', 'dcim.devicerole',
  'dcim.platform', 'virtualization.clustertype', 'virtualization.clustergroup', 'virtualization.cluster', 'dcim.device',
  'virtualization.virtualmachine', 'dcim.interface', 'virtualization.vminterface', 'dcim.macaddress', 'ipam.ipaddress'];
export const PAGE_SIZE = 50;

/** Adds the pages' stylesheet once. */
export function stylesheet() {
  if (document.getElementById('netbox-css')) return;
  const link = document.createElement('link');
  link.id = 'netbox-css';
  link.rel = 'stylesheet';
  link.href = '/ui/ext/netbox/netbox.css';
  document.head.append(link);
}

/** The route's query: context.query when the shell passes it, else parsed from the hash. */
export function routeQuery(context) {
  const q = context.query;
  if (q && typeof q === 'object' && !(q instanceof URLSearchParams)) return { ...q };
  const hash = location.hash;
  const i = hash.indexOf('?');
  return i < 0 ? {} : Object.fromEntries(new URLSearchParams(hash.slice(i + 1)).entries());
}

export function go(context, page, query) {
  const clean = Object.fromEntries(Object.entries(query || {}).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  if (context.navigate) {
    context.navigate('ext/' + page, clean);
  } else {
    const qs = new URLSearchParams(clean).toString();
    location.hash = '#/ext/' + page + (qs ? '?' + qs : '');
  }
}

/** A JSON call; a refusal throws an Error with the server's message and status. */
export async function call(context, method, url, body) {
  const init = { method, headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const r = await context.fetch(url, init);
  let json = null;
  try { json = await r.json(); } catch (e) { json = null; }
  if (!r.ok) {
    const err = new Error(json && json.error && json.error.message ? json.error.message : 'HTTP ' + r.status);
    err.status = r.status;
    err.code = json && json.error ? json.error.code : null;
    throw err;
  }
  return json;
}

export const getJson = (context, url) => call(context, 'GET', url);

/** A URL with the query parameters that have a value. */
export function withQuery(path, query) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query || {})) if (v !== undefined && v !== null && v !== '') p.set(k, v);
  const s = p.toString();
  return s ? path + '?' + s : path;
}

/** The roles of the contract: admin includes all, everyone is a viewer, operator and approver are separate. */
export function can(context, role) {
  const mine = context.session && context.session.role;
  return mine === 'admin' || mine === role || role === 'viewer';
}

export function errorBox(h, id, what, e) {
  return h('div', { class: 'error-box', role: 'alert', id }, what + ': ' + e.message);
}

/** A value as a person reads it: a reference to an object created in the same change set as "new <ref>". */
export function show(v) {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.length ? v.map(show).join(', ') : '[]';
  if (typeof v === 'object') {
    const keys = Object.keys(v);
    if (keys.length === 1 && keys[0] === '$ref') return 'new ' + v.$ref;
    return JSON.stringify(v);
  }
  return String(v);
}

export function when(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return isNaN(d) ? String(iso) : d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

export function safeClass(s) {
  return String(s || '').toLowerCase().replace(/[^a-z_]/g, '');
}

export function statusChip(h, s) {
  return h('span', { class: 'nb-status nb-' + safeClass(s) }, s || '—');
}

/** A select of values with an "any" first option. */
export function select(h, name, values, current, any = 'any') {
  return h('select', { name }, h('option', { value: '' }, any),
    values.map(v => h('option', { value: v, selected: current === v ? true : null }, v)));
}

/** A filter form: fields is [[name, label, input]]; submit navigates with the non-empty values. */
export function filterForm(h, id, fields, onApply, onClear) {
  const form = h('form', { class: 'filters', id },
    fields.map(([, label, input]) => h('label', {}, label, input)),
    h('button', { type: 'submit' }, 'Apply'),
    h('button', { type: 'button', class: 'secondary', onclick: onClear }, 'Clear'));
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    const next = {};
    for (const [name, , input] of fields) {
      const v = input.type === 'checkbox' ? (input.checked ? 'true' : '') : (input.value || '').trim();
      if (v) next[name] = v;
    }
    onApply(next);
  });
  return form;
}

/** Previous / count / next under a list. */
export function pager(h, id, offset, shown, count, onPage) {
  const to = Math.min(offset + shown, count);
  return h('div', { class: 'pager' },
    h('button', { type: 'button', class: 'secondary', disabled: offset <= 0 ? true : null,
      onclick: () => onPage(Math.max(0, offset - PAGE_SIZE)) }, '‹ Previous'),
    h('span', { class: 'count', id }, (count ? offset + 1 : 0) + '–' + to + ' of ' + count),
    h('button', { type: 'button', class: 'secondary', disabled: to >= count ? true : null,
      onclick: () => onPage(offset + PAGE_SIZE) }, 'Next ›'));
}

export function offsetOf(query) {
  return Math.max(0, parseInt(query.offset || '0', 10) || 0);
}
