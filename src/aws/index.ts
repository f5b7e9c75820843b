/**
 * Entry of the AWS bundle (dist/aws.js), loaded lazily by the extension.
 * The only module tree that imports the AWS SDK; it never imports `vscode`.
 */
export * from './types';
export { LicenseManagerError, isLicenseManagerError } from './errors';
import type { LicenseManagerClientFactory } from './types';

/** Options of `createClientFactory`. */
export interface ClientFactoryOptions {
  /** Debug lines (operation, profile, region, status); never credentials. */
  readonly log?: (line: string) => void;
}

/** Placeholder; replaced by the AWS layer implementation. */
export function createClientFactory(_options: ClientFactoryOptions = {}): LicenseManagerClientFactory {
  throw new Error('Not implemented yet');
}
