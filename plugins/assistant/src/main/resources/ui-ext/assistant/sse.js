// Server-sent events over fetch(): EventSource cannot POST nor send the session's CSRF header, so the answer stream
// of POST /api/ai/query is read from the response body and cut into events here (the WHATWG event-stream format).

/** An incremental parser: feed(text) returns the events completed by that text, as {event, data}. */
export function sseParser() {
  let buffer = '';
  let event = '';
  let data = [];
  return {
    feed(text) {
      buffer += text;
      const out = [];
      for (;;) {
        // a lone CR at the very end may be the first half of a CRLF still on its way
        const m = /\r\n|\n|\r(?!$)/.exec(buffer);
        if (!m) break;
        const line = buffer.slice(0, m.index);
        buffer = buffer.slice(m.index + m[0].length);
        if (line === '') {
          if (data.length) out.push({ event: event || 'message', data: data.join('\n') });
          event = '';
          data = [];
        } else if (!line.startsWith(':')) {
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          let value = colon < 0 ? '' : line.slice(colon + 1);
          if (value.startsWith(' ')) value = value.slice(1);
          if (field === 'event') event = value;
          else if (field === 'data') data.push(value);
        }
      }
      return out;
    },
  };
}

/** A refusal from the API as an Error with the server's message, status and code. */
export async function apiError(response) {
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  const err = new Error(body && body.error && body.error.message ? body.error.message : 'HTTP ' + response.status);
  err.status = response.status;
  err.code = body && body.error ? body.error.code : null;
  return err;
}

/**
 * POSTs JSON asking for an event stream and calls onEvent(name, parsedData) for each event as it arrives. A server
 * that answers with plain JSON instead is taken as one final 'answer' event. Resolves when the stream ends.
 */
export async function postEventStream(fetchFn, url, body, onEvent) {
  const r = await fetchFn(url, {
    method: 'POST',
    headers: { Accept: 'text/event-stream', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!r.ok) throw await apiError(r);
  if (!(r.headers.get('Content-Type') || '').includes('text/event-stream')) {
    onEvent('answer', await r.json());
    return;
  }
  const reader = r.body.getReader();
  const decoder = new TextDecoder();
  const parser = sseParser();
  const deliver = events => {
    for (const e of events) {
      let data;
      try { data = JSON.parse(e.data); } catch (x) { data = { text: e.data }; }
      onEvent(e.event, data);
    }
  };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    deliver(parser.feed(decoder.decode(value, { stream: true })));
  }
  deliver(parser.feed(decoder.decode() + '\n\n'));
}
