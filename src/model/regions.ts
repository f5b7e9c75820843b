/** AWS Regions with License Manager, by code; names as the AWS console shows them. */
const REGION_NAMES: Readonly<Record<string, string>> = {
  'us-east-1': 'US East (N. Virginia)',
  'us-east-2': 'US East (Ohio)',
  'us-west-1': 'US West (N. California)',
  'us-west-2': 'US West (Oregon)',
  'af-south-1': 'Africa (Cape Town)',
  'ap-east-1': 'Asia Pacific (Hong Kong)',
  'ap-south-1': 'Asia Pacific (Mumbai)',
  'ap-south-2': 'Asia Pacific (Hyderabad)',
  'ap-southeast-1': 'Asia Pacific (Singapore)',
  'ap-southeast-2': 'Asia Pacific (Sydney)',
  'ap-southeast-3': 'Asia Pacific (Jakarta)',
  'ap-southeast-4': 'Asia Pacific (Melbourne)',
  'ap-northeast-1': 'Asia Pacific (Tokyo)',
  'ap-northeast-2': 'Asia Pacific (Seoul)',
  'ap-northeast-3': 'Asia Pacific (Osaka)',
  'ca-central-1': 'Canada (Central)',
  'ca-west-1': 'Canada West (Calgary)',
  'eu-central-1': 'Europe (Frankfurt)',
  'eu-central-2': 'Europe (Zurich)',
  'eu-west-1': 'Europe (Ireland)',
  'eu-west-2': 'Europe (London)',
  'eu-west-3': 'Europe (Paris)',
  'eu-south-1': 'Europe (Milan)',
  'eu-south-2': 'Europe (Spain)',
  'eu-north-1': 'Europe (Stockholm)',
  'il-central-1': 'Israel (Tel Aviv)',
  'me-south-1': 'Middle East (Bahrain)',
  'me-central-1': 'Middle East (UAE)',
  'sa-east-1': 'South America (São Paulo)',
  'us-gov-east-1': 'AWS GovCloud (US-East)',
  'us-gov-west-1': 'AWS GovCloud (US-West)',
  'cn-north-1': 'China (Beijing)',
  'cn-northwest-1': 'China (Ningxia)',
};

/** The display name of a region, or undefined for a code this table does not know. */
export function regionName(code: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(REGION_NAMES, code) ? REGION_NAMES[code] : undefined;
}

/** Every known region code, in the table's order. */
export function knownRegions(): string[] {
  return Object.keys(REGION_NAMES);
}

/** Loosely checks a region code typed by a user (e.g. `eu-west-1`, `us-gov-west-1`). */
export function isRegionCode(code: string): boolean {
  return /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(code);
}

/**
 * Received licenses are listed in every region. A profile shows each one once:
 * under its home region when that region is selected for the profile, otherwise
 * under the profile's first selected region. Returns that region.
 */
export function receivedLicenseRegion(homeRegion: string | undefined, selectedRegions: readonly string[]): string | undefined {
  if (homeRegion && selectedRegions.includes(homeRegion)) return homeRegion;
  return selectedRegions[0];
}
