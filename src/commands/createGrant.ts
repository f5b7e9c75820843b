import { LICENSE_KINDS } from '../model/resources';
import * as vscode from 'vscode';
import { t, uiText, type UiPickItem } from '../ui/window';
import { problemText } from '../grants/messages';
import { resolveLicense } from '../grants/resolve';
import { NewGrantSearch } from '../grants/outcome';
import { runGrantAction } from '../grants/run';
import { homeRegionItems, OTHER_REGION, type RegionItem } from '../grants/regions';
import type { LicenseTarget } from '../grants/targets';
import { licenseRows, type LicenseRow } from '../grants/licenseSource';
import { reviewStep, type ReviewItem } from '../grants/review';
import {
  checkAllowedOperations,
  checkGrantName,
  checkPrincipal,
  grantableOperations,
  normalizePrincipal,
} from '../model/validation';
import { accountOfArn, lastArnPart, partitionOf } from '../model/arn';
import { isRegionCode } from '../model/regions';
import { awsCliArgs } from '../model/cliCommand';
import { inputSteps, runSteps } from '../grants/multiStepInput';
import type { CommandDefinition } from './register';

/** The answers of Create Grant; `license` only from the palette, `otherRegion` only after "Other region…". */
interface GrantAnswers {
  license?: LicenseRow;
  name: string;
  principal: string;
  region: RegionItem;
  otherRegion?: string;
  ops: UiPickItem[];
  review: ReviewItem;
}

/** The CreateGrant request the answers make. */
function requestOf(target: LicenseTarget, a: Partial<GrantAnswers>) {
  return {
    grantName: a.name ?? '',
    licenseArn: target.arn,
    principal: normalizePrincipal(a.principal ?? '', partitionOf(target.arn)),
    homeRegion: a.otherRegion ?? a.region?.region ?? '',
    allowedOperations: (a.ops ?? []).map((i) => i.label as string),
  };
}

/** A license ARN in the width of a pick row: its id and account (the whole ARN is in the copied command). */
function licenseLine(arn: string): string {
  const account = accountOfArn(arn);
  return account ? vscode.l10n.t('{0} in account {1}', lastArnPart(arn), account) : arn;
}

/** The region the request is sent to: the license's home region. */
function callRegion(target: LicenseTarget): string {
  return target.license.HomeRegion ?? target.region;
}

export const createGrant: CommandDefinition = {
  id: 'licenseManager.grant.create',
  accepts: LICENSE_KINDS,
  async run(ctx, arg) {
    const title = vscode.l10n.t('Create Grant');
    const given = await resolveLicense(arg, title);
    const selection = await ctx.services.state.selection().catch(() => []);
    const targetOf = (a: Partial<GrantAnswers>): LicenseTarget => given ?? (a.license as LicenseRow).target;
    const nameOf = (a: Partial<GrantAnswers>): string => targetOf(a).license.LicenseName || targetOf(a).arn;
    const s = inputSteps<GrantAnswers>();
    const answers = await runSteps<GrantAnswers>(title, [
      s.pick('license', { placeholder: t('License to grant'), items: (signal) => licenseRows(ctx, signal) }, () => given === undefined),
      s.text('name', (a) => ({
        prompt: vscode.l10n.t('Name of the new grant of “{0}”', nameOf(a)),
        placeholder: t('e.g. Globex production'),
        validate: (v) => problemText(checkGrantName(v), vscode.l10n.t('The grant name')),
      })),
      s.text('principal', (a) => ({
        prompt: vscode.l10n.t('Who receives the grant: an account ID (12 digits), or the ARN of an account, organization or organizational unit'),
        placeholder: t('123456789012 or arn:aws:organizations::…'),
        validate: (v) => problemText(checkPrincipal(v, partitionOf(targetOf(a).arn)), vscode.l10n.t('The principal')),
      })),
      s.pick('region', (a) => {
        const target = targetOf(a);
        const regions = selection.find((x) => x.profile === target.profile)?.regions ?? [];
        return { placeholder: t('Home region of the grant'), items: homeRegionItems(target.license.HomeRegion, [target.region, ...regions]) };
      }),
      s.text(
        'otherRegion',
        {
          prompt: vscode.l10n.t('Home region of the grant, e.g. eu-central-1'),
          validate: (v) => (isRegionCode(v) ? undefined : vscode.l10n.t('Enter a region code such as us-east-1.')),
        },
        (a) => a.region?.region === OTHER_REGION,
      ),
      s.many('ops', (a) => {
        const target = targetOf(a);
        return {
          placeholder: t('Operations the grantee may perform'),
          items: grantableOperations(target.kind, target.license).map((op) => ({ label: uiText(op), picked: op !== 'CreateGrant' })),
          check: (items) => problemText(checkAllowedOperations(items.map((i) => i.label)), ''),
        };
      }),
      s.pick('review', (a) => {
        const target = targetOf(a);
        const r = requestOf(target, a);
        return reviewStep({
          send: vscode.l10n.t('Create the grant'),
          sendDetail: vscode.l10n.t('CreateGrant as profile {0} in {1}', target.profile, callRegion(target)),
          sections: [
            {
              title: vscode.l10n.t('What will be sent'),
              rows: [
                [vscode.l10n.t('Grant name'), r.grantName],
                [vscode.l10n.t('License'), nameOf(a), licenseLine(r.licenseArn)],
                [vscode.l10n.t('Principal'), r.principal],
                [vscode.l10n.t('Home region'), r.homeRegion],
              ],
            },
            { title: vscode.l10n.t('Allowed operations ({0})', r.allowedOperations.length), rows: r.allowedOperations.map((op) => [op]) },
          ],
          cli: awsCliArgs(
            'create-grant',
            ['--grant-name', r.grantName, '--license-arn', r.licenseArn, '--principals', r.principal, '--home-region', r.homeRegion, '--allowed-operations', ...r.allowedOperations],
            target.profile,
            callRegion(target),
          ),
        });
      }),
    ]);
    const target = targetOf(answers);
    const request = requestOf(target, answers);
    const { grantName, principal } = request;
    const search = new NewGrantSearch({ licenseArn: target.arn, principal, grantName });
    return runGrantAction({
      ctx,
      key: `create|${target.profile}|${target.arn}`,
      name: grantName,
      profile: target.profile,
      region: callRegion(target),
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
