// "Ask" (section Assistant): the chat. Conversations of this token (GET /api/ai/conversations), one conversation
// (GET /api/ai/conversations/{id}), and a question box with provider and scope. A question is POSTed to /api/ai/query
// asking for text/event-stream; the answer is shown as it streams (status, delta, citation, then the final answer),
// its [n] markers linking to the numbered sources under it. A failed answer shows the provider's message and a retry;
// the question stays in the conversation either way.
import { h, append, clear, when } from '/ui/js/dom.js';
import { postEventStream } from './sse.js';
import { markdown } from './markdown.js';
import { stylesheet, routeQuery, replaceRoute, errorBox, providers as listProviders, providerSelect, citeMarker,
  citationList, extractiveBadge, answerAsText, copyButton } from './common.js';

const PAGE = 'assistant';
const SCOPES = [['all', 'inventory and knowledge'], ['inventory', 'inventory only'], ['knowledge', 'articles and tickets only']];

export async function render(element, context) {
  stylesheet();
  const query = routeQuery(context);
  const state = { conversationId: query.conversation ? Number(query.conversation) : null, busy: false, seq: 0 };
  const list = h('ul', { class: 'as-conversations', id: 'as-conversations' });
  const thread = h('div', { class: 'as-thread', id: 'as-thread' });
  const notice = h('div', { id: 'as-notice' });
  const question = h('textarea', { id: 'as-question', name: 'question', rows: 3, maxlength: 4000,
    placeholder: 'e.g. Which VMs run on esx-ams-0003, and when were they last backed up?' });
  const scope = h('select', { name: 'scope', id: 'as-scope' }, SCOPES.map(([v, l]) => h('option', { value: v, selected: v === (query.scope || 'all') ? true : null }, l)));
  const send = h('button', { type: 'submit', id: 'as-send' }, 'Ask');
  const providerSlot = h('span', { class: 'as-provider-slot' });
  const form = h('form', { class: 'as-ask', id: 'as-form' }, question,
    h('div', { class: 'as-ask-row' }, h('label', {}, 'Provider ', providerSlot), h('label', {}, 'Scope ', scope), send));
  const newButton = h('button', { type: 'button', class: 'secondary', id: 'as-new' }, 'New conversation');
  element.append(
    h('h1', {}, 'Ask the assistant'),
    h('p', { class: 'muted' }, 'Answers cite the entities, articles and tickets they come from; follow a [n] to its source.'),
    h('div', { class: 'as-layout' },
      h('aside', { class: 'as-side' }, newButton, h('h4', {}, 'Conversations'), list),
      h('section', { class: 'as-main' }, notice, thread, form)));

  let provider = null;
  try {
    const all = await listProviders(context);
    provider = providerSelect(all, query.provider, 'as-provider');
    providerSlot.append(provider);
  } catch (e) {
    notice.append(errorBox('as-providers-error', 'The assistant is not available', e));
    send.disabled = true;
  }

  const ask = async (text) => {
    if (state.busy || !text.trim()) return;
    state.busy = true;
    send.disabled = true;
    const seq = ++state.seq;
    thread.append(userMessage(text));
    const view = answerView(seq, text, ask);
    thread.append(view.element);
    view.element.scrollIntoView({ block: 'nearest' });
    try {
      await postEventStream(context.fetch, '/api/ai/query', {
        question: text, conversation_id: state.conversationId, scope: scope.value, provider: provider ? provider.value : null,
      }, (event, data) => {
        if (event === 'stored' && data.conversation_id) {
          if (state.conversationId !== data.conversation_id) {
            state.conversationId = data.conversation_id;
            replaceRoute(PAGE, { conversation: data.conversation_id });
          }
          loadList(context, list, state);
        } else {
          view.on(event, data);
        }
      });
      view.ended();
    } catch (e) {
      view.failed({ code: e.code || 'request_failed', message: e.message, retry_after_seconds: null });
    } finally {
      state.busy = false;
      send.disabled = !provider;
      loadList(context, list, state);
    }
  };

  form.addEventListener('submit', ev => {
    ev.preventDefault();
    const text = question.value;
    if (!text.trim()) return;
    question.value = '';
    ask(text);
  });
  question.addEventListener('keydown', ev => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      form.requestSubmit();
    }
  });
  newButton.addEventListener('click', () => {
    if (state.busy) return;
    state.conversationId = null;
    clear(thread);
    replaceRoute(PAGE, {});
    loadList(context, list, state);
    question.focus();
  });

  await loadList(context, list, state);
  if (state.conversationId) await showConversation(context, state, thread, notice, ask);
}

async function loadList(context, list, state) {
  let page;
  try {
    page = await context.api('/api/ai/conversations', { query: { limit: 50 } });
  } catch (e) {
    clear(list).append(h('li', { class: 'muted' }, 'Could not list conversations: ' + e.message));
    return;
  }
  const rows = (page && page.results) || [];
  append(clear(list), rows.length ? rows.map(c => h('li', { class: c.id === state.conversationId ? 'active' : null, 'data-conversation': c.id },
    h('a', { href: '#/ext/' + PAGE + '?conversation=' + encodeURIComponent(c.id) }, c.title || ('Conversation ' + c.id)),
    h('div', { class: 'muted small' }, when(c.updated_at || c.created_at) + ' · ' + (c.message_count || 0) + ' messages ',
      deleteButton(context, c, list, state))))
    : h('li', { class: 'muted' }, 'No conversation yet.'));
}

