import * as vscode from 'vscode';
import { notify, problemText } from '../grants/messages';
import { askMany, askPick, askStatusReason, askText, type StepInfo } from '../grants/prompts';
import { resolveGrant, runOnGrant } from '../grants/resolve';
import { grantLabel } from '../grants/targets';
import { amendableOperations, checkAllowedOperations, checkGrantName, sameOperations } from '../model/validation';
import { nextStatusesFor } from '../model/grantActions';
import type { CommandDefinition } from './register';

export const createGrantVersion: CommandDefinition = {
  id: 'licenseManager.grant.createVersion',
  async run(ctx, arg) {
    const title = vscode.l10n.t('New Grant Version');
    const target = await resolveGrant(ctx, arg, 'createVersion', title);
    const grant = target.grant;
    const name = grantLabel(grant);
    // Only the grantor may rename a grant or change its operations.
    const amend = target.direction === 'distributed';
    const total = amend ? 4 : 2;
    const step = (n: number): StepInfo => ({ step: n, total });

    const status = await askPick({
      title,
      step: step(1),
      placeHolder: vscode.l10n.t('Status of the new version of “{0}”', name),
      items: nextStatusesFor(grant.GrantStatus).map((s) => ({
        label: s,
        description: s === grant.GrantStatus ? vscode.l10n.t('current, keep') : undefined,
      })),
    });
    const reason = await askStatusReason(
      title,
      vscode.l10n.t('Status reason for the new version of “{0}”. Optional; both sides of the grant see it.', name),
      step(2),
    );
    let newName: string | undefined;
    let newOps: string[] | undefined;
    if (amend) {
      const typed = await askText({
        title,
        step: step(3),
        prompt: vscode.l10n.t('Grant name. Keep it as it is to leave the name unchanged.'),
        value: grant.GrantName,
        validate: (v) => problemText(checkGrantName(v), vscode.l10n.t('The grant name')),
      });
      if (typed !== grant.GrantName) newName = typed;
      const current = grant.GrantedOperations ?? [];
      const chosen = await askMany({
        title,
        step: step(4),
        placeHolder: vscode.l10n.t('Allowed operations (the current ones are selected)'),
        items: amendableOperations(current).map((op) => ({ label: op, picked: current.includes(op) })),
        check: (items) => checkAllowedOperations(items.map((i) => i.label)),
      });
      const ops = chosen.map((i) => i.label);
      if (!sameOperations(ops, current)) newOps = ops;
    }
    const newStatus = status.label !== grant.GrantStatus ? status.label : undefined;
    if (newStatus === undefined && reason === undefined && newName === undefined && newOps === undefined) {
      void notify.info(
        vscode.l10n.t('Nothing changed, so no new version of “{0}” was created.', name),
      );
      return undefined;
    }
    return runOnGrant(ctx, target, {
      name: newName ?? name,
      operation: 'CreateGrantVersion',
      progress: vscode.l10n.t('Creating a new version of grant “{0}”…', name),
      send: (api, clientToken) =>
        api.createGrantVersion({
          clientToken,
          grantArn: grant.GrantArn,
          status: newStatus,
          statusReason: reason,
          grantName: newName,
          allowedOperations: newOps,
          sourceVersion: grant.Version,
        }),
    });
  },
};
