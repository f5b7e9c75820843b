import { isLicenseHolder, readLicense } from '../checkout/license';
import type { CodeLanguage } from '../model/checkoutCode';
import { Cancelled } from '../shared/cancelled';
import { pickLoadedResource } from '../tree/pickers';
import { showQuickPick, t, uiText, type UiPickItem } from '../ui/window';
import type { CommandDefinition } from './register';

interface LanguageItem extends UiPickItem {
  readonly language: CodeLanguage;
}

async function pickLanguage(languages: readonly CodeLanguage[]): Promise<CodeLanguage> {
  const items: LanguageItem[] = languages.map((language) => ({ label: uiText(language.label), language }));
  const picked = await showQuickPick(items, { title: t('Generate Checkout Code'), placeHolder: t('Language of the code'), ignoreFocusOut: true });
  if (!picked) throw new Cancelled();
  return picked.language;
}

/**
 * Opens checkout code for a license (read again from AWS) in an untitled document; from the palette,
 * offers the loaded licenses. A second argument may name the language (`typescript`, `python`,
 * `java`, `go`, `shell`); otherwise it is picked.
 */
export const generateCheckoutCode: CommandDefinition = {
  id: 'licenseManager.checkout.generateCode',
  async run({ services, explorer, checkout }, arg?: unknown, languageId?: unknown) {
    const holder = isLicenseHolder(arg)
      ? arg
      : await pickLoadedResource(explorer, t('Generate checkout code for'), true, {
          accept: isLicenseHolder,
          none: t('No license is loaded: expand Licenses or Received licenses in the License Manager explorer first.'),
        });
    const aws = await services.aws();
    const language = (typeof languageId === 'string' ? aws.codeLanguage(languageId) : undefined) ?? (await pickLanguage(aws.CODE_LANGUAGES));
    const target = await readLicense(services, holder);
    const plan = aws.planCheckout(target.license, target.issuedByCaller);
    const editor = await checkout.code.open({ ref: target.ref, plan, language });
    return editor.document.uri;
  },
};
