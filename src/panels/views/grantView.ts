import { grantActionRecordsFor, invitedAction, type GrantDirection } from '../../model/grantActions';
import type { ResourceRef } from '../../model/resources';
import { directionOf } from '../../model/resourceLists';
import type { ActionView, FieldView, LinkView, SectionView } from '../../shared/detailView';
import { fields, obj, principalKind, str, strList, type Summary } from './format';
import { statusTone } from '../../model/statuses';
import type { Translate } from '../../model/translate';

export const LICENSE_LINK_ID = 'license';
export const PARENT_LINK_ID = 'parent';

/** The buttons a grant panel offers, from the one table of valid actions. */
export function grantActionViews(t: Translate, direction: GrantDirection, status: string): ActionView[] {
  const invited = invitedAction(direction, status);
  const views = grantActionRecordsFor(direction, status).map((r) => ({
    action: r.action,
    label: r.label(t),
    destructive: r.destructive,
    primary: r.action === invited,
  }));
  // The invited step comes first.
  return [...views.filter((v) => v.primary), ...views.filter((v) => !v.primary)];
}

/** The id of the grant panel's license field (its Copy button copies the ARN). */
export const LICENSE_FIELD_ID = 'license-arn';

/** `productName` names a license by its ARN when the explorer has listed it. */
export function grantSummary(
  t: Translate,
  ref: ResourceRef,
  data: Record<string, unknown>,
  productName: (licenseArn: string) => string | undefined = () => undefined,
): Summary {
  const direction: GrantDirection = directionOf(ref.kind) ?? 'distributed';
  const status = str(data.GrantStatus) ?? '';
  const licenseArn = str(data.LicenseArn);
  const parentArn = str(data.ParentArn);
  const principal = str(data.GranteePrincipalArn);
  const operations = strList(data.GrantedOperations);
  const links: LinkView[] = [];
  if (licenseArn) {
    links.push({
      id: LICENSE_LINK_ID,
      label: t('License'),
      description: licenseArn,
      target: { kind: 'license', profile: ref.profile, region: ref.region, arn: licenseArn },
    });
  }
  const parentIsGrant = parentArn !== undefined && parentArn !== licenseArn && /:grant[:/]/.test(parentArn);
  if (parentArn && parentIsGrant) {
    links.push({
      id: PARENT_LINK_ID,
      label: t('Parent grant'),
      description: parentArn,
      target: { kind: ref.kind, profile: ref.profile, region: ref.region, arn: parentArn },
    });
  }
  const statusFields: FieldView[] = fields(
    { label: t('Status'), value: status || undefined, tone: statusTone(status) },
    { label: t('Reason'), value: str(data.StatusReason) ?? t('No reason given') },
    { label: t('Version'), value: str(data.Version) },
  );
  const overview: FieldView[] = fields(
    { label: t('Name'), value: str(data.GrantName) },
    { label: t('Direction'), value: direction === 'received' ? t('Received') : t('Distributed') },
    licenseArn ? licenseField(t, licenseArn, productName(licenseArn)) : undefined,
    parentArn && parentArn !== licenseArn
      ? { label: t('Parent'), value: parentArn, mono: true, linkId: parentIsGrant ? PARENT_LINK_ID : undefined }
      : undefined,
    { label: t('Principal'), value: principal, mono: true },
    principal ? { label: t('Principal type'), value: principalKind(t, principal) } : undefined,
    { label: t('Home region'), value: str(data.HomeRegion) },
    { label: t('Activation override'), value: str(obj(data.Options)?.ActivationOverrideBehavior) },
  );
  const sections: SectionView[] = [
    { id: 'status', title: t('Status'), fields: statusFields },
    { id: 'overview', title: t('Grant'), fields: overview },
    {
      id: 'operations',
      title: t('Granted operations'),
      items: operations,
      empty: t('No operations'),
    },
  ];
  return {
    title: str(data.GrantName) ?? '',
    badges: status ? [{ label: t('Status'), text: status, tone: statusTone(status) }] : [],
    sections,
    links,
    actions: grantActionViews(t, direction, status),
  };
}

/** The license by product name (its ARN on hover and copied by Copy), or by ARN until the name is known. */
function licenseField(t: Translate, arn: string, product: string | undefined): FieldView {
  return {
    label: t('License'),
    value: product ?? arn,
    mono: product === undefined,
    linkId: LICENSE_LINK_ID,
    hover: arn,
    copy: { id: LICENSE_FIELD_ID, text: arn },
  };
}
