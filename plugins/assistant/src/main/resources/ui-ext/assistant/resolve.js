// "Resolve an issue" (section Assistant): pick an open ticket (GET /api/kb/tickets?resolved=false) or paste the
// problem, POST /api/ai/suggestions, and see the suggestion with its evidence: numbered steps citing references,
// similar resolved tickets with their resolution, articles, affected entities, and the confidence with its label and
// basis. Helpful / not helpful (POST /api/ai/suggestions/{id}/feedback) is stored and shown.
import { h, clear, safeUrl, when, table } from '/ui/js/dom.js';
import { inline } from './markdown.js';
import { stylesheet, routeQuery, replaceRoute, errorBox, providers as listProviders, providerSelect, citeMarker,
  citationList, citationItem, extractiveBadge, uiLink, percent } from './common.js';

const PAGE = 'assistant-resolve';

export async function render(element, context) {
  stylesheet();
  const query = routeQuery(context);
  const result = h('div', { id: 'rs-result' });
  element.append(h('h1', {}, 'Resolve an issue'),
    h('p', { class: 'muted' }, 'A suggestion from similar resolved tickets and the articles that match, with the evidence behind each step.'));

  const ticket = h('select', { name: 'ticket', id: 'rs-ticket' }, h('option', { value: '' }, '— pick an open ticket —'));
  const text = h('textarea', { name: 'text', id: 'rs-text', rows: 4, placeholder: 'or paste the problem: what fails, where, since when, the error message' });
  const providerSlot = h('span');
  const submit = h('button', { type: 'submit', id: 'rs-submit' }, 'Suggest a resolution');
  const form = h('form', { class: 'rs-form card', id: 'rs-form' },
    h('label', { class: 'field' }, 'Open ticket', ticket), h('label', { class: 'field' }, 'Problem', text),
    h('div', { class: 'as-ask-row' }, h('label', {}, 'Provider ', providerSlot), submit));
  element.append(form, result);

  let provider = null;
  try {
    provider = providerSelect(await listProviders(context), query.provider, 'rs-provider');
    providerSlot.append(provider);
  } catch (e) {
    result.append(errorBox('rs-providers-error', 'The assistant is not available', e));
  }
  try {
    const open = await context.api('/api/kb/tickets', { query: { resolved: 'false', record_status: 'active', limit: 200 } });
    for (const t of (open && open.results) || []) {
      ticket.append(h('option', { value: t.key, selected: t.key === query.ticket ? true : null }, t.key + ' — ' + (t.summary || '') + (t.status ? ' (' + t.status + ')' : '')));
    }
  } catch (e) {
    form.append(errorBox('rs-tickets-error', 'Could not list open tickets', e));
  }
  if (query.ticket && ticket.value !== query.ticket) ticket.append(h('option', { value: query.ticket, selected: true }, query.ticket));

  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    const body = { provider: provider ? provider.value : null };
    if (text.value.trim()) body.text = text.value.trim();
    else if (ticket.value) body.ticket_key = ticket.value;
    else {
      clear(result).append(errorBox('rs-input-error', null, 'Pick a ticket or paste the problem.'));
      return;
    }
    submit.disabled = true;
    clear(result).append(h('p', { class: 'muted', id: 'rs-working' }, 'Looking for similar tickets and articles…'));
    try {
      const s = await context.api('/api/ai/suggestions', { method: 'POST', body });
      replaceRoute(PAGE, { suggestion: s.id });
      clear(result).append(suggestionView(context, s));
    } catch (e) {
      clear(result).append(errorBox('rs-error', 'No suggestion', e));
    } finally {
      submit.disabled = false;
    }
  });

  if (query.suggestion) {
    try {
      result.append(suggestionView(context, await context.api('/api/ai/suggestions/' + encodeURIComponent(query.suggestion))));
    } catch (e) {
      result.append(errorBox('rs-error', 'Could not open suggestion ' + query.suggestion, e));
    }
  }
}

