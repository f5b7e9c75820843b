import * as vscode from 'vscode';
import type { ProfileInfo } from '../aws/types';
import { Cancelled } from '../shared/cancelled';
import type { ExplorerProvider } from './explorerProvider';
import { credentialKindLabel } from './nodes/profileNode';
import type { ResourceNode } from './nodes/resourceNode';
import { knownRegions, regionName } from '../model/regions';
import { escapeIcons } from '../shared/plainText';
import { type ExplorerFilter, type UsageFilter } from '../model/rules';
import { GRANT_STATUSES, LICENSE_STATUSES, USAGE_RESOURCE_TYPES } from '../model/statuses';
import { isAccountId } from '../model/arn';

interface Item<T> extends vscode.QuickPickItem {
  readonly value: T;
}

function orCancel<T>(value: T | undefined): T {
  if (value === undefined) throw new Cancelled();
  return value;
}

/** Multi-select of the discovered profiles, preselecting the current selection. */
export async function pickProfiles(profiles: readonly ProfileInfo[], selected: readonly string[]): Promise<string[]> {
  const items: Item<string>[] = profiles.map((p) => ({
    value: p.name,
    label: escapeIcons(p.name),
    description: [credentialKindLabel(p.kind), p.region, p.isDefault ? vscode.l10n.t('default') : undefined].filter(Boolean).join(' · '),
    picked: selected.includes(p.name),
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Profiles to show'),
    placeHolder: vscode.l10n.t('Select the AWS profiles the explorer shows'),
    canPickMany: true,
    ignoreFocusOut: true,
  });
  return orCancel(picked).map((i) => i.value);
}

/** One profile among `profiles`; skipped when there is only one. */
export async function pickProfile(profiles: readonly string[], title: string): Promise<string> {
  if (profiles.length === 1) return profiles[0];
  if (profiles.length === 0) throw new Error(vscode.l10n.t('No profile is selected in the explorer.'));
  const picked = await vscode.window.showQuickPick(
    profiles.map((p): Item<string> => ({ value: p, label: escapeIcons(p) })),
    { title, placeHolder: vscode.l10n.t('Select a profile'), ignoreFocusOut: true },
  );
  return orCancel(picked).value;
}

/** Multi-select of regions for a profile: its own region first, the current choice preselected. */
export async function pickRegions(profile: ProfileInfo, selected: readonly string[]): Promise<string[]> {
  const codes = [...new Set([...(profile.region ? [profile.region] : []), ...selected, ...knownRegions()])];
  const items: Item<string>[] = codes.map((code) => ({
    value: code,
    label: code,
    description: [regionName(code), code === profile.region ? vscode.l10n.t('profile region') : undefined].filter(Boolean).join(' · '),
    picked: selected.includes(code),
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Regions for {0}', escapeIcons(profile.name)),
    placeHolder: vscode.l10n.t('Select the regions the explorer shows for this profile'),
    canPickMany: true,
    ignoreFocusOut: true,
  });
  return orCancel(picked).map((i) => i.value);
}

type FilterStep = 'text' | 'grantStatus' | 'licenseStatus' | 'clear';

/** Edits the explorer filter: text over loaded items, or a grant or license status. */
export async function pickFilter(current: ExplorerFilter): Promise<ExplorerFilter> {
  const any = vscode.l10n.t('any');
  const steps: Item<FilterStep>[] = [
    { value: 'text', label: vscode.l10n.t('Text…'), description: current.text ?? '', detail: vscode.l10n.t('Match names, statuses and ARNs of loaded items') },
    { value: 'grantStatus', label: vscode.l10n.t('Grant status…'), description: current.grantStatus ?? any },
    { value: 'licenseStatus', label: vscode.l10n.t('License status…'), description: current.licenseStatus ?? any },
    { value: 'clear', label: vscode.l10n.t('Clear filter') },
  ];
  const step = orCancel(await vscode.window.showQuickPick(steps, { title: vscode.l10n.t('Filter the explorer'), ignoreFocusOut: true })).value;
  switch (step) {
    case 'clear':
      return {};
    case 'text': {
      const text = await vscode.window.showInputBox({
        title: vscode.l10n.t('Filter by text'),
        prompt: vscode.l10n.t('Shows loaded items whose name, status or ARN contains this text (empty shows all)'),
        value: current.text ?? '',
        ignoreFocusOut: true,
        validateInput: (v) => (v.length > 200 ? vscode.l10n.t('At most 200 characters') : undefined),
      });
      return { ...current, text: orCancel(text) };
    }
    case 'grantStatus':
      return { ...current, grantStatus: await pickStatus(vscode.l10n.t('Grant status'), GRANT_STATUSES, current.grantStatus) };
    case 'licenseStatus':
      return { ...current, licenseStatus: await pickStatus(vscode.l10n.t('License status'), LICENSE_STATUSES, current.licenseStatus) };
  }
}

async function pickStatus(title: string, statuses: readonly string[], current: string | undefined): Promise<string | undefined> {
  const items: Item<string | undefined>[] = [
    { value: undefined, label: vscode.l10n.t('Any status') },
    ...statuses.map((s) => ({ value: s, label: s, description: s === current ? vscode.l10n.t('current') : undefined })),
  ];
  return orCancel(await vscode.window.showQuickPick(items, { title, ignoreFocusOut: true })).value;
}

type UsageStep = keyof UsageFilter | 'clear';

/** Edits the server-side filter of a usage list. */
export async function pickUsageFilter(current: UsageFilter): Promise<UsageFilter> {
  const any = vscode.l10n.t('any');
  const steps: Item<UsageStep>[] = [
    { value: 'resourceType', label: vscode.l10n.t('Resource type…'), description: current.resourceType ?? any },
    { value: 'resourceAccount', label: vscode.l10n.t('Resource account…'), description: current.resourceAccount ?? any },
    { value: 'resourceArn', label: vscode.l10n.t('Resource ARN…'), description: current.resourceArn ?? any },
    { value: 'clear', label: vscode.l10n.t('Clear usage filter') },
  ];
  const step = orCancel(await vscode.window.showQuickPick(steps, { title: vscode.l10n.t('Filter usage'), ignoreFocusOut: true })).value;
  switch (step) {
    case 'clear':
      return {};
    case 'resourceType': {
      const items: Item<string | undefined>[] = [
        { value: undefined, label: vscode.l10n.t('Any type') },
        ...USAGE_RESOURCE_TYPES.map((t) => ({ value: t, label: t })),
      ];
      const picked = orCancel(await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Resource type'), ignoreFocusOut: true }));
      return { ...current, resourceType: picked.value };
    }
    case 'resourceAccount': {
      const value = await vscode.window.showInputBox({
        title: vscode.l10n.t('Resource account'),
        prompt: vscode.l10n.t('12-digit account id that owns the resources (empty for any)'),
        value: current.resourceAccount ?? '',
        ignoreFocusOut: true,
        validateInput: (v) => (v === '' || isAccountId(v.trim()) ? undefined : vscode.l10n.t('Enter a 12-digit account id')),
      });
      return { ...current, resourceAccount: orCancel(value).trim() || undefined };
    }
    case 'resourceArn': {
      const value = await vscode.window.showInputBox({
        title: vscode.l10n.t('Resource ARN'),
        prompt: vscode.l10n.t('ARN of one resource (empty for any)'),
        value: current.resourceArn ?? '',
        ignoreFocusOut: true,
        validateInput: (v) => (v === '' || /^arn:aws[a-zA-Z-]*:\S+$/.test(v.trim()) ? undefined : vscode.l10n.t('Enter an ARN (arn:aws:…)')),
      });
      return { ...current, resourceArn: orCancel(value).trim() || undefined };
    }
  }
}

/** One of the resources loaded in the explorer (the palette fallback of resource commands). */
export async function pickLoadedResource(
  explorer: ExplorerProvider,
  title: string,
  withArnOnly = false,
  only?: { readonly accept: (node: ResourceNode) => boolean; readonly none: string },
): Promise<ResourceNode> {
  const nodes = explorer.loadedResources().filter((n) => (!withArnOnly || n.resource.arn !== '') && (!only || only.accept(n)));
  if (nodes.length === 0) {
    throw new Error(only?.none ?? vscode.l10n.t('Nothing is loaded yet: expand a list in the License Manager explorer first.'));
  }
  const items: Item<ResourceNode>[] = nodes.map((n) => {
    const tree = n.getTreeItem();
    const label = typeof tree.label === 'string' ? tree.label : (tree.label?.label ?? n.resource.arn);
    return {
      value: n,
      label: escapeIcons(label),
      description: escapeIcons(typeof tree.description === 'string' ? tree.description : ''),
      detail: escapeIcons(`${n.resource.profile} · ${n.resource.region} · ${n.resource.arn}`),
    };
  });
  const picked = await vscode.window.showQuickPick(items, { title, matchOnDescription: true, matchOnDetail: true, ignoreFocusOut: true });
  return orCancel(picked).value;
}
