import { showInputBox, showQuickPick, t, uiText, type UiPickItem, type UiText } from '../ui/window';
import type { ProfileInfo } from '../aws/types';
import { Cancelled } from '../shared/cancelled';
import type { ExplorerProvider } from './explorerProvider';
import { credentialKindLabel } from './nodes/profileNode';
import type { ResourceNode } from './nodes/resourceNode';
import { knownRegions, regionName } from '../model/regions';
import { type ExplorerFilter, type UsageFilter } from '../model/rules';
import { GRANT_STATUSES, LICENSE_STATUSES, USAGE_RESOURCE_TYPES } from '../model/statuses';
import { isAccountId } from '../model/arn';

interface Item<T> extends UiPickItem {
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
    label: uiText(p.name),
    description: uiText([credentialKindLabel(p.kind), p.region, p.isDefault ? t('default') : undefined].filter(Boolean).join(' · ')),
    picked: selected.includes(p.name),
  }));
  const picked = await showQuickPick(items, {
    title: t('Profiles to show'),
    placeHolder: t('Select the AWS profiles the explorer shows'),
    canPickMany: true,
    ignoreFocusOut: true,
  });
  return orCancel(picked).map((i) => i.value);
}

/** One profile among `profiles`; skipped when there is only one. */
export async function pickProfile(profiles: readonly string[], title: UiText): Promise<string> {
  if (profiles.length === 1) return profiles[0];
  if (profiles.length === 0) throw new Error(t('No profile is selected in the explorer.'));
  const picked = await showQuickPick(
    profiles.map((p): Item<string> => ({ value: p, label: uiText(p) })),
    { title, placeHolder: t('Select a profile'), ignoreFocusOut: true },
  );
  return orCancel(picked).value;
}

/** Multi-select of regions for a profile: its own region first, the current choice preselected. */
export async function pickRegions(profile: ProfileInfo, selected: readonly string[]): Promise<string[]> {
  const codes = [...new Set([...(profile.region ? [profile.region] : []), ...selected, ...knownRegions()])];
  const items: Item<string>[] = codes.map((code) => ({
    value: code,
    label: uiText(code),
    description: uiText([regionName(code), code === profile.region ? t('profile region') : undefined].filter(Boolean).join(' · ')),
    picked: selected.includes(code),
  }));
  const picked = await showQuickPick(items, {
    title: t('Regions for {0}', uiText(profile.name)),
    placeHolder: t('Select the regions the explorer shows for this profile'),
    canPickMany: true,
    ignoreFocusOut: true,
  });
  return orCancel(picked).map((i) => i.value);
}

type FilterStep = 'text' | 'grantStatus' | 'licenseStatus' | 'clear';

/** Edits the explorer filter: text over loaded items, or a grant or license status. */
export async function pickFilter(current: ExplorerFilter): Promise<ExplorerFilter> {
  const any = t('any');
  const steps: Item<FilterStep>[] = [
    { value: 'text', label: t('Text…'), description: uiText(current.text), detail: t('Match names, statuses and ARNs of loaded items') },
    { value: 'grantStatus', label: t('Grant status…'), description: current.grantStatus ? uiText(current.grantStatus) : any },
    { value: 'licenseStatus', label: t('License status…'), description: current.licenseStatus ? uiText(current.licenseStatus) : any },
    { value: 'clear', label: t('Clear filter') },
  ];
  const step = orCancel(await showQuickPick(steps, { title: t('Filter the explorer'), ignoreFocusOut: true })).value;
  switch (step) {
    case 'clear':
      return {};
    case 'text': {
      const text = await showInputBox({
        title: t('Filter by text'),
        prompt: t('Shows loaded items whose name, status or ARN contains this text (empty shows all)'),
        value: current.text ?? '',
        ignoreFocusOut: true,
        validateInput: (v) => (v.length > 200 ? t('At most 200 characters') : undefined),
      });
      return { ...current, text: orCancel(text) };
    }
    case 'grantStatus':
      return { ...current, grantStatus: await pickStatus(t('Grant status'), GRANT_STATUSES, current.grantStatus) };
    case 'licenseStatus':
      return { ...current, licenseStatus: await pickStatus(t('License status'), LICENSE_STATUSES, current.licenseStatus) };
  }
}

