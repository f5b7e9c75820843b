import * as assert from 'node:assert/strict';
import { judgeOutcome, mayHaveLanded, refusedOutright } from '../../src/model/mutationOutcome';

describe('the outcome of a grant write whose answer was lost', () => {
  it('is checked after a lost or unreadable answer and after a refused retry, never after a refusal before writing or a cancel', () => {
    for (const kind of ['timeout', 'network', 'unexpectedAnswer', 'service', 'throttled', 'invalidInput', 'staleVersion']) {
      assert.equal(mayHaveLanded(kind), true, kind);
    }
    for (const kind of ['cancelled', 'accessDenied', 'credentials', 'proxy', 'certificate', 'configuration', 'notFound', 'other', undefined]) {
      assert.equal(mayHaveLanded(kind), false, String(kind));
    }
  });

  it('takes a refusal of the only attempt as the answer to the request itself: nothing was written', () => {
    assert.deepEqual([mayHaveLanded('invalidInput', 1), mayHaveLanded('staleVersion', 1)], [false, false]);
    assert.deepEqual([mayHaveLanded('invalidInput', 2), mayHaveLanded('staleVersion', 3)], [true, true], 'a refused retry');
    assert.deepEqual([mayHaveLanded('timeout', 1), mayHaveLanded('service', 1), mayHaveLanded('network', 1)], [true, true, true]);
    assert.deepEqual([refusedOutright('invalidInput', 1), refusedOutright('invalidInput', 2), refusedOutright('invalidInput', undefined), refusedOutright('timeout', 1)], [true, false, false, false]);
  });

  const accept = { status: 'DISABLED', before: { status: 'PENDING_ACCEPT', version: '1' } };
  it('Accept landed when the grant is now DISABLED, whatever its version', () => {
    assert.equal(judgeOutcome(accept, { status: 'DISABLED', version: '1' }), 'landed');
    assert.equal(judgeOutcome(accept, { status: 'DISABLED', version: '2' }), 'landed');
  });
  it('Accept did not land when the grant is exactly as the user saw it', () => {
    assert.equal(judgeOutcome(accept, { status: 'PENDING_ACCEPT', version: '1' }), 'notLanded');
  });
  it('is unknown when someone else changed the grant meanwhile or it vanished', () => {
    assert.equal(judgeOutcome(accept, { status: 'REJECTED', version: '1' }), 'unknown');
    assert.equal(judgeOutcome(accept, { status: 'PENDING_ACCEPT', version: '2' }), 'unknown');
    assert.equal(judgeOutcome(accept, 'notFound'), 'unknown');
  });
  it('Delete landed when the grant is DELETED or gone, and did not when it is unchanged', () => {
    const del = { status: 'DELETED', before: { status: 'ACTIVE', version: '3' } };
    assert.equal(judgeOutcome(del, 'notFound'), 'landed');
    assert.equal(judgeOutcome(del, { status: 'DELETED', version: '3' }), 'landed');
    assert.equal(judgeOutcome(del, { status: 'ACTIVE', version: '3' }), 'notLanded');
    assert.equal(judgeOutcome(del, { status: 'DISABLED', version: '4' }), 'unknown');
  });
  it('a version that keeps the status landed only when the version moved on by one', () => {
    const rename = { status: 'ACTIVE', before: { status: 'ACTIVE', version: '2' } };
    assert.equal(judgeOutcome(rename, { status: 'ACTIVE', version: '3' }), 'landed');
    assert.equal(judgeOutcome(rename, { status: 'ACTIVE', version: '2' }), 'notLanded');
    assert.equal(judgeOutcome(rename, { status: 'ACTIVE', version: '5' }), 'unknown');
    assert.equal(judgeOutcome(rename, { status: 'DISABLED', version: '3' }), 'unknown');
  });
  it('a new grant landed when one is found; none found is unknown, since lists lag behind changes', () => {
    const create = { status: 'PENDING_WORKFLOW' };
    assert.equal(judgeOutcome(create, { status: 'PENDING_WORKFLOW', version: '1' }), 'landed');
    assert.equal(judgeOutcome(create, { status: 'ACTIVE', version: '1' }), 'landed');
    assert.equal(judgeOutcome(create, 'notFound'), 'unknown');
  });
});
