// Builds the extension (dist/), the webview bundle (media/dist/) and the
// transpiled sources and tests (out/) used by the test suites and the emulator.
// `--watch` rebuilds the two bundles on change (for F5; see .vscode/tasks.json).
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const quiet = args.has('--quiet');
const watch = args.has('--watch');

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

const bundles = [
  // The extension: `vscode` is provided by the host; the AWS layer is a separate
  // bundle loaded on first use so activation never loads SDK code; so are the issuing flows
  // (dist/issuing.js: license documents, license and token actions, the export file writer).
  {
    absWorkingDir: root,
    entryPoints: { extension: 'src/extension.ts', aws: 'src/aws/index.ts', issuing: 'src/commands/issuingEntry.ts' },
    bundle: true,
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    // The SDK's ES module builds tree-shake: dist/aws.js is ~330 KiB instead of ~550 KiB minified.
    mainFields: ['module', 'main'],
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
  },
  {
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
  },
];

/** Lines for the watch task's problem matcher in .vscode/tasks.json: one start/finish around all bundles. */
let building = 0;
let errors = 0;
const watchReport = {
  name: 'watch-report',
  setup(build) {
    build.onStart(() => {
      if (building++ === 0) {
        errors = 0;
        console.log('watch: build started');
      }
    });
    build.onEnd((r) => {
      for (const e of r.errors) {
        const at = e.location ? `${e.location.file}:${e.location.line}:${e.location.column + 1}: ` : '';
        console.log(`watch: error: ${at}${e.text}`);
      }
      errors += r.errors.length;
      if (--building === 0) console.log(`watch: build finished with ${errors} error(s)`);
    });
  },
};

if (watch) {
  for (const options of bundles) {
    const ctx = await esbuild.context({ ...options, plugins: [watchReport] });
    await ctx.watch();
  }
  console.log('watch: watching src/ and media/src/ (Ctrl+C to stop)');
} else {
  await Promise.all([
    ...bundles.map((options) => esbuild.build(options)),
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
}
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
const pruned = production || watch ? 0 : pruneStale(join(root, 'out'));
if (pruned && !quiet) console.log(`build: removed ${pruned} compiled file(s) whose source is gone`);
if (!quiet && !watch) console.log(`build: done in ${Date.now() - started} ms${production ? ' (production)' : ''}`);
