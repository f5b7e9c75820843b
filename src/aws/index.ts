/**
 * Entry of the AWS bundle (dist/aws.js), loaded lazily by the extension.
 * The only module tree that imports the AWS SDK; it never imports `vscode`.
 * Importing it has no side effects beyond loading the SDK modules.
 */
export * from './types';
export { LicenseManagerError, isLicenseManagerError } from './errors';
export { classifyError, redact } from './classify';
export { createClientFactory, NETWORK_DEFAULTS, type ClientFactoryOptions } from './clientFactory';
export { isRegionName } from './outcomes';
export { discoverProfiles, type DiscoverProfilesOptions } from './profiles';
export { newClientToken } from './facade';
export { pages, collectAll, type PageFetcher, type PagesOptions, type CollectOptions, type Collected } from './pager';
// Checkout code generation and the checkout pre-flight rules load with the AWS layer, on first use, not at activation.
export { CODE_LANGUAGES, codeLanguage, planCheckout, type CodeLanguage } from '../model/checkoutCode';
export { preflight } from '../model/checkoutPreflight';
