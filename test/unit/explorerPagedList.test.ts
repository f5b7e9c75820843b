import * as assert from 'node:assert/strict';
import type { Page } from '../../src/aws/types';
import { PagedList } from '../../src/tree/pagedList';

interface Item {
  arn: string;
}

/** A fake list call over `all`, `size` items per page, recording every request. */
function pager(all: Item[], size: number) {
  const calls: (string | undefined)[] = [];
  let release: (() => void) | undefined;
  let hold = false;
  const fetch = async (token: string | undefined): Promise<Page<Item>> => {
    calls.push(token);
    if (hold) await new Promise<void>((r) => (release = r));
    const start = token ? Number(token) : 0;
    const next = start + size < all.length ? String(start + size) : undefined;
    return { items: all.slice(start, start + size), ...(next ? { nextToken: next } : {}) };
  };
  return {
    calls,
    fetch,
    hold(): void {
      hold = true;
    },
    release(): void {
      hold = false;
      release?.();
    },
  };
}

/** Read through a function, so that an earlier assertion's narrowing does not stick. */
const moreErrorOf = (list: PagedList<Item>): unknown => list.moreError;

const items = (n: number): Item[] => Array.from({ length: n }, (_, i) => ({ arn: `arn:${i}` }));

describe('explorer paging (PagedList)', () => {
  it('loads one page at a time and runs to the end with every item once', async () => {
    const p = pager(items(7), 3);
    const list = new PagedList<Item>((i) => i.arn);
    await list.ensureLoaded(p.fetch);
    assert.deepEqual(list.items.map((i) => i.arn), ['arn:0', 'arn:1', 'arn:2']);
    assert.equal(list.nextToken, '3');
    while (list.nextToken) await list.loadMore(list.nextToken, p.fetch);
    assert.deepEqual(list.items.map((i) => i.arn), items(7).map((i) => i.arn));
    assert.deepEqual(p.calls, [undefined, '3', '6']);
  });

  it('sends one request when the first page is asked for concurrently', async () => {
    const p = pager(items(2), 5);
    const list = new PagedList<Item>((i) => i.arn);
    await Promise.all([list.ensureLoaded(p.fetch), list.ensureLoaded(p.fetch), list.ensureLoaded(p.fetch)]);
    await list.ensureLoaded(p.fetch);
    assert.deepEqual(p.calls, [undefined]);
  });

  it('sends one request for repeated "load more" with the same token, and none for a used token', async () => {
    const p = pager(items(10), 4);
    const list = new PagedList<Item>((i) => i.arn);
    await list.ensureLoaded(p.fetch);
    const token = list.nextToken as string;
    p.hold();
    const clicks = [list.loadMore(token, p.fetch), list.loadMore(token, p.fetch), list.loadMore(token, p.fetch)];
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(p.calls, [undefined, '4'], 'the three clicks share one request in flight');
    p.release();
    await Promise.all(clicks);
    await list.loadMore(token, p.fetch);
    assert.deepEqual(p.calls, [undefined, '4']);
    assert.equal(list.items.length, 8);
  });

  it('drops an item that a later page repeats', async () => {
    const pages: Page<Item>[] = [
      { items: [{ arn: 'a' }, { arn: 'b' }], nextToken: 't' },
      { items: [{ arn: 'b' }, { arn: 'c' }] },
    ];
    const list = new PagedList<Item>((i) => i.arn);
    await list.ensureLoaded(async () => pages[0]);
    await list.loadMore('t', async () => pages[1]);
    assert.deepEqual(list.items.map((i) => i.arn), ['a', 'b', 'c']);
    assert.equal(list.nextToken, undefined);
  });

  it('stops with an error where Load more was when the service hands back the token it was given', async () => {
    const list = new PagedList<Item>((i) => i.arn);
    await list.ensureLoaded(async () => ({ items: [{ arn: 'a' }], nextToken: 'same' }));
    await list.loadMore('same', async () => ({ items: [{ arn: 'b' }], nextToken: 'same' }));
    assert.deepEqual(list.items.map((i) => i.arn), ['a', 'b']);
    assert.equal((list.moreError as { kind?: string }).kind, 'unexpectedAnswer');
  });

  it('stops with an unexpected-answer error when the tokens cycle A → B → A', async () => {
    const next: Record<string, string> = { '': 'A', A: 'B', B: 'A' };
    const calls: (string | undefined)[] = [];
    const fetch = async (token: string | undefined): Promise<Page<Item>> => {
      calls.push(token);
      return { items: [{ arn: `from-${token ?? 'start'}` }], nextToken: next[token ?? ''] };
    };
    const list = new PagedList<Item>((i) => i.arn);
    await list.ensureLoaded(fetch);
    await list.loadMore('A', fetch);
    assert.equal(list.nextToken, 'B');
    assert.equal(list.moreError, undefined);
    await list.loadMore('B', fetch);
    const error = moreErrorOf(list) as { kind?: string; message?: string; name?: string };
    assert.equal(error.name, 'LicenseManagerError');
    assert.equal(error.kind, 'unexpectedAnswer');
    assert.match(String(error.message), /already returned/);
    assert.deepEqual(calls, [undefined, 'A', 'B'], 'page A is not asked for again');
    assert.deepEqual(list.items.map((i) => i.arn), ['from-start', 'from-A', 'from-B']);
    list.reset();
    await list.ensureLoaded(fetch);
    assert.equal(list.moreError, undefined, 'a reset forgets the tokens seen');
    assert.equal(list.nextToken, 'A');
  });

  it('keeps the loaded items when a later page fails, and retries that page', async () => {
    const p = pager(items(5), 2);
    const list = new PagedList<Item>((i) => i.arn);
    await list.ensureLoaded(p.fetch);
    await list.loadMore('2', () => Promise.reject(new Error('throttled')));
    assert.equal((list.moreError as Error).message, 'throttled');
    assert.equal(list.error, undefined);
    assert.equal(list.items.length, 2);
    await list.loadMore('2', p.fetch);
    assert.equal(list.moreError, undefined);
    assert.equal(list.items.length, 4);
  });

  it('remembers a first-page failure until reset, then loads again', async () => {
    const list = new PagedList<Item>((i) => i.arn);
    let calls = 0;
    const failing = (): Promise<Page<Item>> => {
      calls++;
      return Promise.reject(new Error('denied'));
    };
    await list.ensureLoaded(failing);
    await list.ensureLoaded(failing);
    assert.equal(calls, 1);
    assert.equal((list.error as Error).message, 'denied');
    list.reset();
    await list.ensureLoaded(async () => ({ items: [{ arn: 'x' }] }));
    assert.equal(list.error, undefined);
    assert.deepEqual(list.items, [{ arn: 'x' }]);
  });

  it('ignores the answer of a request that was in flight when the list was reset', async () => {
    const p = pager(items(3), 3);
    const list = new PagedList<Item>((i) => i.arn);
    p.hold();
    const stale = list.ensureLoaded(p.fetch);
    list.reset();
    const fresh = list.ensureLoaded(async () => ({ items: [{ arn: 'new' }] }));
    p.release();
    await Promise.all([stale, fresh]);
    assert.deepEqual(list.items, [{ arn: 'new' }]);
  });

  it('replaces a reloaded item in place', async () => {
    const list = new PagedList<{ arn: string; v: number }>((i) => i.arn);
    await list.ensureLoaded(async () => ({ items: [{ arn: 'a', v: 1 }, { arn: 'b', v: 1 }] }));
    assert.equal(list.replace({ arn: 'b', v: 2 }), true);
    assert.equal(list.replace({ arn: 'zz', v: 2 }), false);
    assert.deepEqual(list.items, [{ arn: 'a', v: 1 }, { arn: 'b', v: 2 }]);
  });

  it('a cancelled later page is no failure: the items and the next token stay, and the page can be asked for again', async () => {
    const list = new PagedList<Item>((i) => i.arn);
    const p = pager(items(5), 2);
    await list.ensureLoaded(p.fetch);
    const cancelled = Object.assign(new Error('cancelled'), { name: 'LicenseManagerError', kind: 'cancelled' });
    await list.loadMore('2', () => Promise.reject(cancelled));
    assert.equal(moreErrorOf(list), undefined);
    assert.equal(list.nextToken, '2');
    assert.deepEqual(list.items.map((i) => i.arn), ['arn:0', 'arn:1']);
    await list.loadMore('2', p.fetch);
    assert.deepEqual(list.items.map((i) => i.arn), ['arn:0', 'arn:1', 'arn:2', 'arn:3']);
  });

  it('a later page that times out is a failure on that page; the items stay', async () => {
    const list = new PagedList<Item>((i) => i.arn);
    const p = pager(items(5), 2);
    await list.ensureLoaded(p.fetch);
    const timeout = Object.assign(new Error('timed out'), { name: 'LicenseManagerError', kind: 'timeout' });
    await list.loadMore('2', () => Promise.reject(timeout));
    assert.equal(moreErrorOf(list), timeout);
    assert.deepEqual(list.items.map((i) => i.arn), ['arn:0', 'arn:1']);
  });
});
