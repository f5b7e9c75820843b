/** AWS CLI (bash) checkout script. */
import { iamPolicyLines, isPlainAscii, utf8Hex, type CheckoutPlan } from './plan';

/**
 * A bash ANSI-C quoted word `$'…'` of `s`: ASCII only, every other character as its UTF-8 bytes
 * `\xHH`. A NUL cannot be passed in an argument, so it is refused.
 */
export function shString(s: string): string {
  let out = "$'";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c === 0) throw new Error('A NUL character cannot be passed to the AWS CLI.');
    if (ch === "'" || ch === '\\') out += `\\${ch}`;
    else if (isPlainAscii(c)) out += ch;
    else out += utf8Hex(ch);
  }
  return `${out}'`;
}

export function generateShell(plan: CheckoutPlan): string {
  const borrow = plan.mode === 'BORROW';
  const entitlements = JSON.stringify(plan.entitlements.map((e) => ({ Name: e.name, Unit: e.unit, ...(e.value !== undefined ? { Value: e.value } : {}) })));
  const checkout = borrow
    ? ['aws license-manager checkout-borrow-license --region "$REGION" \\', `    --license-arn ${shString(plan.licenseArn)} \\`, '    --digital-signature-method JWT_PS384 \\']
    : [
        'aws license-manager checkout-license --region "$REGION" \\',
        `    --product-sku ${shString(plan.productSku)} \\`,
        `    --key-fingerprint ${shString(plan.keyFingerprint)} \\`,
        `    --checkout-type ${shString(plan.mode)} \\`,
        ...(plan.beneficiary !== undefined ? [`    --beneficiary ${shString(plan.beneficiary)} \\`] : []),
      ];
  const beneficiary = plan.beneficiary !== undefined && !borrow ? ` --beneficiary ${shString(plan.beneficiary)}` : '';
  return [
    '#!/usr/bin/env bash',
    '# Checks out a license from AWS License Manager with the AWS CLI, does the licensed work, and checks it in.',
    ...iamPolicyLines(plan).map((l) => `# ${l}`),
    'set -euo pipefail',
    '',
    `REGION=${shString(plan.region)}`,
    'ERRORS=$(mktemp)',
    'if ! TOKEN=$(',
    ...checkout.map((l) => `  ${l}`),
    `    --entitlements ${shString(entitlements)} \\`,
    '    --client-token "checkout-$(date +%s)-$$-$RANDOM" \\',
    '    --query LicenseConsumptionToken --output text 2>"$ERRORS"); then',
    '  if grep -q NoEntitlementsAllowedException "$ERRORS"; then echo "No entitlements allowed: $(cat "$ERRORS")" >&2; rm -f "$ERRORS"; exit 2; fi',
    '  if grep -q EntitlementNotAllowedException "$ERRORS"; then echo "Entitlement not allowed: $(cat "$ERRORS")" >&2; rm -f "$ERRORS"; exit 3; fi',
    '  cat "$ERRORS" >&2; rm -f "$ERRORS"; exit 1',
    'fi',
    'rm -f "$ERRORS"',
    ...(plan.checkIn
      ? ['check_in() {', `  aws license-manager check-in-license --region "$REGION" --license-consumption-token "$TOKEN"${beneficiary}`, '}', 'trap check_in EXIT']
      : ['# This license does not allow check-in: its units come back when the checkout expires (or never, for PERPETUAL).']),
    'echo "Checked out; the consumption token is in \\$TOKEN"',
    '',
    '# Your licensed work here.',
    ...(plan.extendEveryMinutes !== undefined
      ? [`# A run longer than ${plan.extendEveryMinutes} minutes extends the checkout every ${plan.extendEveryMinutes} minutes:`, '#   aws license-manager extend-license-consumption --region "$REGION" --license-consumption-token "$TOKEN"']
      : []),
    '',
  ].join('\n');
}
