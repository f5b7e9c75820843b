import { LICENSE_KINDS } from '../model/resources';
import * as vscode from 'vscode';
import { uiText, type UiPickItem } from '../ui/window';
import { problemText } from '../grants/messages';
import { resolveLicense } from '../grants/resolve';
import { NewGrantSearch } from '../grants/outcome';
import { runGrantAction } from '../grants/run';
import { homeRegionItems, OTHER_REGION, type RegionItem } from '../grants/regions';
import {
  checkAllowedOperations,
  checkGrantName,
  checkPrincipal,
  grantableOperations,
  normalizePrincipal,
} from '../model/validation';
import { partitionOf } from '../model/arn';
import { isRegionCode } from '../model/regions';
import { inputSteps, runSteps } from '../grants/multiStepInput';
import type { CommandDefinition } from './register';

/** The answers of Create Grant; `otherRegion` only after picking "Other region…". */
interface GrantAnswers {
  name: string;
  principal: string;
  region: RegionItem;
  otherRegion?: string;
  ops: UiPickItem[];
}

export const createGrant: CommandDefinition = {
  id: 'licenseManager.grant.create',
  accepts: LICENSE_KINDS,
  async run(ctx, arg) {
    const title = vscode.l10n.t('Create Grant');
    const target = await resolveLicense(ctx, arg, title);
    const licenseName = target.license.LicenseName ?? target.arn;
    const partition = partitionOf(target.arn);
    const selection = await ctx.services.state.selection().catch(() => []);
    const regions = selection.find((s) => s.profile === target.profile)?.regions ?? [];
    const s = inputSteps<GrantAnswers>();
    const answers = await runSteps<GrantAnswers>(title, [
      s.text('name', {
        prompt: vscode.l10n.t('Name of the new grant of “{0}”', licenseName),
        validate: (v) => problemText(checkGrantName(v), vscode.l10n.t('The grant name')),
      }),
      s.text('principal', {
        prompt: vscode.l10n.t('Who receives the grant: an account, organization or organizational unit ARN (or a 12-digit account ID)'),
        placeholder: 'arn:aws:iam::123456789012:root',
        validate: (v) => problemText(checkPrincipal(v, partition), vscode.l10n.t('The principal')),
      }),
      s.pick('region', {
        placeholder: vscode.l10n.t('Home region of the grant'),
        items: homeRegionItems(target.license.HomeRegion, [target.region, ...regions]),
      }),
      s.text(
        'otherRegion',
        {
          prompt: vscode.l10n.t('Home region of the grant, e.g. eu-central-1'),
          validate: (v) => (isRegionCode(v) ? undefined : vscode.l10n.t('Enter a region code such as us-east-1.')),
        },
        (a) => a.region?.region === OTHER_REGION,
      ),
      s.many('ops', {
        placeholder: vscode.l10n.t('Operations the grantee may perform (limited to what the license allows)'),
        items: grantableOperations(target.kind, target.license).map((op) => ({ label: uiText(op), picked: op !== 'CreateGrant' })),
        check: (items) => problemText(checkAllowedOperations(items.map((i) => i.label)), ''),
      }),
    ]);
    const grantName = answers.name;
    const principal = normalizePrincipal(answers.principal, partition);
    const region = answers.otherRegion ?? answers.region.region;
    const ops = answers.ops;

    const request = {
      grantName,
      licenseArn: target.arn,
      principal,
      homeRegion: region,
      allowedOperations: ops.map((i) => i.label),
    };
    const search = new NewGrantSearch({ licenseArn: target.arn, principal, grantName });
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
      expect: { status: 'PENDING_WORKFLOW' },
      landed: vscode.l10n.t('Created'),
      // A new grant is found again by what the request named, among the grants that were not there before.
      before: (api, signal) => search.before(api, signal),
      reread: search.reread,
      request,
      send: (api, clientToken, signal) => api.createGrant({ ...request, clientToken }, { signal }),
    });
  },
};
