/**
 * The issuing commands as the activation bundle registers them: each loads dist/issuing.js on first
 * use and runs its flow there, with the lookups that need this bundle's tree classes (`IssuingDeps`).
 */
import type * as IssuingModule from './issuingEntry';
import { Cancelled } from '../shared/cancelled';
import { wasReadFromAws } from '../grants/trusted';
import { reloadAndFindLicense } from '../tree/findLicense';
import { CategoryNode } from '../tree/nodes/categoryNode';
import { TokenListNode, TokenNode } from '../tree/nodes/tokenListNode';
import type { ResourceKind } from '../model/resources';
import type { IssuingDeps } from './issuingDeps';
import type { CommandContext, CommandDefinition } from './register';

export type Issuing = typeof IssuingModule;

let loaded: Promise<Issuing> | undefined;

/** Loads the issuing bundle once. */
export function loadIssuing(): Promise<Issuing> {
  // A path computed at run time keeps esbuild from inlining the bundle.
  const file = ['.', 'issuing.js'].join('/');
  loaded ??= Promise.resolve().then(() => require(file) as Issuing);
  return loaded;
}

function depsOf(ctx: CommandContext): IssuingDeps {
  const held = (n: unknown): boolean => ctx.explorer.loadedNodes().includes(n as never);
  return {
    licensesListOf: (arg) => (arg instanceof CategoryNode && arg.category === 'licenses' && held(arg) ? { profile: arg.owner.name, region: arg.region } : undefined),
    readFromAws: (arg) => wasReadFromAws(arg),
    licenseOfTokenList: (arg) => (arg instanceof TokenListNode && held(arg) ? arg.parent : undefined),
    heldTokens: () =>
      ctx.explorer
        .loadedNodes()
        .filter((n): n is TokenNode => n instanceof TokenNode)
        .map((n) => ({ node: n, resource: n.resource, data: n.data })),
    reloadTokenLists: async (licenseArn) => {
      const lists = ctx.explorer.loadedNodes().filter((n): n is TokenListNode => n instanceof TokenListNode && n.licenseArn === licenseArn);
      await Promise.all(lists.map((l) => ctx.explorer.refresh(l)));
    },
    findLicense: (profile, region, arn) => reloadAndFindLicense(ctx.explorer, profile, region, arn),
  };
}

/** A command whose flow lives in the issuing bundle; its `Cancelled` is this bundle's to the wrapper. */
function lazy(
  id: string,
  run: (m: Issuing, ctx: CommandContext, deps: IssuingDeps, args: unknown[]) => Promise<unknown>,
  accepts?: readonly ResourceKind[],
): CommandDefinition {
  return {
    id,
    ...(accepts ? { accepts } : {}),
    async run(ctx, ...args) {
      try {
        return await run(await loadIssuing(), ctx, depsOf(ctx), args);
      } catch (e) {
        if (e instanceof Error && e.name === 'Cancelled' && !(e instanceof Cancelled)) throw new Cancelled(e.message);
        throw e;
      }
    },
  };
}

/** License and token actions take an issued license (a node, a panel, or an ARN read from AWS first). */
const ISSUED: readonly ResourceKind[] = ['license'];

export const ISSUING_COMMANDS: readonly CommandDefinition[] = [
  lazy('licenseManager.license.create', (m, ctx, deps, [arg, options]) => m.runCreateLicense(ctx, deps, arg, options)),
  lazy('licenseManager.license.submit', (m, ctx, deps, [arg]) => m.runSubmitLicenseDocument(ctx, deps, arg)),
  lazy('licenseManager.license.newVersion', (m, ctx, deps, [arg]) => m.runNewLicenseVersion(ctx, deps, arg), ISSUED),
  lazy('licenseManager.license.deactivate', (m, ctx, deps, [arg]) => m.runDeactivateLicense(ctx, deps, arg), ISSUED),
  lazy('licenseManager.license.delete', (m, ctx, deps, [arg]) => m.runDeleteLicense(ctx, deps, arg), ISSUED),
  lazy('licenseManager.token.create', (m, ctx, deps, [arg]) => m.runCreateToken(ctx, deps, arg), ISSUED),
  lazy('licenseManager.token.delete', (m, ctx, deps, [arg]) => m.runDeleteToken(ctx, deps, arg), ['token']),
];
