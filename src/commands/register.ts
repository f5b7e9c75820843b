import * as vscode from 'vscode';
import { notify, uiText } from '../ui/window';
import type { JsonDocumentProvider } from '../documents/jsonDocumentProvider';
import type { LicenseDrafts } from '../documents/licenseDrafts';
import type { DetailPanelManager } from '../panels/detailPanelManager';
import type { Services } from '../services';
import { Cancelled } from '../shared/cancelled';
import { signInProfileOf, withSignIn } from '../grants/signIn';
import type { ExplorerProvider } from '../tree/explorerProvider';
import type { InboxProvider } from '../tree/inboxProvider';
import type { ResourceKind } from '../model/resources';
import { trustedArgument } from './trust';
import type { ArnLookup } from '../tree/arnLookup';
import type { CheckoutServices } from '../checkout/services';

/** What every command receives besides its arguments. */
export interface CommandContext {
  readonly services: Services;
  readonly explorer: ExplorerProvider;
  readonly panels: DetailPanelManager;
  readonly json: JsonDocumentProvider;
  readonly inbox: InboxProvider;
  readonly drafts: LicenseDrafts;
  /** What the extension knows about an ARN, and the resources command arguments name. */
  readonly arns: ArnLookup;
  readonly checkout: CheckoutServices;
}

/** One command: its id and what it does. `args` are what VS Code passes (a tree node, or nothing from the palette). */
export interface CommandDefinition {
  readonly id: string;
  /**
   * The resource kinds the first argument may be. The wrapper replaces that argument by the node or
   * panel the extension holds for it, or else by what AWS answers for its ARN (see `trustedArgument`):
   * the command never sees an object it did not make.
   */
  readonly accepts?: readonly ResourceKind[];
  run(ctx: CommandContext, ...args: unknown[]): unknown;
  /**
   * Runs the command on a selection of several items (VS Code's second argument from a tree view's
   * menu); the items are still VS Code's, to be looked up among the held nodes (`bulkGrants.ts`).
   */
  runSelection?(ctx: CommandContext, selection: readonly unknown[]): unknown;
}

/**
 * Registers a command through the one wrapper: logs the call and its outcome,
 * ignores cancellation, shows other failures, and disposes with the extension.
 */
export function registerCommand(ctx: CommandContext, def: CommandDefinition): void {
  const { log, context } = ctx.services;
  context.subscriptions.push(
    vscode.commands.registerCommand(def.id, async (...args: unknown[]) => {
      log.debug(`command ${def.id}`);
      try {
        if (def.runSelection && isSelection(args[1])) return await def.runSelection(ctx, args[1]);
        if (def.accepts) args[0] = await trustedArgument(ctx, args[0], def.accepts);
        return await def.run(ctx, ...args);
      } catch (e) {
        if (e instanceof Cancelled || (e instanceof vscode.CancellationError)) {
          log.debug(`command ${def.id} cancelled`);
          return undefined;
        }
        const message = e instanceof Error ? e.message : String(e);
        log.error(`command ${def.id} failed: ${message}`);
        const signIn = signInProfileOf(e);
        void withSignIn(notify.error, uiText(message), signIn ? [signIn] : []).catch(() => undefined);
        return undefined;
      }
    }),
  );
}

/** True when VS Code passed a selection of several items as the command's second argument. */
export function isSelection(arg: unknown): arg is readonly unknown[] {
  return Array.isArray(arg) && arg.length > 1;
}