/** Delete in two clicks (the first asks), DELETE /api/ai/conversations/{id}; the open conversation is closed with it. */
function deleteButton(context, c, list, state) {
  const b = h('button', { type: 'button', class: 'link-button as-delete', 'data-delete': c.id, title: 'Delete this conversation' }, 'delete');
  b.addEventListener('click', async () => {
    if (b.dataset.armed !== 'true') {
      b.dataset.armed = 'true';
      b.textContent = 'delete for good?';
      return;
    }
    b.disabled = true;
    try {
      await context.api('/api/ai/conversations/' + encodeURIComponent(c.id), { method: 'DELETE' });
      if (state.conversationId === c.id) {
        context.navigate('ext/' + PAGE, {});
        return;
      }
    } catch (e) {
      b.textContent = 'not deleted: ' + e.message;
      return;
    }
    loadList(context, list, state);
  });
  return b;
}

async function showConversation(context, state, thread, notice, ask) {
  let detail;
  try {
    detail = await context.api('/api/ai/conversations/' + encodeURIComponent(state.conversationId));
  } catch (e) {
    notice.append(errorBox('as-conversation-error', 'Could not open conversation ' + state.conversationId, e));
    state.conversationId = null;
    return;
  }
  let lastQuestion = null;
  for (const m of detail.messages || []) {
    if (m.role === 'user') {
      lastQuestion = m.text;
      thread.append(userMessage(m.text));
    } else {
      const view = answerView(++state.seq, lastQuestion, ask);
      if (m.error_code) view.failed({ code: m.error_code, message: m.text, retry_after_seconds: m.retry_after_seconds });
      else view.on('answer', { ...m, error: null });
      thread.append(view.element);
    }
  }
}

function userMessage(text) {
  return h('div', { class: 'as-msg as-user' }, h('div', { class: 'as-who' }, 'You'), h('div', { class: 'as-question-text' }, text));
}

/** One answer as it arrives: status lines, the text so far, citations, then the final answer or its error. */
function answerView(seq, questionText, ask) {
  const id = 'as-answer-' + seq;
  const status = h('div', { class: 'as-status muted', id: id + '-status' });
  const body = h('div', { class: 'as-answer-text', id: id + '-text' });
  const sources = h('div', { class: 'as-sources' });
  const meta = h('div', { class: 'as-meta' });
  const element = h('div', { class: 'as-msg as-assistant', id, 'data-state': 'streaming' },
    h('div', { class: 'as-who' }, 'Assistant'), meta, status, body, sources);
  let text = '';
  let citations = [];
  let final = false;
  const draw = () => {
    clear(body).append(...markdown(text, citeMarker(citations, id + '-cite')));
    clear(sources);
    const l = citationList(citations, id + '-cite');
    if (l) sources.append(l);
  };
  const view = {
    element,
    on(event, data) {
      if (event === 'status') {
        status.textContent = data.text || '';
      } else if (event === 'delta') {
        text += data.text || '';
        draw();
      } else if (event === 'citation') {
        const c = data.citation || data;
        citations = citations.filter(x => x.n !== c.n).concat([c]).sort((a, b) => a.n - b.n);
        draw();
      } else if (event === 'answer') {
        final = true;
        const a = data.answer || data;
        if (a.error) {
          view.failed(a.error);
          return;
        }
        text = a.text || '';
        citations = a.citations || [];
        status.textContent = '';
        draw();
        append(clear(meta),
          a.extractive ? extractiveBadge() : null,
          h('span', { class: 'muted small' }, [a.provider, a.model].filter(Boolean).join(' · ')
            + (a.took_ms ? ' · ' + a.took_ms + ' ms' : '') + (a.created_at ? ' · ' + when(a.created_at) : '')),
          copyButton(id + '-copy', () => answerAsText(text, citations)));
        if (a.tool_calls && a.tool_calls.length) {
          sources.append(h('details', { class: 'as-tools' }, h('summary', {}, 'Looked up (' + a.tool_calls.length + ')'),
            h('ul', {}, a.tool_calls.map(t => h('li', {}, t)))));
        }
        element.dataset.state = 'done';
      }
    },
    ended() {
      if (!final) view.failed({ code: 'stream_ended', message: 'The answer stream ended before the answer was complete.' });
    },
    failed(err) {
      final = true;
      status.textContent = '';
      element.dataset.state = 'error';
      const retryAfter = err.retry_after_seconds ?? err.retryAfterSeconds;
      const retry = h('button', { type: 'button', class: 'secondary', id: id + '-retry' }, 'Retry');
      retry.addEventListener('click', () => ask(questionText));
      element.append(h('div', { class: 'error-box as-error', role: 'alert', id: id + '-error', 'data-code': err.code || '' },
        h('strong', {}, err.code ? err.code + ': ' : ''), err.message || 'The assistant could not answer.',
        retryAfter ? h('div', { class: 'as-retry-after' }, 'The provider asks to retry after ' + retryAfter + ' s.') : null,
        h('div', { class: 'muted small' }, 'Your question is kept in the conversation.'),
        questionText ? h('div', {}, retry) : null));
    },
  };
  return view;
}
