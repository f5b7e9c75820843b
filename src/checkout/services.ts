/** What the checkout commands share: the generated documents and the record of open checkouts. */
import type * as vscode from 'vscode';
import type { Services } from '../services';
import { CheckoutCodeDocuments } from './codeDocuments';
import { checkInLeftovers } from './leftovers';
import { OpenCheckouts } from './openCheckouts';

export interface CheckoutServices extends vscode.Disposable {
  readonly code: CheckoutCodeDocuments;
  readonly open: OpenCheckouts;
  /** Settles when the checkouts an earlier window left open have been checked in (or kept for the next start). */
  readonly leftovers: Promise<number>;
}

export function createCheckoutServices(services: Services): CheckoutServices {
  const code = new CheckoutCodeDocuments();
  const open = new OpenCheckouts(services.context.globalState);
  // Only a recorded checkout loads the AWS layer at start; none is the usual case.
  const leftovers = open.list().length > 0 ? checkInLeftovers(services, open) : Promise.resolve(0);
  return { code, open, leftovers, dispose: () => code.dispose() };
}
