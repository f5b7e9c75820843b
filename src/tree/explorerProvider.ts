import * as vscode from 'vscode';
import { withAccessibility } from './accessibility';
import { setViewDescription, uiText } from '../ui/window';
import type { LicenseManagerApi, ProfileInfo } from '../aws/types';
import type { ResourceChange, ResourceHolder } from '../model/resources';
import { resourceKey } from '../model/resources';
import { clampPageSize, isFilterActive } from '../model/rules';
import { isLicenseKind } from '../model/resourceLists';
import type { Services } from '../services';
import type { StateChange } from '../state/explorerState';
import { CategoryNode } from './nodes/categoryNode';
import { ExplorerNode } from './nodes/explorerNode';
import { LoadMoreNode } from './nodes/loadMoreNode';
import { MessageNode, onDidStartRetry } from './nodes/messageNode';
import { PagedNode } from './nodes/pagedNode';
import { ProfileNode, type ProfileContext } from './nodes/profileNode';
import { ResourceNode } from './nodes/resourceNode';

/** workspaceState keys: what survives a window reload until the lists load again. */
const EXPANDED_KEY = 'licenseManager.explorer.expanded';
const ACCOUNTS_KEY = 'licenseManager.explorer.accounts';
const MAX_EXPANDED = 500;

/** Ids of expanded nodes, kept in workspace state (most recent last, at most `max`). */
class RememberedSet {
  private readonly ids: Set<string>;

  constructor(
    private readonly memory: vscode.Memento,
    private readonly key: string,
    private readonly max: number,
  ) {
    const saved = memory.get<unknown>(key);
    this.ids = new Set(Array.isArray(saved) ? saved.filter((x): x is string => typeof x === 'string').slice(-max) : []);
    this.fromBefore = new Set(this.ids);
  }

  /** Ids remembered from before this window, each given out once (the first time its node is drawn). */
  private readonly fromBefore: Set<string>;

  firstSinceReload(id: string): boolean {
    return this.fromBefore.delete(id);
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  set(id: string, on: boolean): void {
    this.ids.delete(id);
    if (on) this.ids.add(id);
    void this.memory.update(this.key, [...this.ids].slice(-this.max));
  }
}

/**
 * The explorer's TreeDataProvider: profile → region → category → item. Nodes
 * load and draw themselves; the profiles, selection and filter live in
 * `services.state`; this class routes refreshes and redraws.
 */
export class ExplorerProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly listEmitter = new vscode.EventEmitter<void>();
  /** A list has handed its items to the tree (first page, more pages, or a reload). */
  readonly onDidShowList = this.listEmitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private view: vscode.TreeView<ExplorerNode> | undefined;
  private profileNodes = new Map<string, ProfileNode>();
  private readonly ctx: ProfileContext;
  private readonly expanded: RememberedSet;
  private loading = 0;
  private readonly idleChanges = new Set<ExplorerNode>();
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(readonly services: Services) {
    const state = services.state;
    const memory = services.context.workspaceState;
    this.expanded = new RememberedSet(memory, EXPANDED_KEY, MAX_EXPANDED);
    const accounts = (): Record<string, string> => memory.get<Record<string, string>>(ACCOUNTS_KEY) ?? {};
    this.ctx = {
      rememberedAccount: (profile) => {
        const a = accounts()[profile];
        return typeof a === 'string' && /^\d{12}$/.test(a) ? a : undefined;
      },
      rememberAccount: (profile, account) => void memory.update(ACCOUNTS_KEY, { ...accounts(), [profile]: account }),
      api: (profile, region) => this.api(profile, region),
      pageSize: () => clampPageSize(vscode.workspace.getConfiguration('licenseManager').get('pageSize')),
      filter: () => state.filter,
      changed: (node) => this.emitter.fire(node),
      changedWhenIdle: (node) => this.changedWhenIdle(node),
      regionsOf: (profile) => state.regionsFor(profile),
      resetClients: async (profile) => (await this.services.clients()).reset(profile),
    };
    this.disposables.push(
      services.changes.event((change) => this.onResourceChange(change)),
      state.onDidChange((change) => this.onStateChange(change)),
      // A row being retried shows a spinner (VS Code ignores rows this tree does not hold).
      onDidStartRetry((node) => this.emitter.fire(node)),
    );
  }

