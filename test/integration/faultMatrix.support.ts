/** What the fault matrix needs around the host: a window spy, the short deadlines, and the emulator's faults. */
import * as assert from 'node:assert/strict';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { answerInputBoxes } from './inputBoxes';

export type Faults = Record<string, unknown>;

/** Every fault the emulator can switch on at run time, off. */
export { NO_FAULTS } from '../emulator/faults';

/** One fault of the matrix: its name, and the emulator setting that makes it for operation `op`. */
export interface Fault {
  readonly name: string;
  readonly set: (op: string) => Faults;
}

/** The faults, in the order the report prints them. 30 s latency outlasts the 1 s / 2 s deadlines below. */
export const FAULTS: readonly Fault[] = [
  { name: 'no answer', set: (op) => ({ hang: [op] }) },
  { name: 'connection reset mid-body', set: (op) => ({ reset: [op] }) },
  { name: '30 s latency', set: () => ({ latencyMs: 30_000 }) },
  { name: '30 % throttling', set: () => ({ throttleRate: 0.3 }) },
  { name: '500', set: () => ({ failRate: 1 }) },
  { name: 'fail after commit', set: () => ({ failAfterCommitRate: 1 }) },
  { name: 'HTML error page', set: (op) => ({ html: [op] }) },
  { name: 'malformed JSON', set: (op) => ({ malformed: [op] }) },
  { name: 'oversized page', set: (op) => ({ oversize: [op] }) },
  { name: 'token cycle', set: (op) => ({ tokenCycle: [op] }) },
];

/** Rolls for the emulator's random faults: 3 in 10 are below 0.3, the first roll of a run among them. */
const ROLLS = [0.1, 0.6, 0.9, 0.4, 0.2, 0.7, 0.5, 0.25, 0.8, 0.95];
let roll = 0;
export const rolls = (): number => ROLLS[roll++ % ROLLS.length];
export const resetRolls = (): void => {
  roll = 0;
};

/** Short deadlines (seconds) so that a hang or 30 s latency times out quickly; the SDK retries at most twice. */
export const DEADLINES = { connectTimeout: 1, responseTimeout: 1, callTimeout: 2, credentialsTimeout: 2 } as const;

export async function setDeadlines(on: boolean): Promise<void> {
  const config = vscode.workspace.getConfiguration('licenseManager.network');
  for (const [key, value] of Object.entries(DEADLINES)) await config.update(key, on ? value : undefined, vscode.ConfigurationTarget.Global);
}

type Window = typeof vscode.window;
export interface Shown {
  readonly kind: 'info' | 'warning' | 'error';
  readonly message: string;
  readonly items: string[];
  readonly modal: boolean;
  readonly at: number;
}

/**
 * Stands in for the user at the window API: answers confirmations with `answer`,
 * input boxes from `inputs`, records every message with the time it was shown,
 * and cancels progress notifications when `cancelAfterMs` is set.
 */
export class WindowSpy {
  readonly shown: Shown[] = [];
  inputs: (string | undefined)[] = [];
  answer: string | undefined;
  cancelAfterMs: number | undefined;
  progressTitles: string[] = [];
  private readonly saved = new Map<keyof Window, unknown>();
  private readonly restoreInputBoxes = answerInputBoxes(() => this.inputs.shift());

  constructor() {
    const w = vscode.window as unknown as Record<string, unknown>;
    const message =
      (kind: Shown['kind']) =>
      async (message: string, ...rest: unknown[]): Promise<string | undefined> => {
        const items = rest.filter((r): r is string => typeof r === 'string');
        const modal = rest.some((r) => typeof r === 'object' && r !== null && (r as { modal?: boolean }).modal === true);
        this.shown.push({ kind, message, items, modal, at: Date.now() });
        return items.includes(this.answer ?? '\u0000') ? this.answer : undefined;
      };
    const replace = (name: keyof Window, fn: unknown): void => {
      this.saved.set(name, w[name]);
      w[name] = fn;
      assert.equal(w[name], fn, `vscode.window.${name} can be replaced in the host`);
    };
    const realProgress = vscode.window.withProgress.bind(vscode.window);
    replace('showInformationMessage', message('info'));
    replace('showWarningMessage', message('warning'));
    replace('showErrorMessage', message('error'));
    replace('showInputBox', async () => this.inputs.shift());
    replace('withProgress', (options: vscode.ProgressOptions, task: (p: unknown, token: vscode.CancellationToken) => Thenable<unknown>) => {
      this.progressTitles.push(options.title ?? '');
      if (this.cancelAfterMs === undefined) return realProgress(options, task as never);
      const source = new vscode.CancellationTokenSource();
      const timer = setTimeout(() => source.cancel(), this.cancelAfterMs);
      return Promise.resolve(task({ report: () => undefined }, source.token)).finally(() => {
        clearTimeout(timer);
        source.dispose();
      });
    });
  }

  restore(): void {
    const w = vscode.window as unknown as Record<string, unknown>;
    for (const [name, fn] of this.saved) w[name] = fn;
    this.restoreInputBoxes();
  }

  /** Notifications (not modal confirmations). */
  notes(): Shown[] {
    return this.shown.filter((s) => !s.modal);
  }
}

/** Where the figures go besides the host's console: out/fault-matrix.txt. */
const FIGURES = join(__dirname, '..', '..', 'fault-matrix.txt');

/** Prints one line of the fault-to-visible-error figures. */
export function report(surface: string, fault: string, ms: number, shown: string): void {
  const line = `${surface} × ${fault}: ${ms} ms → ${shown.replace(/\s+/g, ' ').slice(0, 160)}`;
  console.log(`    fault matrix: ${line}`);
  appendFileSync(FIGURES, `${line}\n`);
}
