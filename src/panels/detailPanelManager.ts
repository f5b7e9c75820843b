import * as vscode from 'vscode';
import {
  isResourceHolder,
  resourceKey,
  type ResourceChange,
  type ResourceHolder,
} from '../model/resources';
import type { Services } from '../services';
import { logFailure } from '../ui/log';
import { DETAIL_VIEW_TYPE, DetailPanel, type PanelHost } from './detailPanel';
import { parseRestoredRef } from '../model/restoredPanel';
import { needsLoad } from './views/summary';
import { LicenseNames } from '../state/licenseNames';

/** Opens one detail panel per resource (kind, profile, region, ARN) and keeps open panels current. */
export class DetailPanelManager implements vscode.Disposable {
  private readonly panels = new Map<string, DetailPanel>();
  private readonly subscription: vscode.Disposable;
  private readonly host: PanelHost;

  constructor(
    readonly services: Services,
    /** Product names of licenses, shared with the explorer and the inbox. */
    readonly names: LicenseNames = new LicenseNames(() => new Map()),
  ) {
    // Panels draw text themselves (invisible characters marked in the webview): the plain translation.
    this.host = { services, t: vscode.l10n.t, open: (holder) => this.open(holder), names };
    this.subscription = vscode.Disposable.from(
      names.onDidChange(() => {
        for (const p of this.list()) p.nameLicense();
      }),
      services.changes.event((change) => this.applyChange(change).catch(logFailure(services.log, 'details: showing a change'))),
      vscode.window.registerWebviewPanelSerializer(DETAIL_VIEW_TYPE, {
        deserializeWebviewPanel: (panel, state: unknown) => this.restore(panel, state),
      }),
    );
  }

  /**
   * Brings back a panel VS Code kept across a window reload. The saved state only
   * says which resource, through which profile: it is checked, and the resource is
   * read again from AWS. A state that does not check out closes the panel.
   */
  private async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    let profiles: string[] = [];
    try {
      profiles = (await this.services.state.profiles()).map((p) => p.name);
    } catch (e) {
      this.services.log.warn(`details: profiles unavailable to restore a panel: ${e instanceof Error ? e.message : String(e)}`);
    }
    const ref = parseRestoredRef(state, profiles);
    if (!ref) {
      this.services.log.warn('details: a panel saved before the reload could not be restored; closed');
      panel.dispose();
      return;
    }
    const key = resourceKey(ref);
    if (this.panels.get(key)) {
      panel.dispose();
      return;
    }
    const restored = DetailPanel.create(this.host, { resource: ref, data: {} }, panel);
    this.panels.set(key, restored);
    restored.onDidDispose(() => {
      if (this.panels.get(key) === restored) this.panels.delete(key);
    });
    await restored.reload();
  }

  /**
   * Shows the resource's panel: reveals it when it is already open, otherwise
   * creates it from the holder's data, loading from AWS when the holder has none.
   * Resolves when the panel shows loaded data or an error.
   */
  async open(holder: ResourceHolder): Promise<void> {
    if (!isResourceHolder(holder)) throw new Error(vscode.l10n.t('There is no resource to show.'));
    const key = resourceKey(holder.resource);
    const existing = this.panels.get(key);
    if (existing && !existing.isDisposed) {
      existing.reveal();
      return existing.whenIdle();
    }
    const panel = DetailPanel.create(this.host, holder);
    this.panels.set(key, panel);
    panel.onDidDispose(() => {
      if (this.panels.get(key) === panel) this.panels.delete(key);
    });
    if (needsLoad(holder)) await panel.reload();
  }

  /** Every open panel, oldest first. */
  list(): DetailPanel[] {
    return [...this.panels.values()];
  }

  /** Reloads the panels a change names (same profile, ARN listed); resolves when they have settled. */
  async applyChange(change: ResourceChange): Promise<void> {
    const matching = this.list().filter((p) => p.resource.profile === change.profile && change.arns.includes(p.resource.arn));
    await Promise.all(matching.map((p) => p.reload()));
  }

  dispose(): void {
    this.subscription.dispose();
    for (const p of this.list()) p.dispose();
    this.panels.clear();
  }
}
