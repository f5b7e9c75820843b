import { isLicenseManagerError } from '../../aws/errors';
import type { AwsErrorKind } from '../../aws/types';
import type { ErrorView, UiStrings } from '../../shared/detailView';
import type { Translate } from '../../model/translate';

export function errorKindTitle(t: Translate, kind: AwsErrorKind | string): string {
  switch (kind) {
    case 'credentials':
      return t('Credentials problem');
    case 'accessDenied':
      return t('Access denied');
    case 'throttled':
      return t('Throttled');
    case 'invalidInput':
      return t('Invalid input');
    case 'notFound':
      return t('Not found');
    case 'staleVersion':
      return t('Changed since loaded');
    case 'service':
      return t('Service error');
    case 'network':
      return t('Network error');
    default:
      return t('Unexpected error');
  }
}

/** What the panel shows for a failed load; names the kind of failure. */
export function errorView(t: Translate, e: unknown): ErrorView {
  if (isLicenseManagerError(e)) {
    return {
      kind: e.kind,
      title: errorKindTitle(t, e.kind),
      message: e.message,
      fix: e.details?.fix,
    };
  }
  const message = e instanceof Error ? e.message : String(e);
  return { kind: 'unexpected', title: errorKindTitle(t, 'unexpected'), message };
}

export function uiStrings(t: Translate): UiStrings {
  return {
    refresh: t('Refresh'),
    openJson: t('Open JSON'),
    copyArn: t('Copy ARN'),
    copyJson: t('Copy JSON'),
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
  };
}
