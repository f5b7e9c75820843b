import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, isAbsolute } from 'node:path';
import * as vscode from 'vscode';
import { isLicenseManagerError } from '../aws/errors';
import type { ExportFormat } from '../data/export';
import { csvKindOf, exportFetcher } from '../data/exportSource';
import { errorKindLabel } from '../model/errorKinds';
import { exportFileName } from '../model/fileNames';
import { Cancelled } from '../shared/cancelled';
import { exportableOf, loadedExportables, type Exportable } from '../tree/exportable';
import { notify, showQuickPick, t, uiText, withProgress } from '../ui/window';
import { loadIssuing } from './issuing';
import type { CommandContext, CommandDefinition } from './register';

/** globalState key of the format chosen last. */
const FORMAT_KEY = 'licenseManager.export.format';
const FORMATS: readonly ExportFormat[] = ['csv', 'json'];

/** Scripting options of `licenseManager.list.export`: each one given skips its prompt. */
export interface ExportOptions {
  /** Absolute path of the file to write (no save dialog; an existing file is replaced only after a confirmation). */
  readonly target?: string;
  readonly format?: ExportFormat;
  /** Cancels the export like the notification's Cancel button. */
  readonly signal?: AbortSignal;
}

/** What the command resolves with (undefined when a prompt was dismissed). */
export interface ExportOutcome {
  readonly outcome: 'exported' | 'cancelled' | 'failed';
  /** Items written (none kept unless `exported`). */
  readonly count: number;
  readonly target: string;
}

function isSignal(v: unknown): v is AbortSignal {
  return typeof v === 'object' && v !== null && typeof (v as AbortSignal).aborted === 'boolean' && typeof (v as AbortSignal).addEventListener === 'function';
}

function readOptions(arg: unknown): ExportOptions {
  if (typeof arg !== 'object' || arg === null || Object.getPrototypeOf(arg) !== Object.prototype) return {};
  const o = arg as Record<string, unknown>;
  if (o.target !== undefined && (typeof o.target !== 'string' || !isAbsolute(o.target))) throw new Error(t('The export target must be an absolute file path.'));
  if (o.format !== undefined && !FORMATS.includes(o.format as ExportFormat)) throw new Error(t('The export format must be "csv" or "json".'));
  if (o.signal !== undefined && !isSignal(o.signal)) throw new Error(t('The export signal must be an AbortSignal.'));
  return { target: o.target as string | undefined, format: o.format as ExportFormat | undefined, signal: o.signal as AbortSignal | undefined };
}

/** Asks before a scripted export replaces an existing file (the save dialog asks for picked ones). */
async function confirmReplace(target: string): Promise<void> {
  if (!existsSync(target)) return;
  const replace = t('Replace');
  const answer = await notify.confirm(t('Replace {0}?', basename(target)), { modal: true, detail: t('{0} exists; the export would replace it.', target) }, replace);
  if (answer !== replace) throw new Cancelled();
}

async function pickList({ explorer, services }: CommandContext): Promise<Exportable> {
  const lists = loadedExportables(explorer.loadedNodes(), services.state.filter);
  if (lists.length === 0) {
    throw new Error(t('No list is loaded in the explorer yet. Expand a region, or a license configuration, then export one of its lists.'));
  }
  const picked = await showQuickPick(
    lists.map((e) => ({ label: uiText(e.title), exportable: e })),
    { title: t('Export which list?'), ignoreFocusOut: true },
  );
  if (!picked) throw new Cancelled();
  return picked.exportable;
}

async function pickFormat(state: vscode.Memento): Promise<ExportFormat> {
  const last = state.get<string>(FORMAT_KEY);
  const items = [
    { label: uiText('CSV'), description: t('one row per item, for spreadsheets'), format: 'csv' as const },
    { label: uiText('JSON'), description: t("the service's objects as they are"), format: 'json' as const },
  ].sort((a, b) => Number(b.format === last) - Number(a.format === last));
  const picked = await showQuickPick(items, { title: t('Export format'), ignoreFocusOut: true });
  if (!picked) throw new Cancelled();
  await state.update(FORMAT_KEY, picked.format);
  return picked.format;
}

