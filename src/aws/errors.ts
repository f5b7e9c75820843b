import type { AwsErrorKind } from './types';

/**
 * The only error the AWS layer throws. `message` is readable, names the
 * profile where that helps, and never contains secrets.
 * Check with `isLicenseManagerError`, not `instanceof`: the extension and the
 * lazily loaded AWS bundle each carry their own copy of this class.
 */
export class LicenseManagerError extends Error {
  override readonly name = 'LicenseManagerError';
  constructor(
    readonly kind: AwsErrorKind,
    message: string,
    readonly details: {
      /** AWS error code (e.g. `AccessDeniedException`) or a local one. */
      readonly code: string;
      readonly operation?: string;
      readonly profile?: string;
      readonly region?: string;
      /** What the user can do, e.g. `aws sso login --profile dev`. */
      readonly fix?: string;
      readonly requestId?: string;
      /** How many attempts the SDK made (its retries included), when it said. */
      readonly attempts?: number;
    },
  ) {
    super(message);
  }
}

/** True for a `LicenseManagerError` from either bundle. */
export function isLicenseManagerError(e: unknown): e is LicenseManagerError {
  return (
    typeof e === 'object' &&
    e !== null &&
    (e as { name?: unknown }).name === 'LicenseManagerError' &&
    typeof (e as { kind?: unknown }).kind === 'string'
  );
}

/** How deep `causeChain` follows `cause`: SDK errors wrap a socket error in one or two layers. */
const CAUSE_DEPTH = 5;

/** An error and the objects its `cause` chain leads to, outermost first, at most `CAUSE_DEPTH` of them. */
export function causeChain(e: unknown): object[] {
  const chain: object[] = [];
  for (let x: unknown = e; typeof x === 'object' && x !== null && chain.length < CAUSE_DEPTH; x = (x as { cause?: unknown }).cause) chain.push(x);
  return chain;
}
