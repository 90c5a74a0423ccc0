// A small Markdown renderer for answers and drafts that builds DOM nodes: every piece of text becomes a text node, so
// markup in an answer or a quoted page (<script>, <img onerror=...>) is shown literally, never run.
// Blocks: paragraphs, headings, bullet and numbered lists, quotes, fenced code. Inline: `code`, **bold**, *emphasis*,
// http(s) links, and citation markers [n], which become what cite(n) returns (a link to the numbered source).
import { h, safeUrl } from '/ui/js/dom.js';

const INLINE = /`([^`\n]+)`|\*\*([^*\n]+)\*\*|\[(\d{1,3})\]|\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)|\*([^*\s][^*\n]*)\*/g;

/** Inline Markdown as nodes; cite(n) gives the node for marker [n], or null to keep the marker as text. */
export function inline(text, cite) {
  const out = [];
  let last = 0;
  const s = String(text || '');
  for (const m of s.matchAll(INLINE)) {
    if (m.index > last) out.push(s.slice(last, m.index));
    if (m[1] !== undefined) out.push(h('code', {}, m[1]));
    else if (m[2] !== undefined) out.push(h('strong', {}, inline(m[2], cite)));
    else if (m[3] !== undefined) out.push((cite && cite(Number(m[3]))) || m[0]);
    else if (m[4] !== undefined) out.push(safeUrl(m[5]) ? h('a', { href: safeUrl(m[5]), target: '_blank', rel: 'noopener noreferrer' }, m[4]) : m[0]);
    else out.push(h('em', {}, inline(m[6], cite)));
    last = m.index + m[0].length;
  }
  if (last < s.length) out.push(s.slice(last));
  return out;
}

/** Block Markdown as an array of elements. */
export function markdown(text, cite) {
  const lines = String(text || '').replace(/\r\n?/g, '\n').split('\n');
  const blocks = [];
  let para = [];
  let list = null;
  const endPara = () => {
    if (para.length) blocks.push(h('p', {}, inline(para.join(' '), cite)));
    para = [];
  };
  const endList = () => {
    if (list) blocks.push(list);
    list = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    let m;
    if (/^\s*```/.test(line)) {
      endPara(); endList();
      const code = [];
      while (++i < lines.length && !/^\s*```/.test(lines[i])) code.push(lines[i]);
      blocks.push(h('pre', { class: 'md-code' }, h('code', {}, code.join('\n'))));
    } else if (line.trim() === '') {
      endPara(); endList();
    } else if ((m = /^(#{1,6})\s+(.*)$/.exec(line))) {
      endPara(); endList();
      blocks.push(h(m[1].length <= 2 ? 'h3' : 'h4', { class: 'md-heading' }, inline(m[2], cite)));
    } else if ((m = /^\s*([-*+]|\d{1,3}[.)])\s+(.*)$/.exec(line))) {
      endPara();
      const tag = /\d/.test(m[1]) ? 'ol' : 'ul';
      if (!list || list.tagName.toLowerCase() !== tag) {
        endList();
        list = h(tag, tag === 'ol' && parseInt(m[1], 10) > 1 ? { start: parseInt(m[1], 10) } : {});
      }
      list.append(h('li', {}, inline(m[2], cite)));
    } else if ((m = /^>\s?(.*)$/.exec(line))) {
      endPara(); endList();
      blocks.push(h('blockquote', {}, inline(m[1], cite)));
    } else if (list && /^\s{2,}\S/.test(line)) {
      list.lastElementChild.append(' ', ...inline(line.trim(), cite).map(n => n instanceof Node ? n : document.createTextNode(n)));
    } else {
      endList();
      para.push(line.trim());
    }
  }
  endPara(); endList();
  return blocks;
}
