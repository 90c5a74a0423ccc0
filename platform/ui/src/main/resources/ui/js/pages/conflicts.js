// Attributes whose sources disagree: every candidate with its source; choosing one stores a manual override.
import { h, table, show, clear, errorBox, when } from '../dom.js';
import { api } from '../api.js';
import { params, filterForm, pager, PAGE_SIZE } from './paging.js';

export async function render(el, ctx) {
  const p = params(ctx);
  const offset = Number(p.offset || 0);
  const [page, sourceList] = await Promise.all([
    api('/api/conflicts', { query: { attribute: p.attribute, source: p.source, entity_type: p.entity_type, entity: p.entity, limit: PAGE_SIZE, offset } }),
    api('/api/sources').catch(() => []),
  ]);
  el.append(h('h1', {}, 'Conflicts'),
    h('p', { class: 'muted' }, 'Sources disagree on these values beyond tolerance. Choosing a value stores it as a manual override, which wins until revoked or expired.'),
    filterForm('conflict-filters', [
      { name: 'attribute', label: 'Attribute' },
      { name: 'source', label: 'Source', options: sourceList.map(s => s.instance) },
      { name: 'entity_type', label: 'Entity type' },
      { name: 'entity', label: 'Entity id' },
    ], p, f => ctx.go('conflicts', f)),
    pager(page.count, PAGE_SIZE, offset, o => ctx.go('conflicts', { ...p, offset: o })),
    table([
      { label: 'Entity', render: c => h('a', { href: '#/entities/' + c.entity_id }, show(c.entity_name)) },
      { label: 'Type', render: c => show(c.entity_type) },
      { label: 'Attribute', render: c => c.attribute },
      { label: 'Chosen now', render: c => h('span', {}, show(c.chosen && c.chosen.value), h('span', { class: 'muted' },
          ' — ' + show(c.chosen && c.chosen.source && c.chosen.source.source_instance) + ' (' + show(c.chosen && c.chosen.rule) + ')')) },
      { label: 'Candidates', render: c => candidates(c, ctx) },
    ], page.results, { id: 'conflicts', empty: 'No conflicts match these filters.' }));
}

function candidates(c, ctx) {
  const out = h('div', { class: 'candidates' });
  const reason = h('input', { type: 'text', class: 'reason', placeholder: 'reason (optional)', 'aria-label': 'reason' });
  const message = h('div');
  for (const cand of c.candidates || []) {
    const src = cand.source || {};
    const button = ctx.canOperate
      ? h('button', { type: 'button', class: 'secondary choose', 'data-value': show(cand.value), onclick: () => choose(c, cand, reason, message, ctx) }, 'Use this')
      : null;
    out.append(h('div', { class: 'candidate' }, h('strong', {}, show(cand.value)),
      h('span', { class: 'muted' }, show(src.source_instance) + ' ' + (src.seen_at ? 'seen ' + when(src.seen_at) : '')), button));
  }
  if (ctx.canOperate) out.append(reason);
  out.append(message);
  return out;
}

async function choose(c, cand, reason, message, ctx) {
  clear(message);
  try {
    await api('/api/entities/' + c.entity_id + '/overrides/' + encodeURIComponent(c.attribute), {
      method: 'PUT', body: { value: cand.value, reason: reason.value || ('chosen in the web UI from ' + ((cand.source || {}).source_instance || 'a source')) },
    });
    ctx.flash('Stored ' + c.attribute + ' = ' + show(cand.value) + ' for ' + show(c.entity_name) + ' as a manual override.');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } catch (e) {
    message.append(errorBox(e));
  }
}
