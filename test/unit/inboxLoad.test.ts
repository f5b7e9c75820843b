import * as assert from 'node:assert/strict';
import { collectAll } from '../../src/aws/pager';
import { isLicenseManagerError } from '../../src/aws/errors';
import { loadInbox, type InboxPlaceResult } from '../../src/data/inbox';
import type { InboxPlace } from '../../src/model/inbox';
import type { Seed } from '../emulator/index';
import { demoSeed, startSeedWorld, type SeedWorld } from './demoWorld';
import { seededRandom } from './emulatorSupport';

interface Expected {
  group: string;
  arn: string;
  places: string[];
}

/**
 * What the inbox must hold, from the seed file alone: grants seen by each profile's account in each
 * region (received: to the account's root, or to an organization/OU holding it; distributed: issued
 * by it), in the statuses the inbox shows, one entry per (grant, receiving account).
 */
function expectedInbox(seed: Seed, places: InboxPlace[]): Expected[] {
  const accountOf = new Map<string, { id: string; denied: string[] }>();
  for (const a of seed.accounts) {
    if (a.profile) accountOf.set(a.profile, { id: a.id, denied: a.deniedOperations ?? [] });
    for (const i of a.identities ?? []) accountOf.set(i.profile, { id: a.id, denied: i.deniedOperations ?? [] });
  }
  const receives = (principal: string, account: string): boolean => {
    if (principal === `arn:aws:iam::${account}:root`) return true;
    for (const o of seed.organizations ?? []) {
      if (principal.endsWith(`:organization/${o.id}`) && o.accounts.includes(account)) return true;
      for (const ou of o.ous ?? []) if (principal.endsWith(`:ou/${o.id}/${ou.id}`) && ou.accounts.includes(account)) return true;
    }
    return false;
  };
  const out = new Map<string, Expected>();
  for (const place of places) {
    const me = accountOf.get(place.profile)!;
    for (const grantor of seed.accounts) {
      for (const grant of grantor.regions?.[place.region]?.grants ?? []) {
        const arn = `arn:aws:license-manager::${grantor.id}:grant:${grant.id}`;
        let group: string | undefined;
        let key = arn;
        if (grantor.id === me.id) {
          if (['FAILED_WORKFLOW', 'PENDING_WORKFLOW'].includes(grant.status) && !me.denied.includes('ListDistributedGrants')) group = 'problems';
        } else if (receives(grant.principal, me.id) && !me.denied.includes('ListReceivedGrants')) {
          if (grant.status === 'PENDING_ACCEPT') group = 'waiting';
          if (grant.status === 'DISABLED') group = 'acceptedNotActive';
          key = `${arn} ${me.id}`;
        }
        if (!group) continue;
        const entry = out.get(key) ?? { group, arn, places: [] };
        entry.places.push(`${place.profile}/${place.region}`);
        out.set(key, entry);
      }
    }
  }
  return [...out.values()].sort((a, b) => (a.arn + a.places[0] < b.arn + b.places[0] ? -1 : 1));
}

const placesOf = (seed: Seed): InboxPlace[] =>
  seed.accounts.flatMap((a) => [a.profile, ...(a.identities ?? []).map((i) => i.profile)].filter((p): p is string => !!p)).flatMap((profile) => seed.regions.map((region) => ({ profile, region })));

const actual = (items: Awaited<ReturnType<typeof loadInbox>>['items']): Expected[] =>
  items
    .map((i) => ({ group: i.group, arn: i.grant.GrantArn, places: i.places.map((p) => `${p.profile}/${p.region}`) }))
    .sort((a, b) => (a.arn + a.places[0] < b.arn + b.places[0] ? -1 : 1));

