/** TypeScript (AWS SDK for JavaScript v3) checkout code. */
import { iamPolicyLines, isPlainAscii, type CheckoutPlan } from './plan';

/** A TypeScript string literal of `s`: double-quoted, ASCII only, every other character escaped. */
export function tsString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i];
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (isPlainAscii(c)) out += ch;
    else out += `\\u${c.toString(16).padStart(4, '0')}`;
  }
  return `${out}"`;
}

function entitlementLines(plan: CheckoutPlan, indent: string): string[] {
  return plan.entitlements.map(
    (e) => `${indent}{ Name: ${tsString(e.name)}, Unit: ${tsString(e.unit)}${e.value !== undefined ? `, Value: ${tsString(e.value)}` : ''} },`,
  );
}

export function generateTypeScript(plan: CheckoutPlan): string {
  const borrow = plan.mode === 'BORROW';
  const checkoutCommand = borrow ? 'CheckoutBorrowLicenseCommand' : 'CheckoutLicenseCommand';
  const extend = plan.extendEveryMinutes !== undefined;
  const imports = [
    ...(plan.checkIn ? ['CheckInLicenseCommand'] : []),
    checkoutCommand,
    'EntitlementNotAllowedException',
    ...(extend ? ['ExtendLicenseConsumptionCommand'] : []),
    'LicenseManagerClient',
    'NoEntitlementsAllowedException',
  ];
  const request = borrow
    ? [`      LicenseArn: ${tsString(plan.licenseArn)},`, `      DigitalSignatureMethod: "JWT_PS384",`]
    : [
        `      ProductSKU: ${tsString(plan.productSku)},`,
        `      KeyFingerprint: ${tsString(plan.keyFingerprint)},`,
        `      CheckoutType: ${tsString(plan.mode)},`,
        ...(plan.beneficiary !== undefined ? [`      Beneficiary: ${tsString(plan.beneficiary)},`] : []),
      ];
  const beneficiary = plan.beneficiary !== undefined && !borrow ? `, Beneficiary: ${tsString(plan.beneficiary)}` : '';
  return [
    '/*',
    ' * Checks out a license from AWS License Manager, does the licensed work, and checks it in.',
    ...iamPolicyLines(plan).map((l) => ` * ${l}`),
    ' */',
    "import { randomUUID } from 'node:crypto';",
    'import {',
    ...imports.map((n) => `  ${n},`),
    "} from '@aws-sdk/client-license-manager';",
    '',
    `const LICENSE_NAME = ${tsString(plan.licenseName)};`,
    `const REGION = ${tsString(plan.region)};`,
    ...(extend ? [`const EXTEND_EVERY_MS = ${plan.extendEveryMinutes} * 60_000;`] : []),
    '',
    'const client = new LicenseManagerClient({ region: REGION });',
    '',
    '/** Your licensed work: the license stays checked out while it runs. */',
    'async function work(): Promise<void> {}',
    '',
    'async function main(): Promise<void> {',
    '  let consumptionToken: string | undefined;',
    ...(extend ? ['  let extender: ReturnType<typeof setInterval> | undefined;'] : []),
    '  try {',
    `    const out = await client.send(new ${checkoutCommand}({`,
    ...request,
    '      Entitlements: [',
    ...entitlementLines(plan, '        '),
    '      ],',
    '      ClientToken: randomUUID(),',
    '    }));',
    '    consumptionToken = out.LicenseConsumptionToken;',
    '    console.log(`Checked out ${LICENSE_NAME} until ${out.Expiration}`);',
    ...(extend
      ? [
          '    extender = setInterval(() => {',
          '      client',
          '        .send(new ExtendLicenseConsumptionCommand({ LicenseConsumptionToken: consumptionToken }))',
          '        .catch((e: unknown) => console.error(`Extending ${LICENSE_NAME} failed:`, e));',
          '    }, EXTEND_EVERY_MS);',
        ]
      : []),
    '    await work();',
    '  } catch (e) {',
    '    if (e instanceof NoEntitlementsAllowedException) {',
    '      console.error(`No entitlements allowed for ${LICENSE_NAME}: ${e.message}`);',
    '      process.exitCode = 2;',
    '      return;',
    '    }',
    '    if (e instanceof EntitlementNotAllowedException) {',
    '      console.error(`Entitlement not allowed for ${LICENSE_NAME}: ${e.message}`);',
    '      process.exitCode = 3;',
    '      return;',
    '    }',
    '    throw e;',
    '  } finally {',
    ...(extend ? ['    if (extender) clearInterval(extender);'] : []),
    ...(plan.checkIn
      ? ['    if (consumptionToken) {', `      await client.send(new CheckInLicenseCommand({ LicenseConsumptionToken: consumptionToken${beneficiary} }));`, '    }']
      : ['    // This license does not allow check-in: its units come back when the checkout expires (or never, for PERPETUAL).']),
    '  }',
    '}',
    '',
    'main().catch((e: unknown) => {',
    '  console.error(e);',
    '  process.exitCode = 1;',
    '});',
    '',
  ].join('\n');
}
