/** Reads what the pre-flight needs from AWS (usage, licenses sharing the SKU and fingerprint) and runs it. */
import * as vscode from 'vscode';
import type { EntitlementUsage, License } from '../aws/types';
import type { CheckoutMode, PlannedEntitlement } from '../model/checkoutCode';
import type { PreflightFinding, preflight } from '../model/checkoutPreflight';
import type { LicenseTarget } from './license';

export interface PreflightRun {
  readonly usage: EntitlementUsage[];
  readonly findings: PreflightFinding[];
}

/** What the pre-flight reads from AWS, in one round: usage and the licenses sharing the SKU and fingerprint. */
export interface PreflightReads {
  readonly usage: EntitlementUsage[];
  readonly others: License[];
}

/** Licenses the caller holds with the same SKU and fingerprint (issued ones for an issuer, received ones otherwise). */
async function twins(target: LicenseTarget, signal: AbortSignal): Promise<License[]> {
  const l = target.license;
  if (!l.ProductSKU || !l.Issuer?.KeyFingerprint) return [];
  const filters = [
    { Name: 'ProductSKU', Values: [l.ProductSKU] },
    { Name: 'Fingerprint', Values: [l.Issuer.KeyFingerprint] },
  ];
  const page = target.issuedByCaller
    ? await target.api.listLicenses({ filters, maxResults: 100 }, { signal })
    : await target.api.listReceivedLicenses({ filters, maxResults: 100 }, { signal });
  return page.items;
}

/** Reads usage and twins at the same time. */
export async function readPreflight(target: LicenseTarget, signal: AbortSignal): Promise<PreflightReads> {
  const arn = target.license.LicenseArn ?? target.ref.arn;
  const [usage, others] = await Promise.all([target.api.getLicenseUsage(arn, { signal }), twins(target, signal)]);
  return { usage, others };
}

/** The rules (loaded with the AWS layer). */
export interface PreflightRules {
  readonly preflight: typeof preflight;
}

/** Every rule for this request, on what was read. */
export function checkReads(rules: PreflightRules, target: LicenseTarget, reads: PreflightReads, mode: CheckoutMode, entitlements: readonly PlannedEntitlement[]): PreflightRun {
  const findings = rules.preflight({ license: target.license, usage: reads.usage, mode, entitlements, now: Date.now(), others: reads.others }, vscode.l10n.t);
  return { usage: reads.usage, findings };
}

/** Reads what the rules need, then runs every rule for this request. */
export async function runPreflight(rules: PreflightRules, target: LicenseTarget, mode: CheckoutMode, entitlements: readonly PlannedEntitlement[], signal: AbortSignal): Promise<PreflightRun> {
  return checkReads(rules, target, await readPreflight(target, signal), mode, entitlements);
}

/** "7 of 10 Count in use" / "0 in use" for one entitlement. */
export function usageText(usage: readonly EntitlementUsage[], name: string): string {
  const u = usage.find((x) => x.Name === name);
  if (!u) return vscode.l10n.t('no usage reported');
  return u.MaxCount !== undefined ? vscode.l10n.t('{0} of {1} {2} in use', u.ConsumedValue, u.MaxCount, u.Unit) : vscode.l10n.t('{0} in use', u.ConsumedValue);
}
