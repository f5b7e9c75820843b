import * as assert from 'node:assert/strict';
import { isLicenseManagerError } from '../../src/aws/errors';
import { collectAll, pages, type PageFetcher } from '../../src/aws/pager';
import type { Page } from '../../src/aws/types';

function numbered(total: number, size: number, calls: (string | undefined)[] = []): PageFetcher<number> {
  return async (token) => {
    calls.push(token);
    const start = token ? Number(token.slice(1)) : 0;
    const items = Array.from({ length: Math.min(size, total - start) }, (_, i) => start + i);
    const next = start + size < total ? `t${start + size}` : undefined;
    return next ? { items, nextToken: next } : { items };
  };
}

describe('pager', () => {
  it('follows tokens until a page has none', async () => {
    const calls: (string | undefined)[] = [];
    const seen: number[][] = [];
    for await (const page of pages(numbered(7, 3, calls))) seen.push(page.items);
    assert.deepEqual(seen, [[0, 1, 2], [3, 4, 5], [6]]);
    assert.deepEqual(calls, [undefined, 't3', 't6']);
  });

  it('treats an empty token as the last page', async () => {
    const result = await collectAll<number>(async () => ({ items: [1], nextToken: '' }));
    assert.deepEqual(result, { items: [1], complete: true, truncated: false });
  });

  it('starts at a given token', async () => {
    const result = await collectAll(numbered(10, 4), { startToken: 't4' });
    assert.deepEqual(result.items, [4, 5, 6, 7, 8, 9]);
  });

  it('stops with an unexpected-answer error when the tokens cycle A → B → A', async () => {
    const tokens = ['a', 'b', 'a'];
    let i = 0;
    const fetch = async (): Promise<Page<number>> => ({ items: [i], nextToken: tokens[i++] });
    await assert.rejects(collectAll(fetch), (e: unknown) => {
      assert.ok(isLicenseManagerError(e));
      assert.equal(e.kind, 'unexpectedAnswer');
      assert.equal(e.details.code, 'RepeatedNextToken');
      assert.match(e.message, /already returned/);
      return true;
    });
    assert.equal(i, 3, 'no fetch after the repeated token');
  });

  it('counts the start token as seen: a page pointing back to it stops the listing', async () => {
    const calls: (string | undefined)[] = [];
    const fetch = async (token: string | undefined): Promise<Page<string>> => {
      calls.push(token);
      return token === 'resume' ? { items: ['r1'], nextToken: 'b' } : { items: [`${token}1`], nextToken: 'resume' };
    };
    await assert.rejects(collectAll(fetch, { startToken: 'resume' }), (e: unknown) => {
      assert.ok(isLicenseManagerError(e));
      assert.equal(e.details.code, 'RepeatedNextToken');
      return true;
    });
    assert.deepEqual(calls, ['resume', 'b'], 'the start page is not fetched a second time');
  });

  it('caps collected items and fetches no further page', async () => {
    const calls: (string | undefined)[] = [];
    const cut = await collectAll(numbered(100, 10, calls), { maxItems: 25 });
    assert.deepEqual(cut.items, Array.from({ length: 25 }, (_, i) => i));
    assert.equal(cut.complete, false);
    assert.equal(cut.truncated, true);
    assert.equal(calls.length, 3);
    const exact = await collectAll(numbered(20, 10), { maxItems: 20 });
    assert.deepEqual(exact, { items: Array.from({ length: 20 }, (_, i) => i), complete: true, truncated: false });
    const atBoundary = await collectAll(numbered(30, 10), { maxItems: 20 });
    assert.equal(atBoundary.items.length, 20);
    assert.equal(atBoundary.complete, false);
    assert.equal(atBoundary.truncated, true);
  });

  it('stops between pages when aborted', async () => {
    const controller = new AbortController();
    const calls: (string | undefined)[] = [];
    const fetch = numbered(50, 10, calls);
    await assert.rejects(
      (async () => {
        for await (const page of pages(fetch, { signal: controller.signal })) {
          if (page.items[0] === 10) controller.abort();
        }
      })(),
      { name: 'AbortError' },
    );
    assert.equal(calls.length, 2);
  });
});
