// A page contributed by a plugin: its module is imported from the plugin's own bundle and rendered here.
import { h } from '../dom.js';
import { api, pluginFetch } from '../api.js';

export async function render(el, ctx) {
  const ext = (ctx.extensions || []).find(e => e.id === ctx.arg);
  if (!ext) {
    el.append(h('h1', {}, 'Page not available'), h('p', { class: 'muted', id: 'extension-missing' },
      'No plugin provides the page "' + ctx.arg + '" (its plugin may have been removed).'));
    return;
  }
  const module = await import(ext.module_url);
  const host = h('div', { class: 'extension', 'data-extension': ext.id });
  el.append(host);
  await module.render(host, {
    fetch: pluginFetch,
    api: (path, opts) => api(path, opts),
    h,
    session: { role: ctx.session.role, token_name: ctx.session.token_name },
    navigate: ctx.go,
    query: Object.fromEntries(ctx.query || []),
  });
}
