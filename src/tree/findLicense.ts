/** Finds an issued license in the explorer after a change, loading the path to it. */
import type { ExplorerProvider } from './explorerProvider';
import { CategoryNode } from './nodes/categoryNode';
import type { ExplorerNode } from './nodes/explorerNode';
import { ProfileNode } from './nodes/profileNode';
import { RegionNode } from './nodes/regionNode';
import { ResourceNode } from './nodes/resourceNode';

/**
 * Reloads the issued-licenses list of (profile, region) and returns the license's item, when the
 * profile and region are shown and the license is on the list's first page.
 */
export async function reloadAndFindLicense(explorer: ExplorerProvider, profile: string, region: string, arn: string): Promise<ResourceNode | undefined> {
  const find = async <T extends ExplorerNode>(nodes: Promise<ExplorerNode[]>, match: (n: ExplorerNode) => n is T): Promise<T | undefined> => (await nodes).find(match);
  const p = await find(explorer.getChildren(), (n): n is ProfileNode => n instanceof ProfileNode && n.name === profile);
  const r = p && (await find(p.getChildren(), (n): n is RegionNode => n instanceof RegionNode && n.region === region));
  const list = r && (await find(r.getChildren(), (n): n is CategoryNode => n instanceof CategoryNode && n.category === 'licenses'));
  if (!list) return undefined;
  await explorer.refresh(list);
  const items = await list.getChildren();
  return items.find((n): n is ResourceNode => n instanceof ResourceNode && n.resource.arn === arn);
}
