import { GRANT_KINDS } from '../model/resources';
import * as vscode from 'vscode';
import { t, uiText, type UiPickItem } from '../ui/window';
import { notify, problemText } from '../grants/messages';
import { statusReasonInput } from '../grants/prompts';
import { resolveGrant, runOnGrant } from '../grants/resolve';
import { grantLabel } from '../grants/targets';
import {
  amendableOperations,
  checkAllowedOperations,
  checkGrantName,
  normalizeStatusReason,
  sameOperations,
} from '../model/validation';
import { nextStatusesFor } from '../model/grantActions';
import { inputSteps, runSteps } from '../grants/multiStepInput';
import type { CommandDefinition } from './register';
import type { Grant } from '../aws/types';

/** The answers of New Grant Version; `name` and `ops` only from the grantor's side. */
interface VersionAnswers {
  status: UiPickItem;
  reason: string;
  name?: string;
  ops?: UiPickItem[];
}

/** What the reason step says, empty included: it depends on whether the status changes. */
function reasonPrompt(grant: Grant, name: string, status: string | undefined): string {
  if (status !== undefined && status !== grant.GrantStatus) {
    return vscode.l10n.t('Status reason of the new {0} version of “{1}”; both sides of the grant see it. Empty sends no reason.', status, name);
  }
  return grant.StatusReason
    ? vscode.l10n.t('Status reason of “{0}”; both sides of the grant see it. Empty keeps the current reason: AWS cannot remove one.', name)
    : vscode.l10n.t('Status reason of “{0}”; both sides of the grant see it. Optional.', name);
}

export const createGrantVersion: CommandDefinition = {
  id: 'licenseManager.grant.createVersion',
  accepts: GRANT_KINDS,
  async run(ctx, arg) {
    const title = vscode.l10n.t('New Grant Version');
    const target = await resolveGrant(ctx, arg, 'createVersion', title);
    const grant = target.grant;
    const name = grantLabel(grant);
    // Only the grantor may rename a grant or change its operations.
    const amend = (): boolean => target.direction === 'distributed';
    const current = grant.GrantedOperations ?? [];
    const s = inputSteps<VersionAnswers>();
    const answers = await runSteps<VersionAnswers>(title, [
      s.pick('status', {
        placeholder: vscode.l10n.t('Status of the new version of “{0}”', name),
        items: nextStatusesFor(grant.GrantStatus).map((st) => ({
          label: uiText(st),
          description: st === grant.GrantStatus ? t('current, keep') : undefined,
        })),
      }),
      // The current reason is the starting text: what the box holds is the reason of the new version.
      s.text('reason', (a) => ({ ...statusReasonInput(reasonPrompt(grant, name, a.status?.label)), value: grant.StatusReason ?? '' })),
      s.text(
        'name',
        {
          prompt: vscode.l10n.t('Grant name. Keep it as it is to leave the name unchanged.'),
          value: grant.GrantName,
          validate: (v) => problemText(checkGrantName(v), vscode.l10n.t('The grant name')),
        },
        amend,
      ),
      s.many(
        'ops',
        {
          placeholder: vscode.l10n.t('Allowed operations (the current ones are selected)'),
          items: amendableOperations(current).map((op) => ({ label: uiText(op), picked: current.includes(op) })),
          check: (items) => problemText(checkAllowedOperations(items.map((i) => i.label)), ''),
        },
        amend,
      ),
    ]);
    const typed = normalizeStatusReason(answers.reason);
    const newName = answers.name !== undefined && answers.name !== grant.GrantName ? answers.name : undefined;
    const ops = answers.ops?.map((i) => i.label);
    const newOps = ops && !sameOperations(ops, current) ? ops : undefined;
    const status = answers.status;
    const newStatus = status.label !== grant.GrantStatus ? status.label : undefined;
    // With a new status the reason is sent as the box holds it; otherwise only when it was changed
    // (AWS takes no empty reason: emptied, the current one stays).
    const reason = newStatus !== undefined || typed !== grant.StatusReason ? typed : undefined;
    if (newStatus === undefined && reason === undefined && newName === undefined && newOps === undefined) {
      void notify.info(
        t('Nothing changed, so no new version of “{0}” was created.', name),
      );
      return undefined;
    }
    const request = {
      grantArn: grant.GrantArn,
      status: newStatus,
      statusReason: reason,
      grantName: newName,
      allowedOperations: newOps,
      sourceVersion: grant.Version,
    };
    return runOnGrant(ctx, target, {
      name: newName ?? name,
      operation: 'CreateGrantVersion',
      progress: vscode.l10n.t('Creating a new version of grant “{0}”…', name),
      status: newStatus ?? grant.GrantStatus,
      landed: vscode.l10n.t('New version created'),
      request,
      send: (api, clientToken, signal) => api.createGrantVersion({ ...request, clientToken }, { signal }),
    });
  },
};
