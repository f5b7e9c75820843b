import * as vscode from 'vscode';
import { notify, t, uiText } from '../ui/window';
import { commandLine, shellOf } from '../model/cliCommand';
import { Cancelled } from '../shared/cancelled';
import { inputSteps, runSteps, type TextStepOptions } from './multiStepInput';
import { problemText } from './messages';
import { checkStatusReason, normalizeStatusReason } from '../model/validation';

/** The input of an optional status reason (≤400 characters); see `normalizeStatusReason` for what to send. */
export function statusReasonInput(prompt: string): TextStepOptions {
  return {
    prompt,
    placeholder: t('Optional, up to 400 characters'),
    validate: (v) => problemText(checkStatusReason(v), t('The status reason')),
  };
}

/**
 * Asks for the optional status reason as a one-step input of the multi-step
 * helper (the plain title, no Back, validated as you type); `undefined` when left
 * empty. Esc rejects with `vscode.CancellationError`, so nothing is sent.
 */
export async function askStatusReason(title: string, prompt: string): Promise<string | undefined> {
  const { reason } = await runSteps<{ reason: string }>(title, [inputSteps<{ reason: string }>().text('reason', statusReasonInput(prompt))]);
  return normalizeStatusReason(reason);
}

/**
 * A modal confirmation; anything but the confirming button throws `Cancelled`. With
 * `cli` (the `aws license-manager` arguments of the change), a second button copies
 * that command, quoted for this platform's shell, instead: nothing is sent.
 */
export async function confirm(message: string, detail: string, button: string, cli?: readonly string[]): Promise<void> {
  const copy = t('Copy as AWS CLI Command');
  const answer = await notify.confirm(uiText(message), { modal: true, detail: uiText(detail, { multiline: true }) }, button, ...(cli ? [copy] : []));
  if (cli && answer === copy) {
    await vscode.env.clipboard.writeText(commandLine(cli, shellOf(process.platform)));
    notify.status(t('Copied the AWS CLI command; nothing was sent'), 5000);
    throw new Cancelled();
  }
  if (answer !== button) throw new Cancelled();
}
