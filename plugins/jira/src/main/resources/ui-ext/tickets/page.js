// The Jira plugin's "Tickets" page (section Knowledge): cached tickets with filters and paging, and one ticket with
// its comments, the machines it mentions and its vectorisation state. Reads GET /api/kb/tickets and
// GET /api/kb/tickets/{id}. Everything from Jira is shown as text (context.h makes text nodes, never markup).
const LIMIT = 50;
const FILTERS = [
  { name: 'q', label: 'Text', placeholder: 'words in key, summary, description, comments' },
  { name: 'project', label: 'Project', placeholder: 'OPS' },
  { name: 'status', label: 'Status', placeholder: 'In Progress' },
  { name: 'status_category', label: 'Category', options: ['new', 'indeterminate', 'done'] },
  { name: 'resolved', label: 'Resolved', options: ['true', 'false'] },
  { name: 'assignee', label: 'Assignee' },
];

export async function render(element, context) {
  // context.query: the route's query parameters as a plain object (older shells passed none: parse the hash)
  const values = context.query ? { ...context.query } : Object.fromEntries(new URLSearchParams((location.hash.split('?')[1]) || '').entries());
  if (values.id) {
    await renderTicket(element, context, values.id);
  } else {
    await renderList(element, context, values);
  }
}

function go(context, query) {
  if (context.navigate) {
    context.navigate('ext/tickets', query);
    return;
  }
  const qs = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== '')).toString();
  location.hash = '#/ext/tickets' + (qs ? '?' + qs : '');
}

function show(v) {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.length ? v.join(', ') : '—';
  return String(v);
}

function when(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return isNaN(d) ? String(iso) : d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

function safeUrl(u) {
  return typeof u === 'string' && /^https?:\/\//i.test(u) ? u : null;
}

async function readJson(context, element, path, what) {
  const h = context.h;
  let r;
  try {
    r = await context.fetch(path, { headers: { Accept: 'application/json' } });
  } catch (e) {
    element.append(h('p', { class: 'error-box', id: 'tickets-error' }, 'Could not read ' + what + ': ' + e.message));
    return null;
  }
  if (!r.ok) {
    let message = 'HTTP ' + r.status;
    try { const b = await r.json(); if (b && (b.message || b.error)) message += ': ' + (b.message || b.error); } catch (e) { /* not JSON */ }
    element.append(h('p', { class: 'error-box', id: 'tickets-error' },
      r.status === 404 ? what + ' not found (' + message + ')' : 'Could not read ' + what + ': ' + message));
    return null;
  }
  return r.json();
}

async function renderList(element, context, values) {
  const h = context.h;
  const offset = Math.max(0, parseInt(values.offset || '0', 10) || 0);
  element.append(h('h1', { id: 'tickets-title' }, 'Tickets'));
  element.append(filterForm(h, values, f => go(context, f)));
  const params = new URLSearchParams();
  for (const f of FILTERS) if (values[f.name]) params.set(f.name, values[f.name]);
  params.set('limit', String(LIMIT));
  params.set('offset', String(offset));
  const page = await readJson(context, element, '/api/kb/tickets?' + params, 'the tickets');
  if (!page) return;
  const rows = page.results || [];
  if (rows.length === 0) {
    element.append(h('p', { class: 'muted empty', id: 'tickets-none' }, 'No ticket matches. Tickets are cached by a Jira source ("enreach issues refresh").'));
    return;
  }
  element.append(h('table', { id: 'tickets-table' },
    h('thead', {}, h('tr', {}, ['Key', 'Summary', 'Project', 'Type', 'Status', 'Resolution', 'Assignee', 'Updated', 'Source'].map(t => h('th', {}, t)))),
    h('tbody', {}, rows.map(t => h('tr', { 'data-ticket': t.key },
      h('td', {}, h('a', { href: '#/ext/tickets?id=' + encodeURIComponent(t.id), class: 'ticket-link' }, show(t.key))),
      h('td', {}, show(t.summary)),
      h('td', {}, show(t.project)),
      h('td', {}, show(t.type)),
      h('td', {}, h('span', { class: 'status-' + String(t.status_category || '').replace(/[^a-z_]/g, '') }, show(t.status))),
      h('td', {}, show(t.resolution)),
      h('td', {}, show(t.assignee)),
      h('td', {}, when(t.updated)),
      h('td', { class: 'muted' }, show(t.source_instance)))))));
  element.append(pager(h, page.count || 0, offset, o => go(context, { ...values, offset: o || undefined })));
}

function filterForm(h, values, onApply) {
  const inputs = {};
  const form = h('form', { class: 'filters', id: 'tickets-filters' },
    FILTERS.map(f => {
      const input = f.options
        ? h('select', { name: f.name }, h('option', { value: '' }, 'any'),
          f.options.map(o => h('option', { value: o, selected: values[f.name] === o ? true : null }, o)))
        : h('input', { name: f.name, type: 'text', value: values[f.name] || '', placeholder: f.placeholder || '' });
      inputs[f.name] = input;
      return h('label', {}, f.label, input);
    }),
    h('button', { type: 'submit' }, 'Apply'),
    h('button', { type: 'button', class: 'secondary', onclick: () => onApply({}) }, 'Clear'));
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    const out = {};
    for (const [k, el] of Object.entries(inputs)) if (el.value) out[k] = el.value.trim();
    onApply(out);
  });
  return form;
}

