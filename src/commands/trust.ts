import { withSignIn, signInProfileOf } from '../grants/signIn';
import { markReadFromAws, wasMadeHere } from '../grants/trusted';
import { accountOfArn, licenseManagerArnKind, regionOfArn, type LicenseManagerArnKind } from '../model/arn';
import { isRegionCode } from '../model/regions';
import { kindsOfArn } from '../model/resourceLists';
import { isResourceHolder, resourceKey, type ResourceHolder, type ResourceKind, type ResourceRef } from '../model/resources';
import { fetchResource } from '../data/fetchResource';
import { selectedTargets } from '../data/fanOut';
import { Cancelled } from '../shared/cancelled';
import { ExplorerNode } from '../tree/nodes/explorerNode';
import { ResourceNode } from '../tree/nodes/resourceNode';
import { notify, t, withProgress } from '../ui/window';
import * as vscode from 'vscode';
import type { DetailPanelManager } from '../panels/detailPanelManager';
import type { Services } from '../services';
import type { LicenseManagerApi } from '../aws/types';
import type { ExplorerProvider } from '../tree/explorerProvider';
import type { InboxProvider } from '../tree/inboxProvider';

/** What the lookup reads: the views and panels the extension holds, and the services to read AWS. */
interface TrustContext {
  readonly services: Pick<Services, 'state' | 'clients' | 'log'>;
  readonly explorer: Pick<ExplorerProvider, 'loadedResources' | 'accountOf'>;
  readonly inbox: Pick<InboxProvider, 'grantNodes'>;
  readonly panels: Pick<DetailPanelManager, 'list'>;
}

/** The resource kinds an ARN of each kind can be read as, the owner's side first (see `kindsOfArn`). */
const KINDS_OF_ARN: Record<LicenseManagerArnKind, readonly ResourceKind[]> = {
  grant: kindsOfArn('grant'),
  license: kindsOfArn('license'),
  licenseConfiguration: kindsOfArn('licenseConfiguration'),
};

/**
 * The node or panel the extension holds for `arg`: a node the extension made, else an open panel or
 * a loaded node with the same resource key (kind, profile, region and ARN). Its data, never `arg`'s.
 */
export function heldHolder(ctx: Omit<TrustContext, 'services'>, arg: unknown): ResourceHolder | undefined {
  if (!isResourceHolder(arg)) return undefined;
  // A node object of the extension's own classes: nothing outside the extension can make one.
  if (arg instanceof ResourceNode) return arg;
  // What the extension built itself from an answer of AWS (a next step offered after an outcome).
  if (wasMadeHere(arg)) return arg;
  const nodes: ResourceHolder[] = [...ctx.explorer.loadedResources(), ...ctx.inbox.grantNodes()];
  const key = resourceKey(arg.resource);
  const panel = ctx.panels.list().find((p) => !p.isDisposed && resourceKey(p.resource) === key);
  if (panel) return { resource: { ...panel.resource }, data: panel.data };
  return nodes.find((n) => resourceKey(n.resource) === key);
}

function refuse(): never {
  void notify.warn(t('This command works on items of the License Manager views, or on the ARN of a License Manager grant, license or license configuration. Nothing was done.'));
  throw new Cancelled();
}

