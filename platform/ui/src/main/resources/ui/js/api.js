// The REST API from the browser: the session cookie goes along by itself; state-changing requests add the
// session's CSRF token. The API token is never kept in the browser.

let csrfToken = null;

export function setCsrf(token) {
  csrfToken = token || null;
}

export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.error && body.error.message) || ('HTTP ' + status));
    this.status = status;
    this.body = body;
  }
}

/** A URL under this origin with the query parameters that have a value. */
export function url(path, query) {
  const u = new URL(path, location.origin);
  for (const [k, v] of Object.entries(query || {})) {
    if (v !== undefined && v !== null && v !== '') u.searchParams.set(k, v);
  }
  return u;
}

/** fetch() for the API: JSON in and out, the CSRF header on state-changing methods, errors as ApiError. */
export async function api(path, { method = 'GET', body, query } = {}) {
  const headers = { Accept: 'application/json' };
  if (!['GET', 'HEAD'].includes(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const r = await fetch(url(path, query), {
    method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (r.status === 401 && path !== '/api/session') window.dispatchEvent(new CustomEvent('enreach:signed-out'));
  if (!r.ok) {
    let b = null;
    try { b = await r.json(); } catch (e) { b = null; }
    throw new ApiError(r.status, b);
  }
  if (r.status === 204) return null;
  const type = r.headers.get('Content-Type') || '';
  return type.includes('json') ? r.json() : r.text();
}

/** The fetch helper given to plugin pages: plain fetch() semantics, credentials and CSRF header added. */
export function pluginFetch(input, init = {}) {
  const method = (init.method || 'GET').toUpperCase();
  const headers = new Headers(init.headers || {});
  if (!['GET', 'HEAD'].includes(method) && csrfToken) headers.set('X-CSRF-Token', csrfToken);
  return fetch(input, { ...init, method, headers, credentials: 'same-origin' });
}
