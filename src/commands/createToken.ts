import * as vscode from 'vscode';
import { notify, t, uiText, withProgress } from '../ui/window';
import { confirm } from '../grants/prompts';
import { inputSteps, runSteps } from '../grants/multiStepInput';
import { checkDays, checkProperties, checkRoleArns, daysOf, splitList } from '../model/tokenInput';
import { Cancelled } from '../shared/cancelled';
import type { IssuingDeps } from './issuingDeps';
import { resolveIssuedLicense } from './licenseTarget';
import type { CommandContext } from './register';

interface TokenAnswers {
  roles: string;
  days: string;
  properties: string;
}

/**
 * Create Token…: asks for roles, expiry and properties (checked as you type), says what the token
 * allows and for how long, then shows the token once in a modal with Copy. The token is never kept,
 * logged or shown again.
 */
export async function runCreateToken(ctx: CommandContext, deps: IssuingDeps, arg: unknown): Promise<unknown> {
    const title = vscode.l10n.t('Create Token');
    const from = deps.licenseOfTokenList(arg) ?? arg;
    const { ref, license, name } = await resolveIssuedLicense(ctx, deps, from, title);
    if (license.Status !== 'AVAILABLE') {
      void notify.warn(t('The license “{0}” is {1}; tokens need an AVAILABLE license.', name, license.Status ?? '?'));
      throw new Cancelled();
    }
    const s = inputSteps<TokenAnswers>();
    const answers = await runSteps<TokenAnswers>(title, [
      s.text('roles', {
        prompt: vscode.l10n.t('IAM roles the token lets its holder assume, comma-separated (optional)'),
        placeholder: 'arn:aws:iam::123456789012:role/LicenseUser',
        validate: (v) => checkRoleArns(vscode.l10n.t, v),
      }),
      s.text('days', {
        prompt: vscode.l10n.t('Days until the token expires (empty: 365)'),
        placeholder: '365',
        validate: (v) => checkDays(vscode.l10n.t, v),
      }),
      s.text('properties', {
        prompt: vscode.l10n.t('Token properties, comma-separated, at most 3 (optional)'),
        validate: (v) => checkProperties(vscode.l10n.t, v),
      }),
    ]);
    const roles = splitList(answers.roles);
    const days = daysOf(answers.days);
    const properties = splitList(answers.properties);
    await confirm(
      vscode.l10n.t('Create a token for the license “{0}”?', name),
      vscode.l10n.t(
        'Whoever holds it can get access tokens for this license for {0} days, as {1}, until the token is deleted. It is shown once and never stored.',
        days,
        roles.length ? roles.join(', ') : vscode.l10n.t('no role'),
      ),
      vscode.l10n.t('Create Token'),
    );
    const api = (await ctx.services.clients()).get(ref.profile, ref.region);
    const clientToken = (await ctx.services.aws()).newClientToken();
    const created = await withProgress(
      { location: vscode.ProgressLocation.Notification, title: t('Creating a token for “{0}”…', name), cancellable: true },
      async (_p, token) => {
        const abort = new AbortController();
        const sub = token.onCancellationRequested(() => abort.abort());
        try {
          return await api.createToken({ clientToken, licenseArn: ref.arn, roleArns: roles, expirationInDays: days, tokenProperties: properties }, { signal: abort.signal });
        } finally {
          sub.dispose();
        }
      },
    );
    ctx.services.log.info(`CreateToken ${ref.arn}: token ${created.TokenId} (${ref.profile})`);
    await deps.reloadTokenLists(ref.arn);
    const copy = vscode.l10n.t('Copy');
    const answer = await notify.confirm(
      t('Token {0} created for “{1}”. Copy it now: it is not shown again.', created.TokenId, name),
      { modal: true, detail: uiText(created.Token, { multiline: true, max: 8192 }) },
      copy,
    );
    if (answer === copy) await vscode.env.clipboard.writeText(created.Token);
    return { tokenId: created.TokenId, copied: answer === copy };
}
