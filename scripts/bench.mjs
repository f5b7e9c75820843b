// Prints the figures behind the extension's speed and memory targets:
// activation bundle size and SDK-freeness, the deferred cost of loading the
// AWS layer, and list/paging latency and memory against the local emulator.
//
// Every figure that has a target says PASS or FAIL next to it, and the script
// exits non-zero when any target is missed. Timings on a shared machine are
// noisy, so timing targets are ratios of two figures measured in the same run
// (interleaved); absolute times are printed for reading, without a target.
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
/**
 * One printed figure. `target` is its target text; `pass` (required with a
 * target) says whether it was met. A target given without a verdict counts as
 * missed, so no printed target goes unchecked. `note` is text without a target.
 */
const row = (what, figure, target, pass, note) => {
  const verdict = target === undefined ? '' : pass === true ? 'PASS' : 'FAIL';
  rows.push({ what, figure, target, verdict });
  const tail = target === undefined ? (note ?? '') : `${verdict} target ${target}${pass === undefined ? ' (no check written)' : ''}${note ? `; ${note}` : ''}`;
  console.log(`${what.padEnd(58)} ${String(figure).padStart(14)}   ${tail}`);
};
const ratio = (n) => `${n.toFixed(2)}x`;

console.log('License Manager Explorer benchmark');
console.log(`node ${process.version}, ${process.platform}/${process.arch}\n`);

// 1. Bundles, as packaged (production build).
execFileSync(process.execPath, ['scripts/build.mjs', '--production', '--quiet'], { cwd: root, stdio: 'inherit' });
const extJs = readFileSync(join(root, 'dist/extension.js'), 'utf8');
const awsSize = statSync(join(root, 'dist/aws.js')).size;
row('extension.js (loaded at activation)', kb(extJs.length), '< 100 KiB', extJs.length < 100 * 1024);
row('aws.js (loaded on first expand)', kb(awsSize));
const sdkMarks = (extJs.match(/@aws-sdk|@smithy|LicenseManagerClient/g) ?? []).length;
row('SDK references inside extension.js', sdkMarks, '0', sdkMarks === 0);

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
row('require(dist/aws.js), cold process, median of 5', ms(median(loads)), undefined, undefined, 'paid on first expand, not at activation');
execFileSync(process.execPath, ['scripts/build.mjs', '--quiet'], { cwd: root, stdio: 'inherit' });

// 3. The AWS layer against the emulator (real SDK over HTTP on loopback).
const { startEmulator } = require(join(root, 'out/test/emulator/index.js'));
const { signedRaw } = require(join(root, 'out/test/unit/emulatorSupport.js'));
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
  const coldMs = performance.now() - t;
  // First call of a profile in a fresh client factory (credentials + connection), median of 5.
  const firsts = [];
  for (let i = 0; i < 5; i++) {
    const fresh = aws.createClientFactory({});
    try {
      t = performance.now();
      await fresh.get(owner.profile, big.region).listLicenseConfigurations({ maxResults: 25 });
      firsts.push(performance.now() - t);
    } finally {
      fresh.dispose();
    }
  }
  const firstMs = median(firsts);

  // The same request through the AWS layer and signed by hand (the floor: signing,
  // loopback HTTP and the emulator's work), interleaved so both see the same load.
  const lat = [];
  const floor = [];
  const body = JSON.stringify({ MaxResults: 25 });
  for (let i = 0; i < 50; i++) {
    t = performance.now();
    await api.listLicenseConfigurations({ maxResults: 25 });
    lat.push(performance.now() - t);
    t = performance.now();
    const r = await signedRaw(emu, { profile: owner.profile, region: big.region, target: 'AWSLicenseManager.ListLicenseConfigurations', body });
    if (r.status !== 200) throw new Error(`hand-signed request failed: ${r.status} ${r.text}`);
    floor.push(performance.now() - t);
  }
  row('very first call (loads the SDK parts it uses)', ms(coldMs));
  row('first call of a profile (credentials + connection), median of 5', ms(firstMs));
  row('  / one list page through the AWS layer (median)', ratio(firstMs / median(lat)), '< 10x', firstMs / median(lat) < 10);
  row('one list page (25 items) through the AWS layer, median of 50', ms(median(lat)));
  row('one list page (25 items), p95 of 50', ms(p95(lat)));
  row('the same request signed by hand, median of 50', ms(median(floor)));
  row('  AWS layer / hand-signed (client overhead)', ratio(median(lat) / median(floor)), '< 3x', median(lat) / median(floor) < 3);

  const pageLat = [];
  for (let i = 0; i < 10; i++) {
    t = performance.now();
    await api.listUsageForLicenseConfiguration(big.arn, { maxResults: 100 });
    pageLat.push(performance.now() - t);
  }
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
  const pages = Math.ceil(items.length / 100);
  const linear = pagedMs / (pages * median(pageLat));
  row(`page through ${items.length} usage records (100 per page)`, ms(pagedMs));
  row(`  / ${pages} x one first page of 100 (median of 10)`, ratio(linear), '< 1.5x (paging stays linear)', linear < 1.5);
  row('  duplicates / complete', `${items.length - unique} / ${complete}`, '0 / true', items.length === unique && complete === true);
  row('  heap held per 1,000 records', kb((heap / items.length) * 1000), '< 1 MiB', (heap / items.length) * 1000 < 1024 * 1024);

  const profiles = (await aws.discoverProfiles()).map((p) => p.name);
  const regions = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
  t = performance.now();
  const results = await Promise.allSettled(
    profiles.flatMap((p) => regions.map((r) => factory.get(p, r).listReceivedGrants({ maxResults: 25 }))),
  );
  row(
    `first page of received grants, ${profiles.length} profiles x ${regions.length} regions in parallel`,
    ms(performance.now() - t),
    undefined,
    undefined,
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
const missed = rows.filter((r) => r.verdict === 'FAIL');
const checked = rows.filter((r) => r.verdict);
console.log(`\n${rows.length} figures, ${checked.length} with a target: ${checked.length - missed.length} PASS, ${missed.length} FAIL`);
for (const r of missed) console.log(`missed: ${r.what.trim()} = ${r.figure} (target ${r.target})`);
process.exitCode = missed.length ? 1 : 0;
