/**
 * CSV shape of the AWS objects the extension lists: which columns each kind
 * has, how one object becomes one row, and the guard that keeps spreadsheets
 * from evaluating text that came from other accounts.
 *
 * Columns are fixed per kind (so a file can be written as its pages arrive),
 * and each header is the path of the API member it holds:
 * - `Name`: a top-level member;
 * - `Issuer.Name`: a member of a nested structure (any depth);
 * - `GrantedOperations[]`: a list of strings, its items joined with `; `;
 * - `Entitlements[].MaxCount`: one member of every item of a list of structures,
 *   joined with `; ` in list order (an item without the member leaves its place empty,
 *   so `Entitlements[].Name` and `Entitlements[].MaxCount` stay aligned).
 * Members outside these columns are left out of CSV; the JSON export keeps everything.
 * Timestamps that arrive as dates are written in ISO-8601 (UTC).
 */
import type { Options } from 'csv-stringify';
import { stringify } from 'csv-stringify/sync';

/** The lists that can be exported, by the API object their rows are. */
export type CsvKind = 'usage' | 'association' | 'licenseConfiguration' | 'license' | 'receivedLicense' | 'grant';

/** What joins the items of a list inside one cell. */
export const LIST_SEPARATOR = '; ';

const LICENSE_COLUMNS = [
  'LicenseArn',
  'LicenseName',
  'ProductName',
  'ProductSKU',
  'Issuer.Name',
  'Issuer.SignKey',
  'Issuer.KeyFingerprint',
  'HomeRegion',
  'Status',
  'Validity.Begin',
  'Validity.End',
  'Beneficiary',
  'Entitlements[].Name',
  'Entitlements[].Value',
  'Entitlements[].MaxCount',
  'Entitlements[].Unit',
  'Entitlements[].Overage',
  'Entitlements[].AllowCheckIn',
  'ConsumptionConfiguration.RenewType',
  'ConsumptionConfiguration.ProvisionalConfiguration.MaxTimeToLiveInMinutes',
  'ConsumptionConfiguration.BorrowConfiguration.AllowEarlyCheckIn',
  'ConsumptionConfiguration.BorrowConfiguration.MaxTimeToLiveInMinutes',
  'LicenseMetadata[].Name',
  'LicenseMetadata[].Value',
  'CreateTime',
  'Version',
];

/** The columns of each kind, in order; each is the path of an API member. */
export const CSV_COLUMNS: Readonly<Record<CsvKind, readonly string[]>> = {
  usage: ['ResourceArn', 'ResourceType', 'ResourceStatus', 'ResourceOwnerId', 'AssociationTime', 'ConsumedLicenses'],
  association: ['ResourceArn', 'ResourceType', 'ResourceOwnerId', 'AssociationTime', 'AmiAssociationScope'],
  licenseConfiguration: [
    'LicenseConfigurationId',
    'LicenseConfigurationArn',
    'Name',
    'Description',
    'LicenseCountingType',
    'LicenseRules[]',
    'LicenseCount',
    'LicenseCountHardLimit',
    'DisassociateWhenNotFound',
    'ConsumedLicenses',
    'Status',
    'OwnerAccountId',
    'ConsumedLicenseSummaryList[].ResourceType',
    'ConsumedLicenseSummaryList[].ConsumedLicenses',
    'ManagedResourceSummaryList[].ResourceType',
    'ManagedResourceSummaryList[].AssociationCount',
    'ProductInformationList[].ResourceType',
    'AutomatedDiscoveryInformation.LastRunTime',
    'LicenseExpiry',
    'Tags[].Key',
    'Tags[].Value',
  ],
  license: LICENSE_COLUMNS,
  receivedLicense: [
    ...LICENSE_COLUMNS,
    'ReceivedMetadata.ReceivedStatus',
    'ReceivedMetadata.ReceivedStatusReason',
    'ReceivedMetadata.AllowedOperations[]',
  ],
  grant: [
    'GrantArn',
    'GrantName',
    'ParentArn',
    'LicenseArn',
    'GranteePrincipalArn',
    'HomeRegion',
    'GrantStatus',
    'StatusReason',
    'Version',
    'GrantedOperations[]',
    'Options.ActivationOverrideBehavior',
  ],
};

/** First characters a spreadsheet may treat as the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Makes a cell inert for spreadsheets: text starting with `=`, `+`, `-`, `@`,
 * tab or carriage return gets a leading `'`, which spreadsheets show as text.
 */
export function guardCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function scalarText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString();
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function member(v: unknown, key: string): unknown {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)[key] : undefined;
}

function valueAt(v: unknown, path: readonly string[]): unknown {
  return path.reduce((at, key) => member(at, key), v);
}

/** The text of one column of one object, before the formula guard. */
export function cellText(item: unknown, column: string): string {
  const split = column.indexOf('[]');
  if (split < 0) return scalarText(valueAt(item, column.split('.')));
  const list = valueAt(item, column.slice(0, split).split('.'));
  if (!Array.isArray(list)) return '';
  const rest = column.slice(split + 2).replace(/^\./, '');
  const inner = rest ? rest.split('.') : [];
  if (inner.length > 0 && list.every((x) => valueAt(x, inner) === undefined)) return '';
  return list.map((x) => scalarText(valueAt(x, inner))).join(LIST_SEPARATOR);
}

/** The cells of one object of `kind`, guarded, in the order of `CSV_COLUMNS[kind]`. */
export function csvRow(kind: CsvKind, item: unknown): string[] {
  return CSV_COLUMNS[kind].map((c) => guardCell(cellText(item, c)));
}

/**
 * csv-stringify options of every CSV the extension writes: RFC 4180 (CRLF
 * records, fields holding a comma, quote, CR or LF are quoted, quotes doubled)
 * and a UTF-8 byte order mark so spreadsheets read non-ASCII names right.
 */
export function csvOptions(kind: CsvKind): Options {
  return {
    bom: true,
    header: true,
    // Records are arrays of `csvRow` cells; keys are their indexes (a dotted key would be read as a path).
    columns: CSV_COLUMNS[kind].map((c, i) => ({ key: String(i), header: c })),
    record_delimiter: 'windows',
    quote_record_delimiter: true,
    eof: true,
  };
}

/** A whole CSV document (header and rows) of a few objects, in memory. */
export function toCsv(kind: CsvKind, items: readonly unknown[]): string {
  return stringify(
    items.map((item) => csvRow(kind, item)),
    csvOptions(kind),
  );
}
