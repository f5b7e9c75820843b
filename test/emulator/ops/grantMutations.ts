/**
 * Grant lifecycle: CreateGrant, AcceptGrant, RejectGrant, CreateGrantVersion, DeleteGrant.
 * PENDING_ACCEPT --accept--> DISABLED <--CreateGrantVersion(Status)--> ACTIVE;
 * PENDING_ACCEPT|DISABLED|ACTIVE --reject--> REJECTED; any but DELETED --delete(Version)--> DELETED.
 */
import { accessDenied, invalidParameter, serialization, validation } from '../errors';
import { grantArn } from '../seed';
import { clone, omitUndefined, parsePrincipal } from '../state';
import type { GrantRecord, GrantWire } from '../state';
import type { Json, Tag } from '../types';
import { stableStringify } from '../paging';
import { ACTIVATION_OVERRIDE, ALLOWED_OPERATIONS, Checker, GRANT_STATUSES } from '../validate';
import type { OpContext, OperationDef } from './context';
import { visibleGrant } from './grants';
import { visibleLicense } from './licenses';

/** Replays the first answer for a repeated ClientToken with identical parameters. */
export function idempotent(ctx: OpContext, token: string, run: () => Json): Json {
  const key = `${ctx.account}|${ctx.operation}|${token}`;
  const { ClientToken: _t, ...params } = ctx.body;
  const fingerprint = stableStringify(params);
  const seen = ctx.state.idempotency.get(key);
  if (seen) {
    if (seen.fingerprint !== fingerprint) {
      throw validation(`The ClientToken ${token} was already used with different parameters for ${ctx.operation}.`);
    }
    return clone(seen.response);
  }
  const response = run();
  ctx.state.idempotency.set(key, { fingerprint, response: clone(response) });
  return response;
}

function result(g: GrantWire): Json {
  return { GrantArn: g.GrantArn, Status: g.GrantStatus, Version: g.Version };
}

/** Appends a new version made of the current one plus `change`; returns it. */
function bump(g: GrantRecord, change: (next: GrantWire) => void): GrantWire {
  const cur = g.versions[g.versions.length - 1];
  const next = clone(cur);
  change(next);
  next.Version = String(g.versions.length + 1);
  const clean = omitUndefined(next);
  g.versions.push(clean);
  return clean;
}

function requireGrantee(ctx: OpContext, g: GrantRecord, verb: string): void {
  if (g.grantorAccountId === ctx.account || !ctx.state.isGrantee(g, ctx.account)) {
    throw accessDenied(`Only the grantee of grant ${g.arn} can ${verb} it; account ${ctx.account} is not the grantee.`);
  }
}

/** AcceptGrant / RejectGrant: the grantee moves a grant from one of `from` to `to`; the old reason is cleared. */
function granteeTransition(ctx: OpContext, verb: string, from: readonly string[], to: string): Json {
  const ck = new Checker(ctx.body);
  const arn = ck.arn('GrantArn', true);
  ck.done();
  const g = visibleGrant(ctx, arn!);
  requireGrantee(ctx, g, verb);
  const cur = ctx.state.currentGrant(g);
  if (!from.includes(cur.GrantStatus)) {
    throw invalidParameter(`Grant ${g.arn} is ${cur.GrantStatus}; only a grant that is ${from.join(' or ')} can be ${verb}ed.`);
  }
  return result(
    bump(g, (n) => {
      n.GrantStatus = to;
      delete n.StatusReason;
    }),
  );
}

function requireGrantor(ctx: OpContext, g: GrantRecord, verb: string): void {
  if (g.grantorAccountId !== ctx.account) {
    throw accessDenied(`Only the grantor account ${g.grantorAccountId} can ${verb} grant ${g.arn}.`);
  }
}