  attach(view: vscode.TreeView<ExplorerNode>): void {
    this.view = view;
    // Collapsing a list abandons its load.
    this.disposables.push(
      view.onDidCollapseElement((e) => {
        if (e.element instanceof PagedNode) e.element.abandonLoad();
        this.expanded.set(e.element.id, false);
      }),
      view.onDidExpandElement((e) => this.expanded.set(e.element.id, true)),
    );
    this.updateFilterUi();
  }

  /** Selects a node in the view (its ancestors expand). */
  async reveal(node: ExplorerNode): Promise<void> {
    await this.view?.reveal(node, { select: true, focus: false, expand: false });
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    const item = node.getTreeItem();
    // What the user had expanded before a window reload opens again.
    if (item.collapsibleState === vscode.TreeItemCollapsibleState.Collapsed && this.expanded.has(node.id)) {
      item.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
      // The first time after a reload, a list opens with "Loading…" rather than holding the whole tree.
      if (this.expanded.firstSinceReload(node.id) && node instanceof PagedNode && !node.settled) node.reopened = true;
    }
    return withAccessibility(item, node);
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    this.loading++;
    try {
      const children = await (node ? node.getChildren() : this.roots());
      if (node instanceof PagedNode) this.listEmitter.fire();
      return children;
    } finally {
      this.loading--;
      this.flushIdle();
    }
  }

  private changedWhenIdle(node: ExplorerNode): void {
    this.idleChanges.add(node);
    this.flushIdle();
  }

