/** Runs in-host code as if the AWS CLI were not installed, recording the notifications it shows. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';

export type MessageKind = 'info' | 'warning' | 'error';
const SHOW: Record<MessageKind, string> = { info: 'showInformationMessage', warning: 'showWarningMessage', error: 'showErrorMessage' };

/**
 * Runs `body` with PATH pointing at an empty folder (no AWS CLI) and the notifications of
 * `answers`' kinds recorded, each answered with its button when offered; restores both after.
 */
export async function withoutCli(
  answers: Partial<Record<MessageKind, string>>,
  body: (shown: { kind: MessageKind; message: string; items: string[] }[]) => Promise<void>,
): Promise<void> {
  const empty = mkdtempSync(join(tmpdir(), 'lm-nopath-'));
  const savedPath = process.env.PATH;
  process.env.PATH = empty;
  const w = vscode.window as unknown as Record<string, unknown>;
  const kinds = Object.keys(answers) as MessageKind[];
  const saved = kinds.map((k) => w[SHOW[k]]);
  const shown: { kind: MessageKind; message: string; items: string[] }[] = [];
  for (const kind of kinds) {
    w[SHOW[kind]] = async (message: string, ...items: unknown[]) => {
      const buttons = items.filter((i): i is string => typeof i === 'string');
      shown.push({ kind, message, items: buttons });
      return buttons.includes(answers[kind] ?? '') ? answers[kind] : undefined;
    };
  }
  try {
    await body(shown);
  } finally {
    kinds.forEach((k, i) => (w[SHOW[k]] = saved[i]));
    process.env.PATH = savedPath;
    rmSync(empty, { recursive: true, force: true });
  }
}
