// The packaged extension in the real host (code-server, driven in Chromium):
// how long `activate` takes and that it loads no AWS code, how long a click on
// a region's list takes to show its rows compared with the one list call it
// sends (300 ms emulator latency), and the extension host's heap once the
// explorer shows 5,000 grants. Called by scripts/bench.mjs with its `row`;
// `node scripts/benchHost.mjs [path/to.vsix]` runs it alone (after a build and
// `npm run package`).
//
// The extension host is observed from inside by scripts/bench-host-probe.cjs
// (loaded with NODE_OPTIONS=--require), which records when the bundles load,
// the time of `activate`, and the heap after a full GC on SIGUSR2.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const LATENCY = 300;
const GRANTS = 5_000;
// The buyer's profile sorts last, so the tree's last row is its list's "Load more…".
const BUYER = 'tenant';
const LIST = [BUYER, 'us-east-1', 'Received grants'];
const MiB = (n) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
const ms = (n) => `${n.toFixed(1)} ms`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The grants seed's accounts and licenses, with GRANTS grants from the seller to the buyer (its only received grants). */
function benchSeed() {
  const seed = JSON.parse(readFileSync(join(root, 'test/emulator/seeds/grants.json'), 'utf8'));
  const seller = seed.accounts.find((a) => a.profile === 'seller');
  const buyer = seed.accounts.find((a) => a.profile === 'buyer');
  const home = seller.regions['us-east-1'];
  buyer.profile = BUYER;
  home.grants = [];
  const licenseArn = `arn:aws:license-manager::${seller.id}:license:${home.licenses[0].id}`;
  for (let i = 1; i <= GRANTS; i++) {
    home.grants.push({
      id: `g-${createHash('sha256').update(`bench-grant-${i}`).digest('hex').slice(0, 32)}`,
      name: `Bench grant ${String(i).padStart(4, '0')}`,
      licenseArn,
      principal: `arn:aws:iam::${buyer.id}:root`,
      operations: ['CheckoutLicense', 'CheckInLicense', 'ListPurchasedLicenses'],
      status: 'ACTIVE',
    });
  }
  return seed;
}

