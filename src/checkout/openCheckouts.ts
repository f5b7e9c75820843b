/**
 * Checkouts that may still hold units: recorded in globalState before a checkout is sent and removed
 * once it is checked in (or known not to have happened). What is left at the next start is checked in.
 */
import type * as vscode from 'vscode';
import type { BorrowInput, CheckoutInput, CheckoutResult, LicenseManagerApi } from '../aws/types';
import { isLicenseManagerError } from '../aws/errors';

export const OPEN_CHECKOUTS_KEY = 'licenseManager.openCheckouts';

/** One checkout that may hold units. The consumption token is a secret: kept here only, never logged. */
export interface OpenCheckout {
  readonly id: string;
  readonly profile: string;
  readonly region: string;
  readonly licenseArn: string;
  /** The request as sent (with its ClientToken): replayed, never re-sent with a new token, to learn a lost answer. */
  readonly request: CheckoutRequest;
  readonly startedAt: number;
  consumptionToken?: string;
}

/** A checkout (by SKU and fingerprint) or a borrow (by ARN), as sent. */
export type CheckoutRequest = { readonly kind: 'checkout'; readonly input: CheckoutInput } | { readonly kind: 'borrow'; readonly input: BorrowInput };

/** Sends the request once. */
export function sendCheckout(api: LicenseManagerApi, request: CheckoutRequest, signal?: AbortSignal): Promise<CheckoutResult> {
  return request.kind === 'borrow' ? api.checkoutBorrowLicense(request.input, { signal }) : api.checkoutLicense(request.input, { signal });
}

/** The Beneficiary a check-in names (the issuer's own checkouts). */
export const beneficiaryOf = (request: CheckoutRequest): string | undefined => (request.kind === 'checkout' ? request.input.beneficiary : undefined);

export class OpenCheckouts {
  constructor(private readonly memento: vscode.Memento) {}

  list(): OpenCheckout[] {
    const raw = this.memento.get<unknown>(OPEN_CHECKOUTS_KEY);
    return Array.isArray(raw) ? (raw.filter((r) => typeof r === 'object' && r !== null && typeof (r as OpenCheckout).id === 'string') as OpenCheckout[]) : [];
  }

  async put(record: OpenCheckout): Promise<void> {
    await this.memento.update(OPEN_CHECKOUTS_KEY, [...this.list().filter((r) => r.id !== record.id), record]);
  }

  async remove(id: string): Promise<void> {
    await this.memento.update(OPEN_CHECKOUTS_KEY, this.list().filter((r) => r.id !== id));
  }
}

/** The consumption is gone already (checked in, expired, or never made): nothing is left to give back. */
export const alreadyGone = (e: unknown): boolean => isLicenseManagerError(e) && (e.details.code === 'ResourceNotFoundException' || e.details.code === 'ConflictException');

/** A failed call whose request may have been applied: the answer was lost, not a refusal. */
export const answerLost = (e: unknown): boolean =>
  isLicenseManagerError(e) && ['network', 'timeout', 'cancelled', 'unexpectedAnswer', 'service', 'proxy'].includes(e.kind);

/**
 * Gives back what a recorded checkout holds. Without a consumption token (the answer was lost) the
 * request is replayed with its own ClientToken, which AWS answers with the first checkout's token
 * instead of consuming again. Resolves when nothing is held any more.
 */
export async function checkInRecorded(api: LicenseManagerApi, record: OpenCheckout): Promise<void> {
  let token = record.consumptionToken;
  if (token === undefined) token = (await sendCheckout(api, record.request)).consumptionToken;
  try {
    await api.checkInLicense(token, beneficiaryOf(record.request));
  } catch (e) {
    if (!alreadyGone(e)) throw e;
  }
}

/** Replaces the consumption token (or a part of it) in a message by its shortened form. */
export function hideToken(message: string, token: string | undefined): string {
  return token ? message.split(token).join(shortToken(token)) : message;
}

/** The first 8 and last 4 characters of a token. */
export const shortToken = (token: string): string => (token.length <= 16 ? '…' : `${token.slice(0, 8)}…${token.slice(-4)}`);
