import * as vscode from 'vscode';
import { setItemText, treeItem, uiText } from '../../ui/window';
import { isLicenseManagerError, type LicenseManagerError } from '../../aws/errors';
import type { CredentialKind, ProfileInfo } from '../../aws/types';
import { contextValue } from '../contextValue';
import { ExplorerNode, type ExplorerContext, type ProfileHooks } from './explorerNode';
import { MessageNode, describeError, errorKindText } from './messageNode';
import { RegionNode } from './regionNode';

/** What the profile node needs beyond the shared context. */
export interface ProfileContext extends ExplorerContext {
  regionsOf(profile: ProfileInfo): readonly string[];
  /** The account id a profile showed before the window reloaded, until a list shows it again. */
  rememberedAccount?(profile: string): string | undefined;
  rememberAccount?(profile: string, account: string): void;
  /** Drops cached clients of a profile (so new credentials are picked up). */
  resetClients(profile: string): Promise<void>;
}

export function credentialKindLabel(kind: CredentialKind): string {
  switch (kind) {
    case 'static':
      return vscode.l10n.t('access keys');
    case 'sso':
      return vscode.l10n.t('SSO');
    case 'assume-role':
      return vscode.l10n.t('assume role');
    case 'credential-process':
      return vscode.l10n.t('credential process');
    case 'web-identity':
      return vscode.l10n.t('web identity');
    default:
      return vscode.l10n.t('unknown credentials');
  }
}

/**
 * A profile: its name, the account id once a loaded item reveals it, and the
 * credential kind. Credential failures of any list below it show here, with the fix.
 */
export class ProfileNode extends ExplorerNode implements ProfileHooks {
  readonly id: string;
  private readonly regions = new Map<string, RegionNode>();
  private known: string | undefined;
  /** The account shown came from before a reload, not from a list yet. */
  private accountRemembered = false;

  /**
   * The profile's account id, once a loaded item of this window revealed it. One remembered from
   * before a reload is only shown: the profile may name another account now, so nothing decides by it.
   */
  get account(): string | undefined {
    return this.accountRemembered ? undefined : this.known;
  }
  private credentialError: LicenseManagerError | undefined;

  constructor(
    private readonly ctx: ProfileContext,
    readonly info: ProfileInfo,
  ) {
    super(undefined);
    this.id = `profile|${info.name}`;
    this.known = ctx.rememberedAccount?.(info.name);
    this.accountRemembered = this.known !== undefined;
  }

  get name(): string {
    return this.info.name;
  }

  /** The profile's account: from its configuration, or once a loaded item reveals it. */
  get accountId(): string | undefined {
    return this.account ?? this.info.accountId;
  }

  selectedRegions(): readonly string[] {
    return this.ctx.regionsOf(this.info);
  }

  reportResult(error: unknown): void {
    if (error === undefined) {
      if (this.credentialError) {
        this.credentialError = undefined;
        this.ctx.changedWhenIdle(this);
      }
      return;
    }
    if (isLicenseManagerError(error) && error.kind === 'credentials' && error.message !== this.credentialError?.message) {
      this.credentialError = error;
      this.ctx.changedWhenIdle(this);
    }
  }

  learnAccount(accountId: string | undefined): void {
    if (accountId && (!this.known || this.accountRemembered)) {
      const changed = accountId !== this.known;
      this.known = accountId;
      this.accountRemembered = false;
      this.ctx.rememberAccount?.(this.info.name, accountId);
      if (changed) this.ctx.changedWhenIdle(this);
    }
  }

  getTreeItem(): vscode.TreeItem {
    const item = treeItem(uiText(this.name), vscode.TreeItemCollapsibleState.Collapsed);
    const problem = this.credentialError ? vscode.l10n.t('credentials problem') : this.info.problem ? vscode.l10n.t('configuration problem') : undefined;
    setItemText(item, 'description', uiText([this.known, credentialKindLabel(this.info.kind), problem].filter(Boolean).join(' · ')));
    const lines = [
      this.name,
      vscode.l10n.t('Account: {0}', this.known ?? vscode.l10n.t('not known until something loads')),
      vscode.l10n.t('Credentials: {0}', credentialKindLabel(this.info.kind)),
      this.info.region ? vscode.l10n.t('Region: {0}', this.info.region) : undefined,
      this.info.endpointUrl ? vscode.l10n.t('Endpoint: {0}', this.info.endpointUrl) : undefined,
      this.info.problem,
      this.credentialError ? describeError(this.credentialError).details : undefined,
    ];
    setItemText(item, 'tooltip', uiText(lines.filter(Boolean).join('\n'), { multiline: true }));
    item.iconPath = problem
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
      : new vscode.ThemeIcon('account');
    item.contextValue = contextValue({ node: 'profile', ssoSignIn: this.needsSignIn });
    return item;
  }

  override getChildren(): Promise<ExplorerNode[]> {
    const out: ExplorerNode[] = [];
    if (this.info.problem) {
      out.push(new MessageNode(this, 'warning', vscode.l10n.t('Configuration problem'), { description: this.info.problem }));
    }
    if (this.credentialError) {
      const d = describeError(this.credentialError);
      out.push(
        new MessageNode(this, 'credentials', errorKindText('credentials'), {
          description: d.fix ? vscode.l10n.t('Fix: {0}', d.fix) : d.message,
          tooltip: `${d.details}\n\n${vscode.l10n.t('Click to retry after fixing the credentials.')}`,
          retry: () => this.retryCredentials(),
          ssoSignIn: this.needsSignIn,
        }),
      );
    }
    const regions = this.selectedRegions();
    if (regions.length === 0) {
      out.push(
        new MessageNode(this, 'hint', vscode.l10n.t('No regions selected'), {
          description: vscode.l10n.t('Select regions…'),
          command: { command: 'licenseManager.regions.select', title: vscode.l10n.t('Select Regions…'), arguments: [this] },
        }),
      );
    }
    for (const region of regions) {
      let node = this.regions.get(region);
      if (!node) {
        node = new RegionNode(this, this.ctx, this, region);
        this.regions.set(region, node);
      }
      out.push(node);
    }
    return Promise.resolve(out);
  }

  override loadedChildren(): readonly ExplorerNode[] {
    const selected = this.selectedRegions();
    return [...this.regions.values()].filter((r) => selected.includes(r.region));
  }

  override reset(): void {
    this.credentialError = undefined;
    for (const r of this.regions.values()) r.reset();
  }

  /** An SSO profile whose token is missing or expired: offers Sign in. */
  get needsSignIn(): boolean {
    return this.info.kind === 'sso' && this.credentialError !== undefined;
  }

  private async retryCredentials(): Promise<void> {
    await this.ctx.resetClients(this.name);
    this.reset();
    this.ctx.changed(this);
  }
}
