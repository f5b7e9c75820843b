import type { ResourceHolder } from '../model/resources';
import { uiText, type UiText } from '../shared/plainText';
import { lastArnPart } from '../model/arn';
import { str } from './views/format';
import type { Translate } from '../model/translate';
import { kindLabel } from './views/summary';

/** Label and description of a resource in a quick pick: its name, then kind and status. */
export function describeHolder(t: Translate, holder: ResourceHolder): { label: UiText; description: UiText; detail: UiText } {
  const d = holder.data as Record<string, unknown>;
  const ref = holder.resource;
  const name =
    str(d.GrantName) ?? str(d.LicenseName) ?? str(d.Name) ?? str(d.ProductName) ?? str(d.ResourceArn) ?? lastArnPart(ref.arn);
  const received = d.ReceivedMetadata as { ReceivedStatus?: unknown } | undefined;
  const status = str(d.GrantStatus) ?? (ref.kind === 'receivedLicense' ? str(received?.ReceivedStatus) : undefined) ?? str(d.Status);
  const kind = kindLabel(t, ref.kind);
  return {
    label: uiText(name),
    description: uiText(status ? t('{0} · {1}', kind, status) : kind),
    detail: uiText(t('{0} · {1} · {2}', ref.profile, ref.region, ref.arn)),
  };
}
