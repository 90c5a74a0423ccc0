// Side by side view of the unified diff the server computes (java-diff-utils): removed lines on the left, added on
// the right, unchanged context on both.
import { h } from '../dom.js';

/** Rows {left, right, leftNo, rightNo, kind} from unified diff text. */
export function sideBySide(unified) {
  const rows = [];
  let l = 0, r = 0, dels = [], adds = [];
  const flush = () => {
    const n = Math.max(dels.length, adds.length);
    for (let i = 0; i < n; i++) {
      const d = dels[i], a = adds[i];
      rows.push({ kind: 'change', left: d ? d.text : null, leftNo: d ? d.no : null, right: a ? a.text : null, rightNo: a ? a.no : null });
    }
    dels = []; adds = [];
  };
  for (const line of unified.split('\n')) {
    if (line.startsWith('---') || line.startsWith('+++')) continue;
    const m = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (m) {
      flush();
      l = Number(m[1]); r = Number(m[2]);
      rows.push({ kind: 'hunk', left: line, right: line });
    } else if (line.startsWith('-')) {
      dels.push({ no: l++, text: line.slice(1) });
    } else if (line.startsWith('+')) {
      adds.push({ no: r++, text: line.slice(1) });
    } else if (line.startsWith(' ')) {
      flush();
      rows.push({ kind: 'same', left: line.slice(1), right: line.slice(1), leftNo: l++, rightNo: r++ });
    }
  }
  flush();
  return rows;
}

export function diffTable(unified, fromLabel, toLabel) {
  const rows = sideBySide(unified || '');
  if (rows.length === 0) return h('p', { class: 'muted', id: 'config-diff' }, 'The two versions are identical.');
  return h('table', { class: 'diff', id: 'config-diff' },
    h('colgroup', {}, h('col', { class: 'num' }), h('col', {}), h('col', { class: 'num' }), h('col', {})),
    h('thead', {}, h('tr', {}, h('th', { colspan: 2 }, fromLabel), h('th', { colspan: 2 }, toLabel))),
    h('tbody', {}, rows.map(row => row.kind === 'hunk'
      ? h('tr', { class: 'hunk' }, h('td', { colspan: 4 }, row.left))
      : h('tr', {},
        h('td', { class: 'num' }, row.leftNo ?? ''),
        h('td', { class: row.kind === 'change' && row.left !== null ? 'del' : '' }, row.left ?? ''),
        h('td', { class: 'num' }, row.rightNo ?? ''),
        h('td', { class: row.kind === 'change' && row.right !== null ? 'add' : '' }, row.right ?? '')))));
}
