/** What the checkout tests share: the checkout seed and its issuers' fingerprints. */
import { join } from 'node:path';

export const CHECKOUT_SEED = join(__dirname, '..', '..', '..', 'test', 'emulator', 'seeds', 'checkout.json');
export const NORTHWIND_FP = 'aws:111122223333:Northwind Software:issuer-fingerprint';
export const MARKETPLACE_FP = 'aws:294406891311:AWS/Marketplace:issuer-fingerprint';
