// Source instances: configuration and connection status, a connection check, "sync now" with live progress.
import { h, append, table, status, when, show, clear, errorBox } from '../dom.js';
import { api } from '../api.js';

const POLL_MS = 1000;

export async function render(el, ctx) {
  const sources = await api('/api/sources');
  el.append(h('h1', {}, 'Sources'),
    table([
      { label: 'Instance', render: s => h('strong', {}, s.instance) },
      { label: 'Kind', render: s => show(s.kind) },
      { label: 'Configuration', render: s => !s.present ? h('span', { class: 'warn' }, 'plugin absent')
          : (s.config_errors || []).length ? h('span', { class: 'bad' }, s.config_errors.map(e => e.field + ': ' + e.message).join('; '))
            : h('span', { class: 'ok' }, s.enabled ? 'valid' : 'valid (disabled)') },
      { label: 'Connection', render: s => connection(s.connection) },
      { label: 'Last run', render: s => h('span', {}, status(s.last_status), ' ', h('span', { class: 'muted' }, when(s.last_attempt))) },
      { label: 'Devices', render: s => s.active_devices + ' active, ' + s.stale_devices + ' stale' },
      { label: 'Actions', render: s => actions(s, ctx) },
    ], sources, { id: 'sources', empty: 'No source instances are configured (etc/source.<kind>-<name>.cfg).' }));
}

function connection(c) {
  if (!c) return h('span', { class: 'muted' }, 'not checked');
  return h('span', { class: c.ok ? 'ok' : 'bad', title: when(c.checked_at) }, c.ok ? 'ok' : 'failing', c.detail ? ' — ' + c.detail : '');
}

function actions(s, ctx) {
  const out = h('div', { class: 'progress-line', id: 'progress-' + s.instance });
  const bar = h('div', { class: 'actions' });
  if (ctx.canOperate && s.present) {
    bar.append(
      h('button', { type: 'button', class: 'secondary check', 'data-instance': s.instance, onclick: () => check(s, out) }, 'Check connection'),
      h('button', { type: 'button', class: 'sync-now', 'data-instance': s.instance, onclick: () => syncNow(s, out, ctx) }, 'Sync now'));
  }
  bar.append(h('a', { href: '#/syncs?instance=' + encodeURIComponent(s.instance) }, 'History'));
  if (s.running_run_id) follow(s.running_run_id, out, ctx);
  return h('div', {}, bar, out);
}

async function check(s, out) {
  clear(out).append(h('span', { class: 'muted' }, 'Checking…'));
  try {
    const r = await api('/api/sources/' + encodeURIComponent(s.instance) + '/check', { method: 'POST' });
    clear(out).append(h('span', { class: r.ok ? 'ok check-result' : 'bad check-result' }, r.ok ? 'Connection ok' : 'Connection failed',
      r.detail ? ': ' + r.detail : '', (r.errors || []).map(e => ' · ' + e.field + ': ' + e.message)));
  } catch (e) {
    clear(out).append(errorBox(e));
  }
}

async function syncNow(s, out, ctx) {
  clear(out);
  try {
    const run = await api('/api/sources/' + encodeURIComponent(s.instance) + '/sync', { method: 'POST' });
    follow(run.id, out, ctx);
  } catch (e) {
    // Already running: follow the run in progress (the error's detail is that run).
    if (e.status === 409 && e.body && e.body.error && e.body.error.detail && e.body.error.detail.id) follow(e.body.error.detail.id, out, ctx);
    else out.append(errorBox(e));
  }
}

/** Polls the run (the route the CLI's follower uses) until it finishes or the page is left. */
async function follow(runId, out, ctx) {
  const progress = h('progress', { class: 'sync-progress' });
  const text = h('span', { class: 'sync-status' }, 'starting…');
  clear(out).append(progress, text);
  for (;;) {
    let run;
    try {
      run = await api('/api/sync/runs/' + runId);
    } catch (e) {
      clear(out).append(errorBox(e));
      return;
    }
    clear(text).append(status(run.status), ' ', show(run.phase), ' · fetched ' + run.fetched + ', added ' + run.added + ', updated ' + run.updated
      + ', unchanged ' + run.unchanged + ', stale ' + run.stale + (run.warnings ? ', warnings ' + run.warnings : ''));
    text.setAttribute('data-status', run.status);
    text.setAttribute('data-fetched', String(run.fetched));
    if (run.status !== 'running') {
      progress.value = 1;
      progress.max = 1;
      append(out, h('a', { href: '#/syncs?instance=' + encodeURIComponent(run.instance) }, ' run #' + run.id),
        run.error ? h('div', { class: 'bad sync-error' }, run.error) : null);
      return;
    }
    await new Promise(res => setTimeout(res, POLL_MS));
    if (ctx.stale()) return;
  }
}
