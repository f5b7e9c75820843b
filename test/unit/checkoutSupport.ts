/** What the checkout tests share: the checkout seed and its issuers' fingerprints. */
import { join } from 'node:path';

export const CHECKOUT_SEED = join(__dirname, '..', '..', '..', 'test', 'emulator', 'seeds', 'checkout.json');
export const NORTHWIND_FP = 'aws:111122223333:Northwind Software:issuer-fingerprint';
export const MARKETPLACE_FP = 'aws:294406891311:AWS/Marketplace:issuer-fingerprint';

/** Text that breaks out of a naive literal in at least one of the languages. */
export const HOSTILE_STRINGS = [
  'plain',
  '',
  'it\'s "quoted" \\ back\\slash',
  'line\nbreak\r\nand\ttab',
  '"; process.exit(7); //',
  "'; import os; os._exit(7) #",
  '"); System.exit(7); //',
  '\\u0022); System.exit(7); //\\u000a',
  '*/ process.exit(7) /*',
  '${process.exit(7)} `backtick`',
  '$(exit 7) `exit 7` $HOME',
  "'$'\\x27 ; exit 7",
  '""" triple \'\'\'',
  '\u202Eexe.txt\u202C zero\u200Bwidth\uFEFF',
  'line\u2028separator\u2029paragraph',
  'bell\u0007 del\u007f esc\u001b[31m',
  'caf\u00e9 \u4e2d\u6587 \ud83d\ude00 astral',
  '<img src=x onerror="alert(1)">',
  '%s %d {0} %n',
];
