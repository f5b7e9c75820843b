// Builds the extension (dist/), the webview bundle (media/dist/) and the
// transpiled sources and tests (out/) used by the test suites and the emulator.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const quiet = args.has('--quiet');

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const started = Date.now();
rmSync(join(root, 'dist'), { recursive: true, force: true });

await Promise.all([
  // The extension: `vscode` is provided by the host; the AWS layer is a separate
  // bundle loaded on first use so activation never loads SDK code.
  esbuild.build({
    absWorkingDir: root,
    entryPoints: { extension: 'src/extension.ts', aws: 'src/aws/index.ts' },
    bundle: true,
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
  }),
  esbuild.build({
    absWorkingDir: root,
    entryPoints: { detail: 'media/src/detail.ts' },
    bundle: true,
    outdir: 'media/dist',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
  }),
  // Tests and the emulator run from plain transpiled files.
  production
    ? Promise.resolve()
    : esbuild.build({
        absWorkingDir: root,
        entryPoints: [...walk(join(root, 'src')), ...walk(join(root, 'test'))].map((p) => relative(root, p)),
        outdir: 'out',
        outbase: '.',
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        sourcemap: true,
        logLevel: 'warning',
      }),
]);
// A compiled file whose source is gone (deleted or moved) must not run: remove
// it, so a stale test or module in out/ can never pass or be imported.
function pruneStale(dir) {
  if (!existsSync(dir)) return 0;
  let removed = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      removed += pruneStale(p);
      if (readdirSync(p).length === 0) rmSync(p, { recursive: true, force: true });
      continue;
    }
    const m = /^(.*)\.js(\.map)?$/.exec(relative(join(root, 'out'), p));
    if (!m || !existsSync(join(root, `${m[1]}.ts`))) {
      rmSync(p, { force: true });
      removed++;
    }
  }
  return removed;
}
const pruned = production ? 0 : pruneStale(join(root, 'out'));
if (pruned && !quiet) console.log(`build: removed ${pruned} compiled file(s) whose source is gone`);
if (!quiet) console.log(`build: done in ${Date.now() - started} ms${production ? ' (production)' : ''}`);
