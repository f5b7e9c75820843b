import { t, uiText, type UiPickItem } from '../ui/window';
import type { License } from '../aws/types';
import { Cancelled } from '../shared/cancelled';
import type { GrantDeps } from './deps';
import { showsReceivedHere } from '../data/fanOut';
import { noGrantFrom, type GrantSourceKind } from '../model/validation';
import { notify } from './messages';
import { profilesThatMayNotCreateGrants } from './readOnly';
import { acrossSelection, failureRows, noSelection, separator, type LicenseTarget, type NoteRow } from './targets';

/** Each license once, with the profiles it was seen through (sorted). */
function byLicense(targets: readonly LicenseTarget[]): [LicenseTarget, string[]][] {
  const out = new Map<string, [LicenseTarget, string[]]>();
  for (const target of targets) {
    const seen = out.get(target.arn) ?? [target, []];
    if (!seen[1].includes(target.profile)) seen[1].push(target.profile);
    out.set(target.arn, seen);
  }
  return [...out.values()].map(([l, profiles]) => [l, profiles.sort()]);
}

/** A license offered by Create Grant's first step. */
export interface LicenseRow extends UiPickItem {
  readonly target: LicenseTarget;
}

/**
 * The rows of Create Grant's license step, across the selection: the licenses a grant can be
 * created from (issued, or received with CreateGrant through an ACTIVE grant; AVAILABLE; through a
 * profile not known to be unable to create grants), then notes on what is not offered and why,
 * and what could not be listed. Throws `Cancelled` (after saying so) when nothing is selected
 * or nothing at all is found.
 */
export async function licenseRows(ctx: GrantDeps, signal: AbortSignal): Promise<(LicenseRow | NoteRow)[]> {
  const loaded = await acrossSelection<LicenseTarget>(
    ctx,
    async (api, target, allPages) => {
      const [issued, received] = await Promise.all([
        allPages((req, opts) => api.listLicenses(req, opts)),
        allPages((req, opts) => api.listReceivedLicenses(req, opts)),
      ]);
      const mk = (kind: GrantSourceKind, license: License): LicenseTarget | undefined =>
        license.LicenseArn ? { profile: target.profile, region: target.region, kind, license, arn: license.LicenseArn } : undefined;
      // Received licenses are listed in every region: keep one copy, where the explorer shows it.
      const shownHere = (l: License): boolean => showsReceivedHere(target, l.HomeRegion);
      return [
        ...issued.map((l) => mk('license', l)),
        // A received license without CreateGrant is only used, never passed on: not a source at all.
        ...received.filter((l) => shownHere(l) && noGrantFrom('receivedLicense', l) !== 'operations').map((l) => mk('receivedLicense', l)),
      ].filter((t): t is LicenseTarget => t !== undefined);
    },
    signal,
  );
  if (loaded.selection.length === 0) noSelection();
  const readOnly = profilesThatMayNotCreateGrants();
  const offered: LicenseTarget[] = [];
  const notAvailable: LicenseTarget[] = [];
  const throughReadOnly = new Map<string, number>();
  for (const target of loaded.items) {
    if (readOnly.has(target.profile)) throughReadOnly.set(target.profile, (throughReadOnly.get(target.profile) ?? 0) + 1);
    else if (noGrantFrom(target.kind, target.license) === 'status') notAvailable.push(target);
    else offered.push(target);
  }
  const rows: (LicenseRow | NoteRow)[] = offered.map((target) => ({
    label: uiText(target.license.LicenseName || target.arn),
    description: uiText([target.license.ProductName, target.profile, target.region].filter(Boolean).join(' · ')),
    detail: t('{0} · {1}', target.kind === 'license' ? t('Issued license') : t('Received license'), target.arn),
    target,
  }));
  const notes: NoteRow[] = [
    ...(notAvailable.length > 0
      ? [
          {
            label: t('$(info) {0} not AVAILABLE', byLicense(notAvailable).length),
            description: t('AWS grants only AVAILABLE licenses'),
            detail: uiText(byLicense(notAvailable).map(([l, profiles]) => `${l.license.LicenseName || l.arn} (${String(l.license.Status)}; ${profiles.join(', ')})`).join(' · ')),
            note: true as const,
          },
        ]
      : []),
    ...[...throughReadOnly].map(([profile, n]) => ({
      label: t('$(info) {0} through {1}', n, profile),
      description: t('this profile may not create grants'),
      detail: t('Named in the setting licenseManager.grants.readOnlyProfiles, or refused CreateGrant by AWS in this window.'),
      note: true as const,
    })),
    ...(loaded.truncated > 0 ? [{ label: t('$(info) {0} lists have more licenses than can be offered', loaded.truncated), note: true as const }] : []),
  ];
  const all = [...rows, ...(notes.length > 0 ? [separator(t('Not offered')), ...notes] : []), ...failureRows(loaded.failures)];
  if (all.length === 0) {
    void notify.info(t('No license in the selected profiles and regions can be granted.'));
    throw new Cancelled();
  }
  return all;
}
