import type { ResourceRef } from '../../model/resources';
import { listOfKind } from '../../model/resourceLists';
import type { ActionView, BadgeView, FieldView, SectionView } from '../../shared/detailView';
import { licenseActionsFor } from '../../model/licenseActions';
import { fields, formatDate, obj, objList, str, strList, yesNo, type Summary } from './format';
import { statusTone } from '../../model/statuses';
import type { Translate } from '../../model/translate';

function validityNote(t: Translate, begin: unknown, end: unknown, now: Date): FieldView | undefined {
  const b = typeof begin === 'string' ? Date.parse(begin) : NaN;
  const e = typeof end === 'string' ? Date.parse(end) : NaN;
  if (!Number.isNaN(e) && e < now.getTime()) return { label: t('Validity'), value: t('Expired'), tone: 'error' };
  if (!Number.isNaN(b) && b > now.getTime()) return { label: t('Validity'), value: t('Not yet valid'), tone: 'warning' };
  if (!Number.isNaN(b)) return { label: t('Validity'), value: t('Valid'), tone: 'ok' };
  return undefined;
}

function entitlementsTable(t: Translate, list: Record<string, unknown>[]): SectionView {
  return {
    id: 'entitlements',
    title: t('Entitlements'),
    table: {
      caption: t('Entitlements'),
      columns: [t('Name'), t('Maximum'), t('Unit'), t('Overage'), t('Check-in')],
      rows: list.map((e) => [
        str(e.Name) ?? '',
        str(e.MaxCount) ?? str(e.Value) ?? '',
        str(e.Unit) ?? '',
        yesNo(t, typeof e.Overage === 'boolean' ? e.Overage : undefined) ?? '',
        yesNo(t, typeof e.AllowCheckIn === 'boolean' ? e.AllowCheckIn : undefined) ?? '',
      ]),
    },
    empty: list.length === 0 ? t('No entitlements') : undefined,
  };
}

function consumptionSection(t: Translate, cc: Record<string, unknown> | undefined): SectionView {
  const provisional = obj(cc?.ProvisionalConfiguration);
  const borrow = obj(cc?.BorrowConfiguration);
  const list = fields(
    { label: t('Renew type'), value: str(cc?.RenewType) },
    provisional
      ? { label: t('Provisional'), value: t('Up to {0} minutes', str(provisional.MaxTimeToLiveInMinutes) ?? '?') }
      : undefined,
    borrow
      ? {
          label: t('Borrow'),
          value: t(
            'Up to {0} minutes; early check-in {1}',
            str(borrow.MaxTimeToLiveInMinutes) ?? '?',
            borrow.AllowEarlyCheckIn === true ? t('allowed') : t('not allowed'),
          ),
        }
      : undefined,
  );
  return { id: 'consumption', title: t('Consumption configuration'), fields: list, empty: t('None') };
}

export function licenseSummary(t: Translate, ref: ResourceRef, data: Record<string, unknown>, now: Date): Summary {
  const status = str(data.Status);
  const validity = obj(data.Validity);
  const issuer = obj(data.Issuer);
  const received = obj(data.ReceivedMetadata);
  const badges: BadgeView[] = [];
  if (status) badges.push({ label: t('Status'), text: status, tone: statusTone(status) });
  const receivedStatus = str(received?.ReceivedStatus);
  if (ref.kind === 'receivedLicense' && receivedStatus) {
    badges.push({ label: t('Received status'), text: receivedStatus, tone: statusTone(receivedStatus) });
  }
  const sections: SectionView[] = [
    {
      id: 'overview',
      title: t('License'),
      fields: fields(
        { label: t('Name'), value: str(data.LicenseName) },
        { label: t('Product'), value: str(data.ProductName) },
        { label: t('SKU'), value: str(data.ProductSKU), mono: true },
        { label: t('Status'), value: status, tone: statusTone(status) },
        { label: t('Home region'), value: str(data.HomeRegion) },
        { label: t('Beneficiary'), value: str(data.Beneficiary) },
        { label: t('Version'), value: str(data.Version) },
        { label: t('Created'), value: formatDate(data.CreateTime) },
      ),
    },
  ];
  if (ref.kind === 'receivedLicense' || received) {
    const ops = strList(received?.AllowedOperations);
    sections.push({
      id: 'received',
      title: t('Received metadata'),
      fields: fields(
        { label: t('Received status'), value: receivedStatus, tone: statusTone(receivedStatus) },
        { label: t('Reason'), value: str(received?.ReceivedStatusReason) ?? t('No reason given') },
        { label: t('Allowed operations'), value: ops.length > 0 ? ops.join(', ') : t('None') },
      ),
    });
  }
  sections.push(
    {
      id: 'validity',
      title: t('Validity'),
      fields: fields(
        validityNote(t, validity?.Begin, validity?.End, now),
        { label: t('Begins'), value: formatDate(validity?.Begin) },
        { label: t('Ends'), value: formatDate(validity?.End) ?? (validity ? t('No end date') : undefined) },
      ),
      empty: t('No validity given'),
    },
    {
      id: 'issuer',
      title: t('Issuer'),
      fields: fields(
        { label: t('Name'), value: str(issuer?.Name) },
        { label: t('Sign key'), value: str(issuer?.SignKey), mono: true },
        { label: t('Key fingerprint'), value: str(issuer?.KeyFingerprint), mono: true },
      ),
      empty: t('No issuer given'),
    },
    entitlementsTable(t, objList(data.Entitlements)),
    consumptionSection(t, obj(data.ConsumptionConfiguration)),
  );
  const metadata = objList(data.LicenseMetadata);
  if (metadata.length > 0) {
    sections.push({
      id: 'metadata',
      title: t('License metadata'),
      table: {
        caption: t('License metadata'),
        columns: [t('Name'), t('Value')],
        rows: metadata.map((m) => [str(m.Name) ?? '', str(m.Value) ?? '']),
      },
    });
  }
  return {
    title: str(data.LicenseName) ?? str(data.ProductName) ?? '',
    badges,
    sections,
    links: [],
    actions: listOfKind(ref.kind)?.licenseActions ? licenseActionViews(t, status) : [],
  };
}

/** The buttons an issued license's panel offers, from the table of license actions. */
export function licenseActionViews(t: Translate, status: string | undefined): ActionView[] {
  return licenseActionsFor(status).map((r) => ({ action: r.action, label: r.label(t), destructive: r.destructive }));
}