async function until(what, timeoutMs, check) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`bench host: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Runs the host figures, printing them with `row(what, figure, target, pass, note)`. */
export async function benchHost(row, vsix) {
  const { UiSession } = require(join(root, 'out/test/ui/support/session.js'));
  const tree = require(join(root, 'out/test/ui/support/tree.js'));
  const dir = mkdtempSync(join(tmpdir(), 'lm-bench-host-'));
  const probeFile = join(dir, 'probe.jsonl');
  const events = () => (existsSync(probeFile) ? readFileSync(probeFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : []);
  const event = (name, after = 0) => events().filter((e) => e.event === name && e.at >= after).at(-1);
  const started = Date.now();
  let session;
  try {
    session = await UiSession.start({
      vsix,
      seed: benchSeed(),
      emulator: { latencyMs: LATENCY },
      settings: { 'licenseManager.pageSize': 100, 'licenseManager.inbox.refreshMinutes': 0 },
      env: { NODE_OPTIONS: `--require ${join(root, 'scripts/bench-host-probe.cjs')}`, LM_BENCH_PROBE: probeFile },
    });
    const { page, emulator } = session;
    const host = await until('the extension host to load the probe', 30_000, () => event('start'));
    const heap = async () => {
      const asked = Date.now();
      process.kill(host.pid, 'SIGUSR2');
      return (await until('the heap figure', 30_000, () => event('heap', asked))).heapUsed;
    };

    // Activation: onStartupFinished, without opening the view.
    const activated = await until('activate() to return', 60_000, () => event('activated'));
    const extLoad = events().find((e) => e.event === 'loaded' && e.bundle === 'extension.js');
    row('activate() in code-server (packaged VSIX)', ms(activated.ms), undefined, undefined, `require(dist/extension.js) ${ms(extLoad?.ms ?? NaN)} before it`);
    // Nothing activate() started may load the AWS layer either: only the view opening does.
    await new Promise((r) => setTimeout(r, 2_000));
    const early = events().filter((e) => e.event === 'loaded').map((e) => e.bundle);
    const awsEarly = activated.bundles.includes('aws.js') || early.includes('aws.js');
    row(
      '  dist/aws.js loaded by activate() or before the view opens',
      awsEarly ? 'yes' : 'no',
      'no',
      activated.ok && !awsEarly,
      `at activate()'s return: ${activated.bundles.join(', ')}; 2 s later: ${early.join(', ')}`,
    );

    // The explorer shows the profiles (this loads the AWS layer to read the AWS config).
    await tree.openContainer(page, 60_000);
    await tree.findTreeItem(page, [BUYER], 30_000);
    // The Grants Inbox loads when the container opens: let it finish, so the heap and the click see the explorer alone.
    const quiet = () => until('the emulator to be quiet', 30_000, () => Date.now() - (emulator.requests.at(-1)?.time ?? 0) > 1_500);
    await quiet();
    const heapBefore = await heap();
    await tree.expandTreeItem(page, LIST.slice(0, 2), 30_000);
    await tree.findTreeItem(page, LIST, 30_000);

    // One list call of the same page, straight through the AWS layer (also warms the emulator).
    const aws = require(join(root, 'dist/aws.js'));
    process.env.AWS_CONFIG_FILE = session.aws.configFile;
    process.env.AWS_SHARED_CREDENTIALS_FILE = session.aws.credentialsFile;
    const factory = aws.createClientFactory({});
    const calls = [];
    try {
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        await factory.get(BUYER, 'us-east-1').listReceivedGrants({ maxResults: 100 });
        calls.push(performance.now() - t);
      }
    } finally {
      factory.dispose();
    }
    const oneCall = median(calls);

    // Click the list's twistie; the page notes the moment of the click and of its first grant row.
    await page.evaluate(() => {
      const w = window;
      w.lmBench = {};
      document.addEventListener('mousedown', () => (w.lmBench.click ??= performance.timeOrigin + performance.now()), { capture: true });
      new MutationObserver((_, obs) => {
        const rows = document.querySelectorAll('.monaco-list[role="tree"][aria-label="Explorer"] .monaco-list-row[aria-level="4"]');
        if ([...rows].some((r) => /Bench grant/.test(r.textContent ?? ''))) {
          w.lmBench.rows = performance.timeOrigin + performance.now();
          obs.disconnect();
        }
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    await quiet();
    const before = emulator.requests.length;
    const listRow = await tree.treeItem(page, LIST);
    await listRow.locator('.monaco-tl-twistie').click();
    const shown = await until('the first page of grants on screen', 30_000, () =>
      page.evaluate(() => (window.lmBench.rows ? window.lmBench : undefined)),
    );
    const firstPaint = shown.rows - shown.click;
    const sent = emulator.requests.slice(before).filter((r) => r.time <= shown.rows).map((r) => `${r.operation} (${r.profile})`);
    row(`one ListReceivedGrants call (100 items), ${LATENCY} ms emulator latency, median of 3`, ms(oneCall));
    row('click on a region\'s Received grants until its rows are on screen', ms(firstPaint));
    row('  / one list call', `${(firstPaint / oneCall).toFixed(2)}x`, '<= 2x', firstPaint / oneCall <= 2);
    row('  requests the click sent', sent.join(', ') || 'none', `ListReceivedGrants (${BUYER})`, sent.length === 1 && sent[0] === `ListReceivedGrants (${BUYER})`);

    // The rest of the grants, page by page with "Load more…" (no latency: this part measures memory).
    emulator.setFaults({ latencyMs: 0 });
    const explorerRows = tree.container(page).locator(`${tree.EXPLORER_TREE} .monaco-list-row`);
    const grantCount = () =>
      explorerRows.evaluateAll((rows) => {
        const grant = rows.find((r) => r.getAttribute('aria-level') === '4' && /Bench grant/.test(r.textContent ?? ''));
        return grant ? Number(grant.getAttribute('aria-setsize')) : 0;
      });
    // The list's rows are virtual: End focuses (and scrolls to) the tree's last row, the region's collapsed
    // Organization item; Up from there reaches "Load more…" of Received grants, and Enter runs it.
    const focused = tree.container(page).locator(`${tree.EXPLORER_TREE} .monaco-list-row.focused`);
    const pagingEnds = Date.now() + 120_000;
    for (let turn = 0; turn < GRANTS / 100 + 20; turn++) {
      if (Date.now() > pagingEnds) throw new Error(`bench host: paging stopped at ${await grantCount()} grants`);
      const n = await until('a page of grants', 30_000, async () => {
        const text = (await explorerRows.allTextContents()).join('\n');
        return /Loading…/.test(text) ? undefined : grantCount();
      });
      await tree.container(page).locator(tree.EXPLORER_TREE).focus();
      await page.keyboard.press('End');
      let label = await until('the last row focused', 10_000, async () => (await focused.count()) && (await focused.first().textContent()));
      for (let up = 0; up < 3 && !/Load more…|Bench grant/.test(label); up++) {
        await page.keyboard.press('ArrowUp');
        label = await until('the row above focused', 10_000, async () => (await focused.count()) && (await focused.first().textContent()));
      }
      if (!/Load more…/.test(label)) break;
      await page.keyboard.press('Enter');
      // A key press lost to a busy page is pressed again on the next turn.
      await until('the next page to load', 10_000, async () => (await grantCount()) !== n).catch(() => undefined);
    }
    const shownGrants = await until('the explorer to show every grant', 30_000, async () => {
      const rows = await explorerRows.evaluateAll((rs) => rs.filter((r) => /Load more…|Loading…/.test(r.textContent ?? '')).length);
      return rows === 0 ? await grantCount() : undefined;
    });
    const heapAfter = await heap();
    row(`explorer rows under Received grants (seed: ${GRANTS.toLocaleString('en-US')} grants)`, shownGrants.toLocaleString('en-US'), GRANTS.toLocaleString('en-US'), shownGrants === GRANTS);
    row('extension host heap before the first expand (after GC)', MiB(heapBefore));
    row(`  growth once the explorer shows ${GRANTS.toLocaleString('en-US')} grants (after GC)`, MiB(heapAfter - heapBefore), '< 50 MiB', heapAfter - heapBefore < 50 * 1024 * 1024);
    row('host figures (code-server start to stop)', `${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const vsix = process.argv[2] ?? join(root, '.vscode-test', 'license-manager-explorer.vsix');
  let failed = 0;
  const row = (what, figure, target, pass, note) => {
    if (target !== undefined && pass !== true) failed++;
    const tail = target === undefined ? (note ?? '') : `${pass === true ? 'PASS' : 'FAIL'} target ${target}${note ? `; ${note}` : ''}`;
    console.log(`${what.padEnd(58)} ${String(figure).padStart(14)}   ${tail}`);
  };
  await benchHost(row, vsix);
  process.exitCode = failed ? 1 : 0;
}
