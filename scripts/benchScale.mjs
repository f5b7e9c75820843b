// The inbox and bulk grant actions across many accounts (part of `npm run bench`): 60 profiles x 4
// regions, 300 ms emulator latency. Calls are bounded per profile and region and in all
// (src/data/placeLimit.ts; the README states the bounds); the emulator's own request log says how many
// were in flight at once per place.
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LATENCY = 300;
const PROFILES = 60;
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2', 'us-west-2'];
const BULK = 50;
const OPERATIONS = ['CheckoutLicense', 'CheckInLicense', 'ListPurchasedLicenses'];

const hex = (n, prefix) => `${prefix}-${n.toString(16).padStart(32, '0')}`;
const accountId = (i) => `3000000000${String(i).padStart(2, '0')}`;

/** A seller (profile 0) grants one license per region to each of 59 buyers, and 50 more licenses in us-east-1 to buyer 1, accepted and not active. */
function scaleSeed() {
  const accounts = Array.from({ length: PROFILES }, (_, i) => ({
    id: accountId(i),
    name: `Scale ${i}`,
    profile: `scale-${String(i).padStart(2, '0')}`,
    accessKeyId: `AKIDSCALE${String(i).padStart(11, '0')}`,
    secretAccessKey: `scale-secret-${i}`,
    defaultRegion: REGIONS[0],
    regions: {},
  }));
  const license = (n, name) => ({
    id: hex(n, 'l'),
    LicenseName: name,
    ProductName: name,
    ProductSKU: `SCALE-${n}`,
    Beneficiary: 'scale',
    Status: 'AVAILABLE',
    Validity: { Begin: '2025-01-01T00:00:00Z', End: '2030-12-31T23:59:59Z' },
    Entitlements: [{ Name: 'Users', Unit: 'Count', MaxCount: 100, Overage: false, AllowCheckIn: true }],
    ConsumptionConfiguration: { RenewType: 'None', ProvisionalConfiguration: { MaxTimeToLiveInMinutes: 60 } },
    CreateTime: '2025-01-01T00:00:00Z',
  });
  const licenseArn = (n) => `arn:aws:license-manager::${accountId(0)}:license:${hex(n, 'l')}`;
  let next = 1;
  for (const region of REGIONS) {
    const n = next++;
    const grants = accounts.slice(1).map((a, i) => ({
      id: hex(n * 1000 + i, 'g'),
      name: `Scale ${region} for ${a.profile}`,
      licenseArn: licenseArn(n),
      principal: `arn:aws:iam::${a.id}:root`,
      operations: OPERATIONS,
      status: 'PENDING_ACCEPT',
    }));
    accounts[0].regions[region] = { licenses: [license(n, `Scale ${region}`)], grants };
  }
  for (let b = 0; b < BULK; b++) {
    const n = next++;
    accounts[0].regions[REGIONS[0]].licenses.push(license(n, `Bulk ${b}`));
    accounts[0].regions[REGIONS[0]].grants.push({
      id: hex(n * 1000, 'g'),
      name: `Bulk ${b}`,
      licenseArn: licenseArn(n),
      principal: `arn:aws:iam::${accountId(1)}:root`,
      operations: OPERATIONS,
      status: 'DISABLED',
      history: [{ status: 'PENDING_ACCEPT' }],
    });
  }
  return { regions: REGIONS, accounts };
}

/** The most requests the emulator had open at once, per profile and region and in all, among `entries`. */
function peaks(entries) {
  const events = [];
  for (const e of entries) {
    const place = `${e.profile}/${e.region}`;
    events.push({ at: e.time, d: 1, place }, { at: e.done ?? Number.POSITIVE_INFINITY, d: -1, place });
  }
  // Ends before starts at the same millisecond: the next call is sent after an answer arrives.
  events.sort((a, b) => a.at - b.at || a.d - b.d);
  const open = new Map();
  let all = 0;
  let peakAll = 0;
  let peakPlace = 0;
  for (const ev of events) {
    all += ev.d;
    open.set(ev.place, (open.get(ev.place) ?? 0) + ev.d);
    peakAll = Math.max(peakAll, all);
    peakPlace = Math.max(peakPlace, open.get(ev.place));
  }
  return { peakAll, peakPlace };
}

