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
export type CsvKind = 'usage' | 'association' | 'licenseConfiguration' | 'license' | 'receivedLicense' | 'grant' | 'token';

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
  // ListTokens answers what a token is, never the token itself.
  token: ['TokenId', 'TokenType', 'LicenseArn', 'Status', 'ExpirationTime', 'RoleArns[]', 'TokenProperties[]'],
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

/**
 * A formula trigger (`=`, `+`, `-`, `@`, tab or carriage return) where a spreadsheet may start a
 * cell: at the start of the text, or after whitespace (a no-break space included), `;` or `,`,
 * which an import may take as the separator or trim.
 */
const FORMULA_START = /(?:^|[\s;,])[=+\-@\t\r]/;
/** The mark {@link guardCell} puts first; every cell that starts with it is written quoted. */
const GUARD = "'";

/**
 * Makes a cell inert for spreadsheets: text holding a formula trigger at the start or after
 * whitespace, `;` or `,` gets a leading `'`, which spreadsheets show as text; such a cell is
 * also always written quoted, so a `;` or space separator cannot start a new cell inside it.
 */
export function guardCell(text: string): string {
  return FORMULA_START.test(text) ? `${GUARD}${text}` : text;
}

function scalarText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined || v === null) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString();
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Reads one member path; a step through anything but a plain structure (a list, a scalar, nothing) gives `undefined`. */
type Reader = (v: unknown) => unknown;

function reader(path: readonly string[]): Reader {
  return (v) => {
    let at = v;
    for (const key of path) {
      if (at === null || typeof at !== 'object' || Array.isArray(at)) return undefined;
      at = (at as Record<string, unknown>)[key];
    }
    return at;
  };
}

/** The text of a column of any object, before the formula guard, made once per column. */
type CellReader = (item: unknown) => string;

function cellReader(column: string): CellReader {
  const split = column.indexOf('[]');
  if (split < 0) {
    const read = reader(column.split('.'));
    return (item) => scalarText(read(item));
  }
  const readList = reader(column.slice(0, split).split('.'));
  const rest = column.slice(split + 2).replace(/^\./, '');
  if (!rest) {
    return (item) => {
      const list = readList(item);
      return Array.isArray(list) ? list.map(scalarText).join(LIST_SEPARATOR) : '';
    };
  }
  const readInner = reader(rest.split('.'));
  return (item) => {
    const list = readList(item);
    if (!Array.isArray(list)) return '';
    const values = list.map(readInner);
    return values.every((x) => x === undefined) ? '' : values.map(scalarText).join(LIST_SEPARATOR);
  };
}

/** The text of one column of one object, before the formula guard. */
export function cellText(item: unknown, column: string): string {
  return cellReader(column)(item);
}

const readers = new Map<CsvKind, readonly CellReader[]>();

function readersOf(kind: CsvKind): readonly CellReader[] {
  let r = readers.get(kind);
  if (!r) readers.set(kind, (r = CSV_COLUMNS[kind].map(cellReader)));
  return r;
}

/** The cells of one object of `kind`, guarded, in the order of `CSV_COLUMNS[kind]`. */
export function csvRow(kind: CsvKind, item: unknown): string[] {
  return readersOf(kind).map((read) => guardCell(read(item)));
}

/**
 * csv-stringify options of every CSV the extension writes: RFC 4180 (CRLF
 * records, fields holding a comma, quote, CR or LF are quoted, quotes doubled),
 * guarded cells (and any other starting with `'`) quoted too,
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
    quoted_match: /^'/,
    eof: true,
  };
}

/** What makes csv-stringify quote a cell under `csvOptions`: a comma, a quote, CR or LF, or a leading `'`. */
const NEEDS_QUOTES = /[",\r\n]|^'/;
const RECORD_END = '\r\n';
const recordOptions = new Map<CsvKind, Options>();

function stringifyRecords(kind: CsvKind, records: string[][]): string {
  let options = recordOptions.get(kind);
  if (!options) recordOptions.set(kind, (options = { ...csvOptions(kind), header: false, bom: false }));
  return stringify(records, options);
}

/**
 * The CSV records of `items` (each ending in CRLF), after the BOM and the
 * header when `header` is true. Records that need quoting are written by
 * csv-stringify; a record none of whose cells holds a comma, quote, CR or LF
 * or starts with `'` is the same text unquoted, so it is joined directly.
 */
export function csvText(kind: CsvKind, items: readonly unknown[], header: boolean): string {
  let text = header ? stringify([], csvOptions(kind)) : '';
  const read = readersOf(kind);
  let quoted: string[][] = [];
  for (const item of items) {
    let line = '';
    let plain = true;
    for (let i = 0; i < read.length && plain; i++) {
      const cell = guardCell(read[i](item));
      plain = !NEEDS_QUOTES.test(cell);
      line += i === 0 ? cell : `,${cell}`;
    }
    if (!plain) {
      quoted.push(csvRow(kind, item));
      continue;
    }
    if (quoted.length > 0) {
      text += stringifyRecords(kind, quoted);
      quoted = [];
    }
    text += line + RECORD_END;
  }
  if (quoted.length > 0) text += stringifyRecords(kind, quoted);
  return text;
}

/** A whole CSV document (header and rows) of a few objects, in memory. */
export function toCsv(kind: CsvKind, items: readonly unknown[]): string {
  return csvText(kind, items, true);
}
