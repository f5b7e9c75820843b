import type {
  BadgeView,
  DetailView,
  ErrorView,
  FieldView,
  PanelState,
  SectionView,
  TableView,
  UiStrings,
} from '../../src/shared/detailView';
import { actionMessage } from '../../src/shared/messages';
import { append, button, h, type Child } from './dom';
import { usageBar, type Send } from './parts';
export type { Send } from './parts';
import { historySection, usageSection } from './versions';


function badge(b: BadgeView, index: number): HTMLElement {
  return h(
    'span',
    { class: 'badge-group' },
    h('span', { class: 'visually-hidden' }, `${b.label}: `),
    h('span', { class: `badge tone-${b.tone}`, id: index === 0 ? 'status' : undefined, 'data-badge': String(index), title: b.label }, b.text),
  );
}

function fieldValue(f: FieldView, send: Send): Node {
  // Ids and ARNs stay on one line, cut with an ellipsis; the whole value shows on hover.
  const hover = f.hover ?? (f.mono ? f.value : undefined);
  if (f.linkId !== undefined) {
    const linkId = f.linkId;
    return button(
      f.value,
      { class: f.mono ? 'link mono ellipsis' : 'link', title: hover, 'data-focus': `field-link-${linkId}`, 'data-link-id': linkId },
      () => send({ type: 'openLink', linkId }),
    );
  }
  const cls = [f.mono ? 'mono ellipsis' : '', f.tone ? `tone-text-${f.tone}` : ''].filter(Boolean).join(' ');
  return h('span', { class: cls || undefined, title: hover }, f.value);
}

function fieldList(list: readonly FieldView[], strings: UiStrings, send: Send): HTMLElement {
  const dl = h('dl', { class: 'fields' });
  for (const f of list) {
    const copy = f.copy;
    dl.appendChild(h('dt', {}, f.label));
    dl.appendChild(
      h(
        'dd',
        { class: copy ? 'with-copy' : undefined },
        fieldValue(f, send),
        copy &&
          button(strings.copy, { class: 'secondary small', id: `copy-${copy.id}`, 'data-focus': `copy-${copy.id}`, title: copy.text }, () =>
            send({ type: 'copyField', fieldId: copy.id }),
          ),
      ),
    );
  }
  return dl;
}

function table(tv: TableView): HTMLElement {
  const head = h('tr', {}, ...tv.columns.map((c) => h('th', { scope: 'col' }, c)));
  const body = h('tbody', {}, ...tv.rows.map((r) => h('tr', {}, ...r.map((cell) => h('td', { title: cell }, cell)))));
  return h('table', {}, h('caption', { class: 'visually-hidden' }, tv.caption), h('thead', {}, head), body);
}

function hasRows(s: SectionView): boolean {
  return (s.fields?.length ?? 0) > 0 || (s.items?.length ?? 0) > 0 || (s.table?.rows.length ?? 0) > 0 || !!s.usage;
}

/** Sections with nothing to list: one line below the cards ("No rules · Nothing consumed"), never an empty card. */
function emptySections(sections: readonly SectionView[]): HTMLElement | undefined {
  const texts = sections.filter((s) => !hasRows(s) && s.empty !== undefined).map((s) => s.empty as string);
  return texts.length ? h('p', { class: 'empty empty-sections', id: 'empty-sections' }, texts.join(' · ')) : undefined;
}

function section(s: SectionView, strings: UiStrings, send: Send): HTMLElement {
  const headingId = `section-${s.id}`;
  const parts: Child[] = [
    h('h2', { id: headingId }, s.title),
    s.usage && usageBar(s.usage),
    s.fields && s.fields.length > 0 && fieldList(s.fields, strings, send),
    s.items && s.items.length > 0 && h('ul', { class: 'items' }, ...s.items.map((i) => h('li', {}, i))),
    s.table && s.table.rows.length > 0 && table(s.table),
  ];
  return h('section', { class: 'card', 'aria-labelledby': headingId, 'data-section': s.id }, ...parts);
}

/** A button that stays focusable while unavailable (aria-disabled) so redraws keep keyboard focus. */
function guarded(label: string, attrs: Record<string, string | undefined>, unavailable: boolean, onClick: () => void): HTMLButtonElement {
  const b = button(label, { ...attrs, 'aria-disabled': unavailable ? 'true' : undefined }, () => {
    if (b.getAttribute('aria-disabled') !== 'true') onClick();
  });
  return b;
}

function toolbar(state: PanelState, view: DetailView | undefined, send: Send): HTMLElement {
  const s = state.strings;
  const bar = h('div', { class: 'toolbar', role: 'group', 'aria-label': s.actions });
  const loading = state.phase === 'loading';
  if (view === undefined || view.canRefresh) {
    bar.appendChild(
      guarded(s.refresh, { id: 'refresh', class: 'secondary', 'data-focus': 'refresh' }, loading, () => send({ type: 'refresh' })),
    );
  }
  if (view) {
    bar.appendChild(button(s.openJson, { id: 'open-json', class: 'secondary', 'data-focus': 'open-json' }, () => send({ type: 'openJson' })));
    if (view.kind === 'license' || view.kind === 'receivedLicense') {
      bar.appendChild(button(s.generateCheckoutCode, { id: 'generate-checkout-code', class: 'secondary', 'data-focus': 'generate-checkout-code' }, () => send({ type: 'generateCheckoutCode' })));
      bar.appendChild(button(s.tryCheckout, { id: 'try-checkout', class: 'secondary', 'data-focus': 'try-checkout' }, () => send({ type: 'tryCheckout' })));
    }
    // The step the grant's status invites leads, as the one primary button.
    const actions = view.actions.map((a) => {
      const running = state.runningAction === a.action;
      return guarded(
          running ? `${a.label} ${s.running}` : a.label,
          {
            class: a.primary ? 'primary' : a.destructive ? 'secondary destructive' : 'secondary',
            'data-action': a.action,
            'data-focus': `action-${a.action}`,
          },
          state.runningAction !== undefined || loading,
          () => send(actionMessage(a.action)),
        );
    });
    bar.prepend(...actions);
  }
  return bar;
}

