import type { UsageView } from '../../src/shared/detailView';
import type { WebviewMessage } from '../../src/shared/messages';
import { h } from './dom';

export type Send = (message: WebviewMessage) => void;

/** A meter with its text; `textId` names the text (false: no id). */
export function usageBar(u: UsageView, textId: string | false = 'usage-text'): HTMLElement {
  const fill = h('div', { class: 'usage-fill' });
  // CSSOM from the nonce'd script; the CSP forbids style attributes in markup.
  fill.style.width = `${Math.round(Math.max(0, Math.min(1, u.ratio)) * 1000) / 10}%`;
  const bar = h(
    'div',
    {
      class: `usage-bar${u.over ? ' over' : ''}`,
      role: 'meter',
      'aria-label': u.label,
      'aria-valuemin': '0',
      'aria-valuemax': String(u.limit ?? u.consumed),
      'aria-valuenow': String(u.consumed),
      'aria-valuetext': u.text,
    },
    fill,
  );
  return h('div', { class: 'usage' }, bar, h('p', { class: `usage-text${u.over ? ' tone-text-warning' : ''}`, id: textId || undefined }, u.text));
}

