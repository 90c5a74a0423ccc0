// The Confluence plugin's "Articles" page: the cached pages with filters and paging (GET /api/kb/articles), and the
// view of one (#/ext/articles?id=<id>, GET /api/kb/articles/{id}) with its sanitised body, breadcrumb, labels,
// the inventory entities it mentions and its vectorisation state.
// Contract (com.enreach.tools.api.ui.UiExtension): export render(element, context); context.fetch adds the
// session's CSRF header, context.h builds elements safely (text, never markup), context.navigate(path, query).
const PAGE_SIZE = 50;
const FILTERS = ['q', 'space', 'label', 'status'];

export async function render(element, context) {
  stylesheet();
  const query = routeQuery(context);
  if (query.id) {
    await renderArticle(element, context, query.id);
  } else {
    await renderList(element, context, query);
  }
}

/** The route's query: context.query when the shell passes it, else parsed from the hash (#/ext/articles?id=7). */
function routeQuery(context) {
  const q = context.query;
  if (q instanceof URLSearchParams) return Object.fromEntries(q.entries());
  if (q && typeof q === 'object') return { ...q };
  const hash = location.hash;
  const i = hash.indexOf('?');
  return i < 0 ? {} : Object.fromEntries(new URLSearchParams(hash.slice(i + 1)).entries());
}

function go(context, query) {
  const clean = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  if (context.navigate) {
    context.navigate('ext/articles', clean);
  } else {
    const qs = new URLSearchParams(clean).toString();
    location.hash = '#/ext/articles' + (qs ? '?' + qs : '');
  }
}

async function getJson(context, url) {
  const r = await context.fetch(url, { headers: { Accept: 'application/json' } });
  let body = null;
  try { body = await r.json(); } catch (e) { body = null; }
  if (!r.ok) {
    const msg = body && body.error && body.error.message ? body.error.message : 'HTTP ' + r.status;
    const err = new Error(msg);
    err.status = r.status;
    throw err;
  }
  return body;
}

async function renderList(element, context, query) {
  const h = context.h;
  const offset = Math.max(0, parseInt(query.offset || '0', 10) || 0);
  element.append(h('h1', { id: 'articles-title' }, 'Articles'));
  const inputs = {};
  const field = (name, label, input) => { inputs[name] = input; return h('label', {}, label, input); };
  const form = h('form', { class: 'filters', id: 'articles-filters' },
    field('q', 'Words', h('input', { name: 'q', type: 'search', value: query.q || '', placeholder: 'title or text' })),
    field('space', 'Space', h('input', { name: 'space', value: query.space || '', placeholder: 'OPS' })),
    field('label', 'Label', h('input', { name: 'label', value: query.label || '', placeholder: 'runbook' })),
    field('status', 'Status', h('select', { name: 'status' },
      ['active', 'stale', 'all'].map(s => h('option', { value: s, selected: (query.status || 'active') === s ? true : null }, s)))),
    h('button', { type: 'submit' }, 'Apply'),
    h('button', { type: 'button', class: 'secondary', onclick: () => go(context, {}) }, 'Clear'));
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    const next = {};
    for (const [k, el] of Object.entries(inputs)) if (el.value && el.value.trim()) next[k] = el.value.trim();
    if (next.status === 'active') delete next.status;
    go(context, next);
  });
  element.append(form);

  const params = new URLSearchParams();
  for (const k of FILTERS) if (query[k]) params.set(k, query[k]);
  params.set('limit', String(PAGE_SIZE));
  params.set('offset', String(offset));
  let page;
  try {
    page = await getJson(context, '/api/kb/articles?' + params);
  } catch (e) {
    element.append(h('div', { class: 'error-box', role: 'alert', id: 'articles-error' }, 'Could not read the articles: ' + e.message));
    return;
  }
  const rows = page.results || [];
  if (rows.length === 0) {
    element.append(h('p', { class: 'muted empty', id: 'articles-empty' },
      Object.keys(query).some(k => FILTERS.includes(k)) ? 'No article matches these filters.'
        : 'No articles cached yet: configure a Confluence source (etc/source.confluence-<name>.cfg) and run it.'));
    return;
  }
  const filtersNow = Object.fromEntries(FILTERS.filter(k => query[k]).map(k => [k, query[k]]));
  element.append(h('table', { id: 'articles-table' },
    h('thead', {}, h('tr', {}, ['Title', 'Space', 'Path', 'Labels', 'Updated', 'Author', 'Status', 'Vectors'].map(t => h('th', {}, t)))),
    h('tbody', {}, rows.map(a => h('tr', { 'data-article': a.id },
      h('td', {}, h('a', { href: '#/ext/articles?id=' + encodeURIComponent(a.id) }, a.title)),
      h('td', {}, a.space_key || '—'),
      h('td', { class: 'muted' }, (a.ancestors || []).join(' › ') || '—'),
      h('td', {}, (a.labels || []).map(l => h('a', { class: 'chip', href: '#/ext/articles?label=' + encodeURIComponent(l) }, l))),
      h('td', {}, when(a.last_updated)),
      h('td', {}, a.author || '—'),
      h('td', {}, h('span', { class: 'status-' + safeClass(a.status) }, a.status || '—')),
      h('td', {}, a.vector_status || '—'))))));
  const count = page.count || 0;
  const from = offset + 1;
  const to = Math.min(offset + rows.length, count);
  element.append(h('div', { class: 'pager' },
    h('button', { type: 'button', class: 'secondary', disabled: offset <= 0 ? true : null,
      onclick: () => go(context, { ...filtersNow, offset: Math.max(0, offset - PAGE_SIZE) || undefined }) }, '‹ Previous'),
    h('span', { class: 'count', id: 'articles-count' }, from + '–' + to + ' of ' + count),
    h('button', { type: 'button', class: 'secondary', disabled: to >= count ? true : null,
      onclick: () => go(context, { ...filtersNow, offset: offset + PAGE_SIZE }) }, 'Next ›')));
}

