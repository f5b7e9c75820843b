import * as vscode from 'vscode';
import { problemText } from '../grants/messages';
import { askMany, askPick, askText, type StepInfo } from '../grants/prompts';
import { resolveLicense } from '../grants/resolve';
import { runGrantAction } from '../grants/run';
import { homeRegionItems, OTHER_REGION } from '../grants/regions';
import {
  checkAllowedOperations,
  checkGrantName,
  checkPrincipal,
  grantableOperations,
  normalizePrincipal,
} from '../model/validation';
import { partitionOf } from '../model/arn';
import { isRegionCode } from '../model/regions';
import type { CommandDefinition } from './register';

export const createGrant: CommandDefinition = {
  id: 'licenseManager.grant.create',
  async run(ctx, arg) {
    const title = vscode.l10n.t('Create Grant');
    const target = await resolveLicense(ctx, arg, title);
    const licenseName = target.license.LicenseName ?? target.arn;
    const step = (n: number): StepInfo => ({ step: n, total: 4 });
    const partition = partitionOf(target.arn);

    const grantName = await askText({
      title,
      step: step(1),
      prompt: vscode.l10n.t('Name of the new grant of “{0}”', licenseName),
      validate: (v) => problemText(checkGrantName(v), vscode.l10n.t('The grant name')),
    });
    const principal = normalizePrincipal(
      await askText({
        title,
        step: step(2),
        prompt: vscode.l10n.t('Who receives the grant: an account, organization or organizational unit ARN (or a 12-digit account ID)'),
        placeHolder: 'arn:aws:iam::123456789012:root',
        validate: (v) => problemText(checkPrincipal(v, partition), vscode.l10n.t('The principal')),
      }),
      partition,
    );
    const selection = await ctx.services.state.selection().catch(() => []);
    const regions = selection.find((s) => s.profile === target.profile)?.regions ?? [];
    let region = (
      await askPick({
        title,
        step: step(3),
        placeHolder: vscode.l10n.t('Home region of the grant'),
        items: homeRegionItems(target.license.HomeRegion, [target.region, ...regions]),
      })
    ).region;
    if (region === OTHER_REGION) {
      region = await askText({
        title,
        step: step(3),
        prompt: vscode.l10n.t('Home region of the grant, e.g. eu-central-1'),
        validate: (v) => (isRegionCode(v) ? undefined : vscode.l10n.t('Enter a region code such as us-east-1.')),
      });
    }
    const allowed = grantableOperations(target.kind, target.license);
    const ops = await askMany({
      title,
      step: step(4),
      placeHolder: vscode.l10n.t('Operations the grantee may perform (limited to what the license allows)'),
      items: allowed.map((op) => ({ label: op, picked: op !== 'CreateGrant' })),
      check: (items) => checkAllowedOperations(items.map((i) => i.label)),
    });

    return runGrantAction({
      ctx,
      key: `create|${target.profile}|${target.arn}`,
      name: grantName,
      profile: target.profile,
      region: target.license.HomeRegion ?? target.region,
      operation: 'CreateGrant',
      progress: vscode.l10n.t('Creating grant “{0}”…', grantName),
      affected: { licenseArn: target.arn, categories: ['distributedGrants'] },
      done: (r) => vscode.l10n.t('Grant “{0}” created: {1} (version {2}).', grantName, r.Status, r.Version),
      send: (api, clientToken) =>
        api.createGrant({
          clientToken,
          grantName,
          licenseArn: target.arn,
          principal,
          homeRegion: region,
          allowedOperations: ops.map((i) => i.label),
        }),
    });
  },
};
