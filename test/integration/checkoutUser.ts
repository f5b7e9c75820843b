/** Stands in for the user of the Checkout Lab commands in the host (picks, confirmations, typed text, the result dialog). */
import * as vscode from 'vscode';
import { answerInputBoxes, type AskedBox } from './inputBoxes';

type Window = typeof vscode.window;

export interface Shown {
  readonly kind: 'info' | 'warning' | 'error';
  readonly message: string;
  readonly detail?: string;
  readonly items: string[];
}

/** Stands in for the user: answers picks, confirmations, typed confirmations and the result dialog; records what was shown. */
export class User {
  readonly shown: Shown[] = [];
  readonly picks: string[][] = [];
  /** Label picked in the next quick pick. */
  pick: string[] = [];
  /** Button of the modal confirmation. */
  confirm: string | undefined;
  /** Texts typed into input boxes (undefined: Escape). */
  typed: (string | undefined)[] = [];
  readonly asked: AskedBox[] = [];
  /** Called when the result dialog shows (the checkout is held then); may throw. */
  onResult: (() => void | Promise<void>) | undefined;
  private readonly saved = new Map<keyof Window, unknown>();
  private readonly restoreBoxes = answerInputBoxes(() => this.typed.shift(), this.asked);

  constructor() {
    const w = vscode.window as unknown as Record<string, unknown>;
    const replace = (name: keyof Window, fn: unknown): void => {
      this.saved.set(name, w[name]);
      w[name] = fn;
    };
    const record = (kind: Shown['kind'], message: string, rest: unknown[]): string[] => {
      const options = rest.find((r): r is { detail?: string } => typeof r === 'object' && r !== null);
      const items = rest.filter((r): r is string => typeof r === 'string');
      this.shown.push({ kind, message, detail: options?.detail, items });
      return items;
    };
    replace('showInformationMessage', async (message: string, ...rest: unknown[]) => {
      record('info', message, rest);
      if (message.startsWith('Checked out ') && this.onResult) await this.onResult();
      return undefined;
    });
    replace('showWarningMessage', async (message: string, ...rest: unknown[]) => {
      const items = record('warning', message, rest);
      return this.confirm !== undefined && items.includes(this.confirm) ? this.confirm : undefined;
    });
    replace('showErrorMessage', async (message: string, ...rest: unknown[]) => void record('error', message, rest));
    replace('showQuickPick', async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>) => {
      const list = await items;
      this.picks.push(list.map((i) => i.label));
      const want = this.pick.shift();
      return list.find((i) => i.label === want);
    });
    replace('showInputBox', async (options?: vscode.InputBoxOptions) => {
      const text = this.typed.shift();
      this.asked.push({ title: options?.title, prompt: options?.prompt, back: false, refused: undefined });
      return text;
    });
  }

  texts(kind: Shown['kind']): string[] {
    return this.shown.filter((s) => s.kind === kind).map((s) => s.message);
  }

  restore(): void {
    const w = vscode.window as unknown as Record<string, unknown>;
    for (const [name, fn] of this.saved) w[name] = fn;
    this.restoreBoxes();
  }
}

