// Prints the figures behind the extension's speed and memory targets:
// activation bundle size and SDK-freeness, the deferred cost of loading the
// AWS layer, and list/paging latency and memory against the local emulator.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const ms = (n) => `${n.toFixed(1)} ms`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const rows = [];
const row = (what, figure, target) => {
  rows.push({ what, figure, target });
  console.log(`${what.padEnd(58)} ${String(figure).padStart(14)}   ${target ?? ''}`);
};

console.log('License Manager Explorer benchmark');
console.log(`node ${process.version}, ${process.platform}/${process.arch}\n`);

// 1. Bundles, as packaged (production build).
execFileSync(process.execPath, ['scripts/build.mjs', '--production', '--quiet'], { cwd: root, stdio: 'inherit' });
const extJs = readFileSync(join(root, 'dist/extension.js'), 'utf8');
const awsSize = statSync(join(root, 'dist/aws.js')).size;
row('extension.js (loaded at activation)', kb(extJs.length), 'target < 100 KiB');
row('aws.js (loaded on first expand)', kb(awsSize), '');
const sdkMarks = (extJs.match(/@aws-sdk|@smithy|LicenseManagerClient/g) ?? []).length;
row('SDK references inside extension.js', sdkMarks, 'target 0');

// 2. The cost activation avoids: loading the AWS layer in a fresh process.
const loads = [];
for (let i = 0; i < 5; i++) {
  const out = execFileSync(
    process.execPath,
    ['-e', "const t=process.hrtime.bigint();require('./dist/aws.js');process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))"],
    { cwd: root },
  );
  loads.push(Number(out));
}
row('require(dist/aws.js), cold process, median of 5', ms(median(loads)), 'paid on first expand, not at activation');
execFileSync(process.execPath, ['scripts/build.mjs', '--quiet'], { cwd: root, stdio: 'inherit' });

// 3. The AWS layer against the emulator (real SDK over HTTP on loopback).
const { startEmulator } = require(join(root, 'out/test/emulator/index.js'));
const aws = require(join(root, 'dist/aws.js'));
const emu = await startEmulator({});
const dir = mkdtempSync(join(tmpdir(), 'lm-bench-'));
const files = emu.writeAwsConfig(dir);
process.env.AWS_CONFIG_FILE = files.configFile;
process.env.AWS_SHARED_CREDENTIALS_FILE = files.credentialsFile;
const factory = aws.createClientFactory({});
try {
  const big = [...emu.state.configs].sort((a, b) => b.usage.length - a.usage.length)[0];
  const owner = emu.state.identityList?.().find((i) => i.accountId === big.accountId && i.deniedOperations.size === 0)
    ?? [...emu.state.identities.values()].find((i) => i.accountId === big.accountId && i.deniedOperations.size === 0);
  const api = factory.get(owner.profile, big.region);

  let t = performance.now();
  await api.listLicenseConfigurations({ maxResults: 25 });
  row('first call of a profile (credentials + connection)', ms(performance.now() - t), 'target < 200 ms');

  const lat = [];
  for (let i = 0; i < 50; i++) {
    t = performance.now();
    await api.listLicenseConfigurations({ maxResults: 25 });
    lat.push(performance.now() - t);
  }
  row('one list page (25 items), median of 50', ms(median(lat)), 'target < 20 ms');
  row('one list page (25 items), p95 of 50', ms(p95(lat)), '');

  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  t = performance.now();
  const { items, complete } = await aws.collectAll((token) =>
    api.listUsageForLicenseConfiguration(big.arn, { maxResults: 100, nextToken: token }),
  );
  const pagedMs = performance.now() - t;
  const unique = new Set(items.map((u) => u.ResourceArn)).size;
  global.gc?.();
  const heap = process.memoryUsage().heapUsed - before;
  row(`page through ${items.length} usage records (100 per page)`, ms(pagedMs), 'target < 1,000 ms');
  row('  duplicates / complete', `${items.length - unique} / ${complete}`, 'target 0 / true');
  row('  heap held per 1,000 records', kb((heap / items.length) * 1000), 'target < 1 MiB');

  const profiles = (await aws.discoverProfiles()).map((p) => p.name);
  const regions = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
  t = performance.now();
  const results = await Promise.allSettled(
    profiles.flatMap((p) => regions.map((r) => factory.get(p, r).listReceivedGrants({ maxResults: 25 }))),
  );
  row(
    `first page of received grants, ${profiles.length} profiles x ${regions.length} regions in parallel`,
    ms(performance.now() - t),
    `${results.filter((r) => r.status === 'fulfilled').length}/${results.length} ok` +
      (results.some((r) => r.status === 'rejected')
        ? ` (others: ${[...new Set(results.filter((r) => r.status === 'rejected').map((r) => r.reason.kind))].join(', ')}, as seeded)`
        : ''),
  );
} finally {
  factory.dispose();
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
}
console.log(`\n${rows.length} figures`);

// 4. The packaged VSIX, as users download it (vsce package runs the production build).
{
  const out = mkdtempSync(join(tmpdir(), 'lm-vsix-'));
  try {
    const vsix = join(out, 'license-manager-explorer.vsix');
    execFileSync(join(root, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--out', vsix], { cwd: root, stdio: 'ignore' });
    console.log(`vsix: ${(statSync(vsix).size / 1024).toFixed(1)} KiB`);
  } finally {
    rmSync(out, { recursive: true, force: true });
    execFileSync(process.execPath, ['scripts/build.mjs', '--quiet'], { cwd: root, stdio: 'inherit' });
  }
}
