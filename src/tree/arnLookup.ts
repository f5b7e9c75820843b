import * as vscode from 'vscode';
import { fetchResource } from '../data/fetchResource';
import { itemFacts, parseLmArn, type ArnKind, type LmArn } from '../model/lmArn';
import { isResourceHolder, resourceKey, type ResourceKind, type ResourceRef } from '../model/resources';
import { kindsOfArn } from '../model/resourceLists';
import { organizationListOfKind } from '../model/organizationLists';
import type { ArnAnswer, ArnSource } from '../documents/arnHover';
import type { Services } from '../services';
import type { ExplorerProvider } from './explorerProvider';
import type { InboxProvider } from './inboxProvider';
import { ResourceNode } from './nodes/resourceNode';

/** How long an answer read from AWS is reused. */
const CACHE_MS = 5 * 60_000;
/** How long a failed read is remembered (so hovering again does not send again at once). */
const FAILURE_CACHE_MS = 30_000;
/** Reads per file in {@link BUDGET_WINDOW_MS}. */
const BUDGET = 3;
const BUDGET_WINDOW_MS = 60_000;
/** Deadline of one read. */
const READ_DEADLINE_MS = 15_000;

/** The kind a resource opens as when it is read by ARN through a profile of its account (its owner's side). */
const OWNER_KIND: Readonly<Record<Exclude<ArnKind, 'token'>, ResourceKind>> = {
  grant: kindsOfArn('grant')[0],
  license: kindsOfArn('license')[0],
  licenseConfiguration: kindsOfArn('licenseConfiguration')[0],
};

/** What {@link ArnLookup.resolveItem} found: a resource (and the node showing it), or why not. */
export type ResolvedItem =
  | { readonly resource: ResourceRef; readonly node?: ResourceNode }
  | { readonly reason: 'notArn' }
  | { readonly reason: 'noProfile' | 'unsupported'; readonly arn: LmArn };

/** A selected profile of an account, with the region a read goes to. */
export interface AccountProfile {
  readonly profile: string;
  readonly region: string;
}

/**
 * Answers "what is this ARN?" for hovers, links and deep links: from what the explorer
 * and the inbox hold, otherwise by one read through a selected profile of the ARN's
 * account (never through another account's profile). Reads are cached and limited
 * per file.
 */
export class ArnLookup implements ArnSource, vscode.Disposable {
  private readonly cache = new Map<string, { readonly at: number; readonly ttl: number; readonly answer: ArnAnswer }>();
  private readonly inflight = new Map<string, Promise<ArnAnswer>>();
  private readonly budgets = new Map<string, number[]>();
  /** Reads sent (for the output log and tests). */
  reads = 0;

  constructor(
    private readonly services: Services,
    private readonly explorer: ExplorerProvider,
    private readonly inbox: InboxProvider,
    /** The resources of the open detail panels. */
    private readonly panelRefs: () => readonly ResourceRef[] = () => [],
    private readonly now: () => number = Date.now,
  ) {
    // A change made through the extension makes what was read stale.
    this.subscription = services.changes.event(() => this.clear());
  }
  private readonly subscription: vscode.Disposable;

  /** The explorer or inbox node showing this ARN, explorer first; organization rows are read-only views, never the resource itself. */
  held(arn: string): ResourceNode | undefined {
    return (
      this.explorer.loadedResources().find((n) => n.resource.arn === arn && organizationListOfKind(n.resource.kind) === undefined) ??
      this.inbox.grantNodes().find((n) => n.resource.arn === arn)
    );
  }

  /** A selected profile whose account is known to be `account`, and the region to read through. */
  async profileOf(parsed: LmArn): Promise<AccountProfile | undefined> {
    const [profiles, selection] = await Promise.all([this.services.state.profiles(), this.services.state.selection()]);
    const learned = this.explorer.profileAccounts();
    for (const s of selection) {
      const account = learned.get(s.profile) ?? profiles.find((p) => p.name === s.profile)?.accountId;
      if (account !== parsed.account) continue;
      const region = parsed.region || s.regions[0] || profiles.find((p) => p.name === s.profile)?.region;
      if (region) return { profile: s.profile, region };
    }
    return undefined;
  }

