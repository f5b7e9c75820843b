import * as vscode from 'vscode';
import { Cancelled } from '../shared/cancelled';
import { problemText } from './messages';
import { checkStatusReason, normalizeStatusReason, type Problem } from '../model/validation';

/** Where a prompt sits in a multi-step flow; shown in the title as "Step n of m". */
export interface StepInfo {
  readonly step: number;
  readonly total: number;
}

export function stepTitle(title: string, step?: StepInfo): string {
  return step ? vscode.l10n.t('{0} (Step {1} of {2})', title, step.step, step.total) : title;
}

export interface TextPrompt {
  readonly title: string;
  readonly step?: StepInfo;
  readonly prompt: string;
  readonly placeHolder?: string;
  readonly value?: string;
  readonly validate: (value: string) => string | undefined;
}

/** An input box; Esc throws `Cancelled`. */
export async function askText(p: TextPrompt): Promise<string> {
  const value = await vscode.window.showInputBox({
    title: stepTitle(p.title, p.step),
    prompt: p.prompt,
    placeHolder: p.placeHolder,
    value: p.value,
    ignoreFocusOut: true,
    validateInput: (v) => p.validate(v),
  });
  if (value === undefined) throw new Cancelled();
  return value;
}

/** The optional status reason (≤400 characters); `undefined` when left empty. */
export async function askStatusReason(title: string, prompt: string, step?: StepInfo): Promise<string | undefined> {
  const value = await askText({
    title,
    step,
    prompt,
    placeHolder: vscode.l10n.t('Optional, up to 400 characters'),
    validate: (v) => problemText(checkStatusReason(v), vscode.l10n.t('The status reason')),
  });
  return normalizeStatusReason(value);
}

export interface PickPrompt<T extends vscode.QuickPickItem> {
  readonly title: string;
  readonly step?: StepInfo;
  readonly placeHolder: string;
  readonly items: readonly T[];
}

/** A single-choice quick pick; Esc throws `Cancelled`. */
export async function askPick<T extends vscode.QuickPickItem>(p: PickPrompt<T>): Promise<T> {
  const picked = await vscode.window.showQuickPick(p.items, {
    title: stepTitle(p.title, p.step),
    placeHolder: p.placeHolder,
    ignoreFocusOut: true,
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (picked === undefined) throw new Cancelled();
  return picked;
}

/**
 * A multi-select quick pick; items with `picked` start selected. An empty choice
 * is refused by `check` and the pick shows again with its message. Esc throws `Cancelled`.
 */
export async function askMany<T extends vscode.QuickPickItem>(
  p: PickPrompt<T> & { readonly check: (chosen: readonly T[]) => Problem | undefined },
): Promise<T[]> {
  let items = p.items;
  let placeHolder = p.placeHolder;
  for (;;) {
    const chosen = await vscode.window.showQuickPick(items, {
      title: stepTitle(p.title, p.step),
      placeHolder,
      ignoreFocusOut: true,
      canPickMany: true,
    });
    if (chosen === undefined) throw new Cancelled();
    const problem = problemText(p.check(chosen), '');
    if (!problem) return chosen;
    placeHolder = problem;
    items = items.map((i) => ({ ...i, picked: chosen.includes(i) }));
  }
}

/** A modal confirmation; anything but the confirming button throws `Cancelled`. */
export async function confirm(message: string, detail: string, button: string): Promise<void> {
  const answer = await vscode.window.showWarningMessage(message, { modal: true, detail }, button);
  if (answer !== button) throw new Cancelled();
}