/** Operations the caller may grant on a license: all for its owner, else those of its ACTIVE received grant. */
function grantableOperations(ctx: OpContext, licenseArn: string): { ops: string[]; parent?: GrantRecord } {
  const l = ctx.state.licenses.get(licenseArn)!;
  if (l.accountId === ctx.account) return { ops: ALLOWED_OPERATIONS };
  const parent = ctx.state.receivingGrant(licenseArn, ctx.account);
  const cur = parent && ctx.state.currentGrant(parent);
  if (!parent || !cur || cur.GrantStatus !== 'ACTIVE' || !cur.GrantedOperations.includes('CreateGrant')) {
    throw accessDenied(`Account ${ctx.account} cannot create grants for license ${licenseArn}: it needs an ACTIVE received grant that allows CreateGrant.`);
  }
  return { ops: cur.GrantedOperations, parent };
}

function checkSubset(requested: string[], allowed: string[]): void {
  const extra = requested.filter((o) => !allowed.includes(o));
  if (extra.length) throw invalidParameter(`AllowedOperations ${extra.join(', ')} exceed the operations allowed on the license (${allowed.join(', ')}).`);
}

function parseTags(body: Json): Tag[] {
  const raw = body.Tags;
  if (raw === undefined) return [];
  const ok = Array.isArray(raw) && raw.every((t) => t && typeof t === 'object' && ['Key', 'Value'].every((k) => (t as Json)[k] === undefined || typeof (t as Json)[k] === 'string'));
  if (!ok) throw serialization(`Unexpected value type for 'Tags': expected a list of Tag objects`);
  return clone(raw as Tag[]);
}

function staleVersion(g: GrantWire, given: string): Error {
  return invalidParameter(`The grant version ${given} is not the current version of grant ${g.GrantArn}; the current version is ${g.Version}.`);
}