/**
 * Runs the figures and adds them through `row`. `lib` holds the bench's helpers and the built modules.
 */
export async function benchScale({ row, ratio, ms, median, root, aws, startEmulator }) {
  const require = createRequire(import.meta.url);
  const { loadInbox } = require(join(root, 'out/src/data/inbox.js'));
  const { GLOBAL_CALL_LIMIT, PLACE_CALL_LIMIT } = require(join(root, 'out/src/data/placeLimit.js'));
  const { bulkOperation, sendBulk } = require(join(root, 'out/src/grants/bulkSend.js'));
  const { InFlight } = require(join(root, 'out/src/state/inflight.js'));
  const { PendingTokens } = require(join(root, 'out/src/state/pendingTokens.js'));
  const emu = await startEmulator({ seed: scaleSeed(), latencyMs: LATENCY, onRequest: (entry) => (entry.done = Date.now()) });
  const dir = mkdtempSync(join(tmpdir(), 'lm-bench-scale-'));
  const files = emu.writeAwsConfig(dir);
  process.env.AWS_CONFIG_FILE = files.configFile;
  process.env.AWS_SHARED_CREDENTIALS_FILE = files.credentialsFile;
  const factory = aws.createClientFactory({});
  const profiles = emu.state.identityList().map((i) => i.profile).sort();
  const places = profiles.flatMap((profile) => REGIONS.map((region) => ({ profile, region })));
  const bulkProfile = profiles[1];
  try {
    const one = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await factory.get(bulkProfile, REGIONS[0]).listReceivedGrants({ maxResults: 100 });
      one.push(performance.now() - t);
    }
    const oneCall = median(one);
    row(`one ListReceivedGrants call, ${LATENCY} ms emulator latency, median of 5`, ms(oneCall));
    row('  bounds: calls in flight per profile and region / in all', `${PLACE_CALL_LIMIT} / ${GLOBAL_CALL_LIMIT}`);

    const measure = async (run) => {
      const from = emu.requests.length;
      const t = performance.now();
      const cpu = process.cpuUsage();
      const value = await run();
      const elapsed = performance.now() - t;
      const used = process.cpuUsage(cpu);
      const entries = emu.requests.slice(from);
      return { ms: elapsed, cpuMs: (used.user + used.system) / 1000, value, requests: entries.length, ...peaks(entries) };
    };
    const refresh = () => measure(() => loadInbox(places, { api: (p, r) => factory.get(p, r), collectAll: aws.collectAll }));
    const keys = (load) => load.items.map((i) => i.key).sort().join('\n');

    await refresh(); // clients, credentials and connections of 240 places
    const runs = [await refresh(), await refresh(), await refresh()];
    const full = median(runs.map((r) => r.ms));
    const label = `${PROFILES} profiles x ${REGIONS.length} regions`;
    row(`inbox refresh, ${label} (${runs[0].requests} requests), median of 3`, ms(full), undefined, undefined, `CPU of this process (client and emulator): ${ms(median(runs.map((r) => r.cpuMs)))}`);
    row('  / one call', ratio(full / oneCall), '<= 10x', full / oneCall <= 10, `${Math.ceil(runs[0].requests / GLOBAL_CALL_LIMIT)} rounds of ${GLOBAL_CALL_LIMIT} at best`);
    const inboxPeak = Math.max(...runs.map((r) => r.peakPlace));
    row('  most in flight at the emulator per place / in all', `${inboxPeak} / ${Math.max(...runs.map((r) => r.peakAll))}`, `<= ${PLACE_CALL_LIMIT} per place`, inboxPeak <= PLACE_CALL_LIMIT);

    emu.setFaults({ throttleRate: 0.3 });
    const throttled = await refresh();
    emu.setFaults({ throttleRate: 0 });
    const complete = keys(throttled.value) === keys(runs[0].value);
    const failedPlaces = throttled.value.results.filter((r) => r.receivedError || r.distributedError).length;
    row('inbox refresh with 30 % throttling', ms(throttled.ms), undefined, undefined, `${throttled.requests} requests, throttled answers included`);
    row(
      '  items arrived / places failed',
      `${throttled.value.items.length}/${runs[0].value.items.length} / ${failedPlaces}`,
      'all / 0',
      complete && failedPlaces === 0 && throttled.value.items.length === runs[0].value.items.length,
    );
    row('  most in flight per place', throttled.peakPlace, `<= ${PLACE_CALL_LIMIT}`, throttled.peakPlace <= PLACE_CALL_LIMIT);

    // Bulk: 50 grants of one account and region, each its own CreateGrantVersion.
    const api = factory.get(bulkProfile, REGIONS[0]);
    const read = async (status) => {
      const { items } = await aws.collectAll((nextToken) =>
        api.listReceivedGrants({ maxResults: 100, nextToken, filters: [{ Name: 'GrantStatus', Values: [status] }] }),
      );
      return items.filter((g) => g.GrantName.startsWith('Bulk ')).map((grant) => ({ grant, profile: bulkProfile, region: REGIONS[0], direction: 'received' }));
    };
    const deps = {
      api: (p, r) => factory.get(p, r),
      newClientToken: () => aws.newClientToken(),
      tokens: new PendingTokens(),
      inFlight: new InFlight(),
      deadlineMs: 60_000,
      log: () => undefined,
    };
    const bulk = async (action, status) => {
      const items = await read(status);
      if (items.length !== BULK) throw new Error(`bench: ${items.length} of ${BULK} grants in ${status}`);
      const m = await measure(() => sendBulk(items, bulkOperation(action), deps));
      const done = m.value.filter((o) => o.kind === 'done' || o.kind === 'landed').length;
      return { ...m, done };
    };
    const activations = [];
    for (let i = 0; i < 3; i++) {
      activations.push(await bulk('activate', 'DISABLED'));
      await bulk('deactivate', 'ACTIVE');
    }
    const bulkMs = median(activations.map((a) => a.ms));
    const bulkPeak = Math.max(...activations.map((a) => a.peakPlace));
    row(`bulk activate of ${BULK} grants, one account and region, median of 3`, ms(bulkMs), undefined, undefined, `${activations.map((a) => a.done).join(', ')} of ${BULK} activated`);
    row('  / one call', ratio(bulkMs / oneCall), '<= 12x', bulkMs / oneCall <= 12 && activations.every((a) => a.done === BULK), `${Math.ceil(BULK / PLACE_CALL_LIMIT)} rounds of ${PLACE_CALL_LIMIT} at best`);
    row('  most in flight at the emulator in that place', bulkPeak, `<= ${PLACE_CALL_LIMIT}`, bulkPeak <= PLACE_CALL_LIMIT);

    emu.setFaults({ throttleRate: 0.3 });
    const throttledBulk = await bulk('activate', 'DISABLED');
    emu.setFaults({ throttleRate: 0 });
    const after = await read('ACTIVE');
    row('bulk activate with 30 % throttling', ms(throttledBulk.ms), undefined, undefined, `${throttledBulk.requests} requests, throttled answers included`);
    row('  activated (said / read back)', `${throttledBulk.done} / ${after.length} of ${BULK}`, 'all', throttledBulk.done === BULK && after.length === BULK);
    row('  most in flight per place', throttledBulk.peakPlace, `<= ${PLACE_CALL_LIMIT}`, throttledBulk.peakPlace <= PLACE_CALL_LIMIT);
  } finally {
    factory.dispose();
    await emu.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
