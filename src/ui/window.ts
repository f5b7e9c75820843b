/**
 * The only way text reaches VS Code's own surfaces: notifications, progress titles, the
 * status bar, quick picks, input boxes, tree items, editor and panel titles. Every text
 * parameter is a {@link UiText}, made by {@link uiText} (for text from AWS or anywhere else)
 * or by {@link t} (localized text whose arguments are passed through {@link uiText}).
 * Lint forbids calling those `vscode.window` APIs or setting those properties elsewhere.
 */
import * as vscode from 'vscode';
import { joinUi, uiText, type UiText } from '../shared/plainText';

export { joinUi, uiText, type UiText };

/** `vscode.l10n.t` whose arguments are made literal (each cut on its own, so the message stays whole). */
export function t(message: string, ...args: Array<string | number | boolean | undefined>): UiText {
  const safe = args.map((a) => (typeof a === 'number' || typeof a === 'boolean' ? a : uiText(a)));
  return vscode.l10n.t(message, ...safe) as UiText;
}

/** `t` for multi-line text (tooltips, modal details): arguments keep their line breaks. */
export function tLines(message: string, ...args: Array<string | number | boolean | undefined>): UiText {
  const safe = args.map((a) => (typeof a === 'number' || typeof a === 'boolean' ? a : uiText(a, { multiline: true })));
  return vscode.l10n.t(message, ...safe) as UiText;
}

type Items = string[];
type ModalOptions = { readonly modal: true; readonly detail?: UiText };

export const notify = {
  info: (text: UiText, ...items: Items): Thenable<string | undefined> => vscode.window.showInformationMessage(text, ...items),
  warn: (text: UiText, ...items: Items): Thenable<string | undefined> => vscode.window.showWarningMessage(text, ...items),
  error: (text: UiText, ...items: Items): Thenable<string | undefined> => vscode.window.showErrorMessage(text, ...items),
  /** A modal warning (confirmations). */
  confirm: (text: UiText, options: ModalOptions, ...items: Items): Thenable<string | undefined> =>
    vscode.window.showWarningMessage(text, options, ...items),
  /** A modal information message (results the user must see before going on). */
  modal: (text: UiText, options: ModalOptions, ...items: Items): Thenable<string | undefined> =>
    vscode.window.showInformationMessage(text, options, ...items),
  /** A short message in the status bar. */
  status: (text: UiText, ms: number): vscode.Disposable => vscode.window.setStatusBarMessage(text, ms),
};

export interface UiProgressOptions {
  readonly location: vscode.ProgressLocation;
  readonly title?: UiText;
  readonly cancellable?: boolean;
}

export function withProgress<R>(
  options: UiProgressOptions,
  task: (progress: vscode.Progress<{ message?: UiText; increment?: number }>, token: vscode.CancellationToken) => Thenable<R>,
): Thenable<R> {
  return vscode.window.withProgress(options, task);
}

/** A quick pick item whose texts are safe. */
export interface UiPickItem extends vscode.QuickPickItem {
  readonly label: UiText;
  readonly description?: UiText;
  readonly detail?: UiText;
}

export interface UiPickOptions {
  readonly title?: UiText;
  readonly placeHolder?: UiText;
  readonly canPickMany?: boolean;
  readonly matchOnDescription?: boolean;
  readonly matchOnDetail?: boolean;
  readonly ignoreFocusOut?: boolean;
}

export function showQuickPick<T extends UiPickItem>(items: readonly T[] | Thenable<readonly T[]>, options: UiPickOptions & { canPickMany: true }, token?: vscode.CancellationToken): Thenable<T[] | undefined>;
export function showQuickPick<T extends UiPickItem>(items: readonly T[] | Thenable<readonly T[]>, options?: UiPickOptions, token?: vscode.CancellationToken): Thenable<T | undefined>;
export function showQuickPick<T extends UiPickItem>(items: readonly T[] | Thenable<readonly T[]>, options?: UiPickOptions, token?: vscode.CancellationToken): Thenable<T | T[] | undefined> {
  return vscode.window.showQuickPick(items as T[] | Thenable<T[]>, options, token);
}

export interface UiInputBoxOptions {
  readonly title?: UiText;
  readonly prompt?: UiText;
  readonly placeHolder?: UiText;
  /** The editable text: shown as typed, never rendered. */
  readonly value?: string;
  readonly ignoreFocusOut?: boolean;
  readonly validateInput?: (value: string) => UiText | undefined;
}

export function showInputBox(options: UiInputBoxOptions): Thenable<string | undefined> {
  return vscode.window.showInputBox(options);
}

/** The texts of a quick input that may change while it is shown. */
export interface UiInputTexts {
  title?: UiText;
  placeholder?: UiText;
  prompt?: UiText;
  validationMessage?: UiText;
}

/** Sets texts of a quick input (quick pick or input box). */
export function setTexts<T extends UiPickItem>(input: vscode.QuickPick<T> | vscode.InputBox, texts: UiInputTexts): void {
  if ('title' in texts) input.title = texts.title;
  if ('placeholder' in texts) input.placeholder = texts.placeholder;
  if ('prompt' in texts && 'prompt' in input) input.prompt = texts.prompt;
  if ('validationMessage' in texts && 'validationMessage' in input) input.validationMessage = texts.validationMessage;
}

export function createQuickPick<T extends UiPickItem>(texts: UiInputTexts = {}): vscode.QuickPick<T> {
  const qp = vscode.window.createQuickPick<T>();
  setTexts(qp, texts);
  return qp;
}

export function createInputBox(texts: UiInputTexts = {}): vscode.InputBox {
  const box = vscode.window.createInputBox();
  setTexts(box, texts);
  return box;
}

export interface UiTreeTexts {
  readonly description?: UiText;
  readonly tooltip?: UiText;
}

/** A tree item whose label, description and tooltip are safe. */
export function treeItem(label: UiText, state: vscode.TreeItemCollapsibleState, texts: UiTreeTexts = {}): vscode.TreeItem {
  const item = new vscode.TreeItem(label, state);
  item.description = texts.description;
  item.tooltip = texts.tooltip;
  return item;
}

/** Sets the description shown beside a view's title. */
export function setViewDescription(view: vscode.TreeView<unknown>, text: UiText | undefined): void {
  view.description = text;
}

/** Sets the title of a webview panel's tab. */
export function setPanelTitle(panel: vscode.WebviewPanel, text: UiText): void {
  panel.title = text;
}

/** Sets the label, description or tooltip of a tree item. */
export function setItemText(item: vscode.TreeItem, key: 'label' | 'description' | 'tooltip', text: UiText | undefined): void {
  item[key] = text;
}

/** Markdown (hovers) that shows safe lines as plain text: not trusted, no HTML, no icons, no links. */
export function plainMarkdown(lines: readonly UiText[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, false);
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendText(lines.join('\n'));
  return md;
}
