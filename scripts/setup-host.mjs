#!/usr/bin/env node
// Installs what the in-host suite, the UI suite and the demo need to run VS Code
// on this machine: Debian packages (Chromium, ripgrep, Kerberos headers, AWS CLI)
// and code-server (the VS Code workbench and extension host) in
// .vscode-test/code-server/. A second run reuses the installation.
//
//   node scripts/setup-host.mjs [--force]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync, chmodSync } from 'node:fs';
import { arch } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cacheDir = join(root, '.vscode-test');
const hostDir = join(cacheDir, 'code-server');
const manifestFile = join(hostDir, 'host.json');
const force = process.argv.includes('--force');

/** code-server's postinstall accepts only one Node major per release. */
const CODE_SERVER_BY_NODE = { 20: '4.100.3', 22: '4.104.0', 24: '4.139.1' };

const DEBIAN_PACKAGES = [
  { name: 'chromium', present: () => existsSync('/usr/bin/chromium') },
  { name: 'ripgrep', present: () => existsSync('/usr/bin/rg') },
  { name: 'libkrb5-dev', present: () => dpkgInstalled('libkrb5-dev') ?? existsSync('/usr/include/gssapi/gssapi.h') },
  { name: 'awscli', present: () => onPath('aws') },
  // Generated checkout code: Python runs with Debian's boto3; Java and Go compile against SDK stubs.
  { name: 'python3-boto3', present: () => dpkgInstalled('python3-boto3') ?? existsSync('/usr/lib/python3/dist-packages/boto3') },
  { name: 'default-jdk-headless', present: () => onPath('javac') },
  { name: 'golang-go', present: () => onPath('go') },
  { name: 'golang-github-aws-aws-sdk-go-v2-dev', present: () => existsSync('/usr/share/gocode/src/github.com/aws/aws-sdk-go-v2/service/licensemanager') },
];

const started = Date.now();
const timings = [];
function step(label, fn) {
  const t = Date.now();
  const result = fn();
  timings.push(`${label} ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return result;
}
function fail(message) {
  console.error(`setup-host: ${message}`);
  process.exit(1);
}

function dpkgInstalled(name) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  if (r.error) return undefined;
  return r.status === 0 && r.stdout.includes('install ok installed');
}
function onPath(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}
function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) fail(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) fail(`\`${[cmd, ...args].join(' ')}\` exited with ${r.status ?? r.signal}`);
}

function ensureDebianPackages() {
  const missing = DEBIAN_PACKAGES.filter((p) => !p.present()).map((p) => p.name);
  if (missing.length === 0) return;
  const install = `apt-get install -y ${missing.join(' ')}`;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !onPath('apt-get')) {
    fail(
      `missing Debian packages: ${missing.join(', ')}. Install them, then run this again:\n\n` +
        `    sudo apt-get update && sudo ${install}\n`,
    );
  }
  console.log(`setup-host: installing ${missing.join(', ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-q'], { env });
  run('apt-get', ['install', '-y', '-q', ...missing], { env });
  const still = DEBIAN_PACKAGES.filter((p) => !p.present()).map((p) => p.name);
  if (still.length) fail(`still missing after apt-get: ${still.join(', ')}`);
}

function codeServerVersion() {
  if (process.env.LM_CODE_SERVER_VERSION) return process.env.LM_CODE_SERVER_VERSION;
  const major = Number(process.versions.node.split('.')[0]);
  const version = CODE_SERVER_BY_NODE[major];
  if (!version) {
    fail(
      `no code-server release is known for Node ${major} (known: ${Object.keys(CODE_SERVER_BY_NODE).join(', ')}). ` +
        'Use Node 20, or set LM_CODE_SERVER_VERSION to a code-server release whose engines.node is ' +
        `${major} (\`npm view code-server engines\`).`,
    );
  }
  return version;
}

function readManifest() {
  try {
    return JSON.parse(readFileSync(manifestFile, 'utf8'));
  } catch {
    return undefined;
  }
}

function npm(args, opts = {}) {
  return execFileSync('npm', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], ...opts });
}

/** Extracts one file of a registry package into dir, returns its text. */
function packageFile(spec, file, dir) {
  const tgz = npm(['pack', spec, '--silent', '--pack-destination', dir], { cwd: dir }).trim().split('\n').pop();
  execFileSync('tar', ['xzf', join(dir, tgz), '-C', dir, `package/${file}`]);
  return readFileSync(join(dir, 'package', file), 'utf8');
}

/**
 * @vscode/ripgrep's postinstall downloads rg from GitHub unless the archive is
 * already in its cache under the temp dir: put Debian's rg there.
 */