async function pickTarget(e: Exportable, format: ExportFormat): Promise<string> {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri ?? vscode.Uri.file(homedir());
  const uri = await vscode.window.showSaveDialog({
    title: t('Export {0}', e.title),
    saveLabel: t('Export'),
    defaultUri: vscode.Uri.joinPath(folder, exportFileName(e.nameParts, new Date(), format)),
    filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
  });
  if (!uri) throw new Cancelled();
  if (uri.scheme !== 'file') throw new Error(t('Choose a file on the disk of the machine the extension runs on.'));
  return uri.fsPath;
}

function reasonOf(cause: unknown): string {
  if (isLicenseManagerError(cause)) return `${errorKindLabel(t, cause.kind)}: ${cause.message}`;
  return cause instanceof Error ? cause.message : String(cause);
}

function announce(e: Exportable, target: string, count: number): void {
  const open = t('Open File');
  const reveal = t('Reveal');
  const text = e.filtered
    ? t('Exported {0} ({1}) to {2}', e.count(count), e.filtered, basename(target))
    : t('Exported {0} to {1}', e.count(count), basename(target));
  void notify.info(text, open, reveal).then((choice) => {
    const uri = vscode.Uri.file(target);
    if (choice === open) void vscode.commands.executeCommand('vscode.open', uri);
    else if (choice === reveal) void vscode.commands.executeCommand('revealFileInOS', uri);
  });
}

/**
 * Writes every item of a list (a region's list with the explorer's status
 * filter, a configuration's usage with its filter, or its associations) to a
 * CSV or JSON file, with progress and Cancel. The second argument
 * (`ExportOptions`) lets scripts skip the prompts.
 */
export const exportList: CommandDefinition = {
  id: 'licenseManager.list.export',
  async run(ctx, arg?: unknown, rawOptions?: unknown): Promise<ExportOutcome> {
    const { services } = ctx;
    const options = readOptions(rawOptions);
    const e = exportableOf(arg, services.state.filter) ?? (await pickList(ctx));
    const format = options.format ?? (await pickFormat(services.context.globalState));
    const target = options.target ?? (await pickTarget(e, format));
    if (options.target !== undefined) await confirmReplace(options.target);
    const controller = new AbortController();
    const stop = (): void => controller.abort();
    if (options.signal?.aborted) stop();
    options.signal?.addEventListener('abort', stop, { once: true });
    // The file writer (and its CSV library) is loaded on the first export, not at activation.
    const writer = await loadIssuing();
    try {
      const count = await withProgress(
        { location: vscode.ProgressLocation.Notification, title: t('Exporting {0}', e.title), cancellable: true },
        async (progress, token) => {
          const cancel = token.onCancellationRequested(stop);
          try {
            const [aws, clients] = await Promise.all([services.aws(), services.clients()]);
            const api = clients.get(e.source.profile, e.source.region);
            const signal = controller.signal;
            return await writer.writeExportList({
              pages: aws.pages(exportFetcher(api, e.source, signal), { signal }),
              format,
              kind: csvKindOf(e.source.list),
              target,
              signal,
              onProgress: (n) => progress.report({ message: t('{0} so far', e.count(n)) }),
            });
          } finally {
            cancel.dispose();
          }
        },
      );
      services.log.info(`exported ${count} items to ${target}`);
      announce(e, target, count);
      return { outcome: 'exported', count, target };
    } catch (err) {
      if (!writer.isExportError(err)) throw err;
      if (err.reason === 'cancelled') {
        void notify.info(t('Export cancelled; nothing was written.'));
        return { outcome: 'cancelled', count: err.count, target };
      }
      services.log.error(`export to ${target} failed after ${err.count} items: ${reasonOf(err.cause)}`);
      void notify.error(t('Export failed after {0}: {1}; the file was not written.', e.count(err.count), reasonOf(err.cause)));
      return { outcome: 'failed', count: err.count, target };
    } finally {
      options.signal?.removeEventListener('abort', stop);
    }
  },
};
