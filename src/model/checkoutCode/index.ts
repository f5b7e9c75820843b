/** The languages checkout code is generated in: one row each. */
import { generateGo, goString } from './go';
import { generateJava, javaString } from './java';
import type { CheckoutPlan } from './plan';
import { generatePython, pyString } from './python';
import { generateShell, shString } from './shell';
import { generateTypeScript, tsString } from './typescript';

export interface CodeLanguage {
  readonly id: 'typescript' | 'python' | 'java' | 'go' | 'shell';
  /** Shown in the pick (not translated: product names). */
  readonly label: string;
  /** VS Code language id of the untitled document. */
  readonly languageId: string;
  /** Name of the untitled document (Java needs its class name). */
  readonly fileName: string;
  generate(plan: CheckoutPlan): string;
  /** The language's string literal of a text (as the generator writes it). */
  literal(text: string): string;
}

export const CODE_LANGUAGES: readonly CodeLanguage[] = [
  { id: 'typescript', label: 'TypeScript (AWS SDK for JavaScript v3)', languageId: 'typescript', fileName: 'license-check.ts', generate: generateTypeScript, literal: tsString },
  { id: 'python', label: 'Python (boto3)', languageId: 'python', fileName: 'license_check.py', generate: generatePython, literal: pyString },
  { id: 'java', label: 'Java (AWS SDK for Java v2)', languageId: 'java', fileName: 'LicenseCheck.java', generate: generateJava, literal: javaString },
  { id: 'go', label: 'Go (AWS SDK for Go v2)', languageId: 'go', fileName: 'main.go', generate: generateGo, literal: goString },
  { id: 'shell', label: 'AWS CLI (bash)', languageId: 'shellscript', fileName: 'license-check.sh', generate: generateShell, literal: shString },
];

export function codeLanguage(id: string): CodeLanguage | undefined {
  return CODE_LANGUAGES.find((l) => l.id === id);
}

export { planCheckout, checkoutModeOf, checkInAllowed, iamActions, isCountedUnit } from './plan';
export type { CheckoutPlan, CheckoutMode, PlannedEntitlement } from './plan';
