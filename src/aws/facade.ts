import { randomUUID } from 'node:crypto';
import {
  AcceptGrantCommand,
  CreateGrantCommand,
  CreateGrantVersionCommand,
  DeleteGrantCommand,
  GetGrantCommand,
  GetLicenseCommand,
  GetLicenseConfigurationCommand,
  GetLicenseUsageCommand,
  ListAssociationsForLicenseConfigurationCommand,
  ListDistributedGrantsCommand,
  ListLicenseConfigurationsCommand,
  ListLicensesCommand,
  ListLicenseVersionsCommand,
  ListReceivedGrantsCommand,
  ListReceivedLicensesCommand,
  ListTagsForResourceCommand,
  ListUsageForLicenseConfigurationCommand,
  RejectGrantCommand,
  type AllowedOperation,
  type GrantStatus,
  type LicenseManagerClient,
} from '@aws-sdk/client-license-manager';
import { classifyError, type ErrorContext } from './classify';
import type { LicenseManagerError } from './errors';
import { NETWORK_DEFAULTS, cancelledError, timeoutError, unexpectedAnswer } from './outcomes';
import type {
  CreateGrantInput,
  CallOptions,
  CredentialKind,
  CreateGrantVersionInput,
  DeleteGrantInput,
  EntitlementUsage,
  Grant,
  GrantedLicense,
  GrantMutationResult,
  License,
  LicenseConfiguration,
  LicenseConfigurationAssociation,
  LicenseConfigurationUsage,
  LicenseManagerApi,
  ListRequest,
  Page,
  PageRequest,
  Tag,
} from './types';

/** A fresh idempotency token for one user action; reuse it when that same action is retried. */
export function newClientToken(): string {
  return randomUUID();
}

/** What a facade needs from its factory: a (lazily created) client and where to log. */
export interface Connection {
  readonly profile: string;
  readonly region: string;
  /**
   * The SDK client for one call, created on first use; rejects with a
   * `LicenseManagerError` on bad configuration. The facade calls `release`
   * when the call has finished, so that a client is never destroyed mid-call.
   */
  acquire(): Promise<ConnectedClient & { release(): void }>;
  readonly log?: (line: string) => void;
  /** Deadline of one whole call (credentials, request, retries); default `NETWORK_DEFAULTS.callDeadlineMs`. */
  readonly callDeadlineMs?: number;
}

/** The SDK client of one (profile, region) and the context its errors are reported with. */
export interface ConnectedClient {
  readonly client: LicenseManagerClient;
  /** What fixes missing or expired credentials of the profile. */
  readonly credentialsFix: string;
  /** How the profile gets credentials. */
  readonly credentialKind: CredentialKind;
  /** Configured endpoint, when not the public AWS one. */
  readonly endpoint?: string;
}

type Metadata = { $metadata?: { requestId?: string; attempts?: number } };

/** Deep copy without `$metadata` and undefined members, so results read like the AWS CLI's JSON. */
function clean<T>(value: unknown): T {
  if (Array.isArray(value)) return value.map((v) => clean(v)) as T;
  if (value instanceof Date || value === null || typeof value !== 'object') return value as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === '$metadata' || v === undefined) continue;
    out[k] = clean(v);
  }
  return out as T;
}

function listInput(req: (ListRequest & { arns?: string[] }) | undefined) {
  return {
    ...(req?.filters ? { Filters: req.filters } : {}),
    ...(req?.maxResults !== undefined ? { MaxResults: req.maxResults } : {}),
    ...(req?.nextToken ? { NextToken: req.nextToken } : {}),
  };
}

function pageInput(req: PageRequest | undefined) {
  return {
    ...(req?.maxResults !== undefined ? { MaxResults: req.maxResults } : {}),
    ...(req?.nextToken ? { NextToken: req.nextToken } : {}),
  };
}

/** Checks of one answer; each throws kind `unexpectedAnswer` through `fail`. */
type Fail = (detail: string, code?: string) => never;

/**
 * A page, refused when it holds more items than `maxResults` asked for:
 * trimming would drop items that the next token skips.
 */
function page<T>(fail: Fail, items: unknown[] | undefined, nextToken: string | undefined, maxResults: number | undefined): Page<T> {
  const list = items ?? [];
  if (maxResults !== undefined && list.length > maxResults) {
    fail(`a page of ${list.length} items when at most ${maxResults} were asked for; nothing of it is shown.`, 'OversizedPage');
  }
  return { items: clean<T[]>(list), ...(nextToken ? { nextToken } : {}) };
}

