import * as vscode from 'vscode';
import { randomUUID } from 'node:crypto';
import type { GrantMutationResult } from '../aws/types';
import { awsCliArgs } from '../model/cliCommand';
import type { GrantDeps } from './deps';
import { askStatusReason, confirm } from './prompts';
import { resolveGrant, runOnGrant } from './resolve';
import { grantLabel } from './targets';

/**
 * Activate or deactivate: a new grant version with the status, an optional
 * reason, and SourceVersion = the version loaded. Deactivating asks first.
 */
export async function changeGrantStatus(
  ctx: GrantDeps,
  arg: unknown,
  status: 'ACTIVE' | 'DISABLED',
): Promise<GrantMutationResult | undefined> {
  const activate = status === 'ACTIVE';
  const title = activate ? vscode.l10n.t('Activate Grant') : vscode.l10n.t('Deactivate Grant');
  const target = await resolveGrant(ctx, arg, activate ? 'activate' : 'deactivate', title);
  const name = grantLabel(target.grant);
  if (!activate) {
    await confirm(
      vscode.l10n.t('Deactivate the grant “{0}”?', name),
      vscode.l10n.t(
        'The license {0} cannot be used through this grant until it is activated again.',
        target.grant.LicenseArn,
      ),
      vscode.l10n.t('Deactivate'),
      // The optional status reason is asked next; the copied command carries a client token of its own.
      awsCliArgs(
        'create-grant-version',
        ['--grant-arn', target.grant.GrantArn, '--status', status, '--source-version', target.grant.Version, '--client-token', randomUUID()],
        target.profile,
        target.region,
      ),
    );
  }
  const reason = await askStatusReason(
    title,
    activate
      ? vscode.l10n.t('Why is “{0}” being activated? Optional; both sides of the grant see it.', name)
      : vscode.l10n.t('Why is “{0}” being deactivated? Optional; both sides of the grant see it.', name),
  );
  const request = { grantArn: target.grant.GrantArn, status, statusReason: reason, sourceVersion: target.grant.Version };
  return runOnGrant(ctx, target, {
    operation: 'CreateGrantVersion',
    progress: activate
      ? vscode.l10n.t('Activating grant “{0}”…', name)
      : vscode.l10n.t('Deactivating grant “{0}”…', name),
    status,
    landed: activate ? vscode.l10n.t('Activated') : vscode.l10n.t('Deactivated'),
    request,
    send: (api, clientToken, signal) => api.createGrantVersion({ ...request, clientToken }, { signal }),
  });
}
