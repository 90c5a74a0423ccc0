// Filters in the URL and NetBox-style paging (count/next/previous/results) shared by the list pages.
import { h } from '../dom.js';

export const PAGE_SIZE = 50;

/** The query of the current route as a plain object. */
export function params(ctx) {
  return Object.fromEntries(ctx.query.entries());
}

/** A filter form whose submit navigates to the same page with the new filters (offset reset). */
export function filterForm(id, fields, values, onApply) {
  const inputs = {};
  const form = h('form', { class: 'filters', id },
    fields.map(f => {
      let input;
      if (f.options) {
        input = h('select', { name: f.name },
          h('option', { value: '' }, f.any || 'any'),
          f.options.map(o => h('option', { value: o, selected: values[f.name] === o ? true : null }, o)));
      } else {
        input = h('input', { name: f.name, type: f.type || 'text', value: values[f.name] || '', placeholder: f.placeholder || '' });
      }
      inputs[f.name] = input;
      return h('label', {}, f.label, input);
    }),
    h('button', { type: 'submit' }, 'Apply'),
    h('button', { type: 'button', class: 'secondary', onclick: () => onApply({}) }, 'Clear'));
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    const out = {};
    for (const [k, el] of Object.entries(inputs)) if (el.value) out[k] = el.value.trim();
    onApply(out);
  });
  return form;
}

/** "1–50 of 1234" with previous/next buttons. */
export function pager(count, limit, offset, onOffset) {
  const from = count === 0 ? 0 : offset + 1;
  const to = Math.min(offset + limit, count);
  return h('div', { class: 'pager' },
    h('button', { type: 'button', class: 'secondary', disabled: offset <= 0 ? true : null, onclick: () => onOffset(Math.max(0, offset - limit)) }, '‹ Previous'),
    h('span', { class: 'count' }, from + '–' + to + ' of ' + count),
    h('button', { type: 'button', class: 'secondary', disabled: to >= count ? true : null, onclick: () => onOffset(offset + limit) }, 'Next ›'));
}
