/**
 * What the detail webview draws. Built by the extension, sent as plain JSON,
 * rendered by the webview with DOM text nodes only.
 */
import type { GrantAction } from '../model/grantActions';
import type { LicenseAction } from '../model/licenseActions';
import type { ResourceKind, ResourceRef } from '../model/resources';
import type { Tone } from '../model/statuses';


export interface BadgeView {
  readonly text: string;
  readonly tone: Tone;
  /** Short label read before the text, e.g. "Received status". */
  readonly label: string;
}

export interface FieldView {
  readonly label: string;
  readonly value: string;
  /** Monospace (ARNs, ids). */
  readonly mono?: boolean;
  /** When set, the value is a link to the related resource with this id. */
  readonly linkId?: string;
  readonly tone?: Tone;
  /** Shown on hover, e.g. the ARN behind a product name (the value itself when absent). */
  readonly hover?: string;
  /** A Copy button next to the value copies `text`; `id` names the field in messages. */
  readonly copy?: { readonly id: string; readonly text: string };
}

export interface TableView {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface UsageView {
  readonly consumed: number;
  /** Absent when the configuration sets no limit. */
  readonly limit?: number;
  /** 0–1, the filled part of the bar. */
  readonly ratio: number;
  readonly over: boolean;
  /** e.g. "12 / 20 vCPU (60%)". */
  readonly text: string;
  /** Accessible name of the bar. */
  readonly label: string;
}

export interface SectionView {
  readonly id: string;
  readonly title: string;
  readonly usage?: UsageView;
  readonly fields?: readonly FieldView[];
  /** A plain list of strings (rules, operations). */
  readonly items?: readonly string[];
  readonly table?: TableView;
  /** Shown when the section has nothing else. */
  readonly empty?: string;
}

export interface LinkView {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly target: ResourceRef;
}

/** An action a panel button runs: a grant's or an issued license's. */
export type PanelAction = GrantAction | LicenseAction;

export interface ActionView {
  readonly action: PanelAction;
  readonly label: string;
  readonly destructive: boolean;
  /** The step the grant's status invites (Accept for a pending grant): the panel's primary button. */
  readonly primary?: boolean;
}

export interface DetailView {
  readonly kind: ResourceKind;
  readonly kindLabel: string;
  readonly title: string;
  readonly arn: string;
  readonly profile: string;
  readonly region: string;
  readonly badges: readonly BadgeView[];
  readonly sections: readonly SectionView[];
  readonly links: readonly LinkView[];
  readonly actions: readonly ActionView[];
  readonly canRefresh: boolean;
  /** The raw AWS object, pretty-printed. */
  readonly json: string;
}

export interface ErrorView {
  /** The failure kind (`accessDenied`, `credentials`, …, or `unexpected`). */
  readonly kind: string;
  /** Readable kind, e.g. "Access denied". */
  readonly title: string;
  readonly message: string;
  readonly fix?: string;
}

/** Labels of the webview's own controls, localized by the extension. */
export interface UiStrings {
  readonly refresh: string;
  readonly openJson: string;
  readonly copyArn: string;
  readonly copyJson: string;
  /** The label of a field's Copy button. */
  readonly copy: string;
  readonly loading: string;
  readonly related: string;
  readonly rawJson: string;
  readonly actions: string;
  readonly arn: string;
  readonly location: string;
  readonly errorHeading: string;
  readonly fix: string;
  readonly staleData: string;
  readonly running: string;
  readonly history: string;
  readonly showHistory: string;
  readonly showOlder: string;
  readonly compareWithPrevious: string;
  readonly compareVersions: string;
  readonly entitlementUsage: string;
  readonly generateCheckoutCode: string;
  readonly tryCheckout: string;
}

/** One version in the History section. */
export interface HistoryEntryView {
  readonly version: string;
  /** e.g. "v4"; the heading of the entry. */
  readonly label: string;
  readonly status?: string;
  readonly tone?: Tone;
  /** e.g. "was DISABLED". */
  readonly previousStatus?: string;
  readonly reason?: string;
  readonly time?: string;
  /** One line per changed member: "GrantName: old → new". */
  readonly changes: readonly string[];
  /** True when an older version exists to compare with. */
  readonly canCompare: boolean;
}

/** The History section of a grant or license panel, loaded on demand. */
export interface HistoryView {
  readonly phase: 'idle' | 'loading' | 'ready' | 'error';
  /** Newest first. */
  readonly entries: readonly HistoryEntryView[];
  readonly canShowOlder: boolean;
  /** What failed, when `phase` is `error`. */
  readonly error?: string;
  /** Shown when there is nothing to list yet, e.g. "Not loaded". */
  readonly note?: string;
}

/** One entitlement's usage. */
export interface EntitlementUsageView {
  readonly name: string;
  readonly usage: UsageView;
}

/** The Usage section of a license panel (GetLicenseUsage). */
export interface LicenseUsageView {
  readonly phase: 'loading' | 'ready' | 'note';
  readonly rows: readonly EntitlementUsageView[];
  /** Why usage is not shown (access denied, failure, nothing to show). */
  readonly note?: string;
}

export type PanelPhase = 'loading' | 'ready' | 'error';

/** Which resource the panel is about; known before anything is loaded. */
export interface SubjectView {
  readonly kind: ResourceKind;
  readonly kindLabel: string;
  readonly arn: string;
  readonly profile: string;
  readonly region: string;
}

/** Everything the webview needs to draw; each message replaces the previous state. */
export interface PanelState {
  readonly phase: PanelPhase;
  readonly subject: SubjectView;
  /** The last loaded resource; kept while reloading and after a failed reload. */
  readonly view?: DetailView;
  readonly error?: ErrorView;
  /** A grant action started from this panel and still running. */
  readonly runningAction?: PanelAction;
  /** Grants and licenses: the History section. */
  readonly history?: HistoryView;
  /** Licenses: entitlement usage. */
  readonly usage?: LicenseUsageView;
  readonly strings: UiStrings;
}
