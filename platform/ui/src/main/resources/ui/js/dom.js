// Building the page: every piece of data becomes a text node or an attribute value, never markup.

/** An element with attributes (on* functions become listeners) and children (strings become text nodes). */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'value' && (tag === 'input' || tag === 'select' || tag === 'textarea')) el.value = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

export function append(el, ...children) {
  for (const c of [children].flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

/** Only http(s) links to other systems: a javascript: or data: URL from a source never becomes a link. */
export function safeUrl(u) {
  return typeof u === 'string' && /^https?:\/\//i.test(u) ? u : null;
}

/** A value as a person reads it: objects as compact JSON, lists joined, nulls as a dash. */
export function show(v) {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.length ? v.map(show).join(', ') : '—';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function when(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return isNaN(d) ? String(iso) : d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

export function bytes(n) {
  if (n === null || n === undefined) return '—';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = Number(n), i = 0;
  while (Math.abs(v) >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return (i ? v.toFixed(1) : String(v)) + ' ' + units[i];
}

export function status(s) {
  return h('span', { class: 'status-' + String(s || '').replace(/[^a-z_]/g, '') }, show(s));
}

export function chips(list) {
  return (list || []).map(s => h('span', { class: 'chip' }, s));
}

/**
 * A table. columns: [{label, render(row) -> Node|string, key?, sort?}]; with sort set and onSort given, the header
 * is clickable and shows the current order.
 */
export function table(columns, rows, { sort, onSort, empty = 'Nothing to show.', id } = {}) {
  if (!rows || rows.length === 0) return h('p', { class: 'muted empty' }, empty);
  const head = h('tr', {}, columns.map(c => {
    const th = h('th', {}, c.label);
    if (c.sort && onSort) {
      th.classList.add('sortable');
      if (sort === c.sort) th.classList.add('sorted-asc');
      if (sort === '-' + c.sort) th.classList.add('sorted-desc');
      th.addEventListener('click', () => onSort(sort === c.sort ? '-' + c.sort : c.sort));
    }
    return th;
  }));
  const body = rows.map(r => h('tr', {}, columns.map(c => h('td', {}, c.render ? c.render(r) : show(r[c.key])))));
  return h('table', { id }, h('thead', {}, head), h('tbody', {}, body));
}

/** A table of plain records: the given keys (or every scalar key of the first row) as columns. */
export function recordTable(rows, keys, opts = {}) {
  const k = keys || Object.keys((rows && rows[0]) || {});
  return table(k.map(key => ({ label: key.replace(/_/g, ' '), render: r => formatField(key, r[key]) })), rows, opts);
}

function formatField(key, v) {
  if (/_bytes$/.test(key) && typeof v === 'number') return bytes(v);
  if (/(_at|_seen|^start|^end)$/.test(key) && typeof v === 'string') return when(v);
  if (key === 'status') return status(v);
  return show(v);
}

export function kv(pairs) {
  return h('dl', { class: 'kv' }, pairs.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v instanceof Node ? v : show(v))]));
}

export function errorBox(e) {
  return h('div', { class: 'error-box', role: 'alert' }, e && e.message ? e.message : String(e));
}
