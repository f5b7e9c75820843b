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
import type {
  CreateGrantInput,
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

function page<T>(items: unknown[] | undefined, nextToken: string | undefined): Page<T> {
  return nextToken ? { items: clean<T[]>(items ?? []), nextToken } : { items: clean<T[]>(items ?? []) };
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

function mutation(out: { GrantArn?: string; Status?: string; Version?: string }): GrantMutationResult {
  return { GrantArn: out.GrantArn ?? '', Status: out.Status ?? '', Version: out.Version ?? '' };
}

/**
 * `LicenseManagerApi` over the real SDK client of one (profile, region).
 * Each method makes exactly one SDK call (the SDK retries it per its standard
 * strategy), logs one line (operation, profile, region, outcome, request id)
 * and rejects only with a `LicenseManagerError`.
 */
export class LicenseManagerFacade implements LicenseManagerApi {
  readonly profile: string;
  readonly region: string;

  constructor(private readonly connection: Connection) {
    this.profile = connection.profile;
    this.region = connection.region;
  }

  private async run<O extends Metadata>(operation: string, call: (client: LicenseManagerClient) => Promise<O>): Promise<O> {
    let ctx: ErrorContext = { operation, profile: this.profile, region: this.region };
    const where = `${operation} profile=${this.profile} region=${this.region}`;
    let release: (() => void) | undefined;
    try {
      const connected = await this.connection.acquire();
      release = connected.release;
      ctx = { ...ctx, credentialsFix: connected.credentialsFix, credentialKind: connected.credentialKind, endpoint: connected.endpoint };
      const out = await call(connected.client);
      const meta = out.$metadata;
      this.connection.log?.(`${where} ok requestId=${meta?.requestId ?? '-'} attempts=${meta?.attempts ?? 1}`);
      return out;
    } catch (e) {
      const err = classifyError(e, ctx);
      this.connection.log?.(`${where} failed kind=${err.kind} code=${err.details.code} requestId=${err.details.requestId ?? '-'}`);
      throw err;
    } finally {
      release?.();
    }
  }

  async listLicenseConfigurations(req?: ListRequest & { arns?: string[] }): Promise<Page<LicenseConfiguration>> {
    const input = { ...listInput(req), ...(req?.arns ? { LicenseConfigurationArns: req.arns } : {}) };
    const out = await this.run('ListLicenseConfigurations', (c) => c.send(new ListLicenseConfigurationsCommand(input)));
    return page(out.LicenseConfigurations, out.NextToken);
  }

  async getLicenseConfiguration(arn: string): Promise<LicenseConfiguration> {
    const out = await this.run('GetLicenseConfiguration', (c) =>
      c.send(new GetLicenseConfigurationCommand({ LicenseConfigurationArn: arn })),
    );
    return clean<LicenseConfiguration>(out);
  }

  async listUsageForLicenseConfiguration(arn: string, req?: ListRequest): Promise<Page<LicenseConfigurationUsage>> {
    const input = { LicenseConfigurationArn: arn, ...listInput(req) };
    const out = await this.run('ListUsageForLicenseConfiguration', (c) =>
      c.send(new ListUsageForLicenseConfigurationCommand(input)),
    );
    return page(out.LicenseConfigurationUsageList, out.NextToken);
  }

  async listAssociationsForLicenseConfiguration(arn: string, req?: PageRequest): Promise<Page<LicenseConfigurationAssociation>> {
    const input = { LicenseConfigurationArn: arn, ...pageInput(req) };
    const out = await this.run('ListAssociationsForLicenseConfiguration', (c) =>
      c.send(new ListAssociationsForLicenseConfigurationCommand(input)),
    );
    return page(out.LicenseConfigurationAssociations, out.NextToken);
  }

  async listLicenses(req?: ListRequest & { arns?: string[] }): Promise<Page<License>> {
    const input = { ...listInput(req), ...(req?.arns ? { LicenseArns: req.arns } : {}) };
    const out = await this.run('ListLicenses', (c) => c.send(new ListLicensesCommand(input)));
    return page(out.Licenses, out.NextToken);
  }

  async getLicense(arn: string, version?: string): Promise<License> {
    const input = { LicenseArn: arn, ...(version ? { Version: version } : {}) };
    const out = await this.run('GetLicense', (c) => c.send(new GetLicenseCommand(input)));
    return clean<License>(out.License ?? {});
  }

  async listLicenseVersions(arn: string, req?: PageRequest): Promise<Page<License>> {
    const input = { LicenseArn: arn, ...pageInput(req) };
    const out = await this.run('ListLicenseVersions', (c) => c.send(new ListLicenseVersionsCommand(input)));
    return page(out.Licenses, out.NextToken);
  }

  async getLicenseUsage(arn: string): Promise<EntitlementUsage[]> {
    const out = await this.run('GetLicenseUsage', (c) => c.send(new GetLicenseUsageCommand({ LicenseArn: arn })));
    return clean<EntitlementUsage[]>(out.LicenseUsage?.EntitlementUsages ?? []);
  }

  async listReceivedLicenses(req?: ListRequest & { arns?: string[] }): Promise<Page<GrantedLicense>> {
    const input = { ...listInput(req), ...(req?.arns ? { LicenseArns: req.arns } : {}) };
    const out = await this.run('ListReceivedLicenses', (c) => c.send(new ListReceivedLicensesCommand(input)));
    return page(out.Licenses, out.NextToken);
  }

  async listDistributedGrants(req?: ListRequest & { arns?: string[] }): Promise<Page<Grant>> {
    const input = { ...listInput(req), ...(req?.arns ? { GrantArns: req.arns } : {}) };
    const out = await this.run('ListDistributedGrants', (c) => c.send(new ListDistributedGrantsCommand(input)));
    return page(out.Grants, out.NextToken);
  }

  async listReceivedGrants(req?: ListRequest & { arns?: string[] }): Promise<Page<Grant>> {
    const input = { ...listInput(req), ...(req?.arns ? { GrantArns: req.arns } : {}) };
    const out = await this.run('ListReceivedGrants', (c) => c.send(new ListReceivedGrantsCommand(input)));
    return page(out.Grants, out.NextToken);
  }

  async getGrant(arn: string, version?: string): Promise<Grant> {
    const input = { GrantArn: arn, ...(version ? { Version: version } : {}) };
    const out = await this.run('GetGrant', (c) => c.send(new GetGrantCommand(input)));
    return clean<Grant>(out.Grant ?? {});
  }

  async createGrant(input: CreateGrantInput): Promise<GrantMutationResult> {
    const out = await this.run('CreateGrant', (c) =>
      c.send(
        new CreateGrantCommand({
          ClientToken: input.clientToken,
          GrantName: input.grantName,
          LicenseArn: input.licenseArn,
          Principals: [input.principal],
          HomeRegion: input.homeRegion,
          AllowedOperations: input.allowedOperations as AllowedOperation[],
        }),
      ),
    );
    return mutation(out);
  }

  async acceptGrant(grantArn: string): Promise<GrantMutationResult> {
    return mutation(await this.run('AcceptGrant', (c) => c.send(new AcceptGrantCommand({ GrantArn: grantArn }))));
  }

  async rejectGrant(grantArn: string): Promise<GrantMutationResult> {
    return mutation(await this.run('RejectGrant', (c) => c.send(new RejectGrantCommand({ GrantArn: grantArn }))));
  }

  async createGrantVersion(input: CreateGrantVersionInput): Promise<GrantMutationResult> {
    const out = await this.run('CreateGrantVersion', (c) =>
      c.send(
        new CreateGrantVersionCommand({
          ClientToken: input.clientToken,
          GrantArn: input.grantArn,
          ...(input.grantName !== undefined ? { GrantName: input.grantName } : {}),
          ...(input.allowedOperations ? { AllowedOperations: input.allowedOperations as AllowedOperation[] } : {}),
          ...(input.status !== undefined ? { Status: input.status as GrantStatus } : {}),
          ...(input.statusReason !== undefined ? { StatusReason: input.statusReason } : {}),
          ...(input.sourceVersion !== undefined ? { SourceVersion: input.sourceVersion } : {}),
        }),
      ),
    );
    return mutation(out);
  }

  async deleteGrant(input: DeleteGrantInput): Promise<GrantMutationResult> {
    const out = await this.run('DeleteGrant', (c) =>
      c.send(
        new DeleteGrantCommand({
          GrantArn: input.grantArn,
          Version: input.version,
          ...(input.statusReason !== undefined ? { StatusReason: input.statusReason } : {}),
        }),
      ),
    );
    return mutation(out);
  }

  async listTagsForResource(arn: string): Promise<Tag[]> {
    const out = await this.run('ListTagsForResource', (c) => c.send(new ListTagsForResourceCommand({ ResourceArn: arn })));
    return clean<Tag[]>(out.Tags ?? []);
  }
}
