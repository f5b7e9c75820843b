// Loaded into code-server's processes with NODE_OPTIONS=--require by
// scripts/benchHost.mjs; does something only in the extension host. It writes
// one JSON line per event to the file named by LM_BENCH_PROBE: when the
// extension's bundles load, how long `activate` takes and whether dist/aws.js
// was loaded by then, and (on SIGUSR2) the heap after a full garbage collection.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- preloaded with --require, so CommonJS */
const out = process.env.LM_BENCH_PROBE;
if (out && process.argv.includes('--type=extensionHost')) {
  const fs = require('node:fs');
  const Module = require('node:module');
  const path = require('node:path');
  const v8 = require('node:v8');
  const vm = require('node:vm');
  const now = () => performance.timeOrigin + performance.now();
  const write = (event) => fs.appendFileSync(out, `${JSON.stringify({ at: now(), ...event })}\n`);
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc');
  const bundle = (file) => {
    const parts = file.split(path.sep);
    const n = parts.length;
    return n >= 3 && parts[n - 2] === 'dist' && /^license-manager-explorer/.test(parts[n - 3]) ? parts[n - 1] : undefined;
  };
  const loaded = new Set();
  const compileJs = Module._extensions['.js'];
  Module._extensions['.js'] = function (module, filename) {
    const name = bundle(filename);
    const started = now();
    compileJs.call(this, module, filename);
    if (!name) return;
    loaded.add(name);
    write({ event: 'loaded', bundle: name, ms: now() - started });
    if (name !== 'extension.js' || typeof module.exports.activate !== 'function') return;
    const exported = module.exports;
    module.exports = {
      ...exported,
      activate(...args) {
        const t = now();
        const done = (ok) => write({ event: 'activated', ok, ms: now() - t, bundles: [...loaded] });
        try {
          const r = exported.activate(...args);
          if (r && typeof r.then === 'function') r.then(() => done(true), () => done(false));
          else done(true);
          return r;
        } catch (err) {
          done(false);
          throw err;
        }
      },
    };
  };
  process.on('SIGUSR2', () => {
    gc();
    gc();
    write({ event: 'heap', heapUsed: process.memoryUsage().heapUsed });
  });
  write({ event: 'start', pid: process.pid });
}
