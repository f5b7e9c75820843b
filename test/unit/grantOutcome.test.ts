import * as assert from 'node:assert/strict';
import { LicenseManagerError } from '../../src/aws/errors';
import type { AwsErrorKind, Grant, LicenseManagerApi, ListRequest, Page } from '../../src/aws/types';
import { checkOutcome, NEW_GRANT_MAX_PAGES, NewGrantSearch, type OutcomeCheck, type OutcomeReading } from '../../src/grants/outcome';

const LICENSE = 'arn:aws:license-manager::111122223333:license:l-00000000000000000000000000000001';
const PRINCIPAL = 'arn:aws:iam::444455556666:root';
const arnOf = (n: number): string => `arn:aws:license-manager::111122223333:grant:g-${String(n).padStart(32, '0')}`;

function grant(n: number, name: string, status = 'PENDING_ACCEPT', version = '1'): Grant {
  return {
    GrantArn: arnOf(n),
    GrantName: name,
    ParentArn: LICENSE,
    LicenseArn: LICENSE,
    GranteePrincipalArn: PRINCIPAL,
    HomeRegion: 'us-east-1',
    GrantStatus: status,
    Version: version,
    GrantedOperations: ['CheckoutLicense'],
  };
}

const lost = (kind: AwsErrorKind = 'service'): LicenseManagerError => new LicenseManagerError(kind, 'lost', { code: 'ServerInternalException' });

/**
 * A facade whose ListDistributedGrants answers the `looks[i]` pages on the i-th listing (the last
 * one again after that), `pageSize` items a page, and whose GetGrant answers `getGrant`.
 */
class FakeApi {
  readonly profile = 'seller';
  readonly region = 'us-east-1';
  listings = 0;
  pages = 0;
  readonly filtersSeen: unknown[] = [];
  constructor(
    private readonly looks: Grant[][],
    private readonly pageSize = 100,
    readonly getGrant: (arn: string) => Promise<Grant> = () => Promise.reject(new Error('no GetGrant expected')),
  ) {}
  listDistributedGrants(req: ListRequest = {}): Promise<Page<Grant>> {
    this.pages++;
    this.filtersSeen.push(req.filters);
    const start = req.nextToken === undefined ? 0 : Number(req.nextToken);
    if (start === 0) this.listings++;
    const all = this.looks[Math.min(this.listings, this.looks.length) - 1];
    const items = all.slice(start, start + this.pageSize);
    const next = start + this.pageSize < all.length ? String(start + this.pageSize) : undefined;
    return Promise.resolve(next === undefined ? { items } : { items, nextToken: next });
  }
  asApi(): LicenseManagerApi {
    return this as unknown as LicenseManagerApi;
  }
}

/** A reading with a fake clock: each pause moves it on. */
function reading(api: FakeApi, deadlineMs: number, log: string[] = []): OutcomeReading & { readonly slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    api: api.asApi(),
    signal: new AbortController().signal,
    deadlineMs,
    intervalMs: 1000,
    log: (line) => log.push(line),
    now: () => now,
    sleep: (ms) => {
      slept.push(ms);
      now += ms;
      return Promise.resolve();
    },
    slept,
  };
}

const create = (search: NewGrantSearch): OutcomeCheck => ({
  key: 'create|seller|license',
  operation: 'CreateGrant',
  expect: { status: 'PENDING_WORKFLOW' },
  reread: search.reread,
});