function seedRipgrepCache(version, workDir, tmp) {
  const shrinkwrap = JSON.parse(packageFile(`code-server@${version}`, 'lib/vscode/npm-shrinkwrap.json', workDir));
  const rgPackage = shrinkwrap.packages?.['node_modules/@vscode/ripgrep']?.version;
  if (!rgPackage) fail(`code-server@${version} does not list @vscode/ripgrep in lib/vscode/npm-shrinkwrap.json`);
  const postinstall = packageFile(`@vscode/ripgrep@${rgPackage}`, 'lib/postinstall.js', workDir);
  const rgVersion = /const VERSION = '([^']+)'/.exec(postinstall)?.[1];
  if (!rgVersion) fail(`cannot read the ripgrep version from @vscode/ripgrep@${rgPackage}'s postinstall`);
  const target = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' }[arch()];
  if (!target) fail(`unsupported architecture ${arch()}`);
  const cache = join(tmp, `vscode-ripgrep-cache-${rgPackage}`);
  const archive = join(cache, `ripgrep-${rgVersion}-${target}.tar.gz`);
  mkdirSync(cache, { recursive: true });
  const stage = join(workDir, 'rg-stage');
  mkdirSync(stage, { recursive: true });
  copyFileSync('/usr/bin/rg', join(stage, 'rg'));
  chmodSync(join(stage, 'rg'), 0o755);
  execFileSync('tar', ['czf', archive, '-C', stage, 'rg']);
  return `@vscode/ripgrep ${rgPackage} (rg ${rgVersion}) from Debian's rg`;
}

function installCodeServer(version) {
  rmSync(hostDir, { recursive: true, force: true });
  mkdirSync(hostDir, { recursive: true });
  // A private temp dir: the ripgrep cache and native builds stay inside .vscode-test.
  const tmp = join(cacheDir, 'tmp');
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const work = join(tmp, 'work');
  mkdirSync(work, { recursive: true });
  const seeded = step('ripgrep cache', () => seedRipgrepCache(version, work, tmp));
  console.log(`setup-host: seeded ${seeded}`);
  writeFileSync(
    join(hostDir, 'package.json'),
    JSON.stringify({ name: 'license-manager-explorer-host', private: true, allowScripts: { 'code-server': true } }, null, 2),
  );
  console.log(`setup-host: installing code-server@${version} (native modules are built; about a minute)`);
  step('npm install code-server', () =>
    run('npm', ['install', '--no-audit', '--no-fund', '--omit=dev', '--no-package-lock', `code-server@${version}`], {
      cwd: hostDir,
      env: {
        ...process.env,
        TMPDIR: tmp,
        // As root its postinstall demands unsafe-perm; `yes` lets node-pty's `npx node-gyp` run;
        // every dependency's install script must run (native modules, ripgrep).
        npm_config_unsafe_perm: 'true',
        npm_config_yes: 'true',
        npm_config_dangerously_allow_all_scripts: 'true',
        npm_config_update_notifier: 'false',
      },
    }),
  );
  const pkgDir = join(hostDir, 'node_modules', 'code-server');
  const checks = [
    join(pkgDir, 'out', 'node', 'entry.js'),
    join(pkgDir, 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'),
    join(pkgDir, 'lib', 'vscode', 'node_modules', 'node-pty', 'build', 'Release'),
    join(pkgDir, 'lib', 'vscode', 'node_modules.asar'),
  ];
  const absent = checks.filter((p) => !existsSync(p));
  if (absent.length) fail(`code-server's install scripts did not complete; missing:\n  ${absent.join('\n  ')}`);
  rmSync(tmp, { recursive: true, force: true });
  const product = JSON.parse(readFileSync(join(pkgDir, 'lib', 'vscode', 'product.json'), 'utf8'));
  const vscodePkg = JSON.parse(readFileSync(join(pkgDir, 'lib', 'vscode', 'package.json'), 'utf8'));
  const manifest = {
    codeServer: version,
    vscode: vscodePkg.version,
    commit: product.commit,
    node: process.versions.node.split('.')[0],
    // Relative to this folder, so the checkout can move.
    entry: join('node_modules', 'code-server', 'out', 'node', 'entry.js'),
    installedAt: new Date().toISOString(),
  };
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

step('debian packages', ensureDebianPackages);
const version = codeServerVersion();
const nodeMajor = process.versions.node.split('.')[0];
let manifest = readManifest();
const reusable =
  !force &&
  manifest &&
  manifest.codeServer === version &&
  manifest.node === nodeMajor &&
  existsSync(resolve(hostDir, manifest.entry));
if (reusable) {
  console.log(`setup-host: code-server ${manifest.codeServer} (VS Code ${manifest.vscode}) already in ${hostDir}`);
} else {
  manifest = installCodeServer(version);
  console.log(`setup-host: installed code-server ${manifest.codeServer} (VS Code ${manifest.vscode})`);
}
step('check code-server', () => {
  const config = join(hostDir, 'config.yaml');
  if (!existsSync(config)) writeFileSync(config, 'auth: none\ncert: false\n');
  const entry = resolve(hostDir, manifest.entry);
  const out = execFileSync(process.execPath, [entry, '--config', config, '--version'], { encoding: 'utf8' });
  if (!out.includes(`${manifest.codeServer} `)) fail(`unexpected \`code-server --version\`: ${out.trim()}`);
});
console.log(`setup-host: ${timings.join(', ')}; total ${((Date.now() - started) / 1000).toFixed(1)} s`);
