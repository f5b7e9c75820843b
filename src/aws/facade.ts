import { randomUUID } from 'node:crypto';
import {
  AcceptGrantCommand,
  CreateGrantCommand,
  CreateGrantVersionCommand,
  CreateLicenseCommand,
  CreateLicenseVersionCommand,
  CreateTokenCommand,
  DeleteLicenseCommand,
  DeleteTokenCommand,
  type CreateLicenseCommandInput,
  type CreateLicenseVersionCommandInput,
  DeleteGrantCommand,
  CheckInLicenseCommand,
  CheckoutBorrowLicenseCommand,
  CheckoutLicenseCommand,
  GetGrantCommand,
  GetLicenseCommand,
  GetLicenseConfigurationCommand,
  GetLicenseUsageCommand,
  ListAssociationsForLicenseConfigurationCommand,
  ListDistributedGrantsCommand,
  ListLicenseConfigurationsCommand,
  ListLicenseConfigurationsForOrganizationCommand,
  ListLicensesCommand,
  ListLicenseVersionsCommand,
  ListReceivedGrantsCommand,
  ListReceivedGrantsForOrganizationCommand,
  ListReceivedLicensesCommand,
  ListReceivedLicensesForOrganizationCommand,
  ListTagsForResourceCommand,
  ListTokensCommand,
  ListUsageForLicenseConfigurationCommand,
  RejectGrantCommand,
  type AllowedOperation,
  type EntitlementDataUnit,
  type GrantStatus,
  type LicenseManagerClient,
  type ServiceInputTypes,
  type ServiceOutputTypes,
} from '@aws-sdk/client-license-manager';
import type { SmithyResolvedConfiguration } from '@smithy/core/client';
import type { Command, HttpHandlerOptions } from '@smithy/types';
import { clean, licenseMutation, mutation, page, same, type Fail } from './answers';
import { classifyError } from './classify';
import type { LicenseManagerError } from './errors';
import { NETWORK_DEFAULTS, cancelledError, timeoutError, unexpectedAnswer } from './outcomes';
import type {
  ErrorContext,
  BorrowInput,
  CheckoutInput,
  CheckoutResult,
  EntitlementData,
  CreateGrantInput,
  CallOptions,
  CreatedToken,
  CreateTokenInput,
  LicenseDeletion,
  LicenseMutationResult,
  LicenseRequestInput,
  TokenData,
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

/** An SDK command of this client whose answer is `O`: what `list` and `checked` send. */
type SdkCommand<I extends ServiceInputTypes, O extends SdkOutput> = Command<ServiceInputTypes, I, ServiceOutputTypes, O, SmithyResolvedConfiguration<HttpHandlerOptions>>;
type SdkOutput = ServiceOutputTypes & Metadata;

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

  /** One list call: the command's page of items, refused when there are more than `maxResults`. */
  private async list<T, I extends ServiceInputTypes, O extends SdkOutput & { NextToken?: string }>(
    operation: string,
    opts: CallOptions | undefined,
    maxResults: number | undefined,
    command: SdkCommand<I, O>,
    items: (out: O) => unknown[] | undefined,
  ): Promise<Page<T>> {
    const out = await this.run(operation, opts, async (c, abortSignal, fail) => {
      const answer = await c.send(command, { abortSignal });
      return { ...answer, page: page<T>(fail, items(answer), answer.NextToken, maxResults) };
    });
    return out.page;
  }

  /** One call of `command` whose answer is checked by `check` (which returns the result). */
  private async checked<I extends ServiceInputTypes, O extends SdkOutput, R>(
    operation: string,
    opts: CallOptions | undefined,
    command: SdkCommand<I, O>,
    check: (out: O, fail: Fail) => R,
  ): Promise<R> {
    const out = await this.run(operation, opts, async (c, abortSignal, fail) => {
      const answer = await c.send(command, { abortSignal });
      return { ...answer, result: check(answer, fail) };
    });
    return out.result;
  }

  listLicenseConfigurations(req?: ListRequest & { arns?: string[] }, opts?: CallOptions): Promise<Page<LicenseConfiguration>> {
    const input = { ...listInput(req), ...(req?.arns ? { LicenseConfigurationArns: req.arns } : {}) };
    return this.list('ListLicenseConfigurations', opts, req?.maxResults, new ListLicenseConfigurationsCommand(input), (o) => o.LicenseConfigurations);
  }

  getLicenseConfiguration(arn: string, opts?: CallOptions): Promise<LicenseConfiguration> {
    return this.checked('GetLicenseConfiguration', opts, new GetLicenseConfigurationCommand({ LicenseConfigurationArn: arn }), (o) => clean<LicenseConfiguration>(o));
  }

  listUsageForLicenseConfiguration(arn: string, req?: ListRequest, opts?: CallOptions): Promise<Page<LicenseConfigurationUsage>> {
    const input = { LicenseConfigurationArn: arn, ...listInput(req) };
    return this.list('ListUsageForLicenseConfiguration', opts, req?.maxResults, new ListUsageForLicenseConfigurationCommand(input), (o) => o.LicenseConfigurationUsageList);
  }

  listAssociationsForLicenseConfiguration(arn: string, req?: PageRequest, opts?: CallOptions): Promise<Page<LicenseConfigurationAssociation>> {
    const input = { LicenseConfigurationArn: arn, ...pageInput(req) };
    return this.list('ListAssociationsForLicenseConfiguration', opts, req?.maxResults, new ListAssociationsForLicenseConfigurationCommand(input), (o) => o.LicenseConfigurationAssociations);
  }

  listLicenses(req?: ListRequest & { arns?: string[] }, opts?: CallOptions): Promise<Page<License>> {
    const input = { ...listInput(req), ...(req?.arns ? { LicenseArns: req.arns } : {}) };
    return this.list('ListLicenses', opts, req?.maxResults, new ListLicensesCommand(input), (o) => o.Licenses);
  }

  getLicense(arn: string, version?: string, opts?: CallOptions): Promise<License> {
    const input = { LicenseArn: arn, ...(version ? { Version: version } : {}) };
    return this.checked('GetLicense', opts, new GetLicenseCommand(input), (o, fail) => same(fail, o.License, (l) => l.LicenseArn, arn, 'license') as License);
  }

  listLicenseVersions(arn: string, req?: PageRequest, opts?: CallOptions): Promise<Page<License>> {
    const input = { LicenseArn: arn, ...pageInput(req) };
    return this.list('ListLicenseVersions', opts, req?.maxResults, new ListLicenseVersionsCommand(input), (o) => o.Licenses);
  }

  getLicenseUsage(arn: string, opts?: CallOptions): Promise<EntitlementUsage[]> {
    return this.checked('GetLicenseUsage', opts, new GetLicenseUsageCommand({ LicenseArn: arn }), (o) => clean<EntitlementUsage[]>(o.LicenseUsage?.EntitlementUsages ?? []));
  }

  listReceivedLicenses(req?: ListRequest & { arns?: string[] }, opts?: CallOptions): Promise<Page<GrantedLicense>> {
    const input = { ...listInput(req), ...(req?.arns ? { LicenseArns: req.arns } : {}) };
    return this.list('ListReceivedLicenses', opts, req?.maxResults, new ListReceivedLicensesCommand(input), (o) => o.Licenses);
  }

  listDistributedGrants(req?: ListRequest & { arns?: string[] }, opts?: CallOptions): Promise<Page<Grant>> {
    const input = { ...listInput(req), ...(req?.arns ? { GrantArns: req.arns } : {}) };
    return this.list('ListDistributedGrants', opts, req?.maxResults, new ListDistributedGrantsCommand(input), (o) => o.Grants);
  }

  listReceivedGrants(req?: ListRequest & { arns?: string[] }, opts?: CallOptions): Promise<Page<Grant>> {
    const input = { ...listInput(req), ...(req?.arns ? { GrantArns: req.arns } : {}) };
    return this.list('ListReceivedGrants', opts, req?.maxResults, new ListReceivedGrantsCommand(input), (o) => o.Grants);
  }

  listReceivedLicensesForOrganization(req?: ListRequest, opts?: CallOptions): Promise<Page<GrantedLicense>> {
    const input = listInput(req);
    return this.list('ListReceivedLicensesForOrganization', opts, req?.maxResults, new ListReceivedLicensesForOrganizationCommand(input), (o) => o.Licenses);
  }

  listReceivedGrantsForOrganization(licenseArn: string, req?: ListRequest, opts?: CallOptions): Promise<Page<Grant>> {
    const input = { LicenseArn: licenseArn, ...listInput(req) };
    return this.list('ListReceivedGrantsForOrganization', opts, req?.maxResults, new ListReceivedGrantsForOrganizationCommand(input), (o) => o.Grants);
  }

  listLicenseConfigurationsForOrganization(req?: ListRequest & { arns?: string[] }, opts?: CallOptions): Promise<Page<LicenseConfiguration>> {
    const input = { ...listInput(req), ...(req?.arns ? { LicenseConfigurationArns: req.arns } : {}) };
    return this.list('ListLicenseConfigurationsForOrganization', opts, req?.maxResults, new ListLicenseConfigurationsForOrganizationCommand(input), (o) => o.LicenseConfigurations);
  }

  getGrant(arn: string, version?: string, opts?: CallOptions): Promise<Grant> {
    const input = { GrantArn: arn, ...(version ? { Version: version } : {}) };
    return this.checked('GetGrant', opts, new GetGrantCommand(input), (o, fail) => same(fail, o.Grant, (g) => g.GrantArn, arn, 'grant') as Grant);
  }

  createGrant(input: CreateGrantInput, opts?: CallOptions): Promise<GrantMutationResult> {
    const command = new CreateGrantCommand({
      ClientToken: input.clientToken,
      GrantName: input.grantName,
      LicenseArn: input.licenseArn,
      Principals: [input.principal],
      HomeRegion: input.homeRegion,
      AllowedOperations: input.allowedOperations as AllowedOperation[],
    });
    return this.checked('CreateGrant', opts, command, (o, fail) => mutation(fail, o));
  }

  acceptGrant(grantArn: string, opts?: CallOptions): Promise<GrantMutationResult> {
    return this.checked('AcceptGrant', opts, new AcceptGrantCommand({ GrantArn: grantArn }), (o, fail) => mutation(fail, o, grantArn));
  }

  rejectGrant(grantArn: string, opts?: CallOptions): Promise<GrantMutationResult> {
    return this.checked('RejectGrant', opts, new RejectGrantCommand({ GrantArn: grantArn }), (o, fail) => mutation(fail, o, grantArn));
  }

  createGrantVersion(input: CreateGrantVersionInput, opts?: CallOptions): Promise<GrantMutationResult> {
    const command = new CreateGrantVersionCommand({
      ClientToken: input.clientToken,
      GrantArn: input.grantArn,
      ...(input.grantName !== undefined ? { GrantName: input.grantName } : {}),
      ...(input.allowedOperations ? { AllowedOperations: input.allowedOperations as AllowedOperation[] } : {}),
      ...(input.status !== undefined ? { Status: input.status as GrantStatus } : {}),
      ...(input.statusReason !== undefined ? { StatusReason: input.statusReason } : {}),
      ...(input.sourceVersion !== undefined ? { SourceVersion: input.sourceVersion } : {}),
    });
    return this.checked('CreateGrantVersion', opts, command, (o, fail) => mutation(fail, o, input.grantArn));
  }

  deleteGrant(input: DeleteGrantInput, opts?: CallOptions): Promise<GrantMutationResult> {
    const command = new DeleteGrantCommand({
      GrantArn: input.grantArn,
      Version: input.version,
      ...(input.statusReason !== undefined ? { StatusReason: input.statusReason } : {}),
    });
    return this.checked('DeleteGrant', opts, command, (o, fail) => mutation(fail, o, input.grantArn));
  }

  createLicense(input: LicenseRequestInput, opts?: CallOptions): Promise<LicenseMutationResult> {
    const command = new CreateLicenseCommand({ ...(input.members as Omit<CreateLicenseCommandInput, 'ClientToken'>), ClientToken: input.clientToken });
    return this.checked('CreateLicense', opts, command, (o, fail) => licenseMutation(fail, o));
  }

  createLicenseVersion(input: LicenseRequestInput, opts?: CallOptions): Promise<LicenseMutationResult> {
    const members = input.members as Omit<CreateLicenseVersionCommandInput, 'ClientToken'>;
    const command = new CreateLicenseVersionCommand({ ...members, ClientToken: input.clientToken });
    return this.checked('CreateLicenseVersion', opts, command, (o, fail) => licenseMutation(fail, o, members.LicenseArn));
  }

  deleteLicense(licenseArn: string, sourceVersion: string, opts?: CallOptions): Promise<LicenseDeletion> {
    return this.checked('DeleteLicense', opts, new DeleteLicenseCommand({ LicenseArn: licenseArn, SourceVersion: sourceVersion }), (o, fail) => {
      const status = o.Status ?? fail('the answer does not say the license is being deleted.', 'EmptyAnswer');
      return { Status: status, ...(o.DeletionDate ? { DeletionDate: o.DeletionDate } : {}) };
    });
  }

  listTokens(licenseArn: string, req?: PageRequest, opts?: CallOptions): Promise<Page<TokenData>> {
    const input = { ...pageInput(req), Filters: [{ Name: 'LicenseArns', Values: [licenseArn] }] };
    return this.list('ListTokens', opts, req?.maxResults, new ListTokensCommand(input), (o) => o.Tokens);
  }

  createToken(input: CreateTokenInput, opts?: CallOptions): Promise<CreatedToken> {
    const command = new CreateTokenCommand({
      ClientToken: input.clientToken,
      LicenseArn: input.licenseArn,
      ...(input.roleArns?.length ? { RoleArns: input.roleArns } : {}),
      ...(input.expirationInDays !== undefined ? { ExpirationInDays: input.expirationInDays } : {}),
      ...(input.tokenProperties?.length ? { TokenProperties: input.tokenProperties } : {}),
    });
    return this.checked('CreateToken', opts, command, (o, fail) => {
      const id = o.TokenId || fail('the answer holds no token.', 'EmptyAnswer');
      const token = o.Token || fail('the answer holds no token.', 'EmptyAnswer');
      return { TokenId: id, Token: token, ...(o.TokenType ? { TokenType: o.TokenType } : {}) };
    });
  }

  async deleteToken(tokenId: string, opts?: CallOptions): Promise<void> {
    await this.checked('DeleteToken', opts, new DeleteTokenCommand({ TokenId: tokenId }), () => undefined);
  }

  listTagsForResource(arn: string, opts?: CallOptions): Promise<Tag[]> {
    return this.checked('ListTagsForResource', opts, new ListTagsForResourceCommand({ ResourceArn: arn }), (o) => clean<Tag[]>(o.Tags ?? []));
  }

  checkoutLicense(input: CheckoutInput, opts?: CallOptions): Promise<CheckoutResult> {
    const command = new CheckoutLicenseCommand({
      ProductSKU: input.productSku,
      KeyFingerprint: input.keyFingerprint,
      CheckoutType: input.checkoutType,
      Entitlements: sdkEntitlements(input.entitlements),
      ClientToken: input.clientToken,
      ...(input.beneficiary !== undefined ? { Beneficiary: input.beneficiary } : {}),
      ...(input.nodeId !== undefined ? { NodeId: input.nodeId } : {}),
    });
    return this.checked('CheckoutLicense', opts, command, checkoutResult);
  }

  checkoutBorrowLicense(input: BorrowInput, opts?: CallOptions): Promise<CheckoutResult> {
    const command = new CheckoutBorrowLicenseCommand({
      LicenseArn: input.licenseArn,
      Entitlements: sdkEntitlements(input.entitlements),
      DigitalSignatureMethod: 'JWT_PS384',
      ClientToken: input.clientToken,
      ...(input.nodeId !== undefined ? { NodeId: input.nodeId } : {}),
    });
    return this.checked('CheckoutBorrowLicense', opts, command, checkoutResult);
  }

  async checkInLicense(consumptionToken: string, beneficiary?: string, opts?: CallOptions): Promise<void> {
    const command = new CheckInLicenseCommand({ LicenseConsumptionToken: consumptionToken, ...(beneficiary !== undefined ? { Beneficiary: beneficiary } : {}) });
    await this.checked('CheckInLicense', opts, command, () => undefined);
  }
}

