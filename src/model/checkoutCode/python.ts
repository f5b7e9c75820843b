/** Python (boto3) checkout code. */
import { iamPolicyLines, isPlainAscii, type CheckoutPlan } from './plan';

/** A Python string literal of `s`: single-quoted, ASCII only, every other character escaped. */
export function pyString(s: string): string {
  let out = "'";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === "'" || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (isPlainAscii(c)) out += ch;
    else if (c <= 0xff) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (c <= 0xffff) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += `\\U${c.toString(16).padStart(8, '0')}`;
  }
  return `${out}'`;
}

export function generatePython(plan: CheckoutPlan): string {
  const borrow = plan.mode === 'BORROW';
  const extend = plan.extendEveryMinutes !== undefined;
  const request = borrow
    ? [`            LicenseArn=${pyString(plan.licenseArn)},`, "            DigitalSignatureMethod='JWT_PS384',"]
    : [
        `            ProductSKU=${pyString(plan.productSku)},`,
        `            KeyFingerprint=${pyString(plan.keyFingerprint)},`,
        `            CheckoutType=${pyString(plan.mode)},`,
        ...(plan.beneficiary !== undefined ? [`            Beneficiary=${pyString(plan.beneficiary)},`] : []),
      ];
  const entitlements = plan.entitlements.map(
    (e) => `                {'Name': ${pyString(e.name)}, 'Unit': ${pyString(e.unit)}${e.value !== undefined ? `, 'Value': ${pyString(e.value)}` : ''}},`,
  );
  const beneficiary = plan.beneficiary !== undefined && !borrow ? `, Beneficiary=${pyString(plan.beneficiary)}` : '';
  return [
    '"""Checks out a license from AWS License Manager, does the licensed work, and checks it in."""',
    ...iamPolicyLines(plan).map((l) => `# ${l}`),
    'import sys',
    ...(extend ? ['import threading'] : []),
    'import uuid',
    '',
    'import boto3',
    '',
    `LICENSE_NAME = ${pyString(plan.licenseName)}`,
    `REGION = ${pyString(plan.region)}`,
    ...(extend ? [`EXTEND_EVERY_SECONDS = ${plan.extendEveryMinutes} * 60`] : []),
    '',
    "client = boto3.client('license-manager', region_name=REGION)",
    '',
    '',
    'def work():',
    '    """Your licensed work: the license stays checked out while it runs."""',
    '',
    '',
    'def main():',
    '    consumption_token = None',
    ...(extend ? ['    stop = threading.Event()'] : []),
    '    try:',
    `        out = client.${borrow ? 'checkout_borrow_license' : 'checkout_license'}(`,
    ...request,
    '            Entitlements=[',
    ...entitlements,
    '            ],',
    '            ClientToken=str(uuid.uuid4()),',
    '        )',
    "        consumption_token = out['LicenseConsumptionToken']",
    "        print('Checked out %s until %s' % (LICENSE_NAME, out.get('Expiration')))",
    ...(extend
      ? [
          '',
          '        def extend():',
          '            while not stop.wait(EXTEND_EVERY_SECONDS):',
          '                client.extend_license_consumption(LicenseConsumptionToken=consumption_token)',
          '',
          '        threading.Thread(target=extend, daemon=True).start()',
        ]
      : []),
    '        work()',
    '    except client.exceptions.NoEntitlementsAllowedException as e:',
    "        print('No entitlements allowed for %s: %s' % (LICENSE_NAME, e), file=sys.stderr)",
    '        return 2',
    '    except client.exceptions.EntitlementNotAllowedException as e:',
    "        print('Entitlement not allowed for %s: %s' % (LICENSE_NAME, e), file=sys.stderr)",
    '        return 3',
    '    finally:',
    ...(extend ? ['        stop.set()'] : []),
    ...(plan.checkIn
      ? ['        if consumption_token:', `            client.check_in_license(LicenseConsumptionToken=consumption_token${beneficiary})`]
      : ['        # This license does not allow check-in: its units come back when the checkout expires (or never, for PERPETUAL).', '        pass']),
    '    return 0',
    '',
    '',
    "if __name__ == '__main__':",
    '    sys.exit(main())',
    '',
  ].join('\n');
}
