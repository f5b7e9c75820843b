import type { ExtensionApi } from '../../src/extension';
import type { CategoryKind, ResourceHolder } from '../../src/model/resources';
import { waitFor } from '../support';

/** A message the extension showed, with the buttons it offered. */
export interface Shown {
  readonly kind: 'info' | 'warning' | 'error';
  readonly message: string;
  readonly items: string[];
}

/**
 * True for the Grants Inbox's announcement of waiting grants ("2 new license grants"): the inbox
 * refreshes after grant actions and announces grants other tests created, which are not the prompts
 * of the test that records them.
 */
export function isInboxAnnouncement(kind: Shown['kind'], message: string): boolean {
  return kind === 'info' && /^\d+ new license grants$|^New license grant from /.test(message);
}

/** The explorer's item of a grant in us-east-1, loaded through the explorer as the user would see it. */
export async function grantItem(api: ExtensionApi, profile: string, category: CategoryKind, name: string): Promise<ResourceHolder> {
  const find = async (parent: unknown, pick: (n: Record<string, unknown>) => boolean): Promise<unknown> => {
    const children = await api.explorer.getChildren(parent as never);
    const found = children.find((c) => pick(c as unknown as Record<string, unknown>));
    if (!found) throw new Error(`not in the tree yet (${children.length} siblings)`);
    return found;
  };
  return waitFor(async () => {
    const p = await find(undefined, (n) => n.name === profile);
    const r = await find(p, (n) => n.region === 'us-east-1');
    const c = await find(r, (n) => n.category === category);
    return (await find(c, (n) => (n.data as { GrantName?: string } | undefined)?.GrantName === name)) as ResourceHolder;
  }, 10_000, `${profile} ${category} “${name}”`);
}
