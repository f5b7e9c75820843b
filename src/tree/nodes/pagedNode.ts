import * as vscode from 'vscode';
import { t } from '../../ui/window';
import { isLicenseManagerError } from '../../aws/errors';
import type { LicenseManagerApi, Page } from '../../aws/types';
import { PagedList, type PageFetcher } from '../pagedList';
import { matchesText } from '../../model/rules';
import { ExplorerNode, type ExplorerContext, type ProfileHooks } from './explorerNode';
import { loadPageOf, LoadMoreNode, type PagedOwner } from './loadMoreNode';
import { MessageNode } from './messageNode';
import type { ResourceNode } from './resourceNode';

/**
 * A node whose children are one paged list call: loads the first page when
 * expanded, then one page per "Load more…". Shows an empty item, or an error
 * item that retries on click; never shows a pop-up.
 */
export abstract class PagedNode<T extends object> extends ExplorerNode implements PagedOwner {
  protected readonly list: PagedList<T>;
  private readonly nodes = new Map<string, ResourceNode<T>>();
  private more: LoadMoreNode | undefined;
  /** Aborts the calls of the current generation of the list (see `reset`). */
  private calls = new AbortController();

  constructor(
    parent: ExplorerNode,
    protected readonly ctx: ExplorerContext,
    readonly owner: ProfileHooks,
    readonly region: string,
  ) {
    super(parent);
    this.list = new PagedList<T>((item) => this.keyOf(item));
  }

  /** One page; `signal` aborts when the list is reset or disposed while the call runs. */
  protected abstract fetchPage(api: LicenseManagerApi, maxResults: number, nextToken: string | undefined, signal: AbortSignal): Promise<Page<T>>;
  protected abstract keyOf(item: T): string | undefined;
  protected abstract createNode(item: T, key: string): ResourceNode<T>;
  protected abstract emptyLabel(): string;

  /** Reloads one item; undefined when the list cannot load single items. */
  protected fetchOne(_api: LicenseManagerApi, _node: ResourceNode<T>): Promise<T | undefined> {
    return Promise.resolve(undefined);
  }
  /** Whether a loaded item belongs under this node. */
  protected isShown(_item: T): boolean {
    return true;
  }
  /** Called with each page as it arrives. */
  protected onPage(_items: readonly T[]): void {}

  private readonly fetcher: PageFetcher<T> = async (nextToken) => {
    try {
      const api = await this.ctx.api(this.owner.name, this.region);
      const page = await this.fetchPage(api, this.ctx.pageSize(), nextToken, this.calls.signal);
      this.owner.reportResult(undefined);
      this.onPage(page.items);
      return page;
    } catch (e) {
      if (!isLicenseManagerError(e) || e.kind !== 'cancelled') this.owner.reportResult(e);
      throw e;
    }
  };

  /**
   * Set when the node opens again by itself after a window reload: its first page then loads
   * without holding the tree (VS Code draws nothing until every expanded node has its children).
   */
  reopened = false;

  override async getChildren(): Promise<ExplorerNode[]> {
    if (this.reopened && !this.settled) {
      this.reopened = false;
      void this.list
        .ensureLoaded(this.fetcher)
        .catch(() => undefined)
        .finally(() => this.ctx.changedWhenIdle(this));
      return [new MessageNode(this, 'hint', t('Loading…'), { key: 'loading' })];
    }
    await this.list.ensureLoaded(this.fetcher);
    return this.render();
  }

  override loadedChildren(): readonly ExplorerNode[] {
    return [...this.nodes.values()];
  }

  /** True once the first page has been loaded or has failed. */
  get settled(): boolean {
    return this.list.loaded || this.list.error !== undefined;
  }

  private render(): ExplorerNode[] {
    const error = this.list.error;
    if (error !== undefined) return [MessageNode.fromError(this, error, () => this.retry())];
    const shown = this.list.items.filter((item) => this.isShown(item));
    const nodes = shown.map((item, i) => this.nodeFor(item, i));
    const text = this.ctx.filter().text;
    const out: ExplorerNode[] = nodes.filter((n) => matchesText(n.searchText(), text));
    const token = this.list.nextToken;
    const moreError = this.list.moreError;
    if (out.length === 0 && token === undefined && moreError === undefined) {
      const hidden = this.list.items.length - shown.length;
      out.push(
        new MessageNode(this, 'empty', nodes.length > 0 ? vscode.l10n.t('No items match the filter') : this.emptyLabel(), {
          description: hidden > 0 ? vscode.l10n.t('{0} shown under another region', hidden) : undefined,
        }),
      );
    }
    if (moreError !== undefined && token !== undefined) {
      out.push(MessageNode.fromError(this, moreError, () => this.loadMoreToken(token), 'more'));
    } else if (token !== undefined) {
      if (this.more?.token !== token) this.more = new LoadMoreNode(this, token);
      out.push(this.more);
    }
    return out;
  }

  private nodeFor(item: T, index: number): ResourceNode<T> {
    const key = this.keyOf(item) ?? `#${index}`;
    let node = this.nodes.get(key);
    if (!node) {
      node = this.createNode(item, key);
      this.nodes.set(key, node);
    } else if (node.data !== item) {
      node.update(item);
    }
    return node;
  }

  /** Loads the page a "Load more…" item carries; repeated clicks share one request. */
  async loadMore(node: LoadMoreNode): Promise<void> {
    if (node.parent !== this || node.token !== this.list.nextToken) return;
    await loadPageOf(node, this.list, this.fetcher, () => this.abandonCalls(), (n) => this.ctx.changed(n));
    this.ctx.changed(this);
  }

  /**
   * The node was collapsed: a first page still loading is abandoned (expanding
   * loads it again) and a later page still loading is abandoned (Load more stays).
   */
  abandonLoad(): void {
    if (!this.settled) {
      this.retry();
      return;
    }
    this.abandonCalls();
  }

  private abandonCalls(): void {
    this.calls.abort();
    this.calls = new AbortController();
  }

  private async loadMoreToken(token: string): Promise<void> {
    await this.list.loadMore(token, this.fetcher);
    this.ctx.changed(this);
  }

  /** Reloads one item in place; reloads the whole list when the item is gone or cannot be loaded alone. */
  async reloadItem(node: ResourceNode<T>): Promise<void> {
    let fresh: T | undefined;
    try {
      fresh = await this.fetchOne(await this.ctx.api(this.owner.name, this.region), node);
    } catch (e) {
      if (!isLicenseManagerError(e) || e.kind !== 'notFound') throw e;
    }
    if (fresh === undefined || !this.list.replace(fresh)) {
      this.retry();
      return;
    }
    node.update(fresh);
    this.ctx.changed(this);
  }

  /** Drops the loaded pages and loads the first page again. */
  retry(): void {
    this.reset();
    this.ctx.changed(this);
  }

  override reset(): void {
    // A call still running belongs to the forgotten list: abandon it.
    this.abandonCalls();
    this.list.reset();
    this.nodes.clear();
    this.more = undefined;
  }
}
