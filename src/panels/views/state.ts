import { isLicenseManagerError } from '../../aws/errors';
import { errorKindLabel } from '../../model/errorKinds';
import type { ErrorView, UiStrings } from '../../shared/detailView';
import type { Translate } from '../../model/translate';

/** What the panel shows for a failed load; names the kind of failure. */
export function errorView(t: Translate, e: unknown): ErrorView {
  if (isLicenseManagerError(e)) {
    return {
      kind: e.kind,
      title: errorKindLabel(t, e.kind),
      message: e.message,
      fix: e.details?.fix,
    };
  }
  const message = e instanceof Error ? e.message : String(e);
  return { kind: 'unexpected', title: errorKindLabel(t, 'unexpected'), message };
}

export function uiStrings(t: Translate): UiStrings {
  return {
    refresh: t('Refresh'),
    openJson: t('Open JSON'),
    copyArn: t('Copy ARN'),
    copyJson: t('Copy JSON'),
    copy: t('Copy'),
    loading: t('Loading…'),
    related: t('Related resources'),
    rawJson: t('JSON'),
    actions: t('Actions'),
    arn: t('ARN'),
    location: t('Profile and region'),
    errorHeading: t('Could not load'),
    fix: t('Fix'),
    staleData: t('Showing the last loaded data.'),
    running: t('Running…'),
    history: t('History'),
    showHistory: t('Show history'),
    showOlder: t('Show older'),
    compareWithPrevious: t('Compare with Previous Version'),
    compareVersions: t('Compare Versions…'),
    generateCheckoutCode: t('Generate Checkout Code…'),
    tryCheckout: t('Try Checkout…'),
    entitlementUsage: t('Entitlement usage'),
  };
}
