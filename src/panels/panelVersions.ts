import type { Grant, License } from '../aws/types';
import { isLicenseManagerError } from '../aws/errors';
import { HISTORY_PAGE_SIZE, loadGrantVersions, loadLicenseVersions } from '../data/history';
import { grantHistory, historyKind, licenseHistory } from '../model/history';
import type { ResourceRef } from '../model/resources';
import type { Translate } from '../model/translate';
import type { Services } from '../services';
import type { HistoryView, LicenseUsageView } from '../shared/detailView';
import { entitlementUsageViews, historyView } from './views/historyView';
import { errorView } from './views/state';

/** What a panel's History and Usage sections show; `onChange` is told after every step. */
export interface PanelExtras {
  history?: HistoryView;
  usage?: LicenseUsageView;
}

/**
 * Loads a panel's History section on demand (a page of 20 versions at a time)
 * and a license's entitlement usage, for one resource. A reset drops what is
 * loaded; answers that arrive after a reset are ignored.
 */
export class PanelVersions {
  private grants: Grant[] = [];
  private licenses: License[] = [];
  private older: number | undefined;
  private shown = 0;
  private seq = 0;
  private abort = new AbortController();
  readonly extras: PanelExtras = {};

  constructor(
    private readonly services: Services,
    private readonly t: Translate,
    private readonly onChange: () => void,
  ) {}

  /** The idle History section (button only) for kinds that have one. */
  reset(ref: ResourceRef): void {
    this.seq++;
    this.abort.abort();
    this.abort = new AbortController();
    this.grants = [];
    this.licenses = [];
    this.older = undefined;
    this.shown = 0;
    this.extras.history = historyKind(ref.kind) ? { phase: 'idle', entries: [], canShowOlder: false } : undefined;
    this.extras.usage = undefined;
  }

  /** True once the History section has been asked for. */
  get historyOpen(): boolean {
    return this.extras.history !== undefined && this.extras.history.phase !== 'idle';
  }

  /** Loads the first page (`more` false) or the next older one. */
  async showHistory(ref: ResourceRef, data: object, more: boolean): Promise<void> {
    const kind = historyKind(ref.kind);
    if (!kind || !this.extras.history || this.extras.history.phase === 'loading') return;
    const seq = this.seq;
    const before = this.extras.history;
    this.extras.history = { ...before, phase: 'loading' };
    this.onChange();
    try {
      const api = (await this.services.clients()).get(ref.profile, ref.region);
      const signal = this.abort.signal;
      if (kind === 'grant') {
        if (!more || this.older !== undefined) {
          const page = await loadGrantVersions(api, ref.arn, more ? { from: this.older, signal } : { current: data as Grant, signal });
          if (seq !== this.seq) return;
          this.grants = more ? [...this.grants, ...page.versions] : page.versions;
          this.older = page.older;
        }
        this.shown = this.grants.length;
        this.extras.history = historyView(this.t, grantHistory(this.grants), this.shown, this.older !== undefined);
      } else {
        if (!more) {
          const versions = await loadLicenseVersions(api, ref.arn, { signal });
          if (seq !== this.seq) return;
          this.licenses = versions;
        }
        this.shown = more ? this.shown + HISTORY_PAGE_SIZE : HISTORY_PAGE_SIZE;
        this.extras.history = historyView(this.t, licenseHistory(this.licenses), this.shown, false);
      }
    } catch (e) {
      if (seq !== this.seq) return;
      const error = errorView(this.t, e);
      this.services.log.warn(`details: history of ${ref.arn} failed: ${error.kind}: ${error.message}`);
      this.extras.history = { ...before, phase: 'error', error: `${error.title}: ${error.message}` };
    }
    this.onChange();
  }

  /** Loads entitlement usage (licenses only); a failure, access denied included, becomes a note. */
  async loadUsage(ref: ResourceRef): Promise<void> {
    if (historyKind(ref.kind) !== 'license') return;
    const seq = this.seq;
    this.extras.usage = { phase: 'loading', rows: [], note: this.t('Loading…') };
    this.onChange();
    try {
      const api = (await this.services.clients()).get(ref.profile, ref.region);
      const usages = await api.getLicenseUsage(ref.arn, { signal: this.abort.signal });
      if (seq !== this.seq) return;
      const rows = entitlementUsageViews(this.t, usages);
      this.extras.usage = { phase: 'ready', rows, ...(rows.length === 0 ? { note: this.t('No entitlements') } : {}) };
    } catch (e) {
      if (seq !== this.seq) return;
      const denied = isLicenseManagerError(e) && e.kind === 'accessDenied';
      const error = errorView(this.t, e);
      this.extras.usage = {
        phase: 'note',
        rows: [],
        note: denied
          ? this.t('Usage is not available to this account: {0}', error.message)
          : this.t('Usage could not be loaded: {0}: {1}', error.title, error.message),
      };
    }
    this.onChange();
  }

  dispose(): void {
    this.seq++;
    this.abort.abort();
  }
}
