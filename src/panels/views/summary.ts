import { lastArnPart } from '../../model/arn';
import { listOfKind } from '../../model/resourceLists';
import { organizationListOfKind } from '../../model/organizationLists';
import type { ResourceHolder, ResourceKind, ResourceRef } from '../../model/resources';
import type { DetailView, SubjectView } from '../../shared/detailView';
import { configurationSummary } from './configurationView';
import { fields, formatDate, obj, prettyJson, str, type Summary } from './format';
import type { Translate } from '../../model/translate';
import { grantSummary } from './grantView';
import { licenseSummary } from './licenseView';

export function kindLabel(t: Translate, kind: ResourceKind): string {
  switch (kind) {
    case 'usage':
      return t('Usage record');
    case 'association':
      return t('Association');
    case 'token':
      return t('Token');
    default:
      return listOfKind(kind)?.kindLabel(t) ?? organizationListOfKind(kind)?.kindLabel(t) ?? kind;
  }
}

/** Kinds the panel can load again from AWS. */
export function canReload(kind: ResourceKind): boolean {
  return listOfKind(kind) !== undefined;
}

function resourceSummary(t: Translate, ref: ResourceRef, data: Record<string, unknown>): Summary {
  const list = fields(
    { label: t('Resource'), value: str(data.ResourceArn), mono: true },
    { label: t('Resource type'), value: str(data.ResourceType) },
    { label: t('Resource status'), value: str(data.ResourceStatus) },
    { label: t('Owner account'), value: str(data.ResourceOwnerId), mono: true },
    { label: t('Consumed'), value: str(data.ConsumedLicenses) },
    { label: t('Associated'), value: formatDate(data.AssociationTime) },
    { label: t('AMI association scope'), value: str(data.AmiAssociationScope) },
  );
  return {
    title: str(data.ResourceArn) ?? ref.arn,
    badges: [],
    sections: [{ id: 'overview', title: kindLabel(t, ref.kind), fields: list }],
    links: [],
    actions: [],
  };
}

/** A token's data as ListTokens gives it; the token itself is never held. */
function tokenSummary(t: Translate, ref: ResourceRef, data: Record<string, unknown>): Summary {
  const list = fields(
    { label: t('Token ID'), value: str(data.TokenId), mono: true },
    { label: t('Type'), value: str(data.TokenType) },
    { label: t('Status'), value: str(data.Status) },
    { label: t('License'), value: str(data.LicenseArn), mono: true },
    { label: t('Expires'), value: str(data.ExpirationTime) },
    { label: t('Roles'), value: Array.isArray(data.RoleArns) ? data.RoleArns.map(String).join(', ') : undefined, mono: true },
    { label: t('Token properties'), value: Array.isArray(data.TokenProperties) ? data.TokenProperties.map(String).join(', ') : undefined },
  );
  return { title: str(data.TokenId) ?? ref.arn, badges: [], sections: [{ id: 'overview', title: kindLabel(t, ref.kind), fields: list }], links: [], actions: [] };
}

/** What a view may know besides the resource itself (names the explorer has listed). */
export interface ViewContext {
  productName?(licenseArn: string): string | undefined;
}

export function summaryFor(t: Translate, ref: ResourceRef, data: Record<string, unknown>, now: Date, known: ViewContext = {}): Summary {
  switch (listOfKind(ref.kind)?.panel) {
    case 'grant':
      return grantSummary(t, ref, data, known.productName);
    case 'license':
      return licenseSummary(t, ref, data, now);
    case 'configuration':
      return configurationSummary(t, data);
    case undefined:
      break;
  }
  // Usage records, associations and tokens belong to no list.
  return ref.kind === 'token' ? tokenSummary(t, ref, data) : resourceSummary(t, ref, data);
}

export function subjectView(t: Translate, ref: ResourceRef): SubjectView {
  return { kind: ref.kind, kindLabel: kindLabel(t, ref.kind), arn: ref.arn, profile: ref.profile, region: ref.region };
}

/** True when a holder carries no loaded object yet (e.g. a link target), so the panel must load it. */
export function needsLoad(holder: ResourceHolder): boolean {
  return Object.keys(holder.data).length === 0;
}

/** The whole view-model of one resource. Pure: the same input always gives the same view. */
export function buildDetailView(t: Translate, holder: ResourceHolder, now: Date = new Date(), known: ViewContext = {}): DetailView {
  const ref = holder.resource;
  const data = obj(holder.data) ?? {};
  const summary = summaryFor(t, ref, data, now, known);
  return {
    kind: ref.kind,
    kindLabel: kindLabel(t, ref.kind),
    title: summary.title || lastArnPart(ref.arn),
    arn: ref.arn,
    profile: ref.profile,
    region: ref.region,
    badges: summary.badges,
    sections: summary.sections,
    links: summary.links,
    actions: summary.actions,
    canRefresh: canReload(ref.kind),
    json: prettyJson(holder.data),
  };
}