export const grantMutationOps: Record<string, OperationDef> = {
  CreateGrant: {
    mutation: true,
    handler(ctx) {
      const ck = new Checker(ctx.body);
      const token = ck.clientToken();
      ck.str('GrantName', { required: true });
      const licenseArn = ck.arn('LicenseArn', true);
      const principals = ck.arnList('Principals', { required: true, min: 1, max: 1 });
      const homeRegion = ck.str('HomeRegion', { required: true });
      const ops = ck.strList('AllowedOperations', { required: true, min: 1, max: 8, each: { enum: ALLOWED_OPERATIONS } });
      ck.done();
      const tags = parseTags(ctx.body);
      return idempotent(ctx, token!, () => {
        const license = visibleLicense(ctx, licenseArn!);
        const principal = principals![0];
        const parsed = parsePrincipal(principal);
        if (!parsed) {
          throw invalidParameter(`Invalid principal ${principal}: use an account (arn:aws:iam::<account-id>:root), organization or organizational unit ARN.`);
        }
        const toAccount = parsed.kind === 'account';
        if (toAccount && parsed.accountId === ctx.account) throw invalidParameter(`A grant cannot be created for the calling account ${ctx.account}.`);
        const { ops: grantable, parent } = grantableOperations(ctx, license.arn);
        checkSubset(ops!, grantable);
        const status = ctx.state.currentLicense(license).Status;
        if (status !== undefined && status !== 'AVAILABLE') throw invalidParameter(`License ${license.arn} is ${String(status)}; grants need an AVAILABLE license.`);
        if (homeRegion !== license.homeRegion) {
          throw invalidParameter(`HomeRegion ${homeRegion} must be the home region of license ${license.arn} (${license.homeRegion}).`);
        }
        const arn = grantArn(ctx.account, `g-${ctx.newHex()}`);
        const wire: GrantWire = {
          GrantArn: arn,
          GrantName: ctx.body.GrantName as string,
          ParentArn: parent ? parent.arn : license.arn,
          LicenseArn: license.arn,
          GranteePrincipalArn: principal,
          HomeRegion: license.homeRegion,
          GrantStatus: toAccount ? 'PENDING_ACCEPT' : 'WORKFLOW_COMPLETED',
          Version: '1',
          GrantedOperations: [...ops!],
        };
        ctx.state.grants.set(arn, { arn, grantorAccountId: ctx.account, homeRegion: license.homeRegion, versions: [wire], tags });
        return result(wire);
      });
    },
  },
  AcceptGrant: {
    mutation: true,
    handler: (ctx) => granteeTransition(ctx, 'accept', ['PENDING_ACCEPT'], 'DISABLED'),
  },
  RejectGrant: {
    mutation: true,
    handler: (ctx) => granteeTransition(ctx, 'reject', ['PENDING_ACCEPT', 'DISABLED', 'ACTIVE'], 'REJECTED'),
  },
  CreateGrantVersion: {
    mutation: true,
    handler(ctx) {
      const ck = new Checker(ctx.body);
      const token = ck.clientToken();
      const arn = ck.arn('GrantArn', true);
      const name = ck.str('GrantName');
      const ops = ck.strList('AllowedOperations', { min: 1, max: 8, each: { enum: ALLOWED_OPERATIONS } });
      const status = ck.str('Status', { enum: GRANT_STATUSES });
      const reason = ck.statusReason();
      const source = ck.str('SourceVersion');
      const options = ck.obj('Options');
      ck.done();
      let override: string | undefined;
      if (options) {
        const sub = new Checker(options);
        override = sub.str('ActivationOverrideBehavior', { enum: ACTIVATION_OVERRIDE });
        sub.done();
      }
      return idempotent(ctx, token!, () => {
        const g = visibleGrant(ctx, arn!);
        const cur = ctx.state.currentGrant(g);
        if (cur.GrantStatus === 'DELETED' || cur.GrantStatus === 'PENDING_DELETE') throw invalidParameter(`Grant ${g.arn} is ${cur.GrantStatus}.`);
        if (source !== undefined && source !== cur.Version) throw staleVersion(cur, source);
        if ((name !== undefined || ops !== undefined) && g.grantorAccountId !== ctx.account) {
          throw accessDenied(`Only the grantor account ${g.grantorAccountId} can change the name or operations of grant ${g.arn}.`);
        }
        if (ops) checkSubset(ops, g.grantorAccountId === ctx.account ? grantableOperations(ctx, cur.LicenseArn).ops : cur.GrantedOperations);
        if (status !== undefined) {
          if (status !== 'ACTIVE' && status !== 'DISABLED') throw invalidParameter(`Status ${status} cannot be set with CreateGrantVersion; use ACTIVE or DISABLED.`);
          if (cur.GrantStatus !== 'ACTIVE' && cur.GrantStatus !== 'DISABLED') {
            throw invalidParameter(`Grant ${g.arn} is ${cur.GrantStatus}; only an accepted (ACTIVE or DISABLED) grant can be activated or deactivated.`);
          }
        }
        if (options && status !== 'ACTIVE') throw invalidParameter('Options can only be given together with Status ACTIVE.');
        const next = bump(g, (n) => {
          if (name !== undefined) n.GrantName = name;
          if (ops !== undefined) n.GrantedOperations = [...ops];
          if (status !== undefined) {
            n.GrantStatus = status;
            delete n.StatusReason;
          }
          if (reason !== undefined) n.StatusReason = reason;
          if (override !== undefined) n.Options = { ActivationOverrideBehavior: override };
        });
        return result(next);
      });
    },
  },
  DeleteGrant: {
    mutation: true,
    handler(ctx) {
      const ck = new Checker(ctx.body);
      const arn = ck.arn('GrantArn', true);
      const reason = ck.statusReason();
      const version = ck.str('Version', { required: true });
      ck.done();
      const g = visibleGrant(ctx, arn!);
      requireGrantor(ctx, g, 'delete');
      const cur = ctx.state.currentGrant(g);
      if (cur.GrantStatus === 'DELETED') throw invalidParameter(`Grant ${g.arn} is already DELETED.`);
      if (version !== cur.Version) throw staleVersion(cur, version!);
      return result(
        bump(g, (n) => {
          n.GrantStatus = 'DELETED';
          n.StatusReason = reason;
        }),
      );
    },
  },
};
