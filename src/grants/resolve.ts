import * as vscode from 'vscode';
import { uiText } from '../ui/window';
import { Cancelled } from '../shared/cancelled';
import type { GrantDeps } from './deps';
import { grantActionsFor, type GrantAction } from '../model/grantActions';
import type { GrantMutationResult } from '../aws/types';
import { runGrantAction, type Affected, type GrantActionSpec } from './run';
import { grantFromArg, grantLabel, licenseFromArg, pickGrant, type GrantTarget, type LicenseTarget } from './targets';
import { noGrantFrom } from '../model/validation';
import { notify } from './messages';
import { confirm } from './prompts';
import { wasReadFromAws } from './trusted';
import { accountOfArn } from '../model/arn';
import { grantListOf } from '../model/resourceLists';

function refuse(message: string): never {
  void notify.warn(uiText(message));
  throw new Cancelled();
}

function refuseIfBusy(ctx: GrantDeps, key: string, name: string): void {
  const running = ctx.services.state.inFlight.current(key);
  if (running !== undefined) {
    refuse(vscode.l10n.t('“{0}” is already being updated ({1}); nothing was sent.', name, running));
  }
}

/**
 * The grant a command acts on: the tree node or panel argument, or, from the
 * palette, a pick among the grants for which `action` is valid.
 */
export async function resolveGrant(
  ctx: GrantDeps,
  arg: unknown,
  action: GrantAction,
  title: string,
): Promise<GrantTarget> {
  let target: GrantTarget;
  if (arg === undefined || arg === null) {
    target = await pickGrant(ctx, action, title);
  } else {
    const t = grantFromArg(arg);
    if (!t) refuse(vscode.l10n.t('{0} works on grants only.', title));
    target = t;
    if (!grantActionsFor(target.direction, target.grant.GrantStatus).includes(action)) {
      refuse(
        vscode.l10n.t('{0} is not possible for the grant “{1}” in status {2}.', title, grantLabel(target.grant), target.grant.GrantStatus),
      );
    }
  }
  if (wasReadFromAws(arg)) await confirmRead(title, target);
  refuseIfBusy(ctx, target.grant.GrantArn, grantLabel(target.grant));
  return target;
}

/**
 * Asks before acting on a grant no view showed: one named by a link or another extension, read from
 * AWS just now. The question shows what AWS answered, never what the argument said.
 */
async function confirmRead(title: string, target: GrantTarget): Promise<void> {
  const g = target.grant;
  await confirm(
    vscode.l10n.t('{0}: “{1}”?', title, grantLabel(g)),
    vscode.l10n.t(
      'This grant was named by a link or another extension, not picked in a License Manager view. AWS answered for it just now:\nGrant: {0}\nStatus: {1} (version {2})\nLicense: {3}\nGrantor account: {4}\nGrantee: {5}\nAs profile “{6}” in {7}',
      grantLabel(g),
      g.GrantStatus,
      g.Version,
      g.LicenseArn,
      accountOfArn(g.GrantArn) ?? g.GrantArn,
      g.GranteePrincipalArn,
      target.profile,
      target.region,
    ),
    title,
  );
}

/**
 * The license a grant is created from when the argument is one (checked: AVAILABLE, with
 * operations to pass on); `undefined` for anything else (nothing from the palette, the focused
 * item from the view's title): then the flow's first step picks one.
 */
export async function resolveLicense(arg: unknown, title: string): Promise<LicenseTarget | undefined> {
  const target = licenseFromArg(arg);
  if (!target) return undefined;
  const why = noGrantFrom(target.kind, target.license);
  if (why === 'status') {
    refuse(
      vscode.l10n.t('No grant can be created from the license “{0}”: it is {1}, and AWS grants only AVAILABLE licenses.', target.license.LicenseName ?? target.arn, String(target.license.Status)),
    );
  }
  if (why !== undefined) refuse(vscode.l10n.t('The license “{0}” does not allow creating grants.', target.license.LicenseName ?? target.arn));
  if (wasReadFromAws(arg)) {
    const l = target.license;
    await confirm(
      vscode.l10n.t('{0}: “{1}”?', title, l.LicenseName ?? target.arn),
      vscode.l10n.t(
        'This license was named by a link or another extension, not picked in a License Manager view. AWS answered for it just now:\nLicense: {0}\nProduct: {1}\nIssuer: {2}\nARN: {3}\nAs profile “{4}” in {5}',
        l.LicenseName ?? '',
        l.ProductName ?? '',
        l.Issuer?.Name ?? '',
        target.arn,
        target.profile,
        target.region,
      ),
      title,
    );
  }
  return target;
}

/** What reloads after an action on a grant seen from `target`'s side. */
function affectedBy(target: GrantTarget): Affected {
  return {
    grantArn: target.grant.GrantArn,
    licenseArn: target.grant.LicenseArn,
    categories: grantListOf(target.direction).reloads,
  };
}

/** What an action on an existing grant adds to its target; `name` defaults to the grant's. */
export type GrantActionOn = Pick<GrantActionSpec, 'operation' | 'progress' | 'send' | 'landed' | 'request'> & {
  readonly name?: string;
  /** The status the action leaves the grant in (`DELETED` for Delete). */
  readonly status: string;
};

/**
 * Sends an action on `target`'s grant with its profile and region: one action per
 * grant at a time, then the grant's side of the views reloads.
 */
export function runOnGrant(ctx: GrantDeps, target: GrantTarget, action: GrantActionOn): Promise<GrantMutationResult | undefined> {
  return runGrantAction({
    ctx,
    key: target.grant.GrantArn,
    profile: target.profile,
    region: target.region,
    affected: affectedBy(target),
    operation: action.operation,
    progress: action.progress,
    send: action.send,
    request: action.request,
    landed: action.landed,
    expect: { status: action.status, before: { status: target.grant.GrantStatus, version: target.grant.Version } },
    reread: async (api, signal) => {
      const g = await api.getGrant(target.grant.GrantArn, undefined, { signal });
      return { status: g.GrantStatus, version: g.Version };
    },
    name: action.name ?? grantLabel(target.grant),
  });
}
