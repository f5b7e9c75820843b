import * as assert from 'node:assert/strict';
import { vsixPath } from './support';
import { vsixEntries } from './support/vsix';

describe('packaged VSIX', () => {
  it('holds the bundles, the webview script and the manifest strings, and no sources or tests', () => {
    const entries = vsixEntries(vsixPath());
    for (const f of ['extension/package.json', 'extension/package.nls.json', 'extension/dist/extension.js', 'extension/dist/aws.js', 'extension/media/dist/detail.js']) {
      assert.ok(entries.includes(f), `${f} is in the VSIX`);
    }
    assert.deepEqual(
      entries.filter((e) => /^extension\/(src|test|out|node_modules|scripts)\/|\.map$|\.ts$/.test(e)),
      [],
      'sources, tests, maps or node_modules in the VSIX',
    );
  });
});
