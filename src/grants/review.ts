import * as vscode from 'vscode';
import { randomUUID } from 'node:crypto';
import { t, uiText, type UiPickItem } from '../ui/window';
import { commandLine, shellOf } from '../model/cliCommand';
import type { NoteItem, PickStepOptions } from './multiStepInput';

/** What a review step shows: the request field by field, and the CLI command of the same request. */
export interface Review {
  /** The choice that sends, e.g. "Create the grant". */
  readonly send: string;
  /** Where it is sent from, e.g. "CreateGrant as seller in us-east-1". */
  readonly sendDetail: string;
  /**
   * The request in sections, in the order it is read: each row a label, the value as it will be
   * sent, and a second line (for what is too long to stand beside its label).
   */
  readonly sections: readonly ReviewSection[];
  /**
   * The `aws license-manager …` arguments of the same request, without `--client-token`: the copied
   * command gets a token of its own, so running it and sending from here make two requests.
   */
  readonly cli: readonly string[];
}

export interface ReviewSection {
  readonly title: string;
  readonly rows: readonly (readonly [label: string, value?: string, detail?: string])[];
}

/** The review's answer: the row that sends. */
export type ReviewItem = UiPickItem & { readonly review: 'send' | 'copy' };

/**
 * The last step of a flow that sends something: what will be sent, before anything is, with
 * the choice to send and a "Copy as AWS CLI Command" that copies the request and sends nothing
 * (the step stays open). Enter on the first row sends.
 */
export function reviewStep(review: Review): PickStepOptions<ReviewItem> {
  const rows: (ReviewItem | (UiPickItem & NoteItem))[] = [
    { label: t('$(check) {0}', review.send), description: uiText(review.sendDetail), review: 'send' },
    { label: t('$(copy) Copy as AWS CLI Command'), description: t('nothing is sent'), review: 'copy' },
    ...review.sections.flatMap((section) => [
      { label: uiText(section.title), kind: vscode.QuickPickItemKind.Separator, note: true as const },
      ...section.rows.map(([label, value, detail]) => ({
        label: uiText(label),
        description: value === undefined ? undefined : uiText(value),
        detail: detail === undefined ? undefined : uiText(detail),
        note: true as const,
      })),
    ]),
  ];
  return {
    placeholder: t('Review, then send or copy the command'),
    items: rows,
    act: async (item) => {
      if (item.review !== 'copy') return undefined;
      const cli = [...review.cli.slice(0, 3), '--client-token', randomUUID(), ...review.cli.slice(3)];
      await vscode.env.clipboard.writeText(commandLine(cli, shellOf(process.platform)));
      return t('Copied the AWS CLI command; nothing was sent. Press Esc to close, or send from here instead.');
    },
  };
}
