import * as vscode from 'vscode';
import { Cancelled } from '../shared/cancelled';
import type { TextStepOptions } from './multiStepInput';
import { problemText } from './messages';
import { checkStatusReason, normalizeStatusReason } from '../model/validation';

/** The input of an optional status reason (≤400 characters); see `normalizeStatusReason` for what to send. */
export function statusReasonInput(prompt: string): TextStepOptions {
  return {
    prompt,
    placeholder: vscode.l10n.t('Optional, up to 400 characters'),
    validate: (v) => problemText(checkStatusReason(v), vscode.l10n.t('The status reason')),
  };
}

/**
 * Asks for the optional status reason alone (one input box, validated as you type);
 * `undefined` when left empty. Esc throws `Cancelled`.
 */
export async function askStatusReason(title: string, prompt: string): Promise<string | undefined> {
  const input = statusReasonInput(prompt);
  const value = await vscode.window.showInputBox({
    title,
    prompt: input.prompt,
    placeHolder: input.placeholder,
    ignoreFocusOut: true,
    validateInput: input.validate,
  });
  if (value === undefined) throw new Cancelled();
  return normalizeStatusReason(value);
}

/** A modal confirmation; anything but the confirming button throws `Cancelled`. */
export async function confirm(message: string, detail: string, button: string): Promise<void> {
  const answer = await vscode.window.showWarningMessage(message, { modal: true, detail }, button);
  if (answer !== button) throw new Cancelled();
}
