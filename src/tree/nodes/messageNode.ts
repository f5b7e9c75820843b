import * as vscode from 'vscode';
import { isLicenseManagerError } from '../../aws/errors';
import type { AwsErrorKind } from '../../aws/types';
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

export function errorKindLabel(kind: AwsErrorKind | undefined): string {
  switch (kind) {
    case 'credentials':
      return vscode.l10n.t('Credentials problem');
    case 'accessDenied':
      return vscode.l10n.t('Access denied');
    case 'throttled':
      return vscode.l10n.t('Throttled');
    case 'invalidInput':
      return vscode.l10n.t('Invalid request');
    case 'notFound':
      return vscode.l10n.t('Not found');
    case 'staleVersion':
      return vscode.l10n.t('Changed since loaded');
    case 'service':
      return vscode.l10n.t('Service error');
    case 'network':
      return vscode.l10n.t('Network error');
    default:
      return vscode.l10n.t('Unexpected error');
  }
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
    return new MessageNode(parent, d.kind === 'credentials' ? 'credentials' : 'error', errorKindLabel(d.kind), {
      description: d.fix ?? d.message,
      tooltip: `${d.details}\n\n${clickToRetry}`,
      retry,
      key,
    });
  }

  get description(): string | undefined {
    return this.options.description;
  }

  get retryable(): boolean {
    return this.options.retry !== undefined;
  }

  /** Runs the retry action, if any. */
  async retry(): Promise<void> {
    await this.options.retry?.();
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.description = this.options.description;
    item.tooltip = this.options.tooltip ?? this.options.description;
    item.iconPath = ICONS[this.kind];
    item.contextValue = contextValue({ node: 'message', retry: this.retryable });
    if (this.options.retry) {
      item.command = { command: 'licenseManager.explorer.refreshNode', title: vscode.l10n.t('Retry'), arguments: [this] };
    } else if (this.options.command) {
      item.command = this.options.command;
    }
    return item;
  }
}
