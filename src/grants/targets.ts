import * as vscode from 'vscode';
import { createQuickPick, setTexts, t, uiText, type UiPickItem, type UiText } from '../ui/window';
import type { CallOptions, Grant, GrantedLicense, License, LicenseManagerApi, Page, PageRequest } from '../aws/types';
import { Cancelled } from '../shared/cancelled';
import type { GrantDeps } from './deps';
import { grantActionRecord, grantActionsFor, type GrantAction, type GrantDirection } from '../model/grantActions';
import { GRANT_LISTS, directionOf, grantListOf, isLicenseKind } from '../model/resourceLists';
import { isResourceHolder, type ProfileSelection } from '../model/resources';
import { gatherAcross, type SelectedTarget } from '../data/fanOut';
import { isArn, type GrantSourceKind } from '../model/validation';
import { notify } from './messages';
import { signInProfileOf } from './signIn';
import type { NoteItem } from './multiStepInput';

/** A grant as seen through one profile and region. */
export interface GrantTarget {
  readonly profile: string;
  readonly region: string;
  readonly direction: GrantDirection;
  readonly grant: Grant;
}

/** A license a grant can be created from. */
export interface LicenseTarget {
  readonly profile: string;
  readonly region: string;
  readonly kind: GrantSourceKind;
  readonly license: License | GrantedLicense;
  readonly arn: string;
}

/** A grant from a tree node or panel argument, or `undefined` when the argument is no grant. */
export function grantFromArg(arg: unknown): GrantTarget | undefined {
  if (!isResourceHolder(arg)) return undefined;
  const { kind, profile, region } = arg.resource;
  const direction = directionOf(kind);
  if (!direction || !isGrant(arg.data)) return undefined;
  return { profile, region, direction, grant: arg.data };
}

/** The members a grant action reads, with the types the API gives them. */
function isGrant(data: object): data is Grant {
  const g = data as Partial<Record<keyof Grant, unknown>>;
  return typeof g.GrantArn === 'string' && isArn(g.GrantArn) && typeof g.GrantStatus === 'string' && typeof g.Version === 'string';
}

export function licenseFromArg(arg: unknown): LicenseTarget | undefined {
  if (!isResourceHolder(arg)) return undefined;
  const { kind, profile, region, arn } = arg.resource;
  if (!isLicenseKind(kind) || !isArn(arn)) return undefined;
  return { profile, region, kind: kind as GrantSourceKind, license: arg.data as License, arn };
}

export function grantLabel(g: Grant): string {
  return g.GrantName || g.GrantArn;
}

export function directionText(d: GrantDirection): string {
  return grantListOf(d).kindLabel(t);
}

/** Lists every page of a list call, passing the call options on. */
type AllPages = <T>(list: (req: PageRequest, opts: CallOptions) => Promise<Page<T>>) => Promise<T[]>;

/** Lists what one selected (profile, region) offers. */
export type Loader<T> = (api: LicenseManagerApi, target: SelectedTarget, allPages: AllPages) => Promise<T[]>;

export interface Failure {
  readonly profile: string;
  readonly region: string;
  readonly message: string;
  /** The profile to sign in when the failure is a missing or expired SSO token. */
  readonly signIn?: string;
}

/** Runs `load` for every selected (profile, region) through the one gathering helper; failures are collected, not thrown. */
export async function acrossSelection<T>(
  ctx: GrantDeps,
  load: Loader<T>,
  signal: AbortSignal,
): Promise<{ items: T[]; failures: Failure[]; selection: readonly ProfileSelection[]; truncated: number }> {
  const selection = await ctx.services.state.selection();
  const [aws, factory] = await Promise.all([ctx.services.aws(), ctx.services.clients()]);
  let truncated = 0;
  const found = await gatherAcross(
    selection,
    (target, sig) => {
      const allPages: AllPages = async (list) => {
        const all = await aws.collectAll((nextToken) => list({ maxResults: 100, nextToken }, { signal: sig }));
        if (all.truncated) truncated++;
        return all.items;
      };
      return load(factory.get(target.profile, target.region), target, allPages);
    },
    { signal },
  );
  const failures = found.failures.map(({ target, error }) => ({
    profile: target.profile,
    region: target.region,
    message: error instanceof Error ? error.message : String(error),
    signIn: signInProfileOf(error),
  }));
  return { items: found.items, failures, selection, truncated };
}

/** A row of a pick that says something instead of offering it: it cannot be picked. */
export interface NoteRow extends UiPickItem, NoteItem {
  /** The profile whose sign-in lists it (a row of an SSO failure; picking it signs in). */
  readonly signIn?: string;
}

export function separator(label: UiText): NoteRow {
  return { label, kind: vscode.QuickPickItemKind.Separator, note: true };
}

