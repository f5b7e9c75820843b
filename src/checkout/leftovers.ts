/** At start: checks in what a Try Checkout of an earlier window left open (the window closed or crashed). */
import type { Services } from '../services';
import { notify, t } from '../ui/window';
import { checkInRecorded, type OpenCheckouts } from './openCheckouts';

/** Resolves with the number of checkouts given back; failures stay recorded for the next start. */
export async function checkInLeftovers(services: Services, store: OpenCheckouts): Promise<number> {
  const records = store.list();
  let done = 0;
  for (const record of records) {
    try {
      const api = (await services.clients()).get(record.profile, record.region);
      await checkInRecorded(api, record);
      await store.remove(record.id);
      done++;
      services.changes.fire({ profile: record.profile, arns: [record.licenseArn] });
      services.log.info(`checked in a checkout left open: license=${record.licenseArn} profile=${record.profile} region=${record.region}`);
    } catch (e) {
      services.log.warn(`could not check in a checkout left open (kept for the next start): license=${record.licenseArn} profile=${record.profile}: ${e instanceof Error ? e.message.split(record.consumptionToken ?? '\u0000').join('…') : ''}`);
    }
  }
  if (done > 0) void notify.info(t('Checked in {0} checkout(s) a previous window left open.', done));
  return done;
}
