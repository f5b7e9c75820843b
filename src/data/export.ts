/**
 * Writes every item of a paged list to a file, page by page, so memory stays
 * flat however long the list is. The file appears only when the export
 * succeeds: it is written beside the target under a temporary name and renamed
 * at the end; on cancel or failure the partial file is removed.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isLicenseManagerError } from '../aws/errors';
import type { Page } from '../aws/types';
import { csvText, type CsvKind } from '../model/csv';

/** `csv`: one row per item under a header; `json`: an array of the API's objects as they are. */
export type ExportFormat = 'csv' | 'json';

/** What `exportList` needs. */
export interface ExportRequest<T> {
  /** The pages of the list, first to last (e.g. the AWS layer's `pages(fetch, { signal })`). */
  readonly pages: AsyncIterable<Page<T>>;
  readonly format: ExportFormat;
  /** Which columns a CSV gets; ignored for JSON. */
  readonly kind: CsvKind;
  /** The file to create or replace (its folder must exist). */
  readonly target: string;
  /** Stops the export; the promise then rejects with reason `cancelled`. */
  readonly signal?: AbortSignal;
  /** Called after each page with the number of items written so far. */
  readonly onProgress?: (count: number) => void;
}

/** Why an export did not complete. The target was left as it was and no partial file remains. */
export class ExportError extends Error {
  override readonly name = 'ExportError';
  constructor(
    /** `cancelled` when the signal stopped it, `failed` otherwise (see `cause`). */
    readonly reason: 'cancelled' | 'failed',
    /** Items written before it stopped (none of them kept). */
    readonly count: number,
    override readonly cause: unknown,
  ) {
    super(
      reason === 'cancelled'
        ? `Export cancelled after ${count} items; no file was written.`
        : `Export failed after ${count} items; no file was written: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }
}

/** True for an `ExportError` (also across bundle copies). */
export function isExportError(e: unknown): e is ExportError {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'ExportError';
}

/** Text is handed to the file once this many characters are waiting: fewer, larger writes cost less than one per page. */
const WRITE_AT = 64 * 1024;

function write(stream: WriteStream, chunk: string): Promise<void> {
  if (stream.write(chunk)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (err?: Error): void => {
      stream.off('drain', done);
      stream.off('error', done);
      if (err) reject(err);
      else resolve();
    };
    stream.once('drain', done);
    stream.once('error', done);
  });
}

function close(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    stream.end(() => resolve());
  });
}

/**
 * `promise`, or a rejection with the signal's reason as soon as it is aborted.
 * The listener is removed once settled (racing one long-lived promise instead
 * would keep every page alive through its reactions).
 */
function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason ?? new Error('aborted'));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function chunkOf<T>(format: ExportFormat, kind: CsvKind, items: readonly T[], first: boolean): string {
  if (format === 'json') {
    return items.map((item, i) => `${first && i === 0 ? '' : ',\n'}${JSON.stringify(item)}`).join('');
  }
  return csvText(kind, items, first);
}

/**
 * Pages through the list and writes it to `target`, replacing an existing
 * file only once everything is written. Resolves with the number of items;
 * rejects with an `ExportError` (no file left behind) on cancel or failure.
 */
export async function exportList<T>(req: ExportRequest<T>): Promise<number> {
  const temp = join(dirname(req.target), `.${basename(req.target)}.${randomBytes(4).toString('hex')}.partial`);
  const stream = createWriteStream(temp, { encoding: 'utf8', flags: 'wx' });
  let streamError: Error | undefined;
  stream.on('error', (e) => (streamError ??= e));
  let count = 0;
  const iterator = req.pages[Symbol.asyncIterator]();
  try {
    let text = req.format === 'json' ? '[\n' : '';
    let wroteHeader = false;
    let pending = unlessAborted(iterator.next(), req.signal);
    for (;;) {
      req.signal?.throwIfAborted();
      const next = await pending;
      if (next.done) break;
      // The next page is asked for while this one is formatted and written.
      pending = unlessAborted(iterator.next(), req.signal);
      pending.catch(() => undefined);
      // Let that request go out (signing, the socket write) before this page is formatted.
      await new Promise<void>((resolve) => setImmediate(resolve));
      const items = next.value.items;
      if (items.length > 0 || (!wroteHeader && req.format === 'csv')) {
        text += chunkOf(req.format, req.kind, items, !wroteHeader);
        wroteHeader = true;
        count += items.length;
      }
      if (streamError) throw streamError;
      req.onProgress?.(count);
      if (text.length >= WRITE_AT) {
        await unlessAborted(write(stream, text), req.signal);
        text = '';
      }
    }
    if (!wroteHeader && req.format === 'csv') text += chunkOf(req.format, req.kind, [], true);
    if (req.format === 'json') text += count > 0 ? '\n]\n' : ']\n';
    if (text) await write(stream, text);
    req.signal?.throwIfAborted();
    await close(stream);
    if (streamError) throw streamError;
    await rename(temp, req.target);
    return count;
  } catch (e) {
    stream.destroy();
    iterator.return?.(undefined)?.catch(() => undefined);
    await new Promise<void>((resolve) => (stream.closed ? resolve() : stream.once('close', () => resolve())));
    await unlink(temp).catch(() => undefined);
    const cancelled = req.signal?.aborted === true || (isLicenseManagerError(e) && e.kind === 'cancelled');
    throw new ExportError(cancelled ? 'cancelled' : 'failed', count, e);
  }
}
