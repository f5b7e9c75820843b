import type { EntitlementUsage } from '../../aws/types';
import type { HistoryEntry } from '../../model/history';
import { statusTone } from '../../model/statuses';
import type { Translate } from '../../model/translate';
import type { EntitlementUsageView, HistoryEntryView, HistoryView } from '../../shared/detailView';
import { meterView } from './configurationView';
import { formatDate } from './format';

/** Entries the History section shows per step ("Show older" adds as many again). */
export const HISTORY_STEP = 20;

function entryView(t: Translate, e: HistoryEntry, hasOlder: boolean): HistoryEntryView {
  return {
    version: e.version,
    label: t('v{0}', e.version),
    ...(e.status !== undefined ? { status: e.status, tone: statusTone(e.status) } : {}),
    ...(e.previousStatus !== undefined ? { previousStatus: t('was {0}', e.previousStatus) } : {}),
    ...(e.statusReason !== undefined ? { reason: e.statusReason } : {}),
    ...(e.time !== undefined ? { time: formatDate(e.time) ?? e.time } : {}),
    changes: e.changes.map((c) => t('{0}: {1} → {2}', c.member, c.before ?? t('(none)'), c.after ?? t('(none)'))),
    canCompare: hasOlder,
  };
}

/**
 * The History section from entries (newest first). `shown` entries are listed;
 * `more` says whether older versions exist beyond them (loaded or not).
 */
export function historyView(t: Translate, entries: readonly HistoryEntry[], shown: number, more: boolean): HistoryView {
  const listed = entries.slice(0, shown);
  const hasOlder = more || entries.length > shown;
  return {
    phase: 'ready',
    entries: listed.map((e, i) => entryView(t, e, i < listed.length - 1 || hasOlder)),
    canShowOlder: hasOlder,
    ...(listed.length === 0 ? { note: t('No versions') } : {}),
  };
}

/** One bar per entitlement: consumed against MaxCount with the unit, "unlimited" without a MaxCount. */
export function entitlementUsageViews(t: Translate, usages: readonly EntitlementUsage[]): EntitlementUsageView[] {
  return usages.map((u) => {
    const consumed = Number(u.ConsumedValue);
    const max = u.MaxCount !== undefined && u.MaxCount !== '' ? Number(u.MaxCount) : undefined;
    return {
      name: u.Name,
      usage: meterView(
        t,
        Number.isFinite(consumed) ? consumed : 0,
        max !== undefined && Number.isFinite(max) ? max : undefined,
        u.Unit ?? '',
        t('{0} consumed', u.Name),
        (c, unit) => t('{0} {1} consumed (unlimited)', c, unit),
      ),
    };
  });
}
