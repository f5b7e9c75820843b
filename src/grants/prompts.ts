import * as vscode from 'vscode';
import { Cancelled } from '../commands/register';
import { inputSteps, runSteps, type TextStepOptions } from '../shared/multiStepInput';
import { problemText } from './messages';
import { checkStatusReason, normalizeStatusReason } from './validation';

/** The input of an optional status reason (≤400 characters); see `normalizeStatusReason` for what to send. */
export function statusReasonInput(prompt: string): TextStepOptions {
  return {
    prompt,
    placeholder: vscode.l10n.t('Optional, up to 400 characters'),
    validate: (v) => problemText(checkStatusReason(v), vscode.l10n.t('The status reason')),
  };
}

/** Asks for the optional status reason alone; `undefined` when left empty. Esc cancels. */
export async function askStatusReason(title: string, prompt: string): Promise<string | undefined> {
  const { reason } = await runSteps<{ reason: string }>(title, [inputSteps<{ reason: string }>().text('reason', statusReasonInput(prompt))]);
  return normalizeStatusReason(reason);
}

/** A modal confirmation; anything but the confirming button throws `Cancelled`. */
export async function confirm(message: string, detail: string, button: string): Promise<void> {
  const answer = await vscode.window.showWarningMessage(message, { modal: true, detail }, button);
  if (answer !== button) throw new Cancelled();
}
