// What the assistant pages share: the stylesheet, the route's query, the provider
// picker, numbered citations and their markers, and copying. Everything from the API is shown as text: elements are
// built with the UI's h() (text nodes and attribute values, never markup).
import { h, safeUrl, when } from '/ui/js/dom.js';

export const BASE = '/ui/ext/assistant/';

/** Adds the pages' stylesheet once. */
export function stylesheet() {
  if (document.getElementById('assistant-css')) return;
  document.head.append(h('link', { id: 'assistant-css', rel: 'stylesheet', href: BASE + 'assistant.css' }));
}

/** The route's query as a plain object (context.query, else parsed from the hash). */
export function routeQuery(context) {
  const q = context.query;
  if (q && typeof q === 'object' && !(q instanceof URLSearchParams)) return { ...q };
  const i = location.hash.indexOf('?');
  return i < 0 ? {} : Object.fromEntries(new URLSearchParams(location.hash.slice(i + 1)).entries());
}

/** Puts the page's state in the URL without re-rendering the page (a running stream keeps going). */
export function replaceRoute(page, query) {
  const qs = new URLSearchParams(Object.entries(query || {}).filter(([, v]) => v !== undefined && v !== null && v !== '')).toString();
  history.replaceState(history.state, '', '#/ext/' + page + (qs ? '?' + qs : ''));
}

/** operator+ : operators and admins. */
export function canOperate(context) {
  const role = context.session && context.session.role;
  return role === 'operator' || role === 'admin';
}

export function errorBox(id, what, e) {
  return h('div', { class: 'error-box', role: 'alert', id }, (what ? what + ': ' : '') + (e && e.message ? e.message : String(e)));
}

/** A value from the UI's own route table only: a link from the API that is not a hash route never becomes one. */
export function uiLink(link) {
  return typeof link === 'string' && /^#\/[A-Za-z]/.test(link) ? link : null;
}

export function percent(x) {
  return typeof x === 'number' && isFinite(x) ? Math.round(x * 100) + '%' : '—';
}

export function isDefault(p) {
  return !!(p.is_default ?? p.default);
}

/** The provider picker: every provider, the default marked and chosen (or the one given); misconfigured ones disabled. */
export function providerSelect(providers, chosen, id) {
  const pick = chosen || (providers.find(isDefault) || {}).name;
  return h('select', { name: 'provider', id },
    providers.map(p => h('option', {
      value: p.name, selected: p.name === pick ? true : null, disabled: p.status && p.status !== 'ready' ? true : null,
      title: p.message || null,
    }, p.name + (p.model ? ' (' + p.model + ')' : '') + (isDefault(p) ? ' · default' : '')
      + (p.external ? ' · external' : '') + (p.status && p.status !== 'ready' ? ' · ' + p.status : ''))));
}

export async function providers(context) {
  const r = await context.api('/api/ai/providers');
  return (r && r.results) || [];
}

/** The marker [n] in a text: a link that jumps to citation n of the list (the list item holds the source's link). */
export function citeMarker(citations, listId) {
  return n => {
    const c = (citations || []).find(x => x.n === n);
    if (!c) return null;
    return h('a', {
      href: uiLink(c.link) || '#', class: 'cite-ref', 'data-cite': n, title: c.title || c.key || '',
      onclick: ev => {
        ev.preventDefault();
        const item = document.getElementById(listId + '-' + n);
        if (item) {
          item.scrollIntoView({ block: 'nearest' });
          item.classList.remove('flash-cite');
          void item.offsetWidth;
          item.classList.add('flash-cite');
        }
      },
    }, '[' + n + ']');
  };
}

/** The numbered sources: kind, title linking to its page in this UI, the source system's page, and the quote. */
export function citationList(citations, listId, heading = 'Sources') {
  if (!citations || !citations.length) return null;
  return h('div', { class: 'citations' }, h('h4', {}, heading),
    h('ol', { class: 'citation-list', id: listId }, citations.map(c => citationItem(c, listId + '-' + c.n))));
}

export function citationItem(c, id) {
  const link = uiLink(c.link);
  const url = safeUrl(c.url);
  return h('li', { class: 'citation', id, value: c.n || null, 'data-kind': c.kind },
    h('span', { class: 'chip' }, c.kind || 'source'), ' ',
    link ? h('a', { href: link, class: 'cite-link' }, c.title || c.key || link) : h('span', { class: 'cite-title' }, c.title || c.key || '—'),
    c.key && c.title && c.key !== c.title ? h('span', { class: 'muted' }, ' ' + c.key) : null,
    url ? [' ', h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', class: 'source-link' }, 'source ↗')] : null,
    c.quote ? h('blockquote', { class: 'cite-quote' }, c.quote) : null);
}

export function extractiveBadge() {
  return h('span', { class: 'as-badge extractive', title: 'Assembled from retrieved facts and passages; no language model wrote it' },
    'Extractive (no language model)');
}

/** The answer as plain text with its numbered sources and their full links, so the markers still mean something when pasted. */
export function answerAsText(text, citations) {
  const base = location.origin + '/';
  const sources = (citations || []).map(c => '[' + c.n + '] ' + (c.title || c.key || '') + (uiLink(c.link) ? ' ' + base + c.link : '')
    + (safeUrl(c.url) ? ' ' + c.url : ''));
  return String(text || '') + (sources.length ? '\n\nSources:\n' + sources.join('\n') : '');
}

/** Copies text: the Clipboard API where the browser grants it, else a selected off-screen textarea and execCommand. */
export async function copyText(text) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch (e) {
    // refused (no permission, no focus): fall back below
  }
  const area = h('textarea', { class: 'copy-buffer', readonly: true, 'aria-hidden': 'true' });
  area.value = text;
  document.body.append(area);
  area.select();
  let ok = false;
  try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
  area.remove();
  return ok;
}

export function copyButton(id, textOf) {
  const b = h('button', { type: 'button', class: 'secondary small copy', id }, 'Copy');
  b.addEventListener('click', async () => {
    const ok = await copyText(textOf());
    b.textContent = ok ? 'Copied' : 'Copy failed';
    b.dataset.copied = ok ? 'true' : 'false';
    setTimeout(() => { b.textContent = 'Copy'; }, 2500);
  });
  return b;
}

export { when };
