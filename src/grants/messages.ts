import { t } from '../ui/window';
import type { Problem } from '../model/validation';

/** The text shown in an input box for a validation problem. */
export function problemText(p: Problem | undefined, field: string): string | undefined {
  if (!p) return undefined;
  switch (p.code) {
    case 'required':
      return t('{0} is required.', field);
    case 'tooLong':
      return t('{0} must be at most {1} characters (now {2}).', field, p.max, p.length);
    case 'notArn':
      return t('{0} is not a valid ARN. Expected, for example, arn:aws:iam::123456789012:root.', field);
    case 'notPrincipal':
      return t(
        '{0} must be an account (arn:aws:iam::123456789012:root), organization (arn:aws:organizations::123456789012:organization/o-…) or organizational unit (arn:aws:organizations::123456789012:ou/o-…/ou-…) ARN.',
        field,
      );
    case 'noOperations':
      return t('Select at least one operation.');
    case 'tooManyOperations':
      return t('Select at most {0} operations.', p.max);
  }
}

/** Notifications for grant actions (their texts are made literal by `t()`/`uiText()`). */
export { notify } from '../ui/window';