/** The one resource asked for: present, and the same ARN. */
function same<T>(fail: Fail, item: T | undefined, arnOf: (x: T) => string | undefined, arn: string, what: string): T {
  if (!item) fail(`no ${what} in the answer.`, 'EmptyAnswer');
  const got = arnOf(item);
  if (got !== arn) fail(`the answer is about another ${what} (${JSON.stringify(got ?? '')}) than the one asked for.`, 'ArnMismatch');
  return clean<T>(item);
}

function mutation(fail: Fail, out: { GrantArn?: string; Status?: string; Version?: string }, grantArn?: string): GrantMutationResult {
  if (!out.GrantArn || !out.Status || !out.Version) fail('the answer does not say which grant changed, to what status and version.', 'EmptyAnswer');
  if (grantArn !== undefined && out.GrantArn !== grantArn) fail(`the answer is about another grant (${JSON.stringify(out.GrantArn)}).`, 'ArnMismatch');
  return { GrantArn: out.GrantArn, Status: out.Status, Version: out.Version };
}

type Call<O> = (client: LicenseManagerClient, abortSignal: AbortSignal, fail: Fail) => Promise<O>;

/**
 * `LicenseManagerApi` over the real SDK client of one (profile, region).
 * Each method makes exactly one SDK call (the SDK retries it per its standard
 * strategy), logs one line (operation, profile, region, outcome, request id)
 * and rejects only with a `LicenseManagerError`.
 *
 * Every call has a deadline covering credentials, the request and its retries
 * (`callDeadlineMs`), enforced by racing the call, so it rejects with kind
 * `timeout` even when the SDK or a credential provider never settles; the SDK
 * request is aborted at the same time. `opts.signal` aborts the request and
 * rejects with kind `cancelled`; an already aborted signal sends nothing.
 * Answers are checked: a page larger than asked for, a missing or other
 * resource than the one asked for, or a mutation answer that does not say what
 * changed reject with kind `unexpectedAnswer` (an empty body is refused by the
 * client factory's middleware).
 */
export class LicenseManagerFacade implements LicenseManagerApi {
  readonly profile: string;
  readonly region: string;

  constructor(private readonly connection: Connection) {
    this.profile = connection.profile;
    this.region = connection.region;
  }

  private async run<O extends Metadata>(operation: string, opts: CallOptions | undefined, call: Call<O>): Promise<O> {
    let ctx: ErrorContext = { operation, profile: this.profile, region: this.region };
    const where = `${operation} profile=${this.profile} region=${this.region}`;
    const deadlineMs = this.connection.callDeadlineMs ?? NETWORK_DEFAULTS.callDeadlineMs;
    const abort = new AbortController();
    let stopped: LicenseManagerError | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let onCancel: (() => void) | undefined;
    const stop = new Promise<never>((_, reject) => {
      const end = (err: LicenseManagerError) => {
        if (stopped) return;
        stopped = err;
        abort.abort(err);
        reject(err);
      };
      onCancel = () => end(cancelledError(ctx));
      timer = setTimeout(() => end(timeoutError('call', ctx, deadlineMs)), deadlineMs);
    });
    stop.catch(() => undefined);
    const fail: Fail = (detail, code) => {
      throw unexpectedAnswer(ctx, detail, code);
    };
    try {
      if (opts?.signal?.aborted) throw cancelledError(ctx);
      opts?.signal?.addEventListener('abort', onCancel!, { once: true });
      const work = (async () => {
        const connected = await this.connection.acquire();
        try {
          if (stopped) throw stopped;
          ctx = { ...ctx, credentialsFix: connected.credentialsFix, credentialKind: connected.credentialKind, endpoint: connected.endpoint };
          return await call(connected.client, abort.signal, fail);
        } finally {
          connected.release();
        }
      })();
      work.catch(() => undefined);
      const out = await Promise.race([work, stop]);
      const meta = out.$metadata;
      this.connection.log?.(`${where} ok requestId=${meta?.requestId ?? '-'} attempts=${meta?.attempts ?? 1}`);
      return out;
    } catch (e) {
      const err = stopped ?? classifyError(e, ctx);
      const details = err.details as { code: string; requestId?: string };
      this.connection.log?.(`${where} failed kind=${err.kind} code=${details.code} requestId=${details.requestId ?? '-'}`);
      throw err;
    } finally {
      clearTimeout(timer);
      opts?.signal?.removeEventListener('abort', onCancel!);
    }
  }

  async listLicenseConfigurations(req?: ListRequest & { arns?: string[] }, opts?: CallOptions): Promise<Page<LicenseConfiguration>> {
    const input = { ...listInput(req), ...(req?.arns ? { LicenseConfigurationArns: req.arns } : {}) };
    return this.run('ListLicenseConfigurations', opts, async (c, abortSignal, fail) => {
      const out = await c.send(new ListLicenseConfigurationsCommand(input), { abortSignal });
      return { ...out, page: page<LicenseConfiguration>(fail, out.LicenseConfigurations, out.NextToken, req?.maxResults) };
    }).then((r) => r.page);
  }

