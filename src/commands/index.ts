import { refreshExplorer } from './refreshExplorer';
import { refreshNode } from './refreshNode';
import { filterExplorer } from './filterExplorer';
import { clearFilter } from './clearFilter';
import { loadMore } from './loadMore';
import { selectProfiles } from './selectProfiles';
import { selectRegions } from './selectRegions';
import { filterUsage } from './filterUsage';
import { copyArn } from './copyArn';
import { copyError } from './copyError';
import { copyRequestId } from './copyRequestId';
import { openDetails } from './openDetails';
import { openJson } from './openJson';
import { acceptGrant } from './acceptGrant';
import { rejectGrant } from './rejectGrant';
import { activateGrant } from './activateGrant';
import { deactivateGrant } from './deactivateGrant';
import { createGrantVersion } from './createGrantVersion';
import { deleteGrant } from './deleteGrant';
import { createGrant } from './createGrant';
import { exportList } from './exportList';
import { compareWithPrevious } from './compareWithPrevious';
import { compareVersions } from './compareVersions';
import { refreshInbox } from './refreshInbox';
import { signIn } from './signIn';
import { ISSUING_COMMANDS } from './issuing';
import { openArn } from './openArn';
import { copyLink } from './copyLink';
import { copyCli } from './copyCli';
import { openConsole } from './openConsole';
import { generateCheckoutCode } from './generateCheckoutCode';
import { tryCheckout } from './tryCheckout';
import { checkCheckoutCode } from './checkCheckoutCode';
import { registerCommand, type CommandContext, type CommandDefinition } from './register';

export const ALL_COMMANDS: readonly CommandDefinition[] = [
  refreshExplorer,
  refreshNode,
  filterExplorer,
  clearFilter,
  loadMore,
  selectProfiles,
  selectRegions,
  filterUsage,
  copyArn,
  copyError,
  copyRequestId,
  openDetails,
  openJson,
  acceptGrant,
  rejectGrant,
  activateGrant,
  deactivateGrant,
  createGrantVersion,
  deleteGrant,
  createGrant,
  exportList,
  compareWithPrevious,
  compareVersions,
  refreshInbox,
  signIn,
  ...ISSUING_COMMANDS,
  openArn,
  copyLink,
  copyCli,
  openConsole,
  generateCheckoutCode,
  tryCheckout,
  checkCheckoutCode,
];

export function registerCommands(ctx: CommandContext): void {
  for (const def of ALL_COMMANDS) registerCommand(ctx, def);
}