const sdkEntitlements = (list: EntitlementData[]) => list.map((e) => ({ Name: e.Name, Unit: e.Unit as EntitlementDataUnit, ...(e.Value !== undefined ? { Value: e.Value } : {}) }));

interface CheckoutAnswer {
  LicenseArn?: string;
  CheckoutType?: string;
  LicenseConsumptionToken?: string;
  EntitlementsAllowed?: { Name?: string; Unit?: string; Value?: string }[];
  SignedToken?: string;
  NodeId?: string;
  IssuedAt?: string;
  Expiration?: string;
}

/** A checkout answer without a consumption token cannot be checked in: refused as unexpected. */
function checkoutResult(o: CheckoutAnswer, fail: Fail): CheckoutResult {
  if (!o.LicenseConsumptionToken) fail('The checkout answer has no LicenseConsumptionToken.', 'NoConsumptionToken');
  return clean<CheckoutResult>({
    licenseArn: o.LicenseArn,
    checkoutType: o.CheckoutType,
    consumptionToken: o.LicenseConsumptionToken,
    entitlementsAllowed: (o.EntitlementsAllowed ?? []).map((e) => ({ Name: e.Name ?? '', Unit: e.Unit ?? '', ...(e.Value !== undefined ? { Value: e.Value } : {}) })),
    signedToken: o.SignedToken,
    nodeId: o.NodeId,
    issuedAt: o.IssuedAt,
    expiration: o.Expiration,
  });
}
