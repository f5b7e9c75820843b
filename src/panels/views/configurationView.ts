import type { BadgeView, SectionView, UsageView } from '../../shared/detailView';
import { fields, formatDate, obj, objList, str, strList, yesNo, type Summary } from './format';
import { statusTone } from '../../model/statuses';
import type { Translate } from '../../model/translate';

function num(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
}

/**
 * A usage bar: consumed against an optional limit, with the unit; `unlimited`
 * words the text when there is no limit.
 */
export function meterView(
  t: Translate,
  consumed: number,
  limit: number | undefined,
  unit: string,
  label: string,
  unlimited: (consumed: number, unit: string) => string,
): UsageView {
  if (limit === undefined) {
    return { consumed, ratio: 0, over: false, text: unlimited(consumed, unit).replace(/ {2,}/g, ' ').trim(), label };
  }
  const ratio = limit > 0 ? Math.min(consumed / limit, 1) : consumed > 0 ? 1 : 0;
  const percent = limit > 0 ? Math.round((consumed / limit) * 100) : 0;
  const over = consumed > limit;
  const text = over
    ? t('{0} / {1} {2} ({3}%), over the limit', consumed, limit, unit, percent)
    : t('{0} / {1} {2} ({3}%)', consumed, limit, unit, percent);
  return { consumed, limit, ratio, over, text: text.replace(/ {2,}/g, ' '), label };
}

/** Consumed against limit: the bar's fill, over-limit flag and text. */
export function usageView(t: Translate, data: Record<string, unknown>): UsageView {
  const unit = str(data.LicenseCountingType) ?? '';
  return meterView(t, num(data.ConsumedLicenses) ?? 0, num(data.LicenseCount), unit, t('Licenses consumed'), (c, u) =>
    t('{0} {1} consumed (no limit)', c, u),
  );
}

export function configurationSummary(t: Translate, data: Record<string, unknown>): Summary {
  const usage = usageView(t, data);
  const status = str(data.Status);
  const badges: BadgeView[] = [];
  if (status) badges.push({ label: t('Status'), text: status, tone: statusTone(status) });
  if (usage.over) badges.push({ label: t('Usage'), text: t('Over limit'), tone: 'warning' });
  const consumption = objList(data.ConsumedLicenseSummaryList);
  const managed = objList(data.ManagedResourceSummaryList);
  const tags = objList(data.Tags);
  const rules = strList(data.LicenseRules);
  const expiry = num(data.LicenseExpiry);
  const sections: SectionView[] = [
    {
      id: 'usage',
      title: t('Usage'),
      usage,
      fields: fields(
        { label: t('Counting type'), value: str(data.LicenseCountingType) },
        { label: t('Hard limit'), value: yesNo(t, typeof data.LicenseCountHardLimit === 'boolean' ? data.LicenseCountHardLimit : undefined) },
      ),
    },
    {
      id: 'overview',
      title: t('License configuration'),
      fields: fields(
        { label: t('Name'), value: str(data.Name) },
        { label: t('Description'), value: str(data.Description) },
        { label: t('Status'), value: status, tone: statusTone(status) },
        { label: t('Id'), value: str(data.LicenseConfigurationId), mono: true },
        { label: t('Owner account'), value: str(data.OwnerAccountId), mono: true },
        {
          label: t('Disassociate when not found'),
          value: yesNo(t, typeof data.DisassociateWhenNotFound === 'boolean' ? data.DisassociateWhenNotFound : undefined),
        },
        { label: t('License expiry'), value: expiry !== undefined ? formatDate(expiry) : undefined },
        { label: t('Last automated discovery'), value: formatDate(obj(data.AutomatedDiscoveryInformation)?.LastRunTime) },
      ),
    },
    { id: 'rules', title: t('Rules'), items: rules, empty: t('No rules') },
    {
      id: 'consumption',
      title: t('Consumption by resource type'),
      table: {
        caption: t('Consumption by resource type'),
        columns: [t('Resource type'), t('Consumed')],
        rows: consumption.map((c) => [str(c.ResourceType) ?? '', str(c.ConsumedLicenses) ?? '0']),
      },
      empty: consumption.length === 0 ? t('Nothing consumed') : undefined,
    },
    {
      id: 'managed',
      title: t('Managed resources'),
      table: {
        caption: t('Managed resources'),
        columns: [t('Resource type'), t('Associations')],
        rows: managed.map((m) => [str(m.ResourceType) ?? '', str(m.AssociationCount) ?? '0']),
      },
      empty: managed.length === 0 ? t('No managed resources') : undefined,
    },
  ];
  if (tags.length > 0) {
    sections.push({
      id: 'tags',
      title: t('Tags'),
      table: {
        caption: t('Tags'),
        columns: [t('Key'), t('Value')],
        rows: tags.map((tag) => [str(tag.Key) ?? '', str(tag.Value) ?? '']),
      },
    });
  }
  return { title: str(data.Name) ?? '', badges, sections, links: [], actions: [] };
}
