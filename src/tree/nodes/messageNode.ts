import * as vscode from 'vscode';
import { setItemText, treeItem, uiText, t } from '../../ui/window';
import { isLicenseManagerError } from '../../aws/errors';
import type { AwsErrorKind } from '../../aws/types';
import { errorKindLabel } from '../../model/errorKinds';
import { contextValue } from '../contextValue';
import { ExplorerNode } from './explorerNode';

export type MessageKind = 'empty' | 'hint' | 'error' | 'credentials' | 'warning';

export interface MessageOptions {
  readonly description?: string;
  readonly tooltip?: string;
  /** Run when the item is clicked (the refresh command calls it). */
  readonly retry?: () => unknown;
  /** Run when the item is clicked, when there is nothing to retry. */
  readonly command?: vscode.Command;
  /** Offers Sign in (an SSO profile whose token is missing or expired). */
  readonly ssoSignIn?: boolean;
  /** The profile Sign in signs in to, when the item has no profile above it (the inbox's rows); offers Sign in. */
  readonly signInProfile?: string;
  /** Distinguishes two messages of one kind under one parent. */
  readonly key?: string;
  /** The failure in full, for Copy Error. */
  readonly error?: string;
  /** The request id AWS gave the failure, for Copy Request Id. */
  readonly requestId?: string;
}

/** How long a retried row shows its spinner before the list reloads (and replaces it). */
const SPINNER_FIRST_MS = 150;

/** When the user last retried a row (by the row's place in its view), for the next row in that place. */
const lastTries = new Map<string, number>();

/** Fires when a row starts retrying, so its view shows it busy. */
const retryingEmitter = new vscode.EventEmitter<MessageNode>();
export const onDidStartRetry: vscode.Event<MessageNode> = retryingEmitter.event;

/** "14:05:09": when a retry was started, in the window's local time. */
export function clockTime(ms: number): string {
  const d = new Date(ms);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

const ICONS: Record<MessageKind, vscode.ThemeIcon | undefined> = {
  empty: undefined,
  hint: new vscode.ThemeIcon('info'),
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
  credentials: new vscode.ThemeIcon('key', new vscode.ThemeColor('list.warningForeground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
};


/** The tree's name of a failure kind (see `model/errorKinds`). */
export function errorKindText(kind: AwsErrorKind | undefined): string {
  return errorKindLabel(t, kind);
}

/** Multi-line plain-text description of a failure (operation, code, request id, fix). */
export function describeError(error: unknown): { kind?: AwsErrorKind; message: string; fix?: string; details: string; requestId?: string } {
  if (isLicenseManagerError(error)) {
    const d = error.details;
    const lines = [
      error.message,
      d.operation ? t('Operation: {0}', d.operation) : undefined,
      t('Code: {0}', d.code),
      d.requestId ? t('Request id: {0}', d.requestId) : undefined,
      d.fix ? t('Fix: {0}', d.fix) : undefined,
    ];
    return { kind: error.kind, message: error.message, fix: d.fix, details: lines.filter(Boolean).join('\n'), requestId: d.requestId };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { message, details: message };
}

/** An item that says something instead of listing resources: empty, error, credentials, hint. */
export class MessageNode extends ExplorerNode {
  readonly id: string;
  private retrying = false;

  /** The profile Sign in signs in to, when no profile item is above this one. */
  get signInProfile(): string | undefined {
    return this.options.signInProfile;
  }

  constructor(
    parent: ExplorerNode | undefined,
    readonly kind: MessageKind,
    readonly label: string,
    private readonly options: MessageOptions = {},
  ) {
    super(parent);
    this.id = `${parent?.id ?? 'root'}|message|${kind}|${options.key ?? ''}`;
  }

  /** The row's place in its view, whatever its kind (an error may turn into a credentials problem). */
  private get place(): string {
    return `${this.parent?.id ?? 'root'}|${this.options.key ?? this.label}`;
  }

  /** The failure in full (Copy Error), when the row shows one. */
  get errorText(): string | undefined {
    return this.options.error;
  }

  get requestId(): string | undefined {
    return this.options.requestId;
  }

  /** An error item naming the kind of failure; clicking it runs `retry`. */
  static fromError(parent: ExplorerNode | undefined, error: unknown, retry: () => unknown, key?: string): MessageNode {
    const d = describeError(error);
    const clickToRetry = t('Click to retry.');
    return new MessageNode(parent, d.kind === 'credentials' ? 'credentials' : 'error', errorKindText(d.kind), {
      description: d.fix ?? d.message,
      tooltip: `${d.details}\n\n${clickToRetry}`,
      retry,
      key,
      error: d.details,
      requestId: d.requestId,
    });
  }

  get retryable(): boolean {
    return this.options.retry !== undefined;
  }

  /** Runs the retry action, if any. */
  async retry(): Promise<void> {
    if (!this.options.retry) return;
    lastTries.set(this.place, Date.now());
    this.retrying = true;
    retryingEmitter.fire(this);
    // Let the view draw the spinner before the list reloads (a reload replaces this row).
    await new Promise((resolve) => setTimeout(resolve, SPINNER_FIRST_MS));
    try {
      await this.options.retry();
    } catch (e) {
      this.retrying = false;
      retryingEmitter.fire(this);
      throw e;
    }
  }

  /** The description, led by the time of the last retry when the user retried this row. */
  private description(): string | undefined {
    const tried = this.options.retry ? lastTries.get(this.place) : undefined;
    if (tried === undefined) return this.options.description;
    const at = t('tried {0}', clockTime(tried));
    return this.options.description ? t('{0} · {1}', at, this.options.description) : at;
  }

  getTreeItem(): vscode.TreeItem {
    const item = treeItem(uiText(this.label), vscode.TreeItemCollapsibleState.None);
    setItemText(item, 'description', uiText(this.retrying ? t('Retrying…') : this.description()));
    setItemText(item, 'tooltip', uiText(this.options.tooltip ?? this.options.description, { multiline: true }));
    item.iconPath = this.retrying ? new vscode.ThemeIcon('loading~spin') : ICONS[this.kind];
    item.contextValue = contextValue({
      node: 'message',
      retry: this.retryable,
      ssoSignIn: this.options.ssoSignIn ?? this.options.signInProfile !== undefined,
      hasError: this.options.error !== undefined,
      hasRequestId: this.options.requestId !== undefined,
    });
    if (this.options.retry) {
      item.command = { command: 'licenseManager.explorer.refreshNode', title: t('Retry'), arguments: [this] };
    } else if (this.options.command) {
      item.command = this.options.command;
    }
    return item;
  }
}
