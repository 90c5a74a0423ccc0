// "Knowledge health" (section Assistant): the knowledge-base analysis (GET /api/kb/analysis) with its parameters in
// the URL: gaps (resolved tickets with no close article), outdated articles, duplicates; each finding with its
// evidence, why, and the suggested action. Drafted articles for gaps are offered to operators and admins only (the
// route refuses draft=true to viewers).
import { h, append, clear, when } from '/ui/js/dom.js';
import { markdown } from './markdown.js';
import { stylesheet, routeQuery, errorBox, canOperate, providers as listProviders, providerSelect, citationList } from './common.js';

const PAGE = 'kb-health';
const KINDS = [
  ['gap', 'Gaps', 'Resolved tickets that keep coming with no article close to them.'],
  ['outdated', 'Outdated articles', 'Not updated while related tickets keep coming, or naming hosts, IPs or versions the inventory no longer has.'],
  ['duplicate', 'Duplicates and overlaps', 'Articles that say nearly the same thing.'],
];

export async function render(element, context) {
  stylesheet();
  const query = routeQuery(context);
  const operator = canOperate(context);
  const stale = h('input', { type: 'number', name: 'stale_months', id: 'kh-stale', min: 1, max: 120, value: query.stale_months || '', placeholder: '12', size: 4 });
  const similarity = h('input', { type: 'number', name: 'duplicate_similarity', id: 'kh-similarity', min: 0.5, max: 1, step: 0.01,
    value: query.duplicate_similarity || '', placeholder: '0.90' });
  const draft = operator ? h('input', { type: 'checkbox', name: 'draft', id: 'kh-draft', checked: query.draft === 'true' ? true : null }) : null;
  const providerSlot = h('span');
  const form = h('form', { class: 'filters', id: 'kh-form' },
    h('label', {}, 'Outdated after (months)', stale), h('label', {}, 'Duplicate similarity', similarity),
    draft ? h('label', {}, 'Draft articles for gaps', draft) : null,
    draft ? h('label', {}, 'Provider', providerSlot) : null,
    h('button', { type: 'submit', id: 'kh-submit' }, 'Analyse'));
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    const provider = providerSlot.querySelector('select');
    context.navigate('ext/' + PAGE, clean({ stale_months: stale.value, duplicate_similarity: similarity.value,
      draft: draft && draft.checked ? 'true' : '', provider: draft && draft.checked && provider ? provider.value : '', t: Date.now() }));
  });
  element.append(h('h1', {}, 'Knowledge health'),
    h('p', { class: 'muted' }, 'Where the knowledge base falls behind the tickets and the inventory, and what to do about it.'), form);
  if (draft) {
    listProviders(context).then(all => providerSlot.append(providerSelect(all, query.provider, 'kh-provider'))).catch(() => null);
  }

  const result = h('div', { id: 'kh-result' }, h('p', { class: 'muted', id: 'kh-working' }, 'Analysing the knowledge base…'));
  element.append(result);
  let analysis;
  try {
    analysis = await context.api('/api/kb/analysis', { query: {
      stale_months: query.stale_months, duplicate_similarity: query.duplicate_similarity,
      draft: operator && query.draft === 'true' ? 'true' : null, provider: operator && query.draft === 'true' ? query.provider : null,
    } });
  } catch (e) {
    clear(result).append(errorBox('kh-error', 'The analysis failed', e));
    return;
  }
  const findings = analysis.findings || [];
  const count = kind => (analysis.counts && analysis.counts[kind] !== undefined ? analysis.counts[kind] : findings.filter(f => f.kind === kind).length);
  append(clear(result),
    h('div', { class: 'kh-summary', id: 'kh-summary' }, KINDS.map(([kind, title]) => h('a', { href: '#kh-' + kind, class: 'kh-count', 'data-kind': kind,
      onclick: ev => { ev.preventDefault(); const s = document.getElementById('kh-' + kind); if (s) s.scrollIntoView(); } },
      h('span', { class: 'num' }, String(count(kind))), h('span', { class: 'lbl' }, title)))),
    h('p', { class: 'muted small', id: 'kh-params' }, 'Outdated after ' + analysis.stale_months + ' months · duplicates from similarity '
      + analysis.duplicate_similarity + ' · ' + when(analysis.generated_at) + ' · ' + analysis.took_ms + ' ms'),
    KINDS.map(([kind, title, about]) => {
      const mine = findings.filter(f => f.kind === kind);
      return h('section', { class: 'kh-kind', id: 'kh-' + kind, 'data-kind': kind },
        h('h2', {}, title + ' (' + mine.length + ')'), h('p', { class: 'muted' }, about),
        mine.length ? mine.map((f, i) => finding(f, kind + '-' + i)) : h('p', { class: 'muted empty' }, 'None found.'));
    }));
}

function finding(f, id) {
  return h('div', { class: 'card kh-finding', id: 'kh-finding-' + id, 'data-kind': f.kind },
    h('div', { class: 'kh-title' }, h('strong', {}, f.title || '—'), typeof f.score === 'number' ? h('span', { class: 'muted small' }, ' · score ' + f.score.toFixed(2)) : null),
    f.detail ? h('p', { class: 'kh-detail' }, f.detail) : null,
    f.suggested_action ? h('p', { class: 'kh-action' }, h('strong', {}, 'Suggested: '), f.suggested_action) : null,
    citationList(f.evidence, 'kh-ev-' + id, 'Evidence'),
    f.draft ? h('details', { class: 'kh-draft' }, h('summary', {}, 'Drafted article'), h('div', { class: 'as-answer-text' }, markdown(f.draft))) : null);
}

function clean(q) {
  return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}
