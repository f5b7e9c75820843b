import * as vscode from 'vscode';
import { t } from '../ui/window';
import { withAccessibility } from './accessibility';
import { loadInbox, type InboxPlaceResult } from '../data/inbox';
import { selectedTargets } from '../data/fanOut';
import { callsPerPlace } from '../data/networkSettings';
import { buildInbox, INBOX_GROUPS, newWaiting, placeKey, waitingCount, EMPTY_SEEN, type InboxItem, type InboxSeen } from '../model/inbox';
import type { Services } from '../services';
import { InboxSchedule, type RefreshOutcome } from '../state/inboxSchedule';
import { logFailure } from '../ui/log';
import { signInProfileOf } from '../grants/signIn';
import { announceNewGrants } from './inboxNotice';
import type { ExplorerNode } from './nodes/explorerNode';
import { InboxGroupNode } from './nodes/inboxGroupNode';
import { describeError, errorKindText, MessageNode, onDidStartRetry } from './nodes/messageNode';

/** globalState key of the waiting grants and places seen (no announcement again after a reload). */
export const INBOX_SEEN_KEY = 'licenseManager.inbox.seen';

/** What the provider uses of its tree view. */
export type InboxView = Pick<vscode.TreeView<ExplorerNode>, 'visible' | 'onDidChangeVisibility' | 'badge'>;

/** Product names of licenses by ARN, as far as the explorer has loaded them, and when that may have changed. */
export interface ProductNames {
  names(): ReadonlyMap<string, string>;
  readonly changed?: vscode.Event<unknown>;
}

/** workspaceState key of the product names the inbox has learned (shown again after a window reload). */
const PRODUCT_NAMES_KEY = 'licenseManager.inbox.productNames';

/**
 * The Grants Inbox view: received grants waiting or accepted but not active and
 * distributed grants with problems, across the selected profiles and regions,
 * with a badge, polling, and announcements of new grants. Loads through
 * `loadInbox`; each place shows as soon as it answers.
 */