function errorBox(e: ErrorView, strings: UiStrings, hasView: boolean): HTMLElement {
  return h(
    'div',
    { id: 'error', class: 'error', role: 'alert', 'data-kind': e.kind },
    h('h2', {}, `${strings.errorHeading}: ${e.title}`),
    h('p', { class: 'error-message' }, e.message),
    e.fix !== undefined && h('p', {}, `${strings.fix}: `, h('code', {}, e.fix)),
    hasView && h('p', { class: 'empty' }, strings.staleData),
  );
}

function header(state: PanelState, send: Send): HTMLElement {
  const s = state.strings;
  const view = state.view;
  const subject = state.subject;
  return h(
    'header',
    { class: 'header' },
    h('p', { class: 'eyebrow', id: 'kind' }, subject.kindLabel),
    h('h1', { id: 'title' }, view?.title ?? subject.arn),
    view && view.badges.length > 0 && h('p', { class: 'badges' }, ...view.badges.map(badge)),
    h(
      'dl',
      { class: 'fields meta' },
      h('dt', {}, s.arn),
      h(
        'dd',
        {},
        h('code', { id: 'arn', title: subject.arn }, subject.arn),
        ' ',
        button(s.copyArn, { class: 'secondary small', id: 'copy-arn', 'data-focus': 'copy-arn' }, () => send({ type: 'copyArn' })),
      ),
      h('dt', {}, s.location),
      h('dd', { id: 'location' }, `${subject.profile} · ${subject.region}`),
    ),
    toolbar(state, view, send),
  );
}

function related(view: DetailView, strings: UiStrings, send: Send): HTMLElement | undefined {
  if (view.links.length === 0) return undefined;
  const items = view.links.map((l) =>
    h(
      'li',
      {},
      button(l.label, { class: 'link', 'data-link-id': l.id, 'data-focus': `related-${l.id}` }, () =>
        send({ type: 'openLink', linkId: l.id }),
      ),
      ' ',
      h('span', { class: 'mono dim ellipsis', title: l.description }, l.description),
    ),
  );
  return h('section', { class: 'card', id: 'related', 'aria-labelledby': 'related-heading' }, h('h2', { id: 'related-heading' }, strings.related), h('ul', { class: 'links' }, ...items));
}

function rawJson(view: DetailView, strings: UiStrings, send: Send): HTMLElement {
  return h(
    'section',
    { class: 'card', id: 'raw', 'aria-labelledby': 'raw-heading' },
    h(
      'div',
      { class: 'card-head' },
      h('h2', { id: 'raw-heading' }, strings.rawJson),
      button(strings.copyJson, { class: 'secondary small', id: 'copy-json', 'data-focus': 'copy-json' }, () => send({ type: 'copyJson' })),
    ),
    h('pre', { id: 'json', tabindex: '0', 'aria-labelledby': 'raw-heading' }, h('code', {}, view.json)),
  );
}

/** Draws the whole panel for one state; keeps keyboard focus on the same control. */
export function render(root: HTMLElement, state: PanelState, notice: string | undefined, send: Send): void {
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.focus : undefined;
  const view = state.view;
  const statusText = state.phase === 'loading' ? state.strings.loading : notice ?? '';
  root.replaceChildren(
    ...([
      header(state, send),
      h('p', { id: 'status-line', class: 'status-line', role: 'status', 'aria-live': 'polite' }, statusText),
      state.phase === 'error' && state.error && errorBox(state.error, state.strings, view !== undefined),
      view && h('div', { class: 'sections' }, ...view.sections.filter(hasRows).map((s) => section(s, state.strings, send))),
      view && emptySections(view.sections),
      view && usageSection(state),
      view && historySection(state, send),
      view && related(view, state.strings, send),
      view && rawJson(view, state.strings, send),
    ].filter((c): c is HTMLElement => c instanceof HTMLElement)),
  );
  root.setAttribute('aria-busy', state.phase === 'loading' ? 'true' : 'false');
  root.dataset.phase = state.phase;
  if (focused) {
    const again = root.querySelector<HTMLElement>(`[data-focus="${CSS.escape(focused)}"]`);
    again?.focus();
  }
}

/** Shows a short notice without redrawing: in the status line, and next to the button `near` names. */
export function showNotice(root: HTMLElement, text: string, near?: string): void {
  const line = root.querySelector('#status-line');
  if (line) {
    line.replaceChildren();
    append(line, [text]);
  }
  for (const old of root.querySelectorAll('.near-notice')) old.remove();
  const pressed = near ? root.querySelector<HTMLElement>(`[data-focus="${CSS.escape(near)}"]`) : null;
  if (pressed) {
    const mark = h('span', { class: 'near-notice', role: 'status', 'data-near': near }, text);
    pressed.after(mark);
    setTimeout(() => mark.remove(), 4000);
  }
}