function pager(h, count, offset, onOffset) {
  const from = count === 0 ? 0 : offset + 1;
  const to = Math.min(offset + LIMIT, count);
  return h('div', { class: 'pager', id: 'tickets-pager' },
    h('button', { type: 'button', class: 'secondary', disabled: offset <= 0 ? true : null, onclick: () => onOffset(Math.max(0, offset - LIMIT)) }, '‹ Previous'),
    h('span', { class: 'count' }, from + '–' + to + ' of ' + count),
    h('button', { type: 'button', class: 'secondary', disabled: to >= count ? true : null, onclick: () => onOffset(offset + LIMIT) }, 'Next ›'));
}

async function renderTicket(element, context, id) {
  const h = context.h;
  element.append(h('p', {}, h('a', { href: '#/ext/tickets', id: 'tickets-back' }, '‹ All tickets')));
  const d = await readJson(context, element, '/api/kb/tickets/' + encodeURIComponent(id), 'ticket ' + id);
  if (!d) return;
  const t = d.ticket || {};
  const link = safeUrl(t.url);
  element.append(h('h1', { id: 'ticket-title' }, show(t.key) + ': ' + show(t.summary)));
  if (t.record_status === 'stale') {
    element.append(h('p', { class: 'notice', id: 'ticket-stale' }, 'This ticket is no longer returned by its Jira source (deleted or out of its JQL); the cached copy is kept.'));
  }
  const facts = [
    ['Status', show(t.status) + (t.status_category ? ' (' + t.status_category + ')' : '')],
    ['Resolution', t.resolution ? t.resolution + ' on ' + when(t.resolution_date) : 'unresolved'],
    ['Project', show(t.project)], ['Type', show(t.type)], ['Priority', show(t.priority)],
    ['Assignee', show(t.assignee)], ['Reporter', show(t.reporter)],
    ['Created', when(t.created)], ['Updated', when(t.updated)],
    ['Labels', show(t.labels)], ['Components', show(t.components)],
    ['Source', show(t.source_instance)],
  ];
  element.append(h('section', { class: 'card', id: 'ticket-facts' },
    h('dl', { class: 'kv' }, facts.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    link ? h('p', {}, h('a', { href: link, target: '_blank', rel: 'noopener noreferrer', id: 'ticket-jira-link' }, 'Open in Jira')) : null));

  const entities = d.entities || [];
  element.append(h('section', { class: 'card', id: 'ticket-entities' }, h('h2', {}, 'Machines mentioned'),
    entities.length === 0 ? h('p', { class: 'muted' }, 'No inventory entity is mentioned.')
      : h('ul', {}, entities.map(e => h('li', {},
        h('a', { href: '#/entities/' + encodeURIComponent(e.entity_id), class: 'entity-link' }, show(e.entity_name)),
        ' ' + show(e.entity_type) + ' — mentioned as "' + show(e.mention) + '" (' + show(e.matched_by) + ')')))));

  element.append(h('section', { class: 'card', id: 'ticket-description' }, h('h2', {}, 'Description'),
    d.description ? h('pre', { class: 'text' }, d.description) : h('p', { class: 'muted' }, 'No description.')));

  const comments = d.comments || [];
  element.append(h('section', { class: 'card', id: 'ticket-comments' }, h('h2', {}, 'Comments (' + comments.length + ')'),
    comments.length === 0 ? h('p', { class: 'muted' }, 'No comments.')
      : comments.map(c => h('div', { class: 'comment', 'data-comment': c.id },
        h('p', { class: 'muted' }, show(c.author) + ', ' + when(c.created) + (c.updated && c.updated !== c.created ? ' (edited ' + when(c.updated) + ')' : '')),
        h('pre', { class: 'text' }, c.body || '')))));

  const v = d.vectors || {};
  element.append(h('section', { class: 'card', id: 'ticket-vectors' }, h('h2', {}, 'Vectorisation'),
    h('p', {}, 'State: ' + show(v.status || t.vector_status)
      + (v.chunks ? ', ' + v.chunks + ' chunks' : '')
      + (v.model ? ', model ' + v.model : '')
      + (v.vectorized_at ? ', ' + when(v.vectorized_at) : '')
      + (v.reason ? ' — ' + v.reason : ''))));
}
