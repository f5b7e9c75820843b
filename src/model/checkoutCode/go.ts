/** Go (AWS SDK for Go v2) checkout code. */
import { iamPolicyLines, isPlainAscii, utf8Hex, type CheckoutPlan } from './plan';

/** A Go interpreted string literal of `s`: ASCII only; every other character as its UTF-8 bytes `\xHH`. */
export function goString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (isPlainAscii(c)) out += ch;
    else out += utf8Hex(ch);
  }
  return `${out}"`;
}

export function generateGo(plan: CheckoutPlan): string {
  const borrow = plan.mode === 'BORROW';
  const extend = plan.extendEveryMinutes !== undefined;
  const request = borrow
    ? [`\t\tLicenseArn: aws.String(${goString(plan.licenseArn)}),`, '\t\tDigitalSignatureMethod: types.DigitalSignatureMethodJwtPs384,']
    : [
        `\t\tProductSKU: aws.String(${goString(plan.productSku)}),`,
        `\t\tKeyFingerprint: aws.String(${goString(plan.keyFingerprint)}),`,
        `\t\tCheckoutType: types.CheckoutType(${goString(plan.mode)}),`,
        ...(plan.beneficiary !== undefined ? [`\t\tBeneficiary: aws.String(${goString(plan.beneficiary)}),`] : []),
      ];
  const entitlements = plan.entitlements.map(
    (e) => `\t\t\t{Name: aws.String(${goString(e.name)}), Unit: types.EntitlementDataUnit(${goString(e.unit)})${e.value !== undefined ? `, Value: aws.String(${goString(e.value)})` : ''}},`,
  );
  const beneficiary = plan.beneficiary !== undefined && !borrow ? `, Beneficiary: aws.String(${goString(plan.beneficiary)})` : '';
  return [
    '// Checks out a license from AWS License Manager, does the licensed work, and checks it in.',
    '//',
    ...iamPolicyLines(plan).map((l) => `// ${l}`),
    'package main',
    '',
    'import (',
    '\t"context"',
    '\t"crypto/rand"',
    '\t"encoding/hex"',
    '\t"errors"',
    '\t"fmt"',
    '\t"log"',
    '\t"os"',
    ...(extend ? ['\t"time"'] : []),
    '',
    '\t"github.com/aws/aws-sdk-go-v2/aws"',
    '\t"github.com/aws/aws-sdk-go-v2/config"',
    '\t"github.com/aws/aws-sdk-go-v2/service/licensemanager"',
    '\t"github.com/aws/aws-sdk-go-v2/service/licensemanager/types"',
    ')',
    '',
    `const licenseName = ${goString(plan.licenseName)}`,
    `const region = ${goString(plan.region)}`,
    ...(extend ? [`const extendEvery = ${plan.extendEveryMinutes} * time.Minute`] : []),
    '',
    '// work is your licensed work: the license stays checked out while it runs.',
    'func work(ctx context.Context) error { return nil }',
    '',
    '// clientToken is a fresh idempotency token for one call.',
    'func clientToken() string {',
    '\tb := make([]byte, 16)',
    '\tif _, err := rand.Read(b); err != nil {',
    '\t\tlog.Fatal(err)',
    '\t}',
    '\treturn hex.EncodeToString(b)',
    '}',
    '',
    'func main() {',
    '\tos.Exit(run())',
    '}',
    '',
    'func run() int {',
    '\tctx, cancel := context.WithCancel(context.Background())',
    '\tdefer cancel()',
    '\tcfg, err := config.LoadDefaultConfig(ctx, config.WithRegion(region))',
    '\tif err != nil {',
    '\t\tlog.Print(err)',
    '\t\treturn 1',
    '\t}',
    '\tclient := licensemanager.NewFromConfig(cfg)',
    `\tout, err := client.${borrow ? 'CheckoutBorrowLicense' : 'CheckoutLicense'}(ctx, &licensemanager.${borrow ? 'CheckoutBorrowLicenseInput' : 'CheckoutLicenseInput'}{`,
    ...request,
    '\t\tEntitlements: []types.EntitlementData{',
    ...entitlements,
    '\t\t},',
    '\t\tClientToken: aws.String(clientToken()),',
    '\t})',
    '\tif err != nil {',
    '\t\tvar noEntitlements *types.NoEntitlementsAllowedException',
    '\t\tvar notAllowed *types.EntitlementNotAllowedException',
    '\t\tswitch {',
    '\t\tcase errors.As(err, &noEntitlements):',
    '\t\t\tfmt.Fprintf(os.Stderr, "No entitlements allowed for %s: %s\\n", licenseName, noEntitlements.ErrorMessage())',
    '\t\t\treturn 2',
    '\t\tcase errors.As(err, &notAllowed):',
    '\t\t\tfmt.Fprintf(os.Stderr, "Entitlement not allowed for %s: %s\\n", licenseName, notAllowed.ErrorMessage())',
    '\t\t\treturn 3',
    '\t\t}',
    '\t\tlog.Print(err)',
    '\t\treturn 1',
    '\t}',
    ...(plan.checkIn || extend ? ['\ttoken := out.LicenseConsumptionToken'] : []),
    ...(plan.checkIn
      ? [
          '\tdefer func() {',
          `\t\tif _, err := client.CheckInLicense(context.Background(), &licensemanager.CheckInLicenseInput{LicenseConsumptionToken: token${beneficiary}}); err != nil {`,
          '\t\t\tlog.Printf("Checking in %s failed: %v", licenseName, err)',
          '\t\t}',
          '\t}()',
        ]
      : ['\t// This license does not allow check-in: its units come back when the checkout expires (or never, for PERPETUAL).']),
    '\tfmt.Printf("Checked out %s until %s\\n", licenseName, aws.ToString(out.Expiration))',
    ...(extend
      ? [
          '\tgo func() {',
          '\t\tticker := time.NewTicker(extendEvery)',
          '\t\tdefer ticker.Stop()',
          '\t\tfor {',
          '\t\t\tselect {',
          '\t\t\tcase <-ctx.Done():',
          '\t\t\t\treturn',
          '\t\t\tcase <-ticker.C:',
          '\t\t\t\tif _, err := client.ExtendLicenseConsumption(ctx, &licensemanager.ExtendLicenseConsumptionInput{LicenseConsumptionToken: token}); err != nil {',
          '\t\t\t\t\tlog.Printf("Extending %s failed: %v", licenseName, err)',
          '\t\t\t\t}',
          '\t\t\t}',
          '\t\t}',
          '\t}()',
        ]
      : []),
    '\tif err := work(ctx); err != nil {',
    '\t\tlog.Print(err)',
    '\t\treturn 1',
    '\t}',
    '\treturn 0',
    '}',
    '',
  ].join('\n');
}
