import * as assert from 'node:assert/strict';
import { StepFlow, type StepSpec } from '../../src/shared/stepFlow';

interface Answers {
  name: string;
  region: string;
  typedRegion?: string;
  ops: string[];
}

/** Create Grant's shape: a typed region only after picking "other". */
const steps: StepSpec<Answers>[] = [
  { key: 'name' },
  { key: 'region' },
  { key: 'typedRegion', when: (a) => a.region === 'other' },
  { key: 'ops' },
];

describe('multi-step input navigation', () => {
  it('asks the steps in order, numbering them "n of m", and returns the answers', () => {
    const flow = new StepFlow<Answers>(steps);
    assert.equal(flow.current?.key, 'name');
    assert.deepEqual(flow.position(), { step: 1, total: 3 });
    assert.equal(flow.canGoBack, false, 'no Back on the first step');
    flow.answer('Audit');
    assert.equal(flow.current?.key, 'region');
    assert.deepEqual(flow.position(), { step: 2, total: 3 });
    assert.equal(flow.canGoBack, true);
    flow.answer('eu-west-1');
    assert.equal(flow.current?.key, 'ops', 'the typed region is skipped');
    assert.deepEqual(flow.position(), { step: 3, total: 3 });
    flow.answer(['CheckoutLicense']);
    assert.equal(flow.done, true);
    assert.deepEqual(flow.result(), { name: 'Audit', region: 'eu-west-1', ops: ['CheckoutLicense'] });
  });

  it('counts a conditional step once an answer makes it apply', () => {
    const flow = new StepFlow<Answers>(steps);
    flow.answer('Audit');
    flow.answer('other');
    assert.equal(flow.current?.key, 'typedRegion');
    assert.deepEqual(flow.position(), { step: 3, total: 4 });
    flow.answer('xx-east-9');
    assert.deepEqual(flow.position(), { step: 4, total: 4 });
    flow.answer(['CheckoutLicense']);
    assert.deepEqual(flow.result(), { name: 'Audit', region: 'other', typedRegion: 'xx-east-9', ops: ['CheckoutLicense'] });
  });

  it('goes back to the previous asked step with its answer kept', () => {
    const flow = new StepFlow<Answers>(steps);
    flow.answer('Audit');
    flow.answer('eu-west-1');
    flow.back();
    assert.equal(flow.current?.key, 'region', 'back from ops skips the step that did not apply');
    assert.deepEqual(flow.position(), { step: 2, total: 3 });
    assert.equal(flow.previous('region'), 'eu-west-1');
    flow.back();
    assert.equal(flow.current?.key, 'name');
    assert.equal(flow.previous('name'), 'Audit');
    assert.equal(flow.canGoBack, false);
    flow.back();
    assert.equal(flow.current?.key, 'name', 'Back on the first step stays there');
  });

  it('drops the answer of a step that no longer applies after going back', () => {
    const flow = new StepFlow<Answers>(steps);
    flow.answer('Audit');
    flow.answer('other');
    flow.answer('xx-east-9');
    flow.back();
    flow.back();
    assert.equal(flow.current?.key, 'region');
    assert.deepEqual(flow.position(), { step: 2, total: 4 }, 'the kept answer still makes the typed region apply');
    flow.answer('us-east-1');
    assert.deepEqual(flow.position(), { step: 3, total: 3 });
    flow.answer(['CreateGrant']);
    assert.deepEqual(flow.result(), { name: 'Audit', region: 'us-east-1', ops: ['CreateGrant'] });
  });

  it('gives a step the answers of the steps asked before it, not those of later steps kept for Back', () => {
    const flow = new StepFlow<Answers>(steps);
    assert.deepEqual(flow.answersSoFar(), {});
    flow.answer('Audit');
    flow.answer('other');
    flow.answer('xx-east-9');
    assert.deepEqual(flow.answersSoFar(), { name: 'Audit', region: 'other', typedRegion: 'xx-east-9' });
    flow.back();
    flow.back();
    assert.equal(flow.current?.key, 'region');
    assert.deepEqual(flow.answersSoFar(), { name: 'Audit' }, 'the region and typed region are kept for Back, but are not answers before this step');
  });

  it('skips a first step that does not apply and refuses a result before the end', () => {
    const flow = new StepFlow<{ a?: string; b: string }>([{ key: 'a', when: () => false }, { key: 'b' }]);
    assert.equal(flow.current?.key, 'b');
    assert.deepEqual(flow.position(), { step: 1, total: 1 });
    assert.throws(() => flow.result(), /not all answered/);
    flow.answer('x');
    assert.deepEqual(flow.result(), { b: 'x' });
    assert.throws(() => flow.answer('y'), /already answered/);
  });
});
