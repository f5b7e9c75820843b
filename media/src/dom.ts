/** Tiny DOM helpers: every piece of text becomes a text node, never markup. */
import { splitInvisible } from '../../src/shared/plainText';

export type Child = Node | string | undefined | false;

export interface Attrs {
  readonly [name: string]: string | undefined;
}

const ALLOWED_ATTRS = /^(id|class|type|role|title|lang|tabindex|scope|aria-[a-z]+|data-[a-z-]+)$/;

/** Creates an element with plain attributes and text or element children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    if (!ALLOWED_ATTRS.test(name)) throw new Error(`attribute not allowed: ${name}`);
    el.setAttribute(name, value);
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const c of children) {
    if (c === undefined || c === false) continue;
    if (typeof c === 'string') appendText(parent, c);
    else parent.appendChild(c);
  }
}

/**
 * Appends text as text nodes; each bidi override, zero-width or other invisible character
 * becomes a visible `<U+XXXX>` marker instead, so it can neither reorder nor hide what follows.
 */
function appendText(parent: Node, text: string): void {
  for (const part of splitInvisible(text)) {
    if (typeof part === 'string') {
      parent.appendChild(document.createTextNode(part));
      continue;
    }
    const mark = document.createElement('span');
    mark.className = 'invisible-char';
    mark.title = part.invisible;
    mark.textContent = `<${part.invisible}>`;
    parent.appendChild(mark);
  }
}

export function button(label: string, attrs: Attrs, onClick: () => void): HTMLButtonElement {
  const b = h('button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', onClick);
  return b;
}