  async getLicenseConfiguration(arn: string, opts?: CallOptions): Promise<LicenseConfiguration> {
    return this.run('GetLicenseConfiguration', opts, async (c, abortSignal, fail) => {
      const out = await c.send(new GetLicenseConfigurationCommand({ LicenseConfigurationArn: arn }), { abortSignal });
      return out;
    }).then((out) => clean<LicenseConfiguration>(out));
  }

  async listUsageForLicenseConfiguration(arn: string, req?: ListRequest, opts?: CallOptions): Promise<Page<LicenseConfigurationUsage>> {
    const input = { LicenseConfigurationArn: arn, ...listInput(req) };
    return this.run('ListUsageForLicenseConfiguration', opts, async (c, abortSignal, fail) => {
      const out = await c.send(new ListUsageForLicenseConfigurationCommand(input), { abortSignal });
      return { ...out, page: page<LicenseConfigurationUsage>(fail, out.LicenseConfigurationUsageList, out.NextToken, req?.maxResults) };
    }).then((r) => r.page);
  }

  async listAssociationsForLicenseConfiguration(arn: string, req?: PageRequest, opts?: CallOptions): Promise<Page<LicenseConfigurationAssociation>> {
    const input = { LicenseConfigurationArn: arn, ...pageInput(req) };
    return this.run('ListAssociationsForLicenseConfiguration', opts, async (c, abortSignal, fail) => {
      const out = await c.send(new ListAssociationsForLicenseConfigurationCommand(input), { abortSignal });
      return { ...out, page: page<LicenseConfigurationAssociation>(fail, out.LicenseConfigurationAssociations, out.NextToken, req?.maxResults) };
    }).then((r) => r.page);
  }

  async listLicenses(req?: ListRequest & { arns?: string[] }, opts?: CallOptions): Promise<Page<License>> {
    const input = { ...listInput(req), ...(req?.arns ? { LicenseArns: req.arns } : {}) };
    return this.run('ListLicenses', opts, async (c, abortSignal, fail) => {
      const out = await c.send(new ListLicensesCommand(input), { abortSignal });
      return { ...out, page: page<License>(fail, out.Licenses, out.NextToken, req?.maxResults) };
    }).then((r) => r.page);
  }

  async getLicense(arn: string, version?: string, opts?: CallOptions): Promise<License> {
    const input = { LicenseArn: arn, ...(version ? { Version: version } : {}) };
    return this.run('GetLicense', opts, async (c, abortSignal, fail) => {
      const out = await c.send(new GetLicenseCommand(input), { abortSignal });
      return { ...out, item: same(fail, out.License, (l) => l.LicenseArn, arn, 'license') as License };
    }).then((r) => r.item);
  }

  async listLicenseVersions(arn: string, req?: PageRequest, opts?: CallOptions): Promise<Page<License>> {
    const input = { LicenseArn: arn, ...pageInput(req) };
    return this.run('ListLicenseVersions', opts, async (c, abortSignal, fail) => {
      const out = await c.send(new ListLicenseVersionsCommand(input), { abortSignal });
      return { ...out, page: page<License>(fail, out.Licenses, out.NextToken, req?.maxResults) };
    }).then((r) => r.page);
  }

  async getLicenseUsage(arn: string, opts?: CallOptions): Promise<EntitlementUsage[]> {
    return this.run('GetLicenseUsage', opts, async (c, abortSignal, fail) => {
      const out = await c.send(new GetLicenseUsageCommand({ LicenseArn: arn }), { abortSignal });
      return out;
    }).then((out) => clean<EntitlementUsage[]>(out.LicenseUsage?.EntitlementUsages ?? []));
  }

  async listReceivedLicenses(req?: ListRequest & { arns?: string[] }, opts?: CallOptions): Promise<Page<GrantedLicense>> {
    const input = { ...listInput(req), ...(req?.arns ? { LicenseArns: req.arns } : {}) };
    return this.run('ListReceivedLicenses', opts, async (c, abortSignal, fail) => {
      const out = await c.send(new ListReceivedLicensesCommand(input), { abortSignal });
      return { ...out, page: page<GrantedLicense>(fail, out.Licenses, out.NextToken, req?.maxResults) };
    }).then((r) => r.page);
  }