async function pickStatus(title: UiText, statuses: readonly string[], current: string | undefined): Promise<string | undefined> {
  const items: Item<string | undefined>[] = [
    { value: undefined, label: t('Any status') },
    ...statuses.map((s) => ({ value: s, label: uiText(s), description: s === current ? t('current') : undefined })),
  ];
  return orCancel(await showQuickPick(items, { title, ignoreFocusOut: true })).value;
}

type UsageStep = keyof UsageFilter | 'clear';

/** Edits the server-side filter of a usage list. */
export async function pickUsageFilter(current: UsageFilter): Promise<UsageFilter> {
  const any = t('any');
  const steps: Item<UsageStep>[] = [
    { value: 'resourceType', label: t('Resource type…'), description: current.resourceType ? uiText(current.resourceType) : any },
    { value: 'resourceAccount', label: t('Resource account…'), description: current.resourceAccount ? uiText(current.resourceAccount) : any },
    { value: 'resourceArn', label: t('Resource ARN…'), description: current.resourceArn ? uiText(current.resourceArn) : any },
    { value: 'clear', label: t('Clear usage filter') },
  ];
  const step = orCancel(await showQuickPick(steps, { title: t('Filter usage'), ignoreFocusOut: true })).value;
  switch (step) {
    case 'clear':
      return {};
    case 'resourceType': {
      const items: Item<string | undefined>[] = [
        { value: undefined, label: t('Any type') },
        ...USAGE_RESOURCE_TYPES.map((type) => ({ value: type, label: uiText(type) })),
      ];
      const picked = orCancel(await showQuickPick(items, { title: t('Resource type'), ignoreFocusOut: true }));
      return { ...current, resourceType: picked.value };
    }
    case 'resourceAccount': {
      const value = await showInputBox({
        title: t('Resource account'),
        prompt: t('12-digit account id that owns the resources (empty for any)'),
        value: current.resourceAccount ?? '',
        ignoreFocusOut: true,
        validateInput: (v) => (v === '' || isAccountId(v.trim()) ? undefined : t('Enter a 12-digit account id')),
      });
      return { ...current, resourceAccount: orCancel(value).trim() || undefined };
    }
    case 'resourceArn': {
      const value = await showInputBox({
        title: t('Resource ARN'),
        prompt: t('ARN of one resource (empty for any)'),
        value: current.resourceArn ?? '',
        ignoreFocusOut: true,
        validateInput: (v) => (v === '' || /^arn:aws[a-zA-Z-]*:\S+$/.test(v.trim()) ? undefined : t('Enter an ARN (arn:aws:…)')),
      });
      return { ...current, resourceArn: orCancel(value).trim() || undefined };
    }
  }
}

/** One of the resources loaded in the explorer (the palette fallback of resource commands). */
export async function pickLoadedResource(
  explorer: ExplorerProvider,
  title: UiText,
  withArnOnly = false,
  only?: { readonly accept: (node: ResourceNode) => boolean; readonly none: string },
): Promise<ResourceNode> {
  const nodes = explorer.loadedResources().filter((n) => (!withArnOnly || n.resource.arn !== '') && (!only || only.accept(n)));
  if (nodes.length === 0) {
    throw new Error(only?.none ?? t('Nothing is loaded yet: expand a list in the License Manager explorer first.'));
  }
  const items: Item<ResourceNode>[] = nodes.map((n) => {
    const tree = n.getTreeItem();
    const label = typeof tree.label === 'string' ? tree.label : (tree.label?.label ?? n.resource.arn);
    return {
      value: n,
      label: uiText(label),
      description: uiText(typeof tree.description === 'string' ? tree.description : ''),
      detail: uiText(`${n.resource.profile} · ${n.resource.region} · ${n.resource.arn}`),
    };
  });
  const picked = await showQuickPick(items, { title, matchOnDescription: true, matchOnDetail: true, ignoreFocusOut: true });
  return orCancel(picked).value;
}
