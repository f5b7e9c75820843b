/** How every surface (tree item, panel, notification) names a kind of failure. Pure. */
import type { AwsErrorKind } from '../aws/types';
import type { Translate } from './translate';

const LABELS: { readonly [K in AwsErrorKind]: (t: Translate) => string } = {
  credentials: (t) => t('Credentials problem'),
  accessDenied: (t) => t('Access denied'),
  throttled: (t) => t('Throttled'),
  invalidInput: (t) => t('Invalid request'),
  notFound: (t) => t('Not found'),
  staleVersion: (t) => t('Changed since loaded'),
  service: (t) => t('Service error'),
  network: (t) => t('Network error'),
  timeout: (t) => t('Timed out'),
  cancelled: (t) => t('Cancelled'),
  proxy: (t) => t('Proxy error'),
  certificate: (t) => t('Untrusted certificate'),
  unexpectedAnswer: (t) => t('Unexpected answer'),
  configuration: (t) => t('Configuration problem'),
};

/** The name of a failure kind, e.g. "Access denied"; anything that is not a known kind is an "Unexpected error". */
export function errorKindLabel(t: Translate, kind: AwsErrorKind | string | undefined): string {
  return kind !== undefined && Object.prototype.hasOwnProperty.call(LABELS, kind) ? LABELS[kind as AwsErrorKind](t) : t('Unexpected error');
}
