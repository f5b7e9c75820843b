/**
 * Messages between the extension and the detail webview, both directions.
 * Shared by both sides; no `vscode` and no DOM here.
 */
import { GRANT_ACTION_NAMES, type GrantAction } from '../model/grantActions';
import { LICENSE_ACTION_NAMES, type LicenseAction } from '../model/licenseActions';
import type { PanelAction, PanelState } from './detailView';

/** Webview → extension. */
export type WebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'refresh' }
  | { readonly type: 'openJson' }
  | { readonly type: 'copyArn' }
  | { readonly type: 'copyJson' }
  /** Copies the copy text of the current view's field with this id. */
  | { readonly type: 'copyField'; readonly fieldId: string }
  /** Opens a related resource named by the id of one of the current view's links. */
  | { readonly type: 'openLink'; readonly linkId: string }
  | { readonly type: 'grantAction'; readonly action: GrantAction }
  /** Runs an issued license's action (a record of `LICENSE_ACTIONS`) on the panel's license. */
  | { readonly type: 'licenseAction'; readonly action: LicenseAction }
  /** Loads the History section's first page. */
  | { readonly type: 'showHistory' }
  /** Loads the next older page of the History section. */
  | { readonly type: 'showOlder' }
  /** Opens the diff of one version (a decimal number) with the one before it. */
  | { readonly type: 'compareWithPrevious'; readonly version: string }
  /** Asks for two versions and opens their diff. */
  | { readonly type: 'compareVersions' }
  /** Generate Checkout Code for the panel's license. */
  | { readonly type: 'generateCheckoutCode' }
  /** Try Checkout of the panel's license. */
  | { readonly type: 'tryCheckout' };

/** Extension → webview. */
export type HostMessage =
  | { readonly type: 'state'; readonly state: PanelState }
  /** A short confirmation shown in the status line, e.g. "ARN copied", and next to the button `near` names. */
  | { readonly type: 'notice'; readonly text: string; readonly near?: string };

export type WebviewMessageType = WebviewMessage['type'];

function isLicenseAction(action: PanelAction): action is LicenseAction {
  return (LICENSE_ACTION_NAMES as readonly string[]).includes(action);
}

/** The message a panel's action button posts. */
export function actionMessage(action: PanelAction): WebviewMessage {
  return isLicenseAction(action) ? { type: 'licenseAction', action } : { type: 'grantAction', action };
}

export type ParseResult<T> = { readonly ok: true; readonly message: T } | { readonly ok: false; readonly reason: string };

const NO_PAYLOAD: ReadonlySet<string> = new Set(['ready', 'refresh', 'openJson', 'copyArn', 'copyJson', 'showHistory', 'showOlder', 'compareVersions', 'generateCheckoutCode', 'tryCheckout']);
const VERSION = /^[1-9][0-9]{0,9}$/;
const LINK_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_NOTICE = 500;

function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x) as unknown;
  return proto === Object.prototype || proto === null;
}

function hasOnlyKeys(o: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(o).every((k) => keys.includes(k));
}

function fail<T>(reason: string): ParseResult<T> {
  return { ok: false, reason };
}

/**
 * Checks anything the webview posted. Only the exact shapes of `WebviewMessage`
 * pass; extra members, wrong types and unknown types are refused with a reason.
 */
export function parseWebviewMessage(raw: unknown): ParseResult<WebviewMessage> {
  if (!isPlainObject(raw)) return fail('not an object');
  const type = raw.type;
  if (typeof type !== 'string') return fail('missing type');
  if (NO_PAYLOAD.has(type)) {
    if (!hasOnlyKeys(raw, ['type'])) return fail(`unexpected members in ${type}`);
    return { ok: true, message: { type } as WebviewMessage };
  }
  switch (type) {
    case 'openLink': {
      if (!hasOnlyKeys(raw, ['type', 'linkId'])) return fail('unexpected members in openLink');
      const linkId = raw.linkId;
      if (typeof linkId !== 'string' || !LINK_ID.test(linkId)) return fail('bad linkId');
      return { ok: true, message: { type, linkId } };
    }
    case 'grantAction': {
      if (!hasOnlyKeys(raw, ['type', 'action'])) return fail('unexpected members in grantAction');
      const action = raw.action;
      if (typeof action !== 'string' || !(GRANT_ACTION_NAMES as readonly string[]).includes(action)) {
        return fail('unknown grant action');
      }
      return { ok: true, message: { type, action: action as GrantAction } };
    }
    case 'copyField': {
      if (!hasOnlyKeys(raw, ['type', 'fieldId'])) return fail('unexpected members in copyField');
      const fieldId = raw.fieldId;
      if (typeof fieldId !== 'string' || !LINK_ID.test(fieldId)) return fail('bad fieldId');
      return { ok: true, message: { type, fieldId } };
    }
    case 'licenseAction': {
      if (!hasOnlyKeys(raw, ['type', 'action'])) return fail('unexpected members in licenseAction');
      const action = raw.action;
      if (typeof action !== 'string' || !(LICENSE_ACTION_NAMES as readonly string[]).includes(action)) {
        return fail('unknown license action');
      }
      return { ok: true, message: { type, action: action as LicenseAction } };
    }
    case 'compareWithPrevious': {
      if (!hasOnlyKeys(raw, ['type', 'version'])) return fail('unexpected members in compareWithPrevious');
      const version = raw.version;
      if (typeof version !== 'string' || !VERSION.test(version)) return fail('bad version');
      return { ok: true, message: { type, version } };
    }
    default:
      return fail('unknown message type');
  }
}

/** The webview's check of what the extension sends (shape only; the extension is trusted). */
export function parseHostMessage(raw: unknown): ParseResult<HostMessage> {
  if (!isPlainObject(raw)) return fail('not an object');
  if (raw.type === 'state') {
    const state = raw.state;
    if (!isPlainObject(state) || typeof state.phase !== 'string' || !isPlainObject(state.strings)) {
      return fail('bad state');
    }
    return { ok: true, message: raw as unknown as HostMessage };
  }
  if (raw.type === 'notice') {
    if (typeof raw.text !== 'string' || raw.text.length > MAX_NOTICE) return fail('bad notice');
    const near = typeof raw.near === 'string' && LINK_ID.test(raw.near) ? raw.near : undefined;
    return { ok: true, message: near === undefined ? { type: 'notice', text: raw.text } : { type: 'notice', text: raw.text, near } };
  }
  return fail('unknown message type');
}

/** A readable one-line summary of a refused message for the log (never the whole payload). */
export function describeRaw(raw: unknown): string {
  if (raw === null) return 'null';
  if (typeof raw !== 'object') return typeof raw;
  if (Array.isArray(raw)) return `array(${raw.length})`;
  const type = (raw as { type?: unknown }).type;
  const keys = Object.keys(raw).slice(0, 8).map((k) => JSON.stringify(k.slice(0, 40)));
  return `{type: ${typeof type === 'string' ? JSON.stringify(type.slice(0, 40)) : typeof type}, keys: [${keys.join(', ')}]}`;
}
