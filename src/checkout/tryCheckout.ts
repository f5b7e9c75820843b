/**
 * Try Checkout: one unit of one entitlement, checked out for real and given back. It shows usage
 * before, refuses what the pre-flight says AWS would refuse, asks before consuming (typed when it
 * cannot be undone), records the checkout before sending it, and checks in when done, cancelled or
 * failed; usage is read again after.
 */
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { CheckoutResult, EntitlementUsage } from '../aws/types';
import { checkInAllowed, checkoutModeOf, isCountedUnit, isMarketplaceLicense, type CheckoutMode, type PlannedEntitlement } from '../model/checkoutCode/plan';
import type { Services } from '../services';
import { Cancelled } from '../shared/cancelled';
import { notify, showInputBox, showQuickPick, t, tLines, uiText, type UiPickItem } from '../ui/window';
import { withAwsProgress, type LicenseTarget } from './license';
import { alreadyGone, answerLost, beneficiaryOf, checkInRecorded, hideToken, sendCheckout, shortToken, type CheckoutRequest, type OpenCheckouts } from './openCheckouts';
import { checkReads, readPreflight, usageText } from './preflightRun';

/** The word typed to confirm a checkout that cannot be undone. */
export const CONFIRM_WORD = 'consume';

export type TryOutcome = 'checkedIn' | 'kept' | 'refused' | 'declined' | 'nothingTaken';

export interface TryReport {
  readonly outcome: TryOutcome;
  readonly usageBefore: EntitlementUsage[];
  readonly usageAfter?: EntitlementUsage[];
  readonly messages: string[];
}

interface EntitlementItem extends UiPickItem {
  readonly entitlement: PlannedEntitlement;
}

async function pickEntitlement(target: LicenseTarget, usage: readonly EntitlementUsage[]): Promise<PlannedEntitlement> {
  const items: EntitlementItem[] = (target.license.Entitlements ?? []).map((e) => ({
    label: uiText(e.Name),
    description: uiText(isCountedUnit(e.Unit) ? usageText(usage, e.Name) : e.Unit),
    entitlement: { name: e.Name, unit: e.Unit, ...(isCountedUnit(e.Unit) ? { value: '1' } : {}) },
  }));
  if (items.length === 0) throw new Error(t('This license has no entitlements to check out.'));
  const picked = await showQuickPick(items, { title: t('Try Checkout: which entitlement?'), placeHolder: t('One unit of it is checked out'), ignoreFocusOut: true });
  if (!picked) throw new Cancelled();
  return picked.entitlement;
}

/** What the checkout consumes and for how long, e.g. "1 of 10 Users permanently". */
function costText(target: LicenseTarget, e: PlannedEntitlement, mode: CheckoutMode, checkIn: boolean): string {
  const cc = target.license.ConsumptionConfiguration;
  const minutes = mode === 'BORROW' ? cc?.BorrowConfiguration?.MaxTimeToLiveInMinutes : cc?.ProvisionalConfiguration?.MaxTimeToLiveInMinutes;
  const max = target.license.Entitlements?.find((x) => x.Name === e.name)?.MaxCount;
  const what = !isCountedUnit(e.unit) ? vscode.l10n.t('{0} (a {1} entitlement)', e.name, e.unit) : max !== undefined ? vscode.l10n.t('1 of {0} {1}', max, e.name) : vscode.l10n.t('1 {0}', e.name);
  if (mode === 'PERPETUAL') return vscode.l10n.t('consumes {0} permanently', what);
  if (!checkIn) return vscode.l10n.t('consumes {0} for {1} minutes (it cannot be checked in)', what, minutes ?? '?');
  return vscode.l10n.t('consumes {0} until it is checked in (at most {1} minutes)', what, minutes ?? '?');
}

