/** Every operation the emulator serves, by name. */
import { checkoutOps } from './checkout';
import { configurationOps } from './configurations';
import type { OperationDef } from './context';
import { grantMutationOps } from './grantMutations';
import { grantReadOps } from './grants';
import { licenseIssuingOps } from './licenseIssuing';
import { licenseOps } from './licenses';
import { organizationOps } from './organization';
import { tokenOps } from './tokens';

export const OPERATIONS: Record<string, OperationDef> = {
  ...configurationOps,
  ...licenseOps,
  ...grantReadOps,
  ...grantMutationOps,
  ...licenseIssuingOps,
  ...tokenOps,
  ...checkoutOps,
  ...organizationOps,
};

export type { OpContext, OperationDef } from './context';