describe('grants inbox loading (emulator)', function () {
  this.timeout(30_000);

  describe('demo seed', () => {
    let world: SeedWorld;
    const seed = demoSeed();
    before(async () => (world = await startSeedWorld({}, { maxAttempts: 1 })));
    after(async () => world.close());

    it('holds exactly the seed’s grants needing attention, for every profile and region, each place reported once', async () => {
      const places = placesOf(seed);
      const reported: InboxPlaceResult[] = [];
      const accountOf = (profile: string) => world.emulator.state.identityList().find((i) => i.profile === profile)?.accountId;
      const load = await loadInbox(places, {
        api: (p, r) => world.factory.get(p, r),
        collectAll,
        accountOf,
        onPlace: (r) => reported.push(r),
      });
      const expected = expectedInbox(seed, places);
      assert.ok(expected.some((e) => e.group === 'waiting') && expected.some((e) => e.group === 'problems') && expected.some((e) => e.group === 'acceptedNotActive'));
      assert.deepEqual(actual(load.items), expected);
      assert.equal(reported.length, places.length);
      assert.deepEqual(new Set(reported.map((r) => `${r.profile}/${r.region}`)).size, places.length);
      // A denied ListReceivedGrants shows as that place's error only.
      const denied = load.results.filter((r) => r.receivedError);
      for (const r of denied) {
        assert.ok(isLicenseManagerError(r.receivedError) && r.receivedError.kind === 'accessDenied', `${r.profile}/${r.region}`);
        assert.ok(r.distributed, 'its distributed grants still arrive');
      }
      const deniedProfiles = seed.accounts.flatMap((a) => a.identities ?? []).filter((i) => i.deniedOperations?.includes('ListReceivedGrants'));
      assert.equal(denied.length, deniedProfiles.length * seed.regions.length);
    });

    it('reports a failing place next to the good results of the others', async () => {
      const places = seed.regions.map((region) => ({ profile: 'buyer', region }));
      const broken = places[1];
      const load = await loadInbox(places, {
        api: (p, r) => (r === broken.region ? world.factory.get('no-such-profile', r) : world.factory.get(p, r)),
        collectAll,
      });
      const bad = load.results[1];
      assert.ok(isLicenseManagerError(bad.receivedError) && isLicenseManagerError(bad.distributedError));
      assert.equal(bad.received, undefined);
      const good = places.filter((p) => p !== broken);
      assert.deepEqual(actual(load.items), expectedInbox(seed, good));
      assert.ok(load.items.length > 0);
    });

    it('stops on abort: every place settles with the reason, nothing more is asked', async () => {
      const ctrl = new AbortController();
      ctrl.abort(new Error('window closed'));
      world.emulator.requests.length = 0;
      const load = await loadInbox(placesOf(seed), { api: (p, r) => world.factory.get(p, r), collectAll, signal: ctrl.signal });
      assert.equal(world.emulator.requests.length, 0);
      assert.ok(load.results.every((r) => (r.receivedError as Error).message === 'window closed'));
      assert.deepEqual(load.items, []);
    });

    it('never has more calls in flight than its bounds, all places and per place, and pages fully', async () => {
      const places = placesOf(seed);
      let running = 0;
      let peak = 0;
      const runningAt = new Map<string, number>();
      let peakAtPlace = 0;
      let pagesAsked = 0;
      const load = await loadInbox(places, {
        api: (p, r) => {
          const api = world.factory.get(p, r);
          const place = `${p}/${r}`;
          const wrap = <A extends unknown[], R>(f: (...a: A) => Promise<R>) => async (...a: A): Promise<R> => {
            running++;
            pagesAsked++;
            peak = Math.max(peak, running);
            runningAt.set(place, (runningAt.get(place) ?? 0) + 1);
            peakAtPlace = Math.max(peakAtPlace, runningAt.get(place)!);
            try {
              return await f(...a);
            } finally {
              running--;
              runningAt.set(place, runningAt.get(place)! - 1);
            }
          };
          return {
            ...api,
            profile: api.profile,
            region: api.region,
            listReceivedGrants: wrap((req) => api.listReceivedGrants({ ...req, maxResults: 1 })),
            listDistributedGrants: wrap((req) => api.listDistributedGrants({ ...req, maxResults: 1 })),
          };
        },
        collectAll,
        limit: 3,
        perPlace: 1,
      });
      assert.equal(peak, 3);
      assert.equal(peakAtPlace, 1);
      assert.ok(pagesAsked > places.length * 2, 'one grant per page: several pages per place');
      assert.deepEqual(actual(load.items), expectedInbox(seed, places));
    });
  });

  describe('two profiles of one account', () => {
    let world: SeedWorld;
    // The demo seed with every profile allowed to list received grants.
    const seed = demoSeed();
    for (const a of seed.accounts) for (const i of a.identities ?? []) i.deniedOperations = (i.deniedOperations ?? []).filter((o) => o !== 'ListReceivedGrants');
    before(async () => (world = await startSeedWorld({ seed }, { maxAttempts: 1 })));
    after(async () => world.close());

    it('shows each received grant once, with both profiles among the places that see it', async () => {
      const account = seed.accounts.find((a) => a.profile && (a.identities ?? []).length > 0)!;
      const profiles = [account.profile!, ...account.identities!.map((i) => i.profile)];
      const places = profiles.flatMap((profile) => seed.regions.map((region) => ({ profile, region })));
      const load = await loadInbox(places, { api: (p, r) => world.factory.get(p, r), collectAll });
      const received = load.items.filter((i) => i.side === 'received');
      assert.ok(received.length >= 2);
      for (const item of received) assert.deepEqual([...new Set(item.places.map((p) => p.profile))], profiles, item.grant.GrantName);
      assert.deepEqual(actual(load.items), expectedInbox(seed, places));
    });
  });

  describe('a throttling service', () => {
    let world: SeedWorld;
    const seed = demoSeed();
    // 30 % of requests throttled (deterministic rolls); the SDK does not retry here, so the loader must.
    before(async () => (world = await startSeedWorld({ throttleRate: 0.3, random: seededRandom(20261130) }, { maxAttempts: 1 })));
    after(async () => world.close());

    it('still delivers every item, asking again after each throttled page', async () => {
      const places = placesOf(seed);
      const load = await loadInbox(places, { api: (p, r) => world.factory.get(p, r), collectAll });
      const throttled = world.emulator.requests.filter((r) => r.errorType === 'RateLimitExceededException').length;
      assert.ok(throttled > 0, 'some requests were throttled');
      assert.deepEqual(actual(load.items), expectedInbox(seed, places));
      assert.ok(load.results.every((r) => !r.receivedError || (r.receivedError as { kind?: string }).kind === 'accessDenied'));
    });
  });

  describe('a service that throttles every request', () => {
    let world: SeedWorld;
    before(async () => (world = await startSeedWorld({ throttleRate: 1 }, { maxAttempts: 1 })));
    after(async () => world.close());

    it('asks each list four times in all (one try, three more), then reports it throttled', async () => {
      const load = await loadInbox([{ profile: 'seller', region: 'us-east-1' }], { api: (p, r) => world.factory.get(p, r), collectAll });
      const asked = world.emulator.requests.map((r) => `${r.operation} ${r.status} ${r.errorType}`).sort();
      assert.deepEqual(asked, [
        ...Array(4).fill('ListDistributedGrants 429 RateLimitExceededException'),
        ...Array(4).fill('ListReceivedGrants 429 RateLimitExceededException'),
      ]);
      assert.deepEqual(load.items, []);
      assert.equal(load.results.length, 1);
      assert.equal((load.results[0].receivedError as { kind?: string }).kind, 'throttled');
      assert.equal((load.results[0].distributedError as { kind?: string }).kind, 'throttled');
    });
  });
});
