import { grantableOperations } from '../model/validation';
import { grantActionRecordsFor, type GrantDirection } from '../model/grantActions';
import { licenseActionsFor } from '../model/licenseActions';
import type { CategoryKind } from '../model/resources';
import { grantListOf } from '../model/resourceLists';

/** What the context menus need to know about a tree node. */
export type NodeState =
  | { readonly node: 'profile'; readonly ssoSignIn?: boolean }
  | { readonly node: 'region' }
  | { readonly node: 'category'; readonly category: CategoryKind }
  | { readonly node: 'licenseConfiguration' }
  | { readonly node: 'usageList' }
  | { readonly node: 'tokenList' }
  | { readonly node: 'token' }
  | { readonly node: 'associationList' }
  | { readonly node: 'usageRecord' | 'association'; readonly hasArn: boolean }
  | { readonly node: 'license'; readonly status?: string }
  | {
      readonly node: 'receivedLicense';
      readonly receivedStatus?: string;
      readonly allowedOperations?: readonly string[];
    }
  | { readonly node: 'grant'; readonly direction: GrantDirection; readonly status: string }
  | { readonly node: 'loadMore' }
  | { readonly node: 'message'; readonly retry: boolean; readonly ssoSignIn?: boolean; readonly hasError?: boolean; readonly hasRequestId?: boolean }
  | { readonly node: 'inboxGroup' }
  | { readonly node: 'organization' | 'organizationList' }
  | { readonly node: 'organizationItem'; readonly hasArn: boolean };

const RESOURCE = ['refreshable', 'hasDetails', 'hasJson', 'hasArn'];

/** The space-separated `contextValue` of a node; menus match its tokens whole. */
export function contextValue(state: NodeState): string {
  switch (state.node) {
    case 'profile':
      return ['profile', 'refreshable', ...(state.ssoSignIn ? ['ssoSignIn'] : [])].join(' ');
    case 'region':
    case 'usageList':
    case 'associationList':
    case 'tokenList':
      return [state.node, 'refreshable'].join(' ');
    case 'token':
      return ['token', 'hasJson'].join(' ');
    case 'category':
      return ['category', `category-${state.category}`, 'refreshable'].join(' ');
    case 'licenseConfiguration':
      return ['licenseConfiguration', ...RESOURCE].join(' ');
    case 'usageRecord':
    case 'association':
      return [state.node, 'hasJson', ...(state.hasArn ? ['hasArn'] : [])].join(' ');
    case 'license':
      return ['license', ...RESOURCE, 'hasHistory', 'canCreateGrant', ...licenseActionsFor(state.status).map((a) => a.token)].join(' ');
    case 'receivedLicense':
      return [
        'receivedLicense',
        ...RESOURCE,
        'hasHistory',
        ...(grantableOperations('receivedLicense', {
          ReceivedMetadata: { ReceivedStatus: state.receivedStatus, AllowedOperations: [...(state.allowedOperations ?? [])] },
        }).length > 0
          ? ['canCreateGrant']
          : []),
      ].join(' ');
    case 'grant':
      return [
        grantListOf(state.direction).kind,
        ...RESOURCE,
        'hasHistory',
        ...grantActionRecordsFor(state.direction, state.status).map((r) => r.token),
      ].join(' ');
    case 'loadMore':
      return 'loadMore';
    case 'message':
      return [
        state.retry ? 'message retryable' : 'message',
        state.ssoSignIn ? 'ssoSignIn' : '',
        state.hasError ? 'hasError' : '',
        state.hasRequestId ? 'hasRequestId' : '',
      ].filter(Boolean).join(' ');
    case 'inboxGroup':
      return 'inboxGroup';
    case 'organization':
    case 'organizationList':
      return [state.node, 'refreshable'].join(' ');
    case 'organizationItem':
      return ['organizationItem', 'hasJson', ...(state.hasArn ? ['hasArn'] : [])].join(' ');
  }
}
