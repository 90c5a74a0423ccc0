// The demo plugin's page: the demo source instances and their settings, from the platform's REST API.
// Contract (com.enreach.tools.api.ui.UiExtension): export render(element, context); context.fetch adds the session's
// CSRF header, context.h builds elements safely (text, never markup).
export async function render(element, context) {
  const h = context.h;
  const response = await context.fetch('/api/sources?kind=demo');
  if (!response.ok) {
    element.append(h('p', { class: 'error-box' }, 'Could not read the demo sources: HTTP ' + response.status));
    return;
  }
  const sources = await response.json();
  element.append(h('h1', { id: 'demo-estate-title' }, 'Demo estate'),
    h('p', { class: 'muted' }, 'This page is served by the demo plugin\'s own bundle: remove its jar and the page goes away.'));
  if (sources.length === 0) {
    element.append(h('p', { class: 'muted', id: 'demo-none' }, 'No demo instance is configured: run "enreach demo".'));
    return;
  }
  for (const s of sources) {
    const settings = Object.entries(s.config || {}).filter(([k]) => !k.startsWith('felix.') && !k.startsWith('service.') && !k.startsWith('component.'));
    element.append(h('section', { class: 'card demo-instance', 'data-instance': s.instance },
      h('h2', {}, s.instance),
      summary(h, s),
      h('table', {}, h('tbody', {}, settings.map(([k, v]) => h('tr', {}, h('th', {}, k), h('td', {}, typeof v === 'object' ? JSON.stringify(v) : String(v))))))));
  }
}

// The knowledge-base views (confluence, jira) emit pages and tickets, not devices: point at their pages instead.
function summary(h, s) {
  const view = (s.config || {}).view;
  const last = '; last run ' + (s.last_status || 'never');
  if (view === 'confluence' || view === 'jira') {
    const page = view === 'confluence' ? ['#/ext/articles', 'wiki pages'] : ['#/ext/tickets', 'tickets'];
    return h('p', {}, 'Knowledge base: ', h('a', { href: page[0] }, page[1]), ' about the demo estate' + last);
  }
  return h('p', {}, s.active_devices + ' active and ' + s.stale_devices + ' stale devices' + last);
}