/** What could not be listed, as rows at the end of the pick (never a notification in the middle of a flow). */
export function failureRows(failures: readonly Failure[]): NoteRow[] {
  if (failures.length === 0) return [];
  return [
    separator(t('Could not be listed')),
    ...failures.map(
      (f): NoteRow => ({
        label: t('$(warning) {0} · {1}', f.profile, f.region),
        description: f.signIn ? t('select to sign in') : t('not listed'),
        detail: uiText(f.message),
        note: true,
        signIn: f.signIn,
      }),
    ),
  ];
}

/** Shows a quick pick that is busy while `load` runs; `'empty'` when there is nothing to pick. Esc throws `Cancelled`. */
async function pickLoaded<T extends UiPickItem>(
  title: string,
  placeHolder: () => UiText,
  load: (signal: AbortSignal) => Promise<(T | NoteRow)[]>,
): Promise<T | 'empty'> {
  const abort = new AbortController();
  const qp = createQuickPick<T | NoteRow>({ title: uiText(title), placeholder: t('Loading…') });
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  qp.ignoreFocusOut = true;
  qp.busy = true;
  try {
    return await new Promise<T | 'empty'>((resolve, reject) => {
      let done = false;
      qp.onDidAccept(() => {
        const picked = qp.selectedItems[0] ?? qp.activeItems[0];
        if (!picked) return;
        if ((picked as NoteRow).note) {
          const profile = (picked as NoteRow).signIn;
          if (!profile) return;
          // Signing in leaves the pick: the command is run again once signed in.
          qp.hide();
          void vscode.commands.executeCommand('licenseManager.profile.signIn', profile);
          return;
        }
        done = true;
        resolve(picked as T);
      });
      qp.onDidHide(() => {
        // Closing the pick abandons the calls still running.
        abort.abort();
        if (!done) reject(new Cancelled());
      });
      qp.show();
      load(abort.signal).then(
        (items) => {
          if (items.length === 0) {
            done = true;
            resolve('empty');
            return;
          }
          qp.items = items;
          setTexts(qp, { placeholder: placeHolder() });
          qp.busy = false;
        },
        (e: unknown) => {
          done = true;
          reject(e instanceof Error ? e : new Error(String(e)));
        },
      );
    });
  } finally {
    qp.dispose();
  }
}

export function noSelection(): never {
  void notify.info(
    t('No profiles are selected in the License Manager explorer. Select profiles first.'),
  );
  throw new Cancelled();
}

/**
 * A quick pick of what `load` finds across the explorer's selection. Tells the user
 * which profiles and regions failed, and when the selection is empty or nothing
 * qualifies (then throws `Cancelled`).
 */
async function pickAcrossSelection<T>(
  ctx: GrantDeps,
  texts: { readonly title: string; readonly placeHolder: string; readonly none: string },
  load: Loader<T>,
  toItems: (found: T[]) => (UiPickItem & { target: T })[],
): Promise<T> {
  let failures: Failure[] = [];
  let selectionEmpty = false;
  let truncated = 0;
  // A list cut at the collection cap is said in the placeholder, where the user looks for what is missing.
  const placeHolder = (): UiText =>
    truncated > 0
      ? t('{0} (incomplete: {1} lists have more items than can be offered; the rest are not shown)', texts.placeHolder, truncated)
      : uiText(texts.placeHolder);
  const picked = await pickLoaded(texts.title, placeHolder, async (signal) => {
    const loaded = await acrossSelection(ctx, load, signal);
    failures = loaded.failures;
    truncated = loaded.truncated;
    selectionEmpty = loaded.selection.length === 0;
    const items = toItems(loaded.items);
    // With nothing to offer, the failures are the answer: shown, so the user sees why.
    return [...items, ...failureRows(failures)];
  });
  if (selectionEmpty) noSelection();
  if (picked === 'empty') {
    void notify.info(uiText(texts.none));
    throw new Cancelled();
  }
  return picked.target;
}

/** The grants, across the explorer's selected profiles and regions, for which `action` is valid. */
export function pickGrant(ctx: GrantDeps, action: GrantAction, title: string): Promise<GrantTarget> {
  const lists = GRANT_LISTS.filter((l) => grantActionRecord(action).validIn[l.direction].length > 0);
  return pickAcrossSelection<GrantTarget>(
    ctx,
    {
      title,
      placeHolder: t('Select a grant'),
      none: t('No grant in the selected profiles and regions allows this action.'),
    },
    async (api, target, allPages) => {
      const { profile, region } = target;
      const found = await Promise.all(
        lists.map(async (list) => {
          const grants = await allPages((req, opts) => list.list(api, req, opts));
          return grants.map((grant): GrantTarget => ({ profile, region, direction: list.direction, grant }));
        }),
      );
      return found.flat().filter((t) => grantActionsFor(t.direction, t.grant.GrantStatus).includes(action));
    },
    (found) =>
      found.map((target) => ({
        label: uiText(grantLabel(target.grant)),
        description: t('{0} · {1} · {2}', target.grant.GrantStatus, target.profile, target.region),
        detail: t('{0} · {1}', directionText(target.direction), target.grant.GrantArn),
        target,
      })),
  );
}
