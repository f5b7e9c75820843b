import * as vscode from 'vscode';
import { logFailure } from '../ui/log';
import { notify, setPanelTitle, t, uiText } from '../ui/window';
import { grantActionRecord, grantActionsFor, type GrantAction } from '../model/grantActions';
import { licenseActionRecord, licenseActionsFor, type LicenseAction } from '../model/licenseActions';
import { resourceKey, type ResourceHolder, type ResourceRef } from '../model/resources';
import { directionOf, isLicenseKind, listOfKind } from '../model/resourceLists';
import type { Services } from '../services';
import type { DetailView, PanelState } from '../shared/detailView';
import { describeRaw, parseWebviewMessage, type HostMessage, type WebviewMessage } from '../shared/messages';
import { buildPageHtml, createNonce } from './html';
import { loadResource } from '../data/fetchResource';
import { lastArnPart } from '../model/arn';
import type { Translate } from '../model/translate';
import { errorView, uiStrings } from './views/state';
import { LICENSE_FIELD_ID } from './views/grantView';
import { PanelVersions } from './panelVersions';
import type { LicenseNames } from '../state/licenseNames';
import { grantLicenseArn, readLicenseName } from './licenseName';
import { buildDetailView, canReload, needsLoad, subjectView } from './views/summary';

export const DETAIL_VIEW_TYPE = 'licenseManager.details';

/** What a panel needs from its manager. */
export interface PanelHost {
  readonly services: Services;
  readonly t: Translate;
  /** Opens (or reveals) the panel of a related resource. */
  open(holder: ResourceHolder): Promise<void>;
  /** Product names of licenses, listed or read once by a grant panel. */
  readonly names: LicenseNames;
}

/** One webview panel showing one resource seen through one (profile, region). */
export class DetailPanel implements vscode.Disposable {
  readonly key: string;
  private holder: ResourceHolder;
  private current: PanelState;
  private loadSeq = 0;
  /** Aborts the load in progress: a newer load replaces it, closing the panel abandons it. */
  private loadAbort = new AbortController();
  /** Aborts the reading of the license's product name when the panel closes. */
  private readonly nameAbort = new AbortController();
  private pending: Promise<void> = Promise.resolve();
  private naming: Promise<void> = Promise.resolve();
  private disposed = false;
  private readonly versions: PanelVersions;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly stateEmitter = new vscode.EventEmitter<PanelState>();
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  /** Fires whenever the state changes (loading, loaded, failed, action running). */
  readonly onDidChangeState = this.stateEmitter.event;
  readonly onDidDispose = this.disposeEmitter.event;