describe('grant outcome after a lost answer (src/grants/outcome.ts)', () => {
  it('reads nothing after a failure before anything was written, or after Cancel', async () => {
    const api = new FakeApi([[]]);
    for (const kind of ['accessDenied', 'credentials', 'cancelled', 'notFound'] as const) {
      assert.equal(await checkOutcome(create(new NewGrantSearch({ licenseArn: LICENSE, principal: PRINCIPAL, grantName: 'x' })), lost(kind), reading(api, 5000)), undefined);
    }
    assert.equal(api.pages, 0);
  });

  it('an action on an existing grant is read once by ARN: landed, not landed, or gone', async () => {
    const accept: OutcomeCheck = {
      key: arnOf(7),
      operation: 'AcceptGrant',
      expect: { status: 'DISABLED', before: { status: 'PENDING_ACCEPT', version: '1' } },
      reread: async (api) => {
        const g = await api.getGrant(arnOf(7));
        return { status: g.GrantStatus, version: g.Version };
      },
    };
    let reads = 0;
    const answering = (g: Grant | LicenseManagerError) => new FakeApi([[]], 100, () => (reads++, g instanceof Error ? Promise.reject(g) : Promise.resolve(g)));
    assert.deepEqual(await checkOutcome(accept, lost(), reading(answering(grant(7, 'a', 'DISABLED', '2')), 5000)), {
      verdict: 'landed',
      status: 'DISABLED',
      version: '2',
      grantArn: undefined,
    });
    assert.deepEqual(await checkOutcome(accept, lost('timeout'), reading(answering(grant(7, 'a')), 5000)), {
      verdict: 'notLanded',
      status: 'PENDING_ACCEPT',
      version: '1',
      grantArn: undefined,
    });
    const gone = new LicenseManagerError('notFound', 'gone', { code: 'InvalidParameterValueException' });
    const r = reading(answering(gone), 5000);
    assert.deepEqual(await checkOutcome(accept, lost(), r), { verdict: 'unknown', status: 'DISABLED', version: '1' });
    assert.deepEqual(r.slept, [], 'an existing grant is not looked for again');
    assert.equal(reads, 3);
  });

  it('a failed read leaves the outcome unknown and says why in the log', async () => {
    const log: string[] = [];
    const check: OutcomeCheck = {
      key: arnOf(3),
      operation: 'RejectGrant',
      expect: { status: 'REJECTED', before: { status: 'PENDING_ACCEPT', version: '1' } },
      reread: () => Promise.reject(new LicenseManagerError('timeout', 'no answer', { code: 'TimeoutError' })),
    };
    assert.deepEqual(await checkOutcome(check, lost(), reading(new FakeApi([[]]), 5000, log)), { verdict: 'unknown', status: '', version: '' });
    assert.deepEqual(log, [`RejectGrant on ${arnOf(3)}: reading the grant again failed: no answer`]);
  });

  it('a new grant a lagging list shows only on the third look has landed, with its ARN', async () => {
    const older = grant(1, 'Team A');
    const other = grant(2, 'Team B');
    const mine = grant(9, 'Team A', 'PENDING_ACCEPT', '1');
    const api = new FakeApi([[older, other], [older, other], [older, other], [older, other, mine]]);
    const search = new NewGrantSearch({ licenseArn: LICENSE, principal: PRINCIPAL, grantName: 'Team A' });
    const r = reading(api, 10_000);
    await search.before(r.api, r.signal);
    assert.deepEqual(await checkOutcome(create(search), lost(), r), { verdict: 'landed', status: 'PENDING_ACCEPT', version: '1', grantArn: arnOf(9) });
    assert.equal(api.listings, 4, 'the list before sending, then three looks');
    assert.deepEqual(r.slept, [1000, 1000]);
    assert.deepEqual(api.filtersSeen[0], [
      { Name: 'LicenseArn', Values: [LICENSE] },
      { Name: 'GranteePrincipalARN', Values: [PRINCIPAL] },
    ]);
  });

  it('an older grant with the same name is no proof: not found by the deadline is unknown, after looking until then', async () => {
    const older = grant(1, 'Team A', 'ACTIVE', '3');
    const api = new FakeApi([[older]]);
    const search = new NewGrantSearch({ licenseArn: LICENSE, principal: PRINCIPAL, grantName: 'Team A' });
    const r = reading(api, 4500);
    await search.before(r.api, r.signal);
    const checked = await checkOutcome(create(search), lost(), r);
    assert.equal(checked?.verdict, 'unknown');
    assert.equal(checked?.grantArn, undefined);
    assert.equal(api.listings, 1 + 6, 'looks at 0, 1, 2, 3, 4 and 4.5 s');
    assert.deepEqual(r.slept, [1000, 1000, 1000, 1000, 500]);
  });

  it('when the grants before sending could not be listed, a grant of that name is not taken for the new one', async () => {
    const api = new FakeApi([[grant(1, 'Team A')]]);
    const failing = { ...api, listDistributedGrants: () => Promise.reject(lost('throttled')) } as unknown as LicenseManagerApi;
    const search = new NewGrantSearch({ licenseArn: LICENSE, principal: PRINCIPAL, grantName: 'Team A' });
    await search.before(failing, new AbortController().signal);
    const checked = await checkOutcome(create(search), lost(), reading(api, 5000));
    assert.equal(checked?.verdict, 'unknown');
  });

  it('looks on every page: a new grant on the third page is found', async () => {
    const fillers = Array.from({ length: 5 }, (_, i) => grant(100 + i, `Filler ${i}`));
    const api = new FakeApi([fillers, [...fillers, grant(9, 'Team A')]], 2);
    const search = new NewGrantSearch({ licenseArn: LICENSE, principal: PRINCIPAL, grantName: 'Team A' });
    const r = reading(api, 5000);
    await search.before(r.api, r.signal);
    const pagesBefore = api.pages;
    const checked = await checkOutcome(create(search), lost(), r);
    assert.equal(checked?.grantArn, arnOf(9));
    assert.equal(api.pages - pagesBefore, 3);
  });

  it('a list whose pages never end is a failed read (unknown), not an endless one', async () => {
    const endless = {
      profile: 'seller',
      region: 'us-east-1',
      pages: 0,
      listDistributedGrants(req: ListRequest = {}) {
        this.pages++;
        return Promise.resolve({ items: [], nextToken: `t${Number(req.nextToken?.slice(1) ?? 0) + 1}` });
      },
    };
    const search = new NewGrantSearch({ licenseArn: LICENSE, principal: PRINCIPAL, grantName: 'Team A' });
    const r = { ...reading(new FakeApi([[]]), 5000), api: endless as unknown as LicenseManagerApi };
    await search.before(r.api, r.signal);
    endless.pages = 0;
    assert.equal((await checkOutcome(create(search), lost(), r))?.verdict, 'unknown');
    assert.equal(endless.pages, NEW_GRANT_MAX_PAGES);
  });

  it('Cancel while waiting for the next look leaves the outcome unknown at once', async () => {
    const api = new FakeApi([[]]);
    const abort = new AbortController();
    const search = new NewGrantSearch({ licenseArn: LICENSE, principal: PRINCIPAL, grantName: 'Team A' });
    await search.before(api.asApi(), abort.signal);
    const pending = checkOutcome(create(search), lost(), { api: api.asApi(), signal: abort.signal, deadlineMs: 60_000, intervalMs: 50, log: () => undefined });
    setTimeout(() => abort.abort(), 120);
    const t0 = Date.now();
    assert.equal((await pending)?.verdict, 'unknown');
    assert.ok(Date.now() - t0 < 5000);
  });
});