/** Asks before consuming: typed confirmation when it cannot be undone or is a live Marketplace entitlement. */
async function confirmCheckout(target: LicenseTarget, cost: string, typed: boolean, before: string, warnings: string[]): Promise<boolean> {
  const name = target.license.LicenseName ?? target.ref.arn;
  if (typed) {
    const answer = await showInputBox({
      title: t('Try Checkout of {0}', name),
      prompt: t('This checkout {0}. In use now: {1}. Type {2} to check out.', cost, before, CONFIRM_WORD),
      placeHolder: t('Type {0}', CONFIRM_WORD),
      ignoreFocusOut: true,
      validateInput: (v) => (v === CONFIRM_WORD ? undefined : t('Type {0} to check out, or press Escape.', CONFIRM_WORD)),
    });
    if (answer === undefined) throw new Cancelled();
    return answer === CONFIRM_WORD;
  }
  const detail = tLines('In use now: {0}.\n{1}It is checked in when you close the result.', before, warnings.map((w) => `${w}\n`).join(''));
  const go = t('Check Out');
  return (await notify.confirm(t('Try Checkout of {0} {1}?', name, cost), { modal: true, detail }, go)) === go;
}

function requestFor(target: LicenseTarget, mode: CheckoutMode, e: PlannedEntitlement): CheckoutRequest {
  const entitlements = [{ Name: e.name, Unit: e.unit, ...(e.value !== undefined ? { Value: e.value } : {}) }];
  const clientToken = randomUUID();
  if (mode === 'BORROW') return { kind: 'borrow', input: { licenseArn: target.license.LicenseArn ?? target.ref.arn, entitlements, clientToken } };
  const l = target.license;
  return {
    kind: 'checkout',
    input: {
      productSku: l.ProductSKU ?? '',
      keyFingerprint: l.Issuer?.KeyFingerprint ?? '',
      checkoutType: mode,
      entitlements,
      clientToken,
      ...(target.issuedByCaller && l.Beneficiary !== undefined ? { beneficiary: l.Beneficiary } : {}),
    },
  };
}

/** Shows what came back until the user closes it; Copy puts the signed token on the clipboard. */
async function showResult(target: LicenseTarget, result: CheckoutResult, before: string, willCheckIn: boolean): Promise<void> {
  const allowed = result.entitlementsAllowed.map((e) => `${e.Name}${e.Value !== undefined ? ` = ${e.Value}` : ''} (${e.Unit})`).join(', ');
  const detail = tLines(
    'Entitlements allowed: {0}\nExpiration: {1}\nNode id: {2}\nSigned token: {3}\nIn use before: {4}\n{5}',
    allowed,
    result.expiration ?? '-',
    result.nodeId ?? '-',
    result.signedToken ? `${shortToken(result.signedToken)} (${result.signedToken.length})` : '-',
    before,
    willCheckIn ? vscode.l10n.t('Closing this checks the license in.') : vscode.l10n.t('This checkout cannot be checked in.'),
  );
  const copy = vscode.l10n.t('Copy Signed Token');
  for (;;) {
    const answer = await notify.modal(t('Checked out {0}', target.license.LicenseName ?? target.ref.arn), { modal: true, detail }, ...(result.signedToken ? [copy] : []));
    if (answer !== copy || !result.signedToken) return;
    await vscode.env.clipboard.writeText(result.signedToken);
  }
}

