// Search over the cached Confluence articles and Jira tickets: hybrid when the vector plugins are installed, the
// database's text search otherwise (the result's notes say which). Hits link to the article/ticket page and to the source.
import { h, append, show, when, safeUrl, errorBox } from '../dom.js';
import { api } from '../api.js';
import { params } from './paging.js';

const TYPES = [['', 'articles and tickets'], ['article', 'articles'], ['ticket', 'tickets']];
const MODES = [['', 'hybrid'], ['bm25', 'words (BM25)'], ['vector', 'meaning (vectors)']];

/** The page of one hit in this UI: the Articles / Tickets pages the Confluence and Jira plugins contribute. */
function viewOf(hit) {
  return '#/ext/' + (hit.content_type === 'article' ? 'articles' : 'tickets') + '?id=' + encodeURIComponent(hit.id);
}

function select(name, options, value) {
  return h('select', { name }, options.map(([v, label]) => h('option', { value: v, selected: (value || '') === v ? true : null }, label)));
}

export async function render(el, ctx) {
  const p = params(ctx);
  const inputs = {
    q: h('input', { name: 'q', id: 'search-q', type: 'search', value: p.q || '', placeholder: 'e.g. backup agent fails on web01', size: 50, autofocus: true }),
    type: select('type', TYPES, p.type),
    space: h('input', { name: 'space', value: p.space || '', placeholder: 'space key', size: 8 }),
    project: h('input', { name: 'project', value: p.project || '', placeholder: 'project key', size: 8 }),
    status: h('input', { name: 'status', value: p.status || '', placeholder: 'ticket status', size: 10 }),
    resolved: h('input', { name: 'resolved', type: 'checkbox', checked: p.resolved === 'true' ? true : null }),
    mode: select('mode', MODES, p.mode),
  };
  const form = h('form', { class: 'filters', id: 'search-form' },
    h('label', {}, 'Search', inputs.q), h('label', {}, 'In', inputs.type), h('label', {}, 'Space', inputs.space),
    h('label', {}, 'Project', inputs.project), h('label', {}, 'Status', inputs.status), h('label', {}, 'Resolved only', inputs.resolved),
    h('label', {}, 'How', inputs.mode), h('button', { type: 'submit', id: 'search-submit' }, 'Search'));
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    const q = {};
    for (const k of ['q', 'type', 'space', 'project', 'status', 'mode']) if (inputs[k].value.trim()) q[k] = inputs[k].value.trim();
    if (inputs.resolved.checked) q.resolved = 'true';
    ctx.go('search', q);
  });
  append(el, h('h1', {}, 'Search'), h('p', { class: 'muted' }, 'Confluence articles and Jira tickets cached in the platform, by meaning and by words.'), form);
  if (!p.q) return;
  let result;
  try {
    result = await api('/api/search', { query: { q: p.q, type: p.type, space: p.space, project: p.project, status: p.status, resolved: p.resolved, mode: p.mode, limit: 25 } });
  } catch (e) {
    append(el, errorBox(e));
    return;
  }
  append(el,
    h('ul', { class: 'search-notes', id: 'search-notes' }, (result.notes || []).map(n => h('li', {}, n))),
    h('p', { class: 'muted', id: 'search-summary' }, result.hits.length + ' hits · ' + show(result.mode) + (result.model ? ' · ' + result.model : '') + ' · ' + result.took_ms + ' ms'),
    result.hits.length === 0 ? h('p', { class: 'muted empty' }, 'Nothing found.') : h('ol', { class: 'search-hits', id: 'search-hits' }, result.hits.map(hit)));
}

function hit(x) {
  const where = x.content_type === 'article' ? ['space ' + show(x.space)] : ['project ' + show(x.project), 'status ' + show(x.status)];
  const ranks = [x.text_rank ? 'words #' + x.text_rank : null, x.vector_rank ? 'meaning #' + x.vector_rank : null].filter(Boolean).join(', ');
  return h('li', { class: 'search-hit', 'data-type': x.content_type },
    h('div', {}, h('span', { class: 'chip' }, x.content_type), ' ', h('a', { href: viewOf(x), class: 'hit-title' }, show(x.title)),
      safeUrl(x.url) ? [' ', h('a', { href: safeUrl(x.url), target: '_blank', rel: 'noopener noreferrer', class: 'source-link' },
        x.content_type === 'article' ? 'Confluence ↗' : 'Jira ↗')] : null),
    h('div', { class: 'hit-snippet' }, show(x.snippet)),
    h('div', { class: 'muted hit-meta' }, [...where, 'score ' + Number(x.score).toFixed(4), ranks || null, x.updated ? 'updated ' + when(x.updated) : null]
      .filter(Boolean).join(' · ')));
}
