import * as vscode from 'vscode';
import { notify, showQuickPick, t, uiText, type UiPickItem } from '../ui/window';
import { documentText, LICENSE_TEMPLATE_IDS, LICENSE_TEMPLATES, type LicenseTemplateId } from '../model/licenseTemplates';
import { Cancelled } from '../shared/cancelled';
import type { IssuingDeps } from './issuingDeps';
import type { CommandContext } from './register';

interface Place {
  readonly profile: string;
  readonly region: string;
}

/** The issued-licenses list the command was run on, or a pick among the selected profiles and regions. */
async function placeOf(ctx: CommandContext, deps: IssuingDeps, arg: unknown, title: string): Promise<Place> {
  const list = deps.licensesListOf(arg);
  if (list) return list;
  const places = (await ctx.services.state.selection()).flatMap((s) => s.regions.map((region) => ({ profile: s.profile, region })));
  if (places.length === 0) {
    void notify.info(t('Select an AWS profile and region in the License Manager explorer first.'));
    throw new Cancelled();
  }
  if (places.length === 1) return places[0];
  const picked = await showQuickPick(
    places.map((p) => ({ label: uiText(p.profile), description: uiText(p.region), place: p })),
    { title: uiText(title), placeHolder: t('Profile and region that issue the license') },
  );
  if (!picked) throw new Cancelled();
  return picked.place;
}

/** The issuer name of the profile's loaded licenses, else the profile's name. */
function issuerName(ctx: CommandContext, profile: string): string {
  for (const node of ctx.explorer.loadedResources()) {
    if (node.resource.kind !== 'license' || node.resource.profile !== profile) continue;
    const name = (node.data as { Issuer?: { Name?: unknown } }).Issuer?.Name;
    if (typeof name === 'string' && name) return name;
  }
  return profile;
}

/**
 * Create License…: opens a new license document from a template, for the profile and region of
 * the list it was run on. Scripts may pass `{ template }` as the second argument.
 */
export async function runCreateLicense(ctx: CommandContext, deps: IssuingDeps, arg: unknown, options?: unknown): Promise<unknown> {
    const title = vscode.l10n.t('Create License');
    const place = await placeOf(ctx, deps, arg, title);
    const given = (options as { template?: unknown } | undefined)?.template;
    let template: LicenseTemplateId;
    if (typeof given === 'string' && (LICENSE_TEMPLATE_IDS as string[]).includes(given)) {
      template = given as LicenseTemplateId;
    } else {
      const items: (UiPickItem & { id: LicenseTemplateId })[] = LICENSE_TEMPLATE_IDS.map((id) => ({
        label: uiText(LICENSE_TEMPLATES[id].label(vscode.l10n.t)),
        detail: uiText(LICENSE_TEMPLATES[id].detail(vscode.l10n.t)),
        id,
      }));
      const picked = await showQuickPick(items, { title: uiText(title), placeHolder: t('Start from a template') });
      if (!picked) throw new Cancelled();
      template = picked.id;
    }
    const members = LICENSE_TEMPLATES[template].build({
      issuerName: issuerName(ctx, place.profile),
      beneficiary: place.profile,
      homeRegion: place.region,
      now: new Date(),
    });
    const editor = await ctx.drafts.open({ kind: 'createLicense', ...place }, `${place.profile} ${place.region} new license`, documentText(members));
    return editor.document.uri;
}