async function renderArticle(element, context, id) {
  const h = context.h;
  let detail;
  try {
    detail = await getJson(context, '/api/kb/articles/' + encodeURIComponent(id));
  } catch (e) {
    element.append(h('p', {}, h('a', { href: '#/ext/articles' }, '‹ Articles')),
      h('div', { class: 'error-box', role: 'alert', id: 'article-error' },
        e.status === 404 ? 'No article ' + id + ' (it may have been removed).' : 'Could not read article ' + id + ': ' + e.message));
    return;
  }
  const a = detail.article || {};
  const crumbs = [a.space_name || a.space_key, ...(a.ancestors || [])].filter(Boolean);
  element.append(
    h('p', { class: 'breadcrumb', id: 'article-breadcrumb' }, h('a', { href: '#/ext/articles' }, 'Articles'),
      crumbs.map(c => [' › ', h('span', {}, c)])),
    h('h1', { id: 'article-title' }, a.title || '(untitled)'));
  const link = safeUrl(a.url);
  const facts = [
    ['Space', (a.space_key || '—') + (a.space_name ? ' (' + a.space_name + ')' : '')],
    ['Labels', (a.labels || []).length ? h('span', {}, (a.labels || []).map(l => h('span', { class: 'chip' }, l))) : '—'],
    ['Updated', when(a.last_updated) + (a.author ? ' by ' + a.author : '')],
    ['Version', a.version == null ? '—' : String(a.version)],
    ['Status', h('span', { class: 'status-' + safeClass(a.status) }, a.status || '—')],
    ['Source', (a.source_instance || '—') + ' / page ' + (a.source_id || '—')],
    ['In Confluence', link ? h('a', { href: link, target: '_blank', rel: 'noopener noreferrer', id: 'article-link' }, 'Open in Confluence') : '—'],
  ];
  element.append(h('dl', { class: 'kv card' }, facts.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])));

  const body = h('div', { class: 'card article-body', id: 'article-body' });
  body.append(...safeNodes(detail.body_html || ''));
  if (!body.hasChildNodes()) body.append(h('p', { class: 'muted' }, 'This page has no content.'));
  element.append(body);

  const entities = detail.entities || [];
  element.append(h('h2', {}, 'Mentioned inventory'),
    entities.length === 0 ? h('p', { class: 'muted', id: 'article-entities-none' }, 'This article mentions no known host or address.')
      : h('table', { id: 'article-entities' },
        h('thead', {}, h('tr', {}, ['Entity', 'Type', 'Mentioned as', 'Matched by'].map(t => h('th', {}, t)))),
        h('tbody', {}, entities.map(m => h('tr', {},
          h('td', {}, h('a', { href: '#/entities/' + encodeURIComponent(m.entity_id) }, m.entity_name || String(m.entity_id))),
          h('td', {}, m.entity_type || '—'), h('td', {}, m.mention || '—'), h('td', {}, m.matched_by || '—'))))));

  const v = detail.vectors || {};
  element.append(h('h2', {}, 'Semantic search'),
    h('dl', { class: 'kv', id: 'article-vectors' },
      h('dt', {}, 'Vectorisation'), h('dd', {}, h('span', { class: 'status-' + safeClass(v.status) }, v.status || 'pending')),
      v.reason ? [h('dt', {}, 'Reason'), h('dd', {}, v.reason)] : null,
      h('dt', {}, 'Model'), h('dd', {}, v.model || '—'),
      h('dt', {}, 'Chunks'), h('dd', {}, v.chunks == null ? '—' : String(v.chunks)),
      h('dt', {}, 'Vectorised'), h('dd', {}, when(v.vectorized_at))));
}

/**
 * The article's HTML as nodes. The core has sanitised it already; it is parsed here into an inert document (scripts
 * in it never run) and, as a second guard, anything active is dropped before it joins the page.
 */
function safeNodes(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll('script, style, iframe, object, embed, form, link, meta, base').forEach(n => n.remove());
  for (const el of doc.body.querySelectorAll('*')) {
    for (const attr of [...el.attributes]) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') || name === 'style' || name === 'srcdoc'
        || ((name === 'href' || name === 'src' || name === 'action') && !/^(https?:|mailto:|#|\/)/i.test(attr.value.trim()))) {
        el.removeAttribute(attr.name);
      }
    }
    if (el.tagName === 'A' && el.hasAttribute('href')) {
      el.setAttribute('rel', 'noopener noreferrer');
      el.setAttribute('target', '_blank');
    }
  }
  return [...doc.body.childNodes].map(n => document.importNode(n, true));
}

function safeUrl(u) {
  return typeof u === 'string' && /^https?:\/\//i.test(u) ? u : null;
}

function safeClass(s) {
  return String(s || '').replace(/[^a-z_]/g, '');
}

function when(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return isNaN(d) ? String(iso) : d.toISOString().replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, 'Z');
}

/** This page's few styles, served by the plugin beside the module (the CSP allows only same-origin stylesheets). */
function stylesheet() {
  if (document.getElementById('articles-css')) return;
  const link = document.createElement('link');
  link.id = 'articles-css';
  link.rel = 'stylesheet';
  link.href = new URL('articles.css', import.meta.url).pathname;
  document.head.append(link);
}
