/** Addresses of the AWS console's License Manager pages, built from validated parts only. Pure. */

/** The console host of each partition the console serves. */
const CONSOLE_HOSTS: Readonly<Record<string, (region: string) => string>> = {
  aws: (region) => `${region}.console.aws.amazon.com`,
  'aws-cn': () => 'console.amazonaws.cn',
  'aws-us-gov': () => 'console.amazonaws-us-gov.com',
};

const REGION = /^[a-z]{2,4}(-[a-z]{2,10}){1,3}-\d{1,2}$/;
/** A console route: a page name, optionally `/` and a resource id. */
const ROUTE = /^[A-Za-z]{1,64}(\/[A-Za-z0-9-]{1,80})?$/;

/**
 * `https://<region>.console.aws.amazon.com/license-manager/home?region=<region>#/<route>`;
 * undefined when the partition has no known console, the region is not a region name,
 * or the route is not a page name and id.
 */
export function consoleUrl(partition: string, region: string, route: string): string | undefined {
  const host = Object.prototype.hasOwnProperty.call(CONSOLE_HOSTS, partition) ? CONSOLE_HOSTS[partition] : undefined;
  if (!host || !REGION.test(region) || !ROUTE.test(route)) return undefined;
  return `https://${host(region)}/license-manager/home?region=${region}#/${route}`;
}
