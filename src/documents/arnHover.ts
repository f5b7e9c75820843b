import * as vscode from 'vscode';
import { joinUi, plainMarkdown, t, type UiText } from '../ui/window';
import { findLmArns, lmArnAt, type ArnKind, type ItemFacts, type LmArn } from '../model/lmArn';
import type { ResourceHolder } from '../model/resources';

/** What is known about an ARN, and where it came from. */
export type ArnAnswer =
  | { readonly source: 'explorer' | 'read'; readonly facts: ItemFacts; readonly profile: string; readonly holder?: ResourceHolder }
  | {
      readonly source: 'none';
      readonly reason: 'noProfile' | 'notLoaded' | 'notFound' | 'limited' | 'untrusted' | 'failed';
      readonly message?: string;
    };

/** Answers hovers (the explorer implements it). */
export interface ArnSource {
  answer(parsed: LmArn, options: { readonly read: boolean; readonly file: string; readonly signal?: AbortSignal }): Promise<ArnAnswer>;
}

/** The setting that turns hovers and links on ARNs off. */
export const ARN_SETTING = 'licenseManager.editor.arnHovers';
/** The command a CodeLens runs (with the ARN text). */
export const OPEN_ARN_COMMAND = 'licenseManager.resource.openArn';
/** Files longer than this are not scanned. */
const MAX_SCAN = 1_000_000;
/** CodeLenses per file, at most. */
const MAX_LENSES = 50;
/** A hover waits this long before reading, so that moving across the text sends nothing. */
const HOVER_DEBOUNCE_MS = 250;

function enabled(): boolean {
  return vscode.workspace.getConfiguration().get<boolean>(ARN_SETTING, true) !== false;
}

/** "License Manager grant", the title of a hover. */
export function kindTitle(kind: ArnKind): UiText {
  switch (kind) {
    case 'grant':
      return t('License Manager grant');
    case 'license':
      return t('License Manager license');
    case 'licenseConfiguration':
      return t('License Manager license configuration');
    case 'token':
      return t('License Manager token');
  }
}

/** The lines of a hover, each literal text. */
export function hoverLines(parsed: LmArn, answer: ArnAnswer): UiText[] {
  if (answer.source !== 'none') {
    const f = answer.facts;
    const where = joinUi(
      [t('Account: {0}', parsed.account), f.region ? t('Region: {0}', f.region) : undefined, f.version ? t('Version: {0}', f.version) : undefined],
      ' · ',
    );
    return [
      t('{0}: {1}', kindTitle(parsed.kind), f.name ?? parsed.id),
      t('Status: {0}', f.status ?? t('unknown')),
      where,
      answer.source === 'explorer' ? t('As loaded in the explorer ({0})', answer.profile) : t('Read through the profile {0}', answer.profile),
    ];
  }
  const head = [
    t('{0}: {1}', kindTitle(parsed.kind), parsed.id),
    joinUi([t('Account: {0}', parsed.account), parsed.region ? t('Region: {0}', parsed.region) : undefined], ' · '),
  ];
  switch (answer.reason) {
    case 'noProfile':
      return [...head, t('No selected profile is of account {0}; nothing was read.', parsed.account)];
    case 'notLoaded':
      return [...head, t('Not loaded in the explorer.')];
    case 'untrusted':
      return [...head, t('Not read: this workspace is not trusted.')];
    case 'limited':
      return [...head, t('Not read: this file has used its reads for this minute. Hover again later.')];
    case 'notFound':
      return [...head, t('Not found: {0}', answer.message ?? '')];
    case 'failed':
      return [...head, t('Could not be read: {0}', answer.message ?? '')];
  }
}

function waitOrCancel(ms: number, token: vscode.CancellationToken): Promise<boolean> {
  return new Promise((resolve) => {
    if (token.isCancellationRequested) return resolve(false);
    const timer = setTimeout(() => {
      sub.dispose();
      resolve(!token.isCancellationRequested);
    }, ms);
    const sub = token.onCancellationRequested(() => {
      clearTimeout(timer);
      sub.dispose();
      resolve(false);
    });
  });
}

/** Hovers on License Manager ARNs in any file. */
export class ArnHoverProvider implements vscode.HoverProvider {
  constructor(private readonly source: ArnSource) {}

  async provideHover(doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    if (!enabled()) return undefined;
    const line = doc.lineAt(position.line).text;
    const match = lmArnAt(line, position.character);
    if (!match) return undefined;
    const range = new vscode.Range(position.line, match.start, position.line, match.end);
    const read = await waitOrCancel(HOVER_DEBOUNCE_MS, token);
    const abort = new AbortController();
    const sub = token.onCancellationRequested(() => abort.abort());
    try {
      const answer = await this.source.answer(match, { read, file: doc.uri.toString(), signal: abort.signal });
      return new vscode.Hover(plainMarkdown(hoverLines(match, answer)), range);
    } finally {
      sub.dispose();
    }
  }
}

/** "Open in License Manager" above each License Manager ARN. */
export class ArnCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;
  private readonly watch = vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(ARN_SETTING)) this.emitter.fire();
  });

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (!enabled()) return [];
    const text = doc.getText();
    if (text.length > MAX_SCAN) return [];
    return findLmArns(text, MAX_LENSES).map((m) => {
      const range = new vscode.Range(doc.positionAt(m.start), doc.positionAt(m.end));
      return new vscode.CodeLens(range, { command: OPEN_ARN_COMMAND, title: t('Open in License Manager'), arguments: [m.arn] });
    });
  }

  dispose(): void {
    this.watch.dispose();
    this.emitter.dispose();
  }
}

/** Registers the hover and CodeLens providers for files and unsaved documents of every language. */
export function registerArnProviders(source: ArnSource): vscode.Disposable {
  const selector: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }];
  const lenses = new ArnCodeLensProvider();
  return vscode.Disposable.from(
    vscode.languages.registerHoverProvider(selector, new ArnHoverProvider(source)),
    vscode.languages.registerCodeLensProvider(selector, lenses),
    lenses,
  );
}
