import * as vscode from 'vscode';
import { t, uiText, type UiPickItem } from '../ui/window';
import { knownRegions, regionName } from '../model/regions';

/** The pick that lets the user type a region that is not listed. */
export const OTHER_REGION = '';

export interface RegionItem extends UiPickItem {
  readonly region: string;
}

/**
 * Home region choices: the license's home region first, then the regions shown
 * in the explorer, then every other known region, then "Other region…".
 */
export function homeRegionItems(licenseHome: string | undefined, shown: readonly string[]): RegionItem[] {
  const ordered = [...new Set([licenseHome, ...shown, ...knownRegions()].filter((r): r is string => !!r))];
  return [
    ...ordered.map((region) => ({
      label: uiText(region),
      region,
      description: uiText([region === licenseHome ? vscode.l10n.t('home region of the license') : undefined, regionName(region)].filter(Boolean).join(' · ')),
    })),
    { label: t('Other region…'), region: OTHER_REGION },
  ];
}
