import * as vscode from 'vscode';
import { notify, uiText } from '../ui/window';
import type { JsonDocumentProvider } from '../documents/jsonDocumentProvider';
import type { DetailPanelManager } from '../panels/detailPanelManager';
import type { Services } from '../services';
import { Cancelled } from '../shared/cancelled';
import { signInProfileOf, withSignIn } from '../grants/signIn';
import type { ExplorerProvider } from '../tree/explorerProvider';
import type { InboxProvider } from '../tree/inboxProvider';
import type { CheckoutServices } from '../checkout/services';

/** What every command receives besides its arguments. */
export interface CommandContext {
  readonly services: Services;
  readonly explorer: ExplorerProvider;
  readonly panels: DetailPanelManager;
  readonly json: JsonDocumentProvider;
  readonly inbox: InboxProvider;
  readonly checkout: CheckoutServices;
}

/** One command: its id and what it does. `args` are what VS Code passes (a tree node, or nothing from the palette). */
export interface CommandDefinition {
  readonly id: string;
  run(ctx: CommandContext, ...args: unknown[]): unknown;
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
