import * as vscode from 'vscode';
import { setItemText, treeItem, uiText } from '../../ui/window';
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
}

const ICONS: Record<MessageKind, vscode.ThemeIcon | undefined> = {
  empty: undefined,
  hint: new vscode.ThemeIcon('info'),
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
  credentials: new vscode.ThemeIcon('key', new vscode.ThemeColor('list.warningForeground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
};

const t = (message: string, ...args: Array<string | number | boolean>): string => vscode.l10n.t(message, ...args);

/** The tree's name of a failure kind (see `model/errorKinds`). */
export function errorKindText(kind: AwsErrorKind | undefined): string {
  return errorKindLabel(t, kind);
}

/** Multi-line plain-text description of a failure (operation, code, request id, fix). */
export function describeError(error: unknown): { kind?: AwsErrorKind; message: string; fix?: string; details: string } {
  if (isLicenseManagerError(error)) {
    const d = error.details;
    const lines = [
      error.message,
      d.operation ? vscode.l10n.t('Operation: {0}', d.operation) : undefined,
      vscode.l10n.t('Code: {0}', d.code),
      d.requestId ? vscode.l10n.t('Request id: {0}', d.requestId) : undefined,
      d.fix ? vscode.l10n.t('Fix: {0}', d.fix) : undefined,
    ];
    return { kind: error.kind, message: error.message, fix: d.fix, details: lines.filter(Boolean).join('\n') };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { message, details: message };
}

/** An item that says something instead of listing resources: empty, error, credentials, hint. */
export class MessageNode extends ExplorerNode {
  readonly id: string;

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

  /** An error item naming the kind of failure; clicking it runs `retry`. */
  static fromError(parent: ExplorerNode | undefined, error: unknown, retry: () => unknown, key?: string): MessageNode {
    const d = describeError(error);
    const clickToRetry = vscode.l10n.t('Click to retry.');
    return new MessageNode(parent, d.kind === 'credentials' ? 'credentials' : 'error', errorKindText(d.kind), {
      description: d.fix ?? d.message,
      tooltip: `${d.details}\n\n${clickToRetry}`,
      retry,
      key,
    });
  }

  get retryable(): boolean {
    return this.options.retry !== undefined;
  }

  /** Runs the retry action, if any. */
  async retry(): Promise<void> {
    await this.options.retry?.();
  }

  getTreeItem(): vscode.TreeItem {
    const item = treeItem(uiText(this.label), vscode.TreeItemCollapsibleState.None);
    setItemText(item, 'description', uiText(this.options.description));
    setItemText(item, 'tooltip', uiText(this.options.tooltip ?? this.options.description, { multiline: true }));
    item.iconPath = ICONS[this.kind];
    item.contextValue = contextValue({ node: 'message', retry: this.retryable, ssoSignIn: this.options.ssoSignIn ?? this.options.signInProfile !== undefined });
    if (this.options.retry) {
      item.command = { command: 'licenseManager.explorer.refreshNode', title: vscode.l10n.t('Retry'), arguments: [this] };
    } else if (this.options.command) {
      item.command = this.options.command;
    }
    return item;
  }
}
