// The single-page shell: sign-in, navigation (built-in pages plus the pages plugins contribute), hash routing.
import { h, clear, errorBox } from './dom.js';
import { api, setCsrf, ApiError } from './api.js';
import * as entities from './pages/entities.js';
import * as entity from './pages/entity.js';
import * as conflicts from './pages/conflicts.js';
import * as reports from './pages/reports.js';
import * as sources from './pages/sources.js';
import * as syncs from './pages/syncs.js';
import * as devices from './pages/devices.js';
import * as extension from './pages/extension.js';
import * as search from './pages/search.js';

const BUILT_IN = [
  { path: 'entities', title: 'Entities', page: entities },
  { path: 'conflicts', title: 'Conflicts', page: conflicts },
  { path: 'reports', title: 'Reports', page: reports },
  { path: 'devices', title: 'Observations', page: devices },
  { path: 'sources', title: 'Sources', page: sources },
  { path: 'syncs', title: 'Sync history', page: syncs },
  { path: 'search', title: 'Search', page: search },
];
const DETAIL = { entities: entity, devices: devices, reports: reports, ext: extension };

const state = { session: null, extensions: [], renderId: 0, path: undefined };

function flash(message, isError = false) {
  const el = document.getElementById('flash');
  el.className = 'flash' + (isError ? ' error' : '');
  el.textContent = message || '';
  if (message) setTimeout(() => { if (el.textContent === message) el.textContent = ''; }, 6000);
}

/** The route in the hash: #/path/arg?query */
function route() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [p, q] = raw.split('?');
  const parts = (p || 'entities').split('/').map(decodeURIComponent);
  return { name: parts[0] || 'entities', arg: parts.slice(1).join('/') || null, query: new URLSearchParams(q || '') };
}

/** Navigates to a route with a query, keeping history. */
export function go(path, query) {
  const qs = query ? new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== '')).toString() : '';
  location.hash = '#/' + path + (qs ? '?' + qs : '');
}

function renderNav() {
  const nav = clear(document.getElementById('nav'));
  if (!state.session) return;
  const current = route().name;
  for (const b of BUILT_IN) {
    nav.append(h('a', { href: '#/' + b.path, class: current === b.path ? 'active' : null, 'data-nav': b.path }, b.title));
  }
  let section = null;
  for (const e of state.extensions) {
    if (e.section !== section) {
      section = e.section;
      nav.append(h('span', { class: 'section' }, section));
    }
    const active = current === 'ext' && route().arg === e.id;
    nav.append(h('a', { href: '#/ext/' + encodeURIComponent(e.id), class: active ? 'active' : null, 'data-nav': 'ext-' + e.id }, e.title));
  }
  const who = clear(document.getElementById('who'));
  who.append(h('span', { id: 'signed-in-as' }, state.session.token_name + ' (' + state.session.role + ')'),
    h('button', { id: 'sign-out', type: 'button', onclick: signOut }, 'Sign out'));
}

async function loadExtensions() {
  try {
    state.extensions = await api('/api/ui/extensions');
  } catch (e) {
    state.extensions = [];
  }
}

function signInPage(main, message) {
  clear(document.getElementById('nav'));
  clear(document.getElementById('who'));
  const input = h('input', { id: 'token', type: 'password', name: 'token', autocomplete: 'off', required: true, placeholder: 'enr_…' });
  const error = h('div', { id: 'signin-error' }, message ? errorBox(message) : null);
  const form = h('form', { id: 'signin', class: 'card signin' },
    h('h1', {}, 'Sign in'),
    h('p', { class: 'muted' }, 'Paste an API token (create one with "enreach token create"). It is exchanged for a session; the browser never stores it.'),
    h('label', { class: 'field' }, 'API token', input),
    h('p', {}, h('button', { type: 'submit', id: 'signin-submit' }, 'Sign in')),
    error);
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    clear(error);
    try {
      const s = await api('/api/session', { method: 'POST', body: { token: input.value } });
      input.value = '';
      await signedIn(s);
    } catch (e) {
      error.append(errorBox(e instanceof ApiError && e.status === 401 ? 'That token is unknown or revoked.' : e));
    }
  });
  clear(main).append(form);
  input.focus();
}

async function signedIn(session) {
  state.session = session;
  setCsrf(session.csrf_token);
  await loadExtensions();
  render();
}

async function signOut() {
  try {
    await api('/api/session', { method: 'DELETE' });
  } catch (e) {
    // already gone: signed out either way
  }
  state.session = null;
  state.renderId++;
  setCsrf(null);
  signInPage(document.getElementById('main'));
}

async function render() {
  const main = document.getElementById('main');
  if (!state.session) return signInPage(main);
  const r = route();
  const path = r.name + '/' + (r.arg || '');
  if (state.path !== undefined && state.path !== path) flash(''); // a notice belongs to the page it was given on
  state.path = path;
  const id = ++state.renderId;
  await loadExtensions(); // plugins come and go: every navigation shows the current set
  if (id !== state.renderId || !state.session) return; // signed out meanwhile, or another navigation took over
  renderNav();
  let page = r.arg && DETAIL[r.name] ? DETAIL[r.name] : (BUILT_IN.find(b => b.path === r.name) || {}).page;
  if (r.name === 'entities' && r.arg) page = entity;
  if (!page) {
    clear(main).append(h('h1', {}, 'Not found'), h('p', {}, 'No page ' + r.name + '.'));
    return;
  }
  clear(main).append(h('p', { class: 'muted' }, 'Loading…'));
  const ctx = {
    session: state.session, query: r.query, arg: r.arg, go, flash, extensions: state.extensions,
    stale: () => id !== state.renderId, // a later navigation replaced this page
    canOperate: ['operator', 'admin'].includes(state.session.role),
  };
  try {
    const el = h('div', { class: 'page', 'data-page': r.name });
    await page.render(el, ctx);
    if (id === state.renderId) clear(main).append(el);
  } catch (e) {
    if (id === state.renderId) clear(main).append(errorBox(e));
  }
}

window.addEventListener('hashchange', render);
window.addEventListener('enreach:signed-out', () => {
  if (state.session) {
    state.session = null;
    state.renderId++; // a page still loading must not replace the sign-in form
    setCsrf(null);
    signInPage(document.getElementById('main'), 'Your session ended; sign in again.');
  }
});

(async function start() {
  try {
    const s = await api('/api/session');
    await signedIn(s);
  } catch (e) {
    signInPage(document.getElementById('main'));
  }
})();
