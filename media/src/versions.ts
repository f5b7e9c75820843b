import type { HistoryEntryView, PanelState } from '../../src/shared/detailView';
import { button, h } from './dom';
import { usageBar, type Send } from './parts';

function entry(e: HistoryEntryView, state: PanelState, send: Send): HTMLElement {
  const s = state.strings;
  return h(
    'li',
    { class: 'history-entry', 'data-version': e.version },
    h(
      'p',
      { class: 'history-head' },
      h('strong', {}, e.label),
      e.status !== undefined && ' ',
      e.status !== undefined && h('span', { class: `badge tone-${e.tone ?? 'neutral'}` }, e.status),
      e.previousStatus !== undefined && h('span', { class: 'dim' }, ` (${e.previousStatus})`),
      e.time !== undefined && h('span', { class: 'dim' }, ` · ${e.time}`),
      e.canCompare && ' ',
      e.canCompare &&
        button(s.compareWithPrevious, { class: 'secondary small', 'data-compare': e.version, 'data-focus': `compare-${e.version}` }, () =>
          send({ type: 'compareWithPrevious', version: e.version }),
        ),
    ),
    e.reason !== undefined && h('p', { class: 'history-reason' }, e.reason),
    e.changes.length > 0 && h('ul', { class: 'items history-changes' }, ...e.changes.map((c) => h('li', {}, c))),
  );
}

/** The History section: a "Show history" button until loaded, then the versions newest first. */
export function historySection(state: PanelState, send: Send): HTMLElement | undefined {
  const history = state.history;
  if (!history) return undefined;
  const s = state.strings;
  const loading = history.phase === 'loading';
  const head = h('div', { class: 'card-head' }, h('h2', { id: 'section-history' }, s.history));
  head.appendChild(button(s.compareVersions, { class: 'secondary small', id: 'compare-versions', 'data-focus': 'compare-versions' }, () => send({ type: 'compareVersions' })));
  return h(
    'section',
    { class: 'card', id: 'history', 'aria-labelledby': 'section-history', 'aria-busy': loading ? 'true' : 'false', 'data-phase': history.phase },
    head,
    history.phase === 'idle' && button(s.showHistory, { id: 'show-history', 'data-focus': 'show-history' }, () => send({ type: 'showHistory' })),
    loading && h('p', { class: 'empty' }, s.loading),
    history.phase === 'error' && history.error !== undefined && h('p', { class: 'tone-text-error', role: 'alert' }, history.error),
    history.phase === 'error' && history.entries.length === 0 && button(s.showHistory, { id: 'show-history', 'data-focus': 'show-history' }, () => send({ type: 'showHistory' })),
    history.note !== undefined && h('p', { class: 'empty' }, history.note),
    history.entries.length > 0 && h('ol', { class: 'history', id: 'history-list' }, ...history.entries.map((e) => entry(e, state, send))),
    history.canShowOlder && !loading && button(s.showOlder, { id: 'show-older', 'data-focus': 'show-older' }, () => send({ type: 'showOlder' })),
  );
}

/** The entitlement usage of a license: one bar per entitlement, or a note. */
export function usageSection(state: PanelState): HTMLElement | undefined {
  const usage = state.usage;
  if (!usage) return undefined;
  return h(
    'section',
    { class: 'card', id: 'entitlement-usage', 'aria-labelledby': 'section-entitlement-usage', 'data-phase': usage.phase },
    h('h2', { id: 'section-entitlement-usage' }, state.strings.entitlementUsage),
    ...usage.rows.map((r) => h('div', { class: 'entitlement-usage', 'data-entitlement': r.name }, h('h3', {}, r.name), usageBar(r.usage, false))),
    usage.note !== undefined && h('p', { class: 'empty', id: 'usage-note' }, usage.note),
  );
}