  /**
   * The resource a command argument names, as the extension knows it: a node the explorer
   * or inbox holds, the resource of an open panel, or, for anything else (an ARN, another
   * object), what its License Manager ARN says, through a selected profile of its account.
   * Nothing but the ARN is taken from an argument the extension does not hold.
   */
  async resolveItem(arg: unknown): Promise<ResolvedItem> {
    if (arg instanceof ResourceNode && this.holds(arg)) return { resource: arg.resource, node: arg };
    let arn: string | undefined;
    if (isResourceHolder(arg)) {
      const key = resourceKey(arg.resource);
      const node = [...this.explorer.loadedResources(), ...this.inbox.grantNodes()].find((n) => resourceKey(n.resource) === key);
      if (node) return { resource: node.resource, node };
      const panel = this.panelRefs().find((r) => resourceKey(r) === key);
      if (panel) return { resource: { ...panel } };
      arn = arg.resource.arn;
    } else if (typeof arg === 'string') {
      arn = arg;
    }
    const parsed = arn === undefined ? undefined : parseLmArn(arn.trim());
    if (!parsed) return { reason: 'notArn' };
    const found = await this.locate(parsed);
    if ('node' in found) return { resource: found.node.resource, node: found.node };
    if ('ref' in found) return { resource: found.ref };
    return { reason: found.reason, arn: parsed };
  }

  private holds(node: ResourceNode): boolean {
    return this.explorer.loadedResources().includes(node) || (this.inbox.grantNodes() as readonly ResourceNode[]).includes(node);
  }

  /** Where an ARN opens read-only: held node, or a reference to read through a profile of its account. */
  async locate(parsed: LmArn): Promise<{ node: ResourceNode } | { ref: ResourceRef } | { reason: 'noProfile' | 'unsupported' }> {
    const node = this.held(parsed.arn);
    if (node) return { node };
    if (parsed.kind === 'token') return { reason: 'unsupported' };
    const at = await this.profileOf(parsed);
    if (!at) return { reason: 'noProfile' };
    return { ref: { kind: OWNER_KIND[parsed.kind], profile: at.profile, region: at.region, arn: parsed.arn } };
  }

  /**
   * What is known about `parsed`. With `read`, one read is sent when nothing holds it,
   * a selected profile is of its account, the workspace is trusted and `file` has reads left.
   */
  async answer(parsed: LmArn, options: { readonly read: boolean; readonly file: string; readonly signal?: AbortSignal }): Promise<ArnAnswer> {
    const node = this.held(parsed.arn);
    if (node) return { source: 'explorer', facts: itemFacts(parsed.kind, node.data, parsed.region), profile: node.resource.profile, holder: node };
    if (parsed.kind === 'token') return { source: 'none', reason: 'notLoaded' };
    const cached = this.cache.get(parsed.arn);
    if (cached && this.now() - cached.at < cached.ttl) return cached.answer;
    const at = await this.profileOf(parsed);
    if (!at) return { source: 'none', reason: 'noProfile' };
    if (!options.read) return { source: 'none', reason: 'notLoaded' };
    if (!vscode.workspace.isTrusted) return { source: 'none', reason: 'untrusted' };
    const running = this.inflight.get(parsed.arn);
    if (running) return running;
    if (!this.spend(options.file)) return { source: 'none', reason: 'limited' };
    const read = this.read(parsed, at, options.signal).finally(() => this.inflight.delete(parsed.arn));
    this.inflight.set(parsed.arn, read);
    return read;
  }

  private spend(file: string): boolean {
    const now = this.now();
    const recent = (this.budgets.get(file) ?? []).filter((t) => now - t < BUDGET_WINDOW_MS);
    if (recent.length >= BUDGET) {
      this.budgets.set(file, recent);
      return false;
    }
    recent.push(now);
    this.budgets.set(file, recent);
    return true;
  }

  private async read(parsed: LmArn, at: AccountProfile, signal: AbortSignal | undefined): Promise<ArnAnswer> {
    const ref: ResourceRef = { kind: OWNER_KIND[parsed.kind as Exclude<ArnKind, 'token'>], profile: at.profile, region: at.region, arn: parsed.arn };
    const deadline = AbortSignal.timeout(READ_DEADLINE_MS);
    this.reads++;
    this.services.log.info(`Reading ${parsed.arn} through ${at.profile} (${at.region}) for a hover`);
    try {
      const api = (await this.services.clients()).get(at.profile, at.region);
      const data = await fetchResource(api, ref, signal ? AbortSignal.any([signal, deadline]) : deadline);
      const answer: ArnAnswer = { source: 'read', facts: itemFacts(parsed.kind, data ?? {}, parsed.region), profile: at.profile };
      this.cache.set(parsed.arn, { at: this.now(), ttl: CACHE_MS, answer });
      return answer;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const notFound = (e as { kind?: unknown }).kind === 'notFound';
      const answer: ArnAnswer = { source: 'none', reason: notFound ? 'notFound' : 'failed', message };
      if (!signal?.aborted) this.cache.set(parsed.arn, { at: this.now(), ttl: FAILURE_CACHE_MS, answer });
      this.services.log.warn(`Reading ${parsed.arn} through ${at.profile} failed: ${message}`);
      return answer;
    }
  }

  /** Forgets what was read (after a refresh or a change). */
  clear(): void {
    this.cache.clear();
  }

  dispose(): void {
    this.subscription.dispose();
    this.cache.clear();
    this.budgets.clear();
  }
}