  /** A new panel for `holder`, or the panel VS Code restored after a window reload (`restored`). */
  static create(host: PanelHost, holder: ResourceHolder, restored?: vscode.WebviewPanel): DetailPanel {
    const media = vscode.Uri.joinPath(host.services.context.extensionUri, 'media');
    const options = { enableScripts: true, enableCommandUris: false, localResourceRoots: [media] };
    const panel =
      restored ??
      vscode.window.createWebviewPanel(
        DETAIL_VIEW_TYPE,
        host.t('Details'),
        { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
        { ...options, enableFindWidget: true },
      );
    if (restored) restored.webview.options = options;
    const webview = panel.webview;
    webview.html = buildPageHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'dist', 'detail.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'detail.css')).toString(),
      title: host.t('License Manager details'),
      loadingText: host.t('Loading…'),
      lang: vscode.env.language,
    });
    return new DetailPanel(host, holder, panel);
  }

  private constructor(
    private readonly host: PanelHost,
    holder: ResourceHolder,
    readonly panel: vscode.WebviewPanel,
  ) {
    this.holder = { resource: { ...holder.resource }, data: holder.data };
    this.key = resourceKey(this.holder.resource);
    this.versions = new PanelVersions(host.services, host.t, () => this.setState({ ...this.current, ...this.versions.extras }));
    this.versions.reset(this.holder.resource);
    this.current = needsLoad(this.holder)
      ? { phase: 'loading', subject: subjectView(host.t, this.holder.resource), strings: uiStrings(host.t) }
      : this.readyState();
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw).catch((e: unknown) => this.requestFailed(e))),
      panel.onDidDispose(() => this.dispose()),
    );
    this.applyTitle();
    if (!needsLoad(this.holder)) {
      this.versions.loadUsage(this.holder.resource).catch(logFailure(host.services.log, 'details: loading usage'));
      this.readLicenseName();
    }
  }

  get resource(): ResourceRef {
    return this.holder.resource;
  }

  /** The AWS object the panel shows (as last loaded). */
  get data(): object {
    return this.holder.data;
  }

  /** The current state, whether or not the webview has received it yet. */
  get state(): PanelState {
    return this.current;
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  reveal(): void {
    if (!this.disposed) this.panel.reveal(undefined, false);
  }

  /** Resolves when the load in progress (if any) and the reading of the license's name have settled. */
  async whenIdle(): Promise<void> {
    await this.pending;
    await this.naming;
  }

  /** Reads the resource again from AWS. Only the newest of overlapping loads is shown. */
  reload(): Promise<void> {
    if (this.disposed || !canReload(this.resource.kind)) return this.pending;
    const seq = ++this.loadSeq;
    this.loadAbort.abort();
    const abort = (this.loadAbort = new AbortController());
    this.setState({ ...this.current, phase: 'loading', error: undefined });
    const ref = this.resource;
    const run = async (): Promise<void> => {
      try {
        const api = (await this.host.services.clients()).get(ref.profile, ref.region);
        const data = await loadResource(api, ref, abort.signal);
        if (seq !== this.loadSeq || this.disposed) return;
        this.holder = { resource: ref, data };
        const reopen = this.versions.historyOpen;
        this.versions.reset(ref);
        this.setState(this.readyState());
        const log = this.host.services.log;
        if (reopen) this.versions.showHistory(ref, data, false).catch(logFailure(log, 'details: loading versions'));
        this.versions.loadUsage(ref).catch(logFailure(log, 'details: loading usage'));
        this.readLicenseName();
      } catch (e) {
        if (seq !== this.loadSeq || this.disposed) return;
        const error = errorView(this.host.t, e);
        this.host.services.log.warn(`details: loading ${ref.kind} ${ref.arn} (${ref.profile}, ${ref.region}) failed: ${error.kind}: ${error.message}`);
        this.setState({ ...this.current, phase: 'error', error });
      }
    };
    this.pending = run();
    return this.pending;
  }

  /** Shows the license's product name once it is known (by a list or another panel). */
  nameLicense(): void {
    if (this.disposed || this.current.phase !== 'ready' || directionOf(this.resource.kind) === undefined) return;
    const arn = grantLicenseArn(this.holder.data);
    const shown = this.current.view?.sections.flatMap((s) => s.fields ?? []).find((f) => f.copy?.id === LICENSE_FIELD_ID);
    const name = arn === undefined ? undefined : this.host.names.get(arn);
    if (name !== undefined && shown !== undefined && shown.value !== name) this.setState({ ...this.current, view: this.readyState().view });
  }

  private readLicenseName(): void {
    this.naming = readLicenseName(this.host.services, this.host.names, this.resource, this.holder.data, this.nameAbort.signal);
  }

  /** Handles anything the webview posted; refuses what does not validate. */
  async receive(raw: unknown): Promise<void> {
    const parsed = parseWebviewMessage(raw);
    if (!parsed.ok) {
      this.host.services.log.warn(`details: ignored a webview message (${parsed.reason}): ${describeRaw(raw)}`);
      return;
    }
    await this.handle(parsed.message);
  }

  private async handle(message: WebviewMessage): Promise<void> {
    const t = this.host.t;
    switch (message.type) {
      case 'ready':
        this.post({ type: 'state', state: this.current });
        return;
      case 'refresh':
        return this.reload();
      case 'openJson':
        await vscode.commands.executeCommand('licenseManager.resource.openJson', this.commandArg());
        return;
      case 'copyArn':
        await vscode.env.clipboard.writeText(this.resource.arn);
        this.post({ type: 'notice', text: t('ARN copied'), near: 'copy-arn' });
        return;
      case 'copyJson':
        await vscode.env.clipboard.writeText(this.view()?.json ?? '{}');
        this.post({ type: 'notice', text: t('JSON copied'), near: 'copy-json' });
        return;
      case 'copyField': {
        const field = this.view()?.sections.flatMap((s) => s.fields ?? []).find((f) => f.copy?.id === message.fieldId);
        if (!field?.copy) return this.refuse(`no field ${message.fieldId}`);
        await vscode.env.clipboard.writeText(field.copy.text);
        this.post({ type: 'notice', text: t('Copied'), near: `copy-${message.fieldId}` });
        return;
      }
      case 'openLink': {
        const link = this.view()?.links.find((l) => l.id === message.linkId);
        if (!link) return this.refuse(`no link ${message.linkId}`);
        await this.host.open({ resource: { ...link.target }, data: {} });
        return;
      }
      case 'grantAction':
        return this.runGrantAction(message.action);
      case 'licenseAction':
        return this.runLicenseAction(message.action);
      case 'showHistory':
      case 'showOlder':
        return this.versions.showHistory(this.resource, this.holder.data, message.type === 'showOlder');
      case 'compareWithPrevious':
        await vscode.commands.executeCommand('licenseManager.resource.compareWithPrevious', this.commandArg(), message.version);
        return;
      case 'compareVersions':
        await vscode.commands.executeCommand('licenseManager.resource.compareVersions', this.commandArg());
        return;
      case 'generateCheckoutCode':
      case 'tryCheckout': {
        const kind = this.resource.kind;
        if (!isLicenseKind(kind)) return this.refuse(`${message.type} on a ${kind}`);
        await vscode.commands.executeCommand(message.type === 'tryCheckout' ? 'licenseManager.checkout.try' : 'licenseManager.checkout.generateCode', this.commandArg());
        return;
      }
    }
  }

  private async runGrantAction(action: GrantAction): Promise<void> {
    const ref = this.resource;
    const direction = directionOf(ref.kind);
    if (!direction) return this.refuse(`not a grant: ${action}`);
    const status = (this.holder.data as { GrantStatus?: unknown }).GrantStatus;
    if (typeof status !== 'string' || !grantActionsFor(direction, status).includes(action)) {
      return this.refuse(`${action} is not valid for ${direction} ${String(status)}`);
    }
    if (this.current.runningAction) return this.refuse(`${this.current.runningAction} still running`);
    this.setState({ ...this.current, runningAction: action });
    try {
      await vscode.commands.executeCommand(grantActionRecord(action).command, this.commandArg());
    } finally {
      if (!this.disposed) this.setState({ ...this.current, runningAction: undefined });
    }
  }

  /** A license action's button: the same command the explorer's menu runs, on this panel's license. */
  private async runLicenseAction(action: LicenseAction): Promise<void> {
    if (!listOfKind(this.resource.kind)?.licenseActions) return this.refuse(`not an issued license: ${action}`);
    const status = (this.holder.data as { Status?: unknown }).Status;
    if (typeof status !== 'string' || !licenseActionsFor(status).some((r) => r.action === action)) {
      return this.refuse(`${action} is not valid for a license ${String(status)}`);
    }
    if (this.current.runningAction) return this.refuse(`${this.current.runningAction} still running`);
    this.setState({ ...this.current, runningAction: action });
    try {
      await vscode.commands.executeCommand(licenseActionRecord(action).command, this.commandArg());
    } finally {
      if (!this.disposed) this.setState({ ...this.current, runningAction: undefined });
    }
  }

  /** A button's work failed outside a command (commands report their own failures): logged and shown. */
  private requestFailed(e: unknown): void {
    const message = e instanceof Error ? e.message : String(e);
    this.host.services.log.error(`details: a webview request failed: ${message}`);
    void notify.error(uiText(message));
  }

  private refuse(reason: string): void {
    this.host.services.log.warn(`details: ignored a webview request: ${reason}`);
  }

  /** The argument panel buttons pass to commands: a plain ResourceHolder. */
  private commandArg(): ResourceHolder {
    return { resource: { ...this.resource }, data: this.holder.data };
  }

  private view(): DetailView | undefined {
    return this.current.view;
  }

  private readyState(): PanelState {
    return {
      phase: 'ready',
      subject: subjectView(this.host.t, this.holder.resource),
      view: buildDetailView(this.host.t, this.holder, new Date(), { productName: (arn) => this.host.names.get(arn) }),
      ...this.versions.extras,
      strings: uiStrings(this.host.t),
    };
  }

  private setState(state: PanelState): void {
    if (this.disposed) return;
    this.current = state;
    this.applyTitle();
    this.post({ type: 'state', state });
    this.stateEmitter.fire(state);
  }

  private applyTitle(): void {
    const view = this.current.view;
    const subject = this.current.subject;
    setPanelTitle(this.panel, t('{0}: {1}', subject.kindLabel, view?.title ?? lastArnPart(subject.arn)));
  }

  private post(message: HostMessage): void {
    if (this.disposed) return;
    void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.loadSeq++;
    this.versions.dispose();
    this.loadAbort.abort();
    this.nameAbort.abort();
    this.disposeEmitter.fire();
    for (const d of this.subscriptions) d.dispose();
    this.panel.dispose();
    this.stateEmitter.dispose();
    this.disposeEmitter.dispose();
  }
}
