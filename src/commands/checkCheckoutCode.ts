import * as vscode from 'vscode';
import { entitlementsInCode } from '../checkout/codeDocuments';
import { readLicense, withAwsProgress } from '../checkout/license';
import { runPreflight } from '../checkout/preflightRun';
import { notify, t, tLines } from '../ui/window';
import type { CommandDefinition } from './register';

/**
 * The "Check" of a generated checkout document: runs the pre-flight for the entitlements and values
 * written in the code, against the license read again from AWS. Answers the findings.
 */
export const checkCheckoutCode: CommandDefinition = {
  id: 'licenseManager.checkout.checkCode',
  async run({ services, checkout }, arg?: unknown) {
    const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    const doc = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const code = doc && checkout.code.generated(doc);
    if (!doc || !code) throw new Error(t('This is not a document made by Generate Checkout Code.'));
    const entitlements = entitlementsInCode(doc.getText(), code);
    const target = await readLicense(services, { resource: code.ref, data: {} });
    const aws = await services.aws();
    const { findings } = await withAwsProgress('Checking the checkout…', (signal) => runPreflight(aws, target, code.plan.mode, entitlements, signal));
    const messages = findings.map((f) => f.message);
    if (entitlements.length === 0) messages.unshift(vscode.l10n.t('The code asks for no entitlement of this license.'));
    if (messages.length === 0) void notify.info(t('Check: as far as can be read, AWS would accept this checkout.'));
    else void notify.confirm(t('Check: {0} finding(s) for this checkout.', messages.length), { modal: true, detail: tLines('{0}', messages.join('\n')) });
    return findings;
  },
};