export async function tryCheckout(services: Services, store: OpenCheckouts, target: LicenseTarget): Promise<TryReport> {
  const arn = target.license.LicenseArn ?? target.ref.arn;
  const mode = checkoutModeOf(target.license);
  const reads = await withAwsProgress('Reading usage…', (signal) => readPreflight(target, signal));
  const entitlement = await pickEntitlement(target, reads.usage);
  const checks = checkReads(await services.aws(), target, reads, mode, [entitlement]);
  const errors = checks.findings.filter((f) => f.severity === 'error').map((f) => f.message);
  const warnings = checks.findings.filter((f) => f.severity === 'warning').map((f) => f.message);
  const before = usageText(checks.usage, entitlement.name);
  if (errors.length > 0) {
    void notify.confirm(t('Try Checkout would be refused; nothing was sent.'), { modal: true, detail: tLines('{0}', [...errors, ...warnings].join('\n')) });
    return { outcome: 'refused', usageBefore: checks.usage, messages: [...errors, ...warnings] };
  }
  const checkIn = checkInAllowed(target.license, [entitlement.name]);
  const cost = costText(target, entitlement, mode, checkIn);
  const typed = mode === 'PERPETUAL' || !checkIn || isMarketplaceLicense(target.license);
  if (!(await confirmCheckout(target, cost, typed, before, warnings))) {
    void notify.warn(t('Nothing was checked out: the confirmation did not match.'));
    return { outcome: 'declined', usageBefore: checks.usage, messages: warnings };
  }
  const request = requestFor(target, mode, entitlement);
  const record = { id: request.input.clientToken, profile: target.ref.profile, region: target.ref.region, licenseArn: arn, request, startedAt: Date.now() };
  await store.put(record);
  let result: CheckoutResult;
  try {
    result = await withAwsProgress('Checking out…', (signal) => sendCheckout(target.api, request, signal));
  } catch (e) {
    return await resolveFailedCheckout(services, store, target, record, entitlement, checks.usage, e);
  }
  let outcome: TryOutcome = 'kept';
  // Views of the license (its panel's usage) reload while the unit is held.
  services.changes.fire({ profile: target.ref.profile, arns: [arn] });
  try {
    if (checkIn) await store.put({ ...record, consumptionToken: result.consumptionToken });
    else await store.remove(record.id);
    await showResult(target, result, before, checkIn);
  } finally {
    if (checkIn) {
      try {
        await target.api.checkInLicense(result.consumptionToken, beneficiaryOf(request));
        await store.remove(record.id);
        outcome = 'checkedIn';
      } catch (e) {
        if (alreadyGone(e)) {
          // A check-in whose answer was lost and was retried: it is done.
          await store.remove(record.id);
          outcome = 'checkedIn';
        } else {
          const message = hideToken(e instanceof Error ? e.message : String(e), result.consumptionToken);
          void notify.error(t('Check-in failed: {0}. It is tried again when the window next starts.', message));
        }
      }
    }
  }
  return finish(services, target, entitlement, checks.usage, outcome, warnings);
}

/** A checkout that failed: a lost answer is resolved by usage and a replay with the same ClientToken, never a new checkout. */
async function resolveFailedCheckout(
  services: Services,
  store: OpenCheckouts,
  target: LicenseTarget,
  record: { id: string; profile: string; region: string; licenseArn: string; request: CheckoutRequest; startedAt: number },
  entitlement: PlannedEntitlement,
  usageBefore: EntitlementUsage[],
  error: unknown,
): Promise<TryReport> {
  if (!(error instanceof Cancelled) && !answerLost(error)) {
    await store.remove(record.id);
    throw error;
  }
  const now = await target.api.getLicenseUsage(record.licenseArn);
  const held = (u: readonly EntitlementUsage[]): number => Number(u.find((x) => x.Name === entitlement.name)?.ConsumedValue ?? 0);
  if (held(now) <= held(usageBefore)) {
    await store.remove(record.id);
    void notify.warn(t('The checkout got no answer; usage shows nothing was taken.'));
    return { outcome: 'nothingTaken', usageBefore, usageAfter: now, messages: [] };
  }
  await checkInRecorded(target.api, record);
  await store.remove(record.id);
  void notify.warn(t('The checkout got no answer; usage showed it was taken, so it was checked in.'));
  return finish(services, target, entitlement, usageBefore, 'checkedIn', []);
}

async function finish(services: Services, target: LicenseTarget, entitlement: PlannedEntitlement, usageBefore: EntitlementUsage[], outcome: TryOutcome, messages: string[]): Promise<TryReport> {
  const arn = target.license.LicenseArn ?? target.ref.arn;
  const usageAfter = await target.api.getLicenseUsage(arn);
  services.changes.fire({ profile: target.ref.profile, arns: [arn] });
  void notify.info(t('Usage of {0}: before {1}; after {2}.', entitlement.name, usageText(usageBefore, entitlement.name), usageText(usageAfter, entitlement.name)));
  return { outcome, usageBefore, usageAfter, messages };
}
