// The entity page's "Tickets and articles" panel: what mentions the entity's names and addresses.
import { h, clear, show, when, safeUrl, table } from '../dom.js';
import { api, ApiError } from '../api.js';

function viewOf(c) {
  return '#/ext/' + (c.content_type === 'article' ? 'articles' : 'tickets') + '?id=' + encodeURIComponent(c.id);
}

/** The panel; filled once its request answers, so the rest of the page never waits for it. */
export function panel(entityId) {
  const body = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  const section = h('section', { id: 'knowledge' }, h('h2', {}, 'Tickets and articles'), body);
  api('/api/entities/' + encodeURIComponent(entityId) + '/knowledge', { query: { limit: 50 } }).then(r => {
    const rows = Array.isArray(r) ? r : (r.results || []);
    clear(body).append(table([
      { label: 'Type', render: c => h('span', { class: 'chip' }, show(c.content_type)) },
      { label: 'Title', render: c => h('a', { href: viewOf(c), class: 'knowledge-link' }, show(c.title)) },
      { label: 'Status', render: c => show(c.status) },
      { label: 'Mentions', render: c => show(c.mention) },
      { label: 'Updated', render: c => when(c.updated) },
      { label: 'In source', render: c => safeUrl(c.url)
          ? h('a', { href: safeUrl(c.url), target: '_blank', rel: 'noopener noreferrer', class: 'source-link' }, 'open ↗') : '—' },
    ], rows, { id: 'knowledge-rows', empty: 'No ticket or article mentions this entity.' }));
  }).catch(e => {
    clear(body).append(h('p', { class: 'muted' }, e instanceof ApiError && e.status === 404
      ? 'The knowledge base is not available on this platform.' : 'Could not load tickets and articles: ' + e.message));
  });
  return section;
}
