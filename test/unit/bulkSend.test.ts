import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { newClientToken } from '../../src/aws/index';
import { bulkOperation, sendBulk, type BulkGrant, type BulkSendDeps } from '../../src/grants/bulkSend';
import { InFlight } from '../../src/state/inflight';
import { PendingTokens } from '../../src/state/pendingTokens';
import { startSeedWorld, type SeedWorld } from './demoWorld';

const SEED = join(__dirname, '..', '..', '..', 'test', 'emulator', 'seeds', 'grants.json');
const REGION = 'us-east-1';
const DISABLED = ['Fabrikam dashboards', 'Fabrikam compute', 'Fabrikam archive'];

describe('sending one grant action to several grants', () => {
  let world: SeedWorld;
  const dice: number[] = [];
  beforeEach(async () => {
    dice.length = 0;
    world = await startSeedWorld({ seed: SEED, random: () => dice.shift() ?? 0.999 }, { maxAttempts: 1 });
  });
  afterEach(async () => world.close());

  const deps = (extra: Partial<BulkSendDeps> = {}): BulkSendDeps => ({
    api: (p, r) => world.factory.get(p, r),
    newClientToken,
    tokens: new PendingTokens(),
    inFlight: new InFlight(),
    deadlineMs: 5_000,
    log: () => undefined,
    ...extra,
  });
  const items = async (): Promise<BulkGrant[]> => {
    const page = await world.factory.get('buyer', REGION).listReceivedGrants({ maxResults: 100 });
    return DISABLED.map((name) => {
      const grant = page.items.find((g) => g.GrantName === name);
      assert.ok(grant, name);
      return { grant, profile: 'buyer', region: REGION, direction: 'received' as const };
    });
  };
  const created = (): string[] => world.emulator.requests.filter((r) => r.operation === 'CreateGrantVersion').map((r) => `${r.status}`);

  it('reads a grant again when its answer is lost and counts it activated when the change landed', async () => {
    const selection = await items();
    world.emulator.setFaults({ failAfterCommitRate: 0.5 });
    dice.push(0, 0.999, 0.999); // the first CreateGrantVersion is saved, then answered 500
    const outcomes = await sendBulk(selection, bulkOperation('activate'), deps({ perPlace: 1 }));
    assert.deepEqual(outcomes.map((o) => o.kind), ['landed', 'done', 'done']);
    assert.deepEqual(outcomes[0], { kind: 'landed', status: 'ACTIVE', version: String(Number(selection[0].grant.Version) + 1) });
    assert.deepEqual(created(), ['500', '200', '200']);
  });

  it('sends a throttled grant again after its place pauses, with the same ClientToken, until it is done', async () => {
    const selection = await items();
    world.emulator.setFaults({ throttleRate: 0.5 });
    dice.push(0, 0); // one call at a time: the first grant is throttled, and throttled again when sent again
    const outcomes = await sendBulk(selection, bulkOperation('activate'), deps({ perPlace: 1 }));
    assert.deepEqual(outcomes.map((o) => o.kind), ['done', 'done', 'done']);
    const first = world.emulator.requests.filter((r) => (r.body as { GrantArn?: string }).GrantArn === selection[0].grant.GrantArn);
    assert.deepEqual(first.map((r) => r.status), [429, 429, 200]);
    assert.equal(new Set(first.map((r) => (r.body as { ClientToken?: string }).ClientToken)).size, 1);
  });

  it('leaves a grant with another action in flight alone', async () => {
    const selection = await items();
    const inFlight = new InFlight();
    let release!: () => void;
    const held = inFlight.tryRun(selection[1].grant.GrantArn, 'AcceptGrant', () => new Promise<void>((r) => (release = r)));
    const outcomes = await sendBulk(selection, bulkOperation('activate'), deps({ inFlight }));
    release();
    await held;
    assert.deepEqual(outcomes.map((o) => o.kind), ['done', 'busy', 'done']);
    assert.equal(created().length, 2);
  });
});
