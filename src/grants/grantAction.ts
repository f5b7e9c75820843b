import { randomUUID } from 'node:crypto';
import { t } from '../ui/window';
import type { GrantMutationResult } from '../aws/types';
import { awsCliArgs } from '../model/cliCommand';
import { grantActionRecord, promptSteps, type GrantAction, type GrantActionSubject } from '../model/grantActions';
import type { GrantDeps } from './deps';
import { askStatusReason, confirm } from './prompts';
import { resolveGrant, runOnGrant } from './resolve';
import { grantLabel } from './targets';

/**
 * Runs a grant action that is one request (every one but New Grant Version) as its record says:
 * the grant from the argument or a pick, its prompts in `PROMPT_ORDER`, then the request.
 */
export async function runGrantActionFlow(ctx: GrantDeps, arg: unknown, action: GrantAction): Promise<GrantMutationResult | undefined> {
  const record = grantActionRecord(action);
  const flow = record.flow;
  if (!flow) throw new Error(`${action} has a flow of its own`);
  const title = record.title(t);
  const target = await resolveGrant(ctx, arg, action, title);
  const name = grantLabel(target.grant);
  const row = inboxRowOf(arg);
  const subject: GrantActionSubject = { name, grant: target.grant, profile: target.profile, region: target.region, row };
  let reason: string | undefined;
  for (const step of promptSteps(flow, row !== undefined)) {
    if (step === 'reason' && flow.reason) {
      reason = await askStatusReason(title, flow.reason(t, name));
    } else if (step === 'confirm' && flow.confirm) {
      const c = flow.confirm;
      const [operation, ...args] = c.cli?.(subject, reason, randomUUID()) ?? [];
      const cli = operation === undefined ? undefined : awsCliArgs(operation, args, target.profile, target.region);
      await confirm(c.message(t, subject), c.detail(t, subject), c.button(t), cli);
    }
  }
  const request = { grant: target.grant, reason };
  return runOnGrant(ctx, target, {
    operation: flow.operation,
    progress: flow.progress(t, name),
    status: flow.status,
    landed: flow.landed(t),
    request: flow.request?.(request),
    send: (api, clientToken, signal) => flow.send(api, request, clientToken, signal),
  });
}

/** The inbox entry a row of the Grants Inbox carries (only to decide whether to ask; the grant itself is resolved as usual). */
function inboxRowOf(arg: unknown): GrantActionSubject['row'] {
  const item = typeof arg === 'object' && arg !== null ? (arg as { item?: unknown }).item : undefined;
  if (typeof item !== 'object' || item === null) return undefined;
  const { counterpart, productName } = item as { counterpart?: unknown; productName?: unknown };
  if (typeof counterpart !== 'string') return undefined;
  return { counterpart, productName: typeof productName === 'string' ? productName : undefined };
}
