import * as vscode from 'vscode';
import { registerCommands } from './commands/index';
import { loadIssuing } from './commands/issuing';
import { createCheckoutServices, type CheckoutServices } from './checkout/services';
import { JsonDocumentProvider, JSON_SCHEME } from './documents/jsonDocumentProvider';
import { LicenseDrafts } from './documents/licenseDrafts';
import type { ResourceChange } from './model/resources';
import { DetailPanelManager } from './panels/detailPanelManager';
import { createAwsLoader, type Services } from './services';
import { ExplorerState } from './state/explorerState';
import { RecentChanges } from './state/recentChanges';
import { ExplorerProvider } from './tree/explorerProvider';
import { InboxProvider } from './tree/inboxProvider';
import { watchSsoCache } from './tree/ssoCacheWatcher';
import { logFailure, safeLog } from './ui/log';
import { LicenseNames } from './state/licenseNames';
import { ArnLookup } from './tree/arnLookup';
import { registerArnProviders } from './documents/arnHover';
import { DeepLinkHandler } from './documents/deepLinkHandler';
import { watchWalkthrough } from './tree/walkthrough';
import { SELECTION_KEYS, watchSelectionActions } from './tree/selectionActions';

/** What `activate` returns; the in-host tests drive the extension through it. */
export interface ExtensionApi {
  readonly services: Services;
  readonly explorer: ExplorerProvider;
  readonly panels: DetailPanelManager;
  readonly json: JsonDocumentProvider;
  readonly inbox: InboxProvider;
  readonly drafts: LicenseDrafts;
  readonly arns: ArnLookup;
  /** The handler of `…/open?arn=` links. */
  readonly links: DeepLinkHandler;
  readonly checkout: CheckoutServices;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const log = safeLog(vscode.window.createOutputChannel('License Manager', { log: true }));
  const recent = new RecentChanges();
  const loader = createAwsLoader(log, recent);
  const changes = new vscode.EventEmitter<ResourceChange>();
  const state = new ExplorerState(context.globalState, () => loader.aws().then((aws) => aws.discoverProfiles()), recent);
  const services: Services = { context, log, aws: loader.aws, clients: loader.clients, changes, state };
  context.subscriptions.push(log, loader, changes, state);

  const explorer = new ExplorerProvider(services);
  const names = new LicenseNames(() => explorer.productNames(), explorer.onDidShowList);
  const panels = new DetailPanelManager(services, names);
  const json = new JsonDocumentProvider(services);
  const view = vscode.window.createTreeView('licenseManager.views.explorer', {
    treeDataProvider: explorer,
    showCollapseAll: true,
    canSelectMany: true,
  });
  explorer.attach(view);
  const inbox = new InboxProvider(services, { names: () => names.names(), changed: names.onDidChange });
  const inboxView = vscode.window.createTreeView('licenseManager.views.inbox', { treeDataProvider: inbox, canSelectMany: true });
  inbox.attach(inboxView);
  context.subscriptions.push(inbox, inboxView);
  context.subscriptions.push(watchSelectionActions(view, SELECTION_KEYS.explorer, explorer.onDidChangeTreeData), watchSelectionActions(inboxView, SELECTION_KEYS.inbox, inbox.onDidChangeTreeData));
  context.subscriptions.push(
    explorer,
    view,
    panels,
    names,
    json,
    vscode.workspace.registerFileSystemProvider(JSON_SCHEME, json, { isCaseSensitive: true, isReadonly: true }),
    // A sign-in (or sign-out) changes the SSO token cache: load again with the new token.
    watchSsoCache(() => {
      log.info('SSO token cache changed; reloading the explorer');
      explorer.reloadProfiles().catch(logFailure(log, 'reloading the explorer'));
    }),
  );
  const drafts = new LicenseDrafts(services, () => loadIssuing().then((m) => m.checkLicenseDocument));
  const arns = new ArnLookup(services, explorer, inbox, () => panels.list().map((p) => p.resource));
  const links = new DeepLinkHandler();
  const checkout = createCheckoutServices(services);
  context.subscriptions.push(drafts, arns, registerArnProviders(arns), vscode.window.registerUriHandler(links), watchWalkthrough(view), checkout);
  registerCommands({ services, explorer, panels, json, inbox, drafts, arns, checkout });
  log.info('License Manager Explorer activated');
  return { services, explorer, panels, json, inbox, drafts, arns, links, checkout };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
