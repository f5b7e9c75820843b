#!/usr/bin/env node
// `npm run demo`: builds and packages the extension, starts the License Manager
// emulator with the demo seed, writes AWS config and credentials files for its
// profiles, and serves VS Code (code-server, with the packaged extension
// installed and that AWS config in its environment) on 127.0.0.1.
// Ctrl+C stops everything it started.
//
//   node scripts/demo.mjs [--port 8080] [--seed demo|path/to/seed.json]
import { hostSupport, prepare, root, seedPath, startDemo } from './demoStack.mjs';

const HOST = '127.0.0.1';

function usage(message) {
  if (message) console.error(`demo: ${message}`);
  console.error('usage: npm run demo -- [--port 8080] [--seed demo|path/to/seed.json]');
  process.exit(2);
}

function parseArgs(argv) {
  const out = { port: 8080, seed: 'demo' };
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split(/=(.*)/s);
    const value = () => inline ?? argv[++i] ?? usage(`${name} needs a value`);
    if (name === '--port') out.port = Number(value());
    else if (name === '--seed') out.seed = value();
    else if (name === '--help' || name === '-h') usage();
    else usage(`unknown option ${argv[i]}`);
  }
  if (!Number.isInteger(out.port) || out.port < 1 || out.port > 65535) usage('--port must be a number from 1 to 65535');
  return out;
}

const opts = parseArgs(process.argv.slice(2));
const seedFile = seedPath(opts.seed) ?? usage(`no seed named ${opts.seed} (looked in test/emulator/seeds/ and at that path)`);

// Fail fast, before the build, when the port is taken.
const net = await import('node:net');
const portFree = await new Promise((res) => {
  const srv = net.createServer();
  srv.once('error', () => res(false));
  srv.listen(opts.port, HOST, () => srv.close(() => res(true)));
});
if (!portFree) {
  console.error(`demo: port ${opts.port} on ${HOST} is already in use; choose another with --port, e.g. npm run demo -- --port ${opts.port + 1}`);
  process.exit(1);
}

try {
  prepare('demo');
} catch (err) {
  console.error(`demo: ${err.message}`);
  process.exit(1);
}

const host = hostSupport();
let demo;
let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  await demo?.stop();
  process.exit(code);
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    if (!stopping) console.log('\ndemo: stopping');
    void stop(0);
  });
}

try {
  demo = await startDemo({ seedFile, host: HOST, port: opts.port });
  const { emulator, server, aws } = demo;
  server.process.once('exit', (code) => {
    if (stopping) return;
    console.error(`demo: code-server exited (${code}); its log was ${server.logFile}`);
    void stop(1);
  });
  console.log(`demo: emulator ${emulator.url} with profiles ${aws.profiles.join(', ')} (seed ${seedFile.slice(root.length)})`);
  console.log(`demo: AWS_CONFIG_FILE=${aws.configFile}`);
  console.log('');
  console.log(`  Open ${server.url}/ in a browser, then the License Manager icon in the activity bar.`);
  console.log('');
  console.log('demo: press Ctrl+C to stop');
} catch (err) {
  if (err instanceof host.PortInUseError) {
    console.error(`demo: port ${opts.port} on ${HOST} is already in use; choose another with --port`);
  } else {
    console.error(`demo: ${err instanceof Error ? err.message : String(err)}`);
  }
  await stop(1);
}