  private flushIdle(): void {
    if (this.loading > 0 || this.idleChanges.size === 0 || this.idleTimer) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      if (this.loading > 0) return;
      const nodes = [...this.idleChanges];
      this.idleChanges.clear();
      for (const n of nodes) this.emitter.fire(n);
    }, 0);
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.parent;
  }

  /** Discovers the profiles again (after the config files changed), forgets the changes laid over lists, and redraws everything. */
  async reloadProfiles(): Promise<void> {
    this.profileNodes = new Map();
    this.services.state.recent.clear();
    const [clients] = await Promise.allSettled([this.services.clients(), this.services.state.rediscover()]);
    if (clients.status === 'fulfilled') clients.value.reset();
  }

  private onStateChange(change: StateChange): void {
    switch (change.kind) {
      case 'profiles':
        this.emitter.fire(undefined);
        return;
      case 'regions':
        this.emitter.fire(this.profileNodes.get(change.profile));
        return;
      case 'filter':
        for (const category of this.categoryNodes()) if (change.reload.includes(category.category)) category.reset();
        this.updateFilterUi();
        this.emitter.fire(undefined);
    }
  }

  private async roots(): Promise<ExplorerNode[]> {
    let profiles: readonly ProfileInfo[];
    try {
      profiles = await this.services.state.profiles();
    } catch (e) {
      this.services.log.error(`Reading AWS profiles failed: ${e instanceof Error ? e.message : String(e)}`);
      return [MessageNode.fromError(undefined, e, () => this.reloadProfiles(), 'profiles')];
    }
    void vscode.commands.executeCommand('setContext', 'licenseManager:noProfiles', profiles.length === 0);
    if (profiles.length === 0) return [];
    const names = this.services.state.selectedNames(profiles);
    if (names.length === 0) {
      return [
        new MessageNode(undefined, 'hint', vscode.l10n.t('No profiles selected'), {
          description: vscode.l10n.t('Select profiles…'),
          command: { command: 'licenseManager.profiles.select', title: vscode.l10n.t('Select Profiles…') },
        }),
      ];
    }
    return profiles.filter((p) => names.includes(p.name)).map((p) => this.profileNode(p));
  }

  private profileNode(info: ProfileInfo): ProfileNode {
    let node = this.profileNodes.get(info.name);
    if (!node) {
      node = new ProfileNode(this.ctx, info);
      this.profileNodes.set(info.name, node);
    }
    return node;
  }

  private async api(profile: string, region: string): Promise<LicenseManagerApi> {
    return (await this.services.clients()).get(profile, region);
  }

  // --- refresh and paging ---

  /** Reloads a node (an item reloads itself; a list reloads its first page) or, without one, the whole view. */
  async refresh(node?: ExplorerNode | ResourceHolder): Promise<void> {
    if (node === undefined) return this.reloadProfiles();
    if (!(node instanceof ExplorerNode)) {
      const key = resourceKey(node.resource);
      await Promise.all(this.loadedResources().filter((n) => resourceKey(n.resource) === key).map((n) => this.refresh(n)));
      return;
    }
    if (node instanceof MessageNode) return node.retry();
    if (node instanceof LoadMoreNode) return this.refresh(node.parent);
    if (node instanceof ResourceNode) {
      node.reset();
      if (node.parent instanceof PagedNode) return node.parent.reloadItem(node);
      this.emitter.fire(node);
      return;
    }
    if (node instanceof ProfileNode) await this.ctx.resetClients(node.name);
    node.reset();
    this.emitter.fire(node);
  }

  /** Loads the page a "Load more…" item carries. */
  loadMore(node: LoadMoreNode): Promise<void> {
    return node.parent.loadMore(node);
  }

  // --- filter ---

  /** The filter as the view's description shows it. */
  describeFilter(): string | undefined {
    const f = this.services.state.filter;
    const parts = [
      f.text ? `“${f.text}”` : undefined,
      f.grantStatus ? vscode.l10n.t('grants: {0}', f.grantStatus) : undefined,
      f.licenseStatus ? vscode.l10n.t('licenses: {0}', f.licenseStatus) : undefined,
    ].filter(Boolean);
    return parts.length ? vscode.l10n.t('Filter: {0}', parts.join(', ')) : undefined;
  }

  private updateFilterUi(): void {
    if (this.view) setViewDescription(this.view, this.describeFilter() === undefined ? undefined : uiText(this.describeFilter()));
    void vscode.commands.executeCommand('setContext', 'licenseManager:filterActive', isFilterActive(this.services.state.filter));
  }

  // --- finding loaded nodes ---

  /** Every node created so far, depth first, without loading anything. */
  loadedNodes(): ExplorerNode[] {
    const out: ExplorerNode[] = [];
    const walk = (nodes: readonly ExplorerNode[]): void => {
      for (const n of nodes) {
        out.push(n);
        walk(n.loadedChildren());
      }
    };
    walk([...this.profileNodes.values()]);
    return out;
  }

  /** The account of a profile, once something it listed revealed it. */
  accountOf(profile: string): string | undefined {
    return this.profileNodes.get(profile)?.account;
  }

  /** Resource items loaded so far (for quick picks and change handling). */
  loadedResources(): ResourceNode[] {
    return this.loadedNodes().filter((n): n is ResourceNode => n instanceof ResourceNode);
  }

  /** The account of each shown profile whose account is known (configured, or revealed by a loaded item). */
  profileAccounts(): Map<string, string> {
    const out = new Map<string, string>();
    for (const [name, node] of this.profileNodes) if (node.accountId) out.set(name, node.accountId);
    return out;
  }

  /** The nodes selected in the explorer view. */
  selected(): readonly ExplorerNode[] {
    return this.view?.selection ?? [];
  }

  /** Product names of the licenses loaded so far, by license ARN. */
  productNames(): Map<string, string> {
    const names = new Map<string, string>();
    for (const node of this.loadedResources()) {
      const product = (node as ResourceNode<{ ProductName?: unknown }>).data.ProductName;
      if (typeof product === 'string' && product && isLicenseKind(node.resource.kind)) {
        names.set(node.resource.arn, product);
      }
    }
    return names;
  }

  private categoryNodes(): CategoryNode[] {
    return this.loadedNodes().filter((n): n is CategoryNode => n instanceof CategoryNode);
  }

  private onResourceChange(change: ResourceChange): void {
    const arns = new Set(change.arns);
    for (const node of this.loadedResources()) {
      if (!arns.has(node.resource.arn) || !(node.parent instanceof PagedNode)) continue;
      const list = node.parent;
      list.reloadItem(node).catch((e: unknown) => {
        this.services.log.warn(`Reloading ${node.resource.arn} failed: ${e instanceof Error ? e.message : String(e)}`);
        list.retry();
      });
    }
    const categories = change.categories ?? [];
    if (categories.length === 0) return;
    for (const category of this.categoryNodes()) {
      if (categories.includes(category.category) && category.settled) category.retry();
    }
  }

  dispose(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    for (const d of this.disposables) d.dispose();
    this.emitter.dispose();
    this.listEmitter.dispose();
  }
}
