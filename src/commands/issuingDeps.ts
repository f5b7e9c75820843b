/**
 * What the issuing flows (bundled apart as dist/issuing.js and loaded on first use) ask of the
 * activation bundle: everything that depends on the identity of its tree node classes.
 */
import type { TokenData } from '../aws/types';
import type { ResourceRef } from '../model/resources';

/** A token item the explorer holds. */
export interface HeldToken {
  readonly node: object;
  readonly resource: ResourceRef;
  readonly data: TokenData;
}

export interface IssuingDeps {
  /** The profile and region of an issued-licenses list the explorer holds, if `arg` is one. */
  licensesListOf(arg: unknown): { readonly profile: string; readonly region: string } | undefined;
  /** The license item above a Tokens list the explorer holds, if `arg` is one. */
  licenseOfTokenList(arg: unknown): unknown;
  /** True for an argument no view showed: the wrapper read it from AWS by its ARN (see `trust.ts`), so flows ask first. */
  readFromAws(arg: unknown): boolean;
  /** The token items the explorer holds. */
  heldTokens(): HeldToken[];
  /** Reloads the Tokens lists of a license that the explorer has loaded. */
  reloadTokenLists(licenseArn: string): Promise<void>;
  /** Reloads the issued-licenses list of (profile, region) and returns the license's item when it shows. */
  findLicense(profile: string, region: string, arn: string): Promise<object | undefined>;
}
