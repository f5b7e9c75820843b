/** Java (AWS SDK for Java v2) checkout code. */
import { iamPolicyLines, isPlainAscii, type CheckoutPlan } from './plan';

const JAVA_SIMPLE: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/**
 * A Java string literal of `s`: ASCII only. Control characters use octal escapes, because Java turns
 * `\uXXXX` into the character before it reads the literal (a `\u000a` would end the line); other
 * characters outside ASCII use `\uXXXX`, which can never make a quote, a backslash or a line end.
 */
export function javaString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const c = s.charCodeAt(i);
    if (JAVA_SIMPLE[ch]) out += JAVA_SIMPLE[ch];
    else if (isPlainAscii(c)) out += ch;
    else if (c < 0x80) out += `\\${c.toString(8).padStart(3, '0')}`;
    else out += `\\u${c.toString(16).padStart(4, '0')}`;
  }
  return `${out}"`;
}

export function generateJava(plan: CheckoutPlan): string {
  const borrow = plan.mode === 'BORROW';
  const extend = plan.extendEveryMinutes !== undefined;
  const model = 'software.amazon.awssdk.services.licensemanager.model';
  const requestType = borrow ? 'CheckoutBorrowLicenseRequest' : 'CheckoutLicenseRequest';
  const responseType = borrow ? 'CheckoutBorrowLicenseResponse' : 'CheckoutLicenseResponse';
  const imports = [
    ...(plan.checkIn ? [`${model}.CheckInLicenseRequest`] : []),
    `${model}.${requestType}`,
    `${model}.${responseType}`,
    `${model}.EntitlementData`,
    `${model}.EntitlementNotAllowedException`,
    ...(extend ? [`${model}.ExtendLicenseConsumptionRequest`] : []),
    `${model}.NoEntitlementsAllowedException`,
  ];
  const request = borrow
    ? [`                    .licenseArn(${javaString(plan.licenseArn)})`, '                    .digitalSignatureMethod("JWT_PS384")']
    : [
        `                    .productSKU(${javaString(plan.productSku)})`,
        `                    .keyFingerprint(${javaString(plan.keyFingerprint)})`,
        `                    .checkoutType(${javaString(plan.mode)})`,
        ...(plan.beneficiary !== undefined ? [`                    .beneficiary(${javaString(plan.beneficiary)})`] : []),
      ];
  const entitlements = plan.entitlements.map(
    (e, i, all) =>
      `                        EntitlementData.builder().name(${javaString(e.name)}).unit(${javaString(e.unit)})${e.value !== undefined ? `.value(${javaString(e.value)})` : ''}.build()${i < all.length - 1 ? ',' : ''}`,
  );
  const beneficiary = plan.beneficiary !== undefined && !borrow ? `.beneficiary(${javaString(plan.beneficiary)})` : '';
  return [
    '/*',
    ' * Checks out a license from AWS License Manager, does the licensed work, and checks it in.',
    ...iamPolicyLines(plan).map((l) => ` * ${l}`),
    ' */',
    'import java.util.UUID;',
    ...(extend ? ['import java.util.concurrent.Executors;', 'import java.util.concurrent.ScheduledExecutorService;', 'import java.util.concurrent.TimeUnit;'] : []),
    'import software.amazon.awssdk.regions.Region;',
    'import software.amazon.awssdk.services.licensemanager.LicenseManagerClient;',
    ...imports.map((i) => `import ${i};`),
    '',
    'public class LicenseCheck {',
    `    static final String LICENSE_NAME = ${javaString(plan.licenseName)};`,
    `    static final String REGION = ${javaString(plan.region)};`,
    ...(extend ? [`    static final long EXTEND_EVERY_MINUTES = ${plan.extendEveryMinutes};`] : []),
    '',
    '    /** Your licensed work: the license stays checked out while it runs. */',
    '    static void work() {}',
    '',
    '    public static void main(String[] args) {',
    '        int status = 0;',
    '        String consumptionToken = null;',
    ...(extend ? ['        ScheduledExecutorService extender = Executors.newSingleThreadScheduledExecutor();'] : []),
    '        LicenseManagerClient client = LicenseManagerClient.builder().region(Region.of(REGION)).build();',
    '        try {',
    `            ${responseType} out = client.${borrow ? 'checkoutBorrowLicense' : 'checkoutLicense'}(${requestType}.builder()`,
    ...request,
    '                    .entitlements(',
    ...entitlements,
    '                    )',
    '                    .clientToken(UUID.randomUUID().toString())',
    '                    .build());',
    '            consumptionToken = out.licenseConsumptionToken();',
    '            System.out.println("Checked out " + LICENSE_NAME + " until " + out.expiration());',
    ...(extend
      ? [
          '            final String token = consumptionToken;',
          '            extender.scheduleAtFixedRate(',
          '                    () -> client.extendLicenseConsumption(ExtendLicenseConsumptionRequest.builder().licenseConsumptionToken(token).build()),',
          '                    EXTEND_EVERY_MINUTES, EXTEND_EVERY_MINUTES, TimeUnit.MINUTES);',
        ]
      : []),
    '            work();',
    '        } catch (NoEntitlementsAllowedException e) {',
    '            System.err.println("No entitlements allowed for " + LICENSE_NAME + ": " + e.getMessage());',
    '            status = 2;',
    '        } catch (EntitlementNotAllowedException e) {',
    '            System.err.println("Entitlement not allowed for " + LICENSE_NAME + ": " + e.getMessage());',
    '            status = 3;',
    '        } finally {',
    ...(extend ? ['            extender.shutdownNow();'] : []),
    ...(plan.checkIn
      ? [
          '            if (consumptionToken != null) {',
          `                client.checkInLicense(CheckInLicenseRequest.builder().licenseConsumptionToken(consumptionToken)${beneficiary}.build());`,
          '            }',
        ]
      : ['            // This license does not allow check-in: its units come back when the checkout expires (or never, for PERPETUAL).']),
    '            client.close();',
    '        }',
    '        System.exit(status);',
    '    }',
    '}',
    '',
  ].join('\n');
}