export class InboxProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private view: InboxView | undefined;
  private results = new Map<string, InboxPlaceResult>();
  /** Selection order of the places, so rows do not follow the order answers arrive in. */
  private placeOrder: string[] = [];
  private groups: InboxGroupNode[] = [];
  private failures: MessageNode[] = [];
  private loaded = false;
  /** The selection changed while the view was hidden: reload when it is shown. */
  private selectionChanged = false;
  private loading = false;
  private noSelection = false;
  private abort: AbortController | undefined;
  private readonly productNames = new Map<string, string>();
  readonly schedule: InboxSchedule;

  constructor(
    readonly services: Services,
    private readonly products: ProductNames = { names: () => new Map() },
  ) {
    this.schedule = new InboxSchedule(() => this.load(), intervalMs(), vscode.window.state.focused);
    this.disposables.push(
      vscode.window.onDidChangeWindowState((s) => this.schedule.setFocused(s.focused)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('licenseManager.inbox.refreshMinutes')) this.schedule.setInterval(intervalMs());
      }),
      // After a grant action or a new selection, the inbox follows the explorer (once it has loaded).
      services.changes.event(() => this.refreshIfLoaded()),
      onDidStartRetry((node) => (this.failures.includes(node) ? this.emitter.fire(node) : undefined)),
      services.state.onDidChange((c) => (c.kind === 'filter' ? undefined : this.followSelection())),
    );
    if (products.changed) this.disposables.push(products.changed(() => this.nameProducts()));
  }

  attach(view: InboxView): void {
    this.view = view;
    this.disposables.push(
      view.onDidChangeVisibility((e) => {
        this.schedule.setVisible(e.visible);
        if (e.visible && this.selectionChanged) this.refreshIfLoaded();
      }),
    );
    this.schedule.setVisible(view.visible);
    this.updateBadge();
  }

  /** Reloads the inbox now (the view's Refresh); resolves when it is up to date. */
  refresh(): Promise<void> {
    return this.schedule.refreshNow();
  }

  /** Product names seen in the explorer, kept when the explorer drops its lists and across a window reload. */
  private knownProducts(): ReadonlyMap<string, string> {
    if (this.productNames.size === 0) {
      const saved = this.services.context.workspaceState.get<unknown>(PRODUCT_NAMES_KEY);
      if (saved && typeof saved === 'object' && !Array.isArray(saved)) {
        for (const [arn, name] of Object.entries(saved)) if (typeof name === 'string' && arn.startsWith('arn:')) this.productNames.set(arn, name);
      }
    }
    let learned = false;
    for (const [arn, name] of this.products.names()) {
      if (this.productNames.get(arn) !== name) learned = true;
      this.productNames.set(arn, name);
    }
    if (learned) void this.services.context.workspaceState.update(PRODUCT_NAMES_KEY, Object.fromEntries(this.productNames));
    return this.productNames;
  }

  /** Redraws (without a request) when a row's product name is now known or has changed. */
  private nameProducts(): void {
    const names = this.knownProducts();
    if (this.items.some((i) => names.get(i.grant.LicenseArn) !== i.productName)) this.show();
  }

  /**
   * A new selection: a shown inbox follows it at once; a hidden one when it is next shown (its badge
   * keeps the last count meanwhile), so choosing profiles in the explorer sends no inbox request.
   */
  private followSelection(): void {
    if (this.view && !this.view.visible) {
      this.selectionChanged = this.loaded;
      return;
    }
    this.refreshIfLoaded();
  }

  private refreshIfLoaded(): void {
    this.selectionChanged = false;
    if (this.loaded) this.schedule.refreshNow().catch(logFailure(this.services.log, 'inbox: refreshing'));
  }

  /** The entries shown, in display order. */
  get items(): readonly InboxItem[] {
    return this.groups.flatMap((g) => g.grants.map((n) => n.item));
  }

  /** The grant nodes shown, in display order. */
  grantNodes(): InboxGroupNode['grants'] {
    return this.groups.flatMap((g) => g.grants);
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return withAccessibility(node.getTreeItem(), node);
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.parent;
  }

  getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (node) return node.getChildren();
    return Promise.resolve(this.roots());
  }

  private roots(): ExplorerNode[] {
    if (this.noSelection) {
      return [
        new MessageNode(undefined, 'hint', t('No profiles selected'), {
          description: t('Select profiles…'),
          command: { command: 'licenseManager.profiles.select', title: t('Select Profiles…') },
        }),
      ];
    }
    const rows: ExplorerNode[] = [...this.groups, ...this.failures];
    if (rows.length > 0) return rows;
    if (this.loading || !this.loaded) return [new MessageNode(undefined, 'hint', t('Loading…'), { key: 'inbox-loading' })];
    return [new MessageNode(undefined, 'empty', t('No grants need your attention'), { key: 'inbox-empty' })];
  }

  /** One refresh: lists every selected place, shows each answer as it arrives, then announces new grants. */
  private async load(): Promise<RefreshOutcome> {
    const selection = await this.services.state.selection();
    const places = selectedTargets(selection).map(({ profile, region }) => ({ profile, region }));
    this.noSelection = places.length === 0;
    this.placeOrder = places.map(placeKey);
    const wanted = new Set(this.placeOrder);
    for (const key of [...this.results.keys()]) if (!wanted.has(key)) this.results.delete(key);
    this.loading = true;
    this.show();
    const abort = new AbortController();
    this.abort = abort;
    try {
      const [aws, factory] = await Promise.all([this.services.aws(), this.services.clients()]);
      const load = await loadInbox(places, {
        api: (profile, region) => factory.get(profile, region),
        collectAll: aws.collectAll,
        perPlace: callsPerPlace(),
        signal: abort.signal,
        onPlace: (result) => {
          if (abort.signal.aborted) return;
          this.results.set(placeKey(result), result);
          this.show();
        },
      });
      if (abort.signal.aborted) return { ok: false };
      const failed = load.results.filter((r) => r.receivedError !== undefined || r.distributedError !== undefined);
      for (const f of failed) {
        const e = describeError(f.receivedError ?? f.distributedError);
        this.services.log.warn(`inbox: ${f.profile}/${f.region} failed (${e.kind ?? 'error'}): ${e.message}`);
      }
      this.loaded = true;
      this.loading = false;
      this.show();
      await this.announce(load.results);
      return { ok: failed.length === 0 };
    } finally {
      this.loading = false;
      if (this.abort === abort) this.abort = undefined;
    }
  }

  /** Rebuilds groups, failure rows and the badge from the answers so far. */
  private show(): void {
    const rank = (r: InboxPlaceResult): number => this.placeOrder.indexOf(placeKey(r));
    const results = [...this.results.values()].sort((a, b) => rank(a) - rank(b));
    const items = buildInbox(results, this.knownProducts());
    this.groups = INBOX_GROUPS.map((g) => new InboxGroupNode(g, items.filter((i) => i.group === g))).filter((g) => g.grants.length > 0);
    this.failures = results.flatMap((r) => {
      const error = r.receivedError ?? r.distributedError;
      if (error === undefined) return [];
      const d = describeError(error);
      const signIn = signInProfileOf(error);
      return [
        new MessageNode(undefined, d.kind === 'credentials' ? 'credentials' : 'error', vscode.l10n.t('{0} · {1}', r.profile, r.region), {
          signInProfile: signIn,
          description: `${errorKindText(d.kind)}: ${d.fix ?? d.message}`,
          tooltip: `${d.details}\n\n${vscode.l10n.t('Click to retry.')}`,
          retry: () => this.refresh(),
          key: placeKey(r),
          error: d.details,
          requestId: d.requestId,
        }),
      ];
    });
    this.updateBadge();
    this.emitter.fire(undefined);
  }

  private updateBadge(): void {
    if (!this.view) return;
    const n = waitingCount(this.items);
    this.view.badge =
      n === 0
        ? undefined
        : {
            value: n,
            tooltip: n === 1 ? vscode.l10n.t('1 license grant waiting for acceptance') : vscode.l10n.t('{0} license grants waiting for acceptance', n),
          };
  }

  /** Announces waiting grants not seen before, and remembers what was seen (across window reloads). */
  private async announce(results: readonly InboxPlaceResult[]): Promise<void> {
    const state = this.services.context.globalState;
    const before = state.get<InboxSeen>(INBOX_SEEN_KEY) ?? EMPTY_SEEN;
    const listed = results.filter((r) => r.received !== undefined);
    const { fresh, seen } = newWaiting(this.items, listed, before);
    await state.update(INBOX_SEEN_KEY, seen);
    if (fresh.length === 0 || !vscode.workspace.getConfiguration('licenseManager.inbox').get<boolean>('notify', true)) return;
    announceNewGrants(fresh, (key) => this.grantNodes().find((n) => n.item.key === key));
  }

  dispose(): void {
    this.abort?.abort();
    this.schedule.dispose();
    for (const d of this.disposables) d.dispose();
    this.emitter.dispose();
  }
}

/** The `licenseManager.inbox.refreshMinutes` setting in ms (0: polling off). */
function intervalMs(): number {
  const m = vscode.workspace.getConfiguration('licenseManager.inbox').get<number>('refreshMinutes', 15);
  return typeof m === 'number' && Number.isFinite(m) && m > 0 ? Math.round(m * 60_000) : 0;
}
