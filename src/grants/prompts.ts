import { notify, t, uiText } from '../ui/window';
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

/** A modal confirmation; anything but the confirming button throws `Cancelled`. */
export async function confirm(message: string, detail: string, button: string): Promise<void> {
  const answer = await notify.confirm(uiText(message), { modal: true, detail: uiText(detail, { multiline: true }) }, button);
  if (answer !== button) throw new Cancelled();
}
