import * as vscode from 'vscode';

/** Profiles AWS answered AccessDenied to a CreateGrant from, in this window. */
const deniedCreateGrant = new Set<string>();

/** Notes an AccessDenied answer to `operation` sent through `profile`. */
export function noteAccessDenied(profile: string, operation: string): void {
  if (operation === 'CreateGrant') deniedCreateGrant.add(profile);
}

/**
 * The profiles known not to create grants: those the setting
 * `licenseManager.grants.readOnlyProfiles` names, and those AWS refused a CreateGrant
 * to in this window. Nothing else is guessed: any other profile is offered.
 */
export function profilesThatMayNotCreateGrants(): ReadonlySet<string> {
  const listed = vscode.workspace.getConfiguration('licenseManager.grants').get<unknown>('readOnlyProfiles');
  const names = Array.isArray(listed) ? listed.filter((p): p is string => typeof p === 'string') : [];
  return new Set([...names, ...deniedCreateGrant]);
}
