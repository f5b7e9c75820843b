import * as vscode from 'vscode';
import { registerCommands } from './commands/index';
import { JsonDocumentProvider, JSON_SCHEME } from './documents/jsonDocumentProvider';
import type { ResourceChange } from './model/resources';
import { DetailPanelManager } from './panels/detailPanelManager';
import { createAwsLoader, type Services } from './services';
import { ExplorerState } from './state/explorerState';
import { ExplorerProvider } from './tree/explorerProvider';
import { InboxProvider } from './tree/inboxProvider';
import { watchSsoCache } from './tree/ssoCacheWatcher';

/** What `activate` returns; the in-host tests drive the extension through it. */
export interface ExtensionApi {
  readonly services: Services;
  readonly explorer: ExplorerProvider;
  readonly panels: DetailPanelManager;
  readonly json: JsonDocumentProvider;
  readonly inbox: InboxProvider;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const log = vscode.window.createOutputChannel('License Manager', { log: true });
  const loader = createAwsLoader(log);
  const changes = new vscode.EventEmitter<ResourceChange>();
  const state = new ExplorerState(context.globalState, () => loader.aws().then((aws) => aws.discoverProfiles()));
  const services: Services = { context, log, aws: loader.aws, clients: loader.clients, changes, state };
  context.subscriptions.push(log, loader, changes, state);

  const explorer = new ExplorerProvider(services);
  const panels = new DetailPanelManager(services, () => explorer.productNames());
  const json = new JsonDocumentProvider(services);
  const view = vscode.window.createTreeView('licenseManager.views.explorer', {
    treeDataProvider: explorer,
    showCollapseAll: true,
  });
  explorer.attach(view);
  const inbox = new InboxProvider(services, { names: () => explorer.productNames(), changed: explorer.onDidShowList });
  const inboxView = vscode.window.createTreeView('licenseManager.views.inbox', { treeDataProvider: inbox });
  inbox.attach(inboxView);
  context.subscriptions.push(inbox, inboxView);
  context.subscriptions.push(
    explorer,
    view,
    panels,
    json,
    vscode.workspace.registerTextDocumentContentProvider(JSON_SCHEME, json),
    // A sign-in (or sign-out) changes the SSO token cache: load again with the new token.
    watchSsoCache(() => {
      log.info('SSO token cache changed; reloading the explorer');
      void explorer.reloadProfiles();
    }),
  );
  registerCommands({ services, explorer, panels, json, inbox });
  log.info('License Manager Explorer activated');
  return { services, explorer, panels, json, inbox };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