/** Where to read `arn` from: the argument's profile and region when the extension knows that profile, else the explorer's selection. */
async function placesFor(ctx: TrustContext, ref: Partial<ResourceRef>, arnKind: LicenseManagerArnKind, arn: string): Promise<{ profile: string; region: string }[]> {
  const discovered = (await ctx.services.state.profiles()).map((p) => p.name);
  const fixedRegion = arnKind === 'licenseConfiguration' ? regionOfArn(arn) : undefined;
  const named =
    typeof ref.profile === 'string' && discovered.includes(ref.profile) && typeof ref.region === 'string' && isRegionCode(ref.region)
      ? [{ profile: ref.profile, region: fixedRegion ?? ref.region }]
      : [];
  const selected = selectedTargets(await ctx.services.state.selection()).map(({ profile, region }) => ({ profile, region: fixedRegion ?? region }));
  const seen = new Set<string>();
  return [...named, ...selected].filter((p) => {
    const k = `${p.profile}|${p.region}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * The kind a resource has as seen through `profile`: the owner's side (distributed grant, issued
 * license) when the profile's account owns the ARN. The account comes from what the explorer loaded;
 * when it is not known yet, the owner's list is asked for that one ARN.
 */
async function kindThrough(ctx: TrustContext, api: LicenseManagerApi, arnKind: LicenseManagerArnKind, arn: string, profile: string, signal: AbortSignal): Promise<ResourceKind> {
  const [own, other] = KINDS_OF_ARN[arnKind];
  if (!other) return own;
  const account = ctx.explorer.accountOf(profile);
  if (account) return account === accountOfArn(arn) ? own : other;
  const page = arnKind === 'grant' ? await api.listDistributedGrants({ arns: [arn] }, { signal }) : await api.listLicenses({ arns: [arn] }, { signal });
  return page.items.some((i) => ('GrantArn' in i ? i.GrantArn : i.LicenseArn) === arn) ? own : other;
}

/**
 * Reads the resource an argument the extension did not make names by its ARN, through a profile the
 * extension discovered: the argument's own (profile, region) first when it names one, then the
 * explorer's selection. Only what AWS answered is returned (marked with `markReadFromAws`).
 */
async function readArgument(ctx: TrustContext, arg: unknown, accepts: readonly ResourceKind[]): Promise<ResourceHolder> {
  const ref: Partial<ResourceRef> = typeof arg === 'string' ? { arn: arg } : isResourceHolder(arg) ? arg.resource : {};
  const arn = ref.arn ?? '';
  const arnKind = licenseManagerArnKind(arn);
  if (!arnKind || !KINDS_OF_ARN[arnKind].some((k) => accepts.includes(k))) refuse();
  const places = await placesFor(ctx, ref, arnKind, arn);
  if (places.length === 0) {
    void notify.warn(t('Select a profile in the License Manager explorer to read {0} through; nothing was done.', arn));
    throw new Cancelled();
  }
  const factory = await ctx.services.clients();
  const failures: { profile: string; region: string; error: unknown }[] = [];
  const found = await withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('Reading {0}…', arn), cancellable: true },
    async (_progress, token) => {
      const abort = new AbortController();
      const sub = token.onCancellationRequested(() => abort.abort());
      try {
        for (const { profile, region } of places) {
          if (abort.signal.aborted) throw new Cancelled();
          const api = factory.get(profile, region);
          try {
            const resource: ResourceRef = { kind: await kindThrough(ctx, api, arnKind, arn, profile, abort.signal), profile, region, arn };
            // E.g. a license action reads a license through a profile that only received it: try the next place.
            if (!accepts.includes(resource.kind)) {
              failures.push({ profile, region, error: new Error(t('this profile does not own it')) });
              continue;
            }
            const data = await fetchResource(api, resource, abort.signal);
            if (data) return { resource, data };
          } catch (e) {
            if (abort.signal.aborted) throw new Cancelled();
            failures.push({ profile, region, error: e });
          }
        }
        return undefined;
      } finally {
        sub.dispose();
      }
    },
  );
  if (!found) {
    const text = failures.map((f) => `${f.profile} (${f.region}): ${f.error instanceof Error ? f.error.message : String(f.error)}`).join('; ');
    const signIn = failures.map((f) => signInProfileOf(f.error)).filter((p): p is string => p !== undefined);
    void withSignIn(notify.error, t('{0} could not be read, so nothing was done: {1}', arn, text), signIn).catch(() => undefined);
    throw new Cancelled();
  }
  ctx.services.log.info(`command argument read from AWS: ${found.resource.kind} ${arn} through ${found.resource.profile}/${found.resource.region}`);
  return markReadFromAws(found);
}

/**
 * What a command may act on for `arg`: nothing (`undefined`, `null`) and view nodes that are no
 * resource pass through unchanged (the command picks); a node or panel the extension holds gives
 * the held holder; anything else is an ARN to read from AWS first (see `readArgument`).
 */
export async function trustedArgument(ctx: TrustContext, arg: unknown, accepts: readonly ResourceKind[]): Promise<unknown> {
  if (arg === undefined || arg === null) return arg;
  if (arg instanceof ExplorerNode && !isResourceHolder(arg)) return arg;
  const held = heldHolder(ctx, arg);
  if (held) return held;
  return readArgument(ctx, arg, accepts);
}
