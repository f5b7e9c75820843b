/** NO_PROXY: which hosts bypass the proxy, matched as curl and the AWS CLI do. */
import { BlockList, isIP } from 'node:net';

/** Splits a NO_PROXY value ("a.com, .b.com:8443 *") into entries. */
export function parseNoProxy(value: string | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).filter(Boolean);
}

/** `4` or `6` for an IP address (without brackets), else 0. */
function ipFamily(host: string): 0 | 4 | 6 {
  return isIP(host) as 0 | 4 | 6;
}

/** Whether the IP address `ip` is `entry`: the same address, or inside `entry` written as a CIDR block. */
function ipMatches(ip: string, family: 4 | 6, entry: string): boolean {
  const cidr = /^([^/]+)\/(\d{1,3})$/.exec(entry);
  const address = cidr ? cidr[1] : entry;
  const entryFamily = ipFamily(address);
  if (entryFamily !== family) return false;
  const prefix = cidr ? Number(cidr[2]) : family === 4 ? 32 : 128;
  if (prefix > (family === 4 ? 32 : 128)) return false;
  const list = new BlockList();
  const type = family === 4 ? 'ipv4' : 'ipv6';
  list.addSubnet(address, prefix, type);
  return list.check(ip, type);
}

/**
 * True when `host:port` bypasses the proxy under `entries`, matching as curl and
 * the AWS CLI do: `*` matches everything; an entry matches the host itself and
 * its subdomains (`example.com` and `.example.com` both match `a.example.com`;
 * `*.example.com` too); an entry with `:port` matches that port only. An IP
 * address matches only the same address or a CIDR block holding it (`10.0.0.0/8`,
 * `::1/128`), never by suffix. Case-insensitive.
 */
export function bypassesProxy(host: string, port: string, entries: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  const family = ipFamily(h);
  for (const raw of entries) {
    let entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    let entryPort: string | undefined;
    const m = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(entry);
    if (m) {
      entry = m[1];
      entryPort = m[2];
    }
    entry = entry.replace(/^\[(.*)\]$/, '$1');
    if (entryPort !== undefined && entryPort !== port) continue;
    if (family !== 0) {
      if (ipMatches(h, family, entry)) return true;
      continue;
    }
    entry = entry.replace(/^\*?\./, '').replace(/\.$/, '');
    if (h === entry || h.endsWith(`.${entry}`)) return true;
  }
  return false;
}