  async listDistributedGrants(req?: ListRequest & { arns?: string[] }, opts?: CallOptions): Promise<Page<Grant>> {
    const input = { ...listInput(req), ...(req?.arns ? { GrantArns: req.arns } : {}) };
    return this.run('ListDistributedGrants', opts, async (c, abortSignal, fail) => {
      const out = await c.send(new ListDistributedGrantsCommand(input), { abortSignal });
      return { ...out, page: page<Grant>(fail, out.Grants, out.NextToken, req?.maxResults) };
    }).then((r) => r.page);
  }

  async listReceivedGrants(req?: ListRequest & { arns?: string[] }, opts?: CallOptions): Promise<Page<Grant>> {
    const input = { ...listInput(req), ...(req?.arns ? { GrantArns: req.arns } : {}) };
    return this.run('ListReceivedGrants', opts, async (c, abortSignal, fail) => {
      const out = await c.send(new ListReceivedGrantsCommand(input), { abortSignal });
      return { ...out, page: page<Grant>(fail, out.Grants, out.NextToken, req?.maxResults) };
    }).then((r) => r.page);
  }

  async getGrant(arn: string, version?: string, opts?: CallOptions): Promise<Grant> {
    const input = { GrantArn: arn, ...(version ? { Version: version } : {}) };
    return this.run('GetGrant', opts, async (c, abortSignal, fail) => {
      const out = await c.send(new GetGrantCommand(input), { abortSignal });
      return { ...out, item: same(fail, out.Grant, (g) => g.GrantArn, arn, 'grant') as Grant };
    }).then((r) => r.item);
  }

  async createGrant(input: CreateGrantInput, opts?: CallOptions): Promise<GrantMutationResult> {
    const command = new CreateGrantCommand({
      ClientToken: input.clientToken,
      GrantName: input.grantName,
      LicenseArn: input.licenseArn,
      Principals: [input.principal],
      HomeRegion: input.homeRegion,
      AllowedOperations: input.allowedOperations as AllowedOperation[],
    });
    return this.run('CreateGrant', opts, async (c, abortSignal, fail) => {
      const out = await c.send(command, { abortSignal });
      return { ...out, result: mutation(fail, out) };
    }).then((r) => r.result);
  }

  async acceptGrant(grantArn: string, opts?: CallOptions): Promise<GrantMutationResult> {
    return this.run('AcceptGrant', opts, async (c, abortSignal, fail) => {
      const out = await c.send(new AcceptGrantCommand({ GrantArn: grantArn }), { abortSignal });
      return { ...out, result: mutation(fail, out, grantArn) };
    }).then((r) => r.result);
  }

  async rejectGrant(grantArn: string, opts?: CallOptions): Promise<GrantMutationResult> {
    return this.run('RejectGrant', opts, async (c, abortSignal, fail) => {
      const out = await c.send(new RejectGrantCommand({ GrantArn: grantArn }), { abortSignal });
      return { ...out, result: mutation(fail, out, grantArn) };
    }).then((r) => r.result);
  }

  async createGrantVersion(input: CreateGrantVersionInput, opts?: CallOptions): Promise<GrantMutationResult> {
    const command = new CreateGrantVersionCommand({
      ClientToken: input.clientToken,
      GrantArn: input.grantArn,
      ...(input.grantName !== undefined ? { GrantName: input.grantName } : {}),
      ...(input.allowedOperations ? { AllowedOperations: input.allowedOperations as AllowedOperation[] } : {}),
      ...(input.status !== undefined ? { Status: input.status as GrantStatus } : {}),
      ...(input.statusReason !== undefined ? { StatusReason: input.statusReason } : {}),
      ...(input.sourceVersion !== undefined ? { SourceVersion: input.sourceVersion } : {}),
    });
    return this.run('CreateGrantVersion', opts, async (c, abortSignal, fail) => {
      const out = await c.send(command, { abortSignal });
      return { ...out, result: mutation(fail, out, input.grantArn) };
    }).then((r) => r.result);
  }

  async deleteGrant(input: DeleteGrantInput, opts?: CallOptions): Promise<GrantMutationResult> {
    const command = new DeleteGrantCommand({
      GrantArn: input.grantArn,
      Version: input.version,
      ...(input.statusReason !== undefined ? { StatusReason: input.statusReason } : {}),
    });
    return this.run('DeleteGrant', opts, async (c, abortSignal, fail) => {
      const out = await c.send(command, { abortSignal });
      return { ...out, result: mutation(fail, out, input.grantArn) };
    }).then((r) => r.result);
  }

  async listTagsForResource(arn: string, opts?: CallOptions): Promise<Tag[]> {
    return this.run('ListTagsForResource', opts, async (c, abortSignal, fail) => {
      const out = await c.send(new ListTagsForResourceCommand({ ResourceArn: arn }), { abortSignal });
      return out;
    }).then((out) => clean<Tag[]>(out.Tags ?? []));
  }
}