function suggestionView(context, s) {
  const cite = citeMarker(s.references, 'rs-ref');
  const label = String(s.confidence_label || '').replace(/[^a-z]/g, '');
  const basis = Object.entries(s.confidence_basis || {});
  return h('div', { class: 'rs-suggestion', id: 'rs-suggestion', 'data-suggestion': s.id },
    h('div', { class: 'card' },
      h('div', { class: 'rs-head' },
        h('span', { class: 'rs-confidence conf-' + label, id: 'rs-confidence' }, 'Confidence ' + percent(s.confidence) + ' · ' + (s.confidence_label || '—')),
        s.extractive ? extractiveBadge() : null,
        h('span', { class: 'muted small' }, [s.provider, s.model].filter(Boolean).join(' · ') + ' · ' + when(s.created_at))),
      basis.length ? h('dl', { class: 'kv rs-basis', id: 'rs-basis' }, basis.flatMap(([k, v]) => [h('dt', {}, k.replace(/_/g, ' ')), h('dd', {}, percent(v))])) : null,
      h('p', { class: 'muted small' }, 'The confidence is the share of suggestions at this level that were right on the labelled set (see docs/suggestions.md).'),
      s.ticket_key ? h('p', {}, 'Ticket ', h('strong', {}, s.ticket_key)) : null,
      h('details', { class: 'rs-problem' }, h('summary', {}, 'The problem as understood'), h('div', { class: 'as-question-text' }, s.problem || ''))),
    h('h2', {}, 'Steps'),
    s.steps && s.steps.length ? h('ol', { class: 'rs-steps', id: 'rs-steps' }, s.steps.map(step => h('li', {}, inline(step, cite))))
      : h('p', { class: 'muted', id: 'rs-steps' }, 'No steps: nothing similar enough was found.'),
    citationList(s.references, 'rs-ref', 'References'),
    h('h2', {}, 'Similar resolved tickets'),
    similarTable(s.similar_tickets, 'rs-similar', true),
    h('h2', {}, 'Articles'),
    similarTable(s.articles, 'rs-articles', false),
    h('h2', {}, 'Affected entities'),
    s.entities && s.entities.length ? h('ul', { class: 'rs-entities citation-list', id: 'rs-entities' }, s.entities.map(c => citationItem(c, null)))
      : h('p', { class: 'muted', id: 'rs-entities' }, 'No entity named in the problem.'),
    feedbackBox(context, s));
}

function similarTable(items, id, tickets) {
  return table([
    { label: tickets ? 'Ticket' : 'Article', render: x => {
      const label = tickets ? (x.key || x.title) : (x.title || x.key);
      return uiLink(x.link) ? h('a', { href: uiLink(x.link) }, label || '—') : (label || '—');
    } },
    tickets ? { label: 'Title', render: x => x.title || '—' } : null,
    { label: 'Similarity', render: x => percent(x.similarity) },
    tickets ? { label: 'Resolution', render: x => h('div', { class: 'rs-resolution' }, x.resolution || '—') } : null,
    { label: 'Source', render: x => safeUrl(x.url) ? h('a', { href: safeUrl(x.url), target: '_blank', rel: 'noopener noreferrer', class: 'source-link' }, 'open ↗') : '—' },
  ].filter(Boolean), items || [], { id, empty: tickets ? 'No similar resolved ticket.' : 'No relevant article.' });
}

function feedbackBox(context, s) {
  const stored = h('ul', { class: 'rs-feedback-list', id: 'rs-feedback-list' }, (s.feedback || []).map(feedbackItem));
  const comment = h('input', { type: 'text', name: 'comment', id: 'rs-comment', placeholder: 'optional comment', size: 40, maxlength: 2000 });
  const status = h('div', { id: 'rs-feedback-status' });
  const send = async helpful => {
    for (const b of buttons) b.disabled = true;
    clear(status);
    try {
      const f = await context.api('/api/ai/suggestions/' + encodeURIComponent(s.id) + '/feedback', { method: 'POST', body: { helpful, comment: comment.value.trim() || null } });
      stored.append(feedbackItem(f));
      comment.value = '';
      status.append(h('p', { class: 'ok', id: 'rs-feedback-stored' }, 'Thank you: stored as ' + (f.helpful ? 'helpful' : 'not helpful') + '.'));
    } catch (e) {
      status.append(errorBox('rs-feedback-error', 'Feedback not stored', e));
    } finally {
      for (const b of buttons) b.disabled = false;
    }
  };
  const buttons = [
    h('button', { type: 'button', id: 'rs-helpful', onclick: () => send(true) }, 'Helpful'),
    h('button', { type: 'button', class: 'secondary', id: 'rs-not-helpful', onclick: () => send(false) }, 'Not helpful'),
  ];
  return h('div', { class: 'card rs-feedback' }, h('h4', {}, 'Was this suggestion right?'),
    h('div', { class: 'as-ask-row' }, ...buttons, comment), status, stored);
}

function feedbackItem(f) {
  return h('li', { 'data-feedback': f.id }, h('strong', {}, f.helpful ? 'Helpful' : 'Not helpful'),
    ' · ' + (f.actor || '—') + ' · ' + when(f.created_at), f.comment ? h('div', { class: 'muted' }, f.comment) : null);
}
