import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vsixPath } from './support';
import { repoRoot } from './support/host';
import { vsixEntries } from './support/vsix';

/** What must never ship: sources, tests, scripts, dependencies, build output for tests, maps. */
const UNSHIPPED = /^(src|test|out|node_modules|scripts|media\/src|test-results|\.vscode-test|\.ci)\/|\.map$|\.ts$/;

/** vsce renames the Marketplace page, the change log and the license inside the VSIX. */
const VSIX_NAMES: Record<string, string> = { 'README.md': 'readme.md', 'CHANGELOG.md': 'changelog.md', LICENSE: 'LICENSE.txt' };

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

  it('vsce ls lists the Marketplace page and its pictures, the icon, the bundles, schemas, l10n and walkthrough media, and nothing else', () => {
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { icon: string; l10n: string };
    const vsce = join(repoRoot, 'node_modules', '.bin', 'vsce');
    const listed = execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 })
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const entries = vsixEntries(vsixPath()).map((e) => e.replace(/^extension\//, ''));
    const filesOf = (dir: string, ext: string): string[] =>
      readdirSync(join(repoRoot, dir))
        .filter((f) => f.endsWith(ext))
        .map((f) => `${dir}/${f}`);
    // The README's pictures, shown by the Extensions view from the installed files.
    const images = [...readFileSync(join(repoRoot, 'README.md'), 'utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    assert.deepEqual(
      images.filter((i) => !i.startsWith('media/screenshots/')),
      [],
      'README pictures outside media/screenshots/',
    );
    const wanted = [
      ...images,
      'README.md',
      'CHANGELOG.md',
      'LICENSE',
      'package.json',
      'package.nls.json',
      manifest.icon,
      ...filesOf('dist', '.js'),
      'media/dist/detail.js',
      ...filesOf('media/schemas', '.json'),
      ...filesOf(manifest.l10n.replace(/^\.\//, ''), '.json'),
      ...filesOf('media/walkthrough', '.md'),
    ];
    assert.equal(manifest.icon, 'media/icon.png');
    for (const f of wanted) {
      assert.ok(listed.includes(f), `vsce ls lists ${f}`);
      assert.ok(entries.includes(VSIX_NAMES[f] ?? f), `the packaged VSIX holds ${f}`);
    }
    assert.ok(wanted.filter((f) => f.startsWith('dist/')).length >= 3, 'dist/ holds the extension, AWS and issuing bundles');
    assert.deepEqual(listed.filter((f) => UNSHIPPED.test(f)), [], 'vsce ls lists sources, tests, scripts or dependencies');
    assert.deepEqual(entries.filter((f) => UNSHIPPED.test(f)), [], 'the VSIX holds sources, tests, scripts or dependencies');
  });
});
