import * as assert from 'node:assert/strict';
import type { Grant, License } from '../../src/aws/types';
import { loadGrantVersions, loadVersion } from '../../src/data/history';
import { DocumentCache } from '../../src/documents/documentCache';

const ARN = 'arn:aws:license-manager::111122223333:grant:g-00000000000000000000000000000001';
const grantAt = (version: string): Grant => ({
  GrantArn: ARN,
  GrantName: 'Big',
  ParentArn: 'p',
  LicenseArn: 'l',
  GranteePrincipalArn: 'arn:aws:iam::444455556666:root',
  HomeRegion: 'us-east-1',
  GrantStatus: 'ACTIVE',
  Version: version,
  GrantedOperations: [],
});

describe('what one answer can make: version numbers', () => {
  it('a grant at version 5,000,000 reads one page of 20 versions, newest first, and says where the older ones start', async () => {
    const asked: (string | undefined)[] = [];
    const api = {
      getGrant: (_arn: string, version?: string) => {
        asked.push(version);
        return Promise.resolve(grantAt(version ?? '5000000'));
      },
    };
    const page = await loadGrantVersions(api, ARN);
    assert.equal(page.versions.length, 20);
    assert.deepEqual([page.versions[0].Version, page.versions[19].Version], ['5000000', '4999981']);
    assert.equal(page.older, 4999980);
    assert.equal(asked.length, 20, 'the current version once, then 19 older ones');
  });

  it('a version that is no version number is shown as it is and never counted down from, nor sent', async () => {
    for (const version of ['1e3', '0', '01', '99999999999', '../2', ' 7']) {
      const asked: (string | undefined)[] = [];
      const api = {
        getGrant: (_arn: string, v?: string) => {
          asked.push(v);
          return Promise.resolve(grantAt(version));
        },
        getLicense: () => Promise.resolve({} as License),
      };
      const page = await loadGrantVersions(api, ARN);
      assert.deepEqual(page.versions.map((g) => g.Version), [version], version);
      assert.equal(page.older, undefined);
      assert.deepEqual(asked, [undefined], `only the current version was read (${version})`);
      await assert.rejects(loadVersion(api, 'grant', ARN, version), /not a version number/);
      assert.deepEqual(asked, [undefined], `no call with ${JSON.stringify(version)}`);
    }
    await assert.rejects(loadGrantVersions({ getGrant: () => Promise.resolve(grantAt('3')) }, ARN, { from: 0 }), /not a version number/);
  });
});

describe('the JSON document cache', () => {
  it('holds at most its limit, forgetting the least recently used closed documents first', () => {
    const open = new Set(['a']);
    const cache = new DocumentCache<number>((k) => open.has(k), 3);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    cache.get('b');
    cache.set('b', 22);
    cache.set('d', 4);
    assert.deepEqual([...cache.values()], [1, 22, 4], 'c, the oldest closed one, went; a is open and stays');
    cache.set('e', 5);
    assert.deepEqual([...cache.values()], [1, 4, 5]);
    assert.equal(cache.size, 3);
  });

  it('keeps open documents beyond the limit, and forgets a closed one unless it is open again', () => {
    const open = new Set(['a', 'b', 'c']);
    const cache = new DocumentCache<string>((k) => open.has(k), 2);
    for (const k of ['a', 'b', 'c']) cache.set(k, k);
    assert.equal(cache.size, 3, 'open documents keep their content');
    cache.closed('b');
    assert.equal(cache.get('b'), 'b', 'still open: kept');
    open.delete('b');
    cache.closed('b');
    assert.equal(cache.get('b'), undefined);
    assert.equal(cache.size, 2);
  });
});
