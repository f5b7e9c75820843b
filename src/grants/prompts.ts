import { notify, showInputBox, t, uiText } from '../ui/window';
import { Cancelled } from '../shared/cancelled';
import type { TextStepOptions } from './multiStepInput';
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
 * Asks for the optional status reason alone (one input box, validated as you type);
 * `undefined` when left empty. Esc throws `Cancelled`.
 */
export async function askStatusReason(title: string, prompt: string): Promise<string | undefined> {
  const input = statusReasonInput(prompt);
  const value = await showInputBox({
    title: uiText(title),
    prompt: uiText(input.prompt),
    placeHolder: uiText(input.placeholder),
    ignoreFocusOut: true,
    validateInput: (v) => (input.validate(v) === undefined ? undefined : uiText(input.validate(v))),
  });
  if (value === undefined) throw new Cancelled();
  return normalizeStatusReason(value);
}

/** A modal confirmation; anything but the confirming button throws `Cancelled`. */
export async function confirm(message: string, detail: string, button: string): Promise<void> {
  const answer = await notify.confirm(uiText(message), { modal: true, detail: uiText(detail, { multiline: true }) }, button);
  if (answer !== button) throw new Cancelled();
}
