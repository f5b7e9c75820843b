/**
 * Generated Java and Go checkout code compiles (javac, go build) against stubs of the SDK types it uses
 * and, run against the stubs, sends exactly the license's values
 * and nothing else, checks in after the work and handles the two entitlement errors. Hostile text in
 * every field of the license (and in the region) stays literal data in every language: TypeScript and
 * Python keep the same token structure as for plain text. Go also compiles against Debian's AWS SDK for
 * Go v2; the AWS SDK for Java v2 has no Debian package.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ts from 'typescript';
import type { License } from '../../src/aws/types';
import { codeLanguage, planCheckout, type CheckoutPlan } from '../../src/model/checkoutCode';
import { buildState, readSeed } from '../emulator/seed';
import { CHECKOUT_SEED, HOSTILE_STRINGS } from './checkoutSupport';

const STUBS = join(__dirname, '..', '..', '..', 'test', 'unit', 'fixtures', 'sdkStubs');

function seedLicense(sku: string): License {
  const state = buildState(readSeed(CHECKOUT_SEED));
  const l = [...state.licenses.values()].find((x) => state.currentLicense(x).ProductSKU === sku)!;
  return state.currentLicense(l) as License;
}

/** A license whose every string is hostile text. */
function hostileLicense(mode: 'provisional' | 'borrow'): License {
  const h = HOSTILE_STRINGS.filter((s) => s !== '');
  return {
    LicenseArn: 'arn:aws:license-manager::111122223333:license:l-0123456789abcdef0123456789abcdef',
    LicenseName: h.join(' | '),
    ProductSKU: h[2],
    Issuer: { Name: h[4], KeyFingerprint: h[6] },
    HomeRegion: h[8],
    Beneficiary: h[10],
    Entitlements: h.map((name, i) => (i % 2 === 0 ? { Name: name, Unit: 'Count', MaxCount: 5, AllowCheckIn: true } : { Name: name, Unit: 'None', Value: h[i - 1] })),
    ConsumptionConfiguration:
      mode === 'borrow' ? { BorrowConfiguration: { AllowEarlyCheckIn: true, MaxTimeToLiveInMinutes: 60 } } : { ProvisionalConfiguration: { MaxTimeToLiveInMinutes: 60 } },
  };
}

/** What the generated code must send, member for member. */
function expectedCheckout(plan: CheckoutPlan): Record<string, unknown> {
  const entitlements = plan.entitlements.map((e) => ({ Name: e.name, Unit: e.unit, ...(e.value !== undefined ? { Value: e.value } : {}) }));
  return plan.mode === 'BORROW'
    ? { LicenseArn: plan.licenseArn, DigitalSignatureMethod: 'JWT_PS384', Entitlements: entitlements }
    : { ProductSKU: plan.productSku, KeyFingerprint: plan.keyFingerprint, CheckoutType: plan.mode, ...(plan.beneficiary !== undefined ? { Beneficiary: plan.beneficiary } : {}), Entitlements: entitlements };
}

interface Call {
  op: string;
  input: Record<string, unknown>;
}

/** Splits stub output into calls and the rest of the text. */
function parseOutput(stdout: string): { calls: Call[]; text: string } {
  const calls: Call[] = [];
  const text = stdout
    .split('\n')
    .filter((line) => {
      const m = /^CALL (\w+) (\{.*\})$/.exec(line);
      if (m) calls.push({ op: m[1], input: JSON.parse(m[2]) as Record<string, unknown> });
      return !m;
    })
    .join('\n');
  return { calls, text };
}

function assertRun(plan: CheckoutPlan, stdout: string): void {
  const { calls, text } = parseOutput(stdout);
  assert.deepEqual(calls.map((c) => c.op), ['Client', plan.mode === 'BORROW' ? 'CheckoutBorrowLicense' : 'CheckoutLicense', ...(plan.checkIn ? ['CheckInLicense'] : [])]);
  assert.deepEqual(calls[0].input, { Region: plan.region });
  const { ClientToken, ...sent } = calls[1].input;
  assert.match(String(ClientToken), /^[0-9a-f-]{32,36}$/);
  const expected = expectedCheckout(plan);
  for (const k of Object.keys(sent)) if (sent[k] === null) delete sent[k];
  assert.deepEqual(sent, expected);
  if (plan.checkIn) assert.equal(calls[2].input.LicenseConsumptionToken, 'stub-consumption-token');
  assert.equal(text, `Checked out ${plan.licenseName} until 2030-01-01T00:00:00Z\n`);
}

const PLANS: [string, () => CheckoutPlan][] = [
  ['provisional, issuer', () => planCheckout(seedLicense('LAB-PROV'), true)],
  ['borrow', () => planCheckout(seedLicense('LAB-BORROW'), false)],
  ['perpetual', () => planCheckout(seedLicense('LAB-PERP'), false)],
  ['hostile provisional, issuer', () => planCheckout(hostileLicense('provisional'), true)],
  ['hostile borrow', () => planCheckout(hostileLicense('borrow'), false)],
];

describe('generated checkout code against SDK stubs', function () {
  this.timeout(600_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'lm-code-stubs-'));
    const classes = join(dir, 'java-stubs');
    const sources = execFileSync('find', [join(STUBS, 'java'), '-name', '*.java'], { encoding: 'utf8' }).trim().split('\n');
    execFileSync('javac', ['-encoding', 'UTF-8', '-d', classes, ...sources]);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const javaEnv = (refuse?: string): NodeJS.ProcessEnv => ({ ...process.env, ...(refuse ? { STUB_REFUSE: refuse } : {}) });

  it('Java compiles with javac and sends exactly the license values, checks in, and handles refusals', () => {
    for (const [name, make] of PLANS) {
      const plan = make();
      const d = join(dir, `java-${name.replace(/\W+/g, '-')}`);
      mkdirSync(d);
      writeFileSync(join(d, 'LicenseCheck.java'), codeLanguage('java')!.generate(plan));
      const cp = `${join(dir, 'java-stubs')}:${d}`;
      execFileSync('javac', ['-encoding', 'UTF-8', '-Xlint:all', '-Werror', '-cp', cp, '-d', d, join(d, 'LicenseCheck.java')]);
      const java = ['-Dfile.encoding=UTF-8', '-Dstdout.encoding=UTF-8', '-Dstderr.encoding=UTF-8', '-cp', cp, 'LicenseCheck'];
      const ok = spawnSync('java', java, { encoding: 'utf8', env: javaEnv() });
      assert.equal(ok.status, 0, `${name}: ${ok.stderr}`);
      assertRun(plan, ok.stdout);
      for (const [refuse, status, message] of [['NoEntitlementsAllowed', 2, 'No entitlements allowed for'], ['EntitlementNotAllowed', 3, 'Entitlement not allowed for']] as const) {
        const r = spawnSync('java', java, { encoding: 'utf8', env: javaEnv(refuse) });
        assert.equal(r.status, status, `${name} ${refuse}: ${r.stderr}`);
        assert.equal(r.stderr, `${message} ${plan.licenseName}: stub refusal\n`);
        assert.deepEqual(parseOutput(r.stdout).calls.map((c) => c.op).slice(2), [], 'nothing checked in after a refused checkout');
      }
    }
  });

  it('Go builds against the stub SDK module and sends exactly the license values, checks in, and handles refusals', () => {
    for (const [name, make] of PLANS) {
      const plan = make();
      const d = join(dir, `go-${name.replace(/\W+/g, '-')}`);
      mkdirSync(d);
      writeFileSync(join(d, 'main.go'), codeLanguage('go')!.generate(plan));
      writeFileSync(join(d, 'go.mod'), `module check\n\ngo 1.19\n\nrequire github.com/aws/aws-sdk-go-v2 v1.0.0\n\nreplace github.com/aws/aws-sdk-go-v2 => ${join(STUBS, 'go')}\n`);
      const env = { ...process.env, GOFLAGS: '-mod=mod', GOPROXY: 'off', GOSUMDB: 'off', GOWORK: 'off', GO111MODULE: 'on' };
      execFileSync('go', ['vet', '.'], { cwd: d, env, stdio: 'pipe' });
      execFileSync('go', ['build', '-o', 'check', '.'], { cwd: d, env, stdio: 'pipe' });
      const ok = spawnSync(join(d, 'check'), [], { encoding: 'utf8', env: process.env });
      assert.equal(ok.status, 0, `${name}: ${ok.stderr}`);
      assertRun(plan, ok.stdout);
      for (const [refuse, status, message] of [['NoEntitlementsAllowed', 2, 'No entitlements allowed for'], ['EntitlementNotAllowed', 3, 'Entitlement not allowed for']] as const) {
        const r = spawnSync(join(d, 'check'), [], { encoding: 'utf8', env: { ...process.env, STUB_REFUSE: refuse } });
        assert.equal(r.status, status, `${name} ${refuse}: ${r.stderr}`);
        assert.equal(r.stderr, `${message} ${plan.licenseName}: stub refusal\n`);
      }
    }
  });

  it("Go also compiles against Debian's AWS SDK for Go v2 (golang-github-aws-aws-sdk-go-v2-dev, GOPATH mode)", () => {
    for (const [name, make] of PLANS) {
      const d = join(dir, 'gopath-src', `check-${name.replace(/\W+/g, '-')}`);
      mkdirSync(d, { recursive: true });
      writeFileSync(join(d, 'main.go'), codeLanguage('go')!.generate(make()));
      const env = { ...process.env, GO111MODULE: 'off', GOPATH: '/usr/share/gocode', GOFLAGS: '', GOPROXY: 'off' };
      const built = spawnSync('go', ['build', '-o', join(d, 'check'), '.'], { cwd: d, env, encoding: 'utf8' });
      assert.equal(built.status, 0, `${name}: ${built.stderr}`);
      const vetted = spawnSync('go', ['vet', '.'], { cwd: d, env, encoding: 'utf8' });
      assert.equal(vetted.status, 0, `${name}: ${vetted.stderr}`);
    }
  });

  /** Token kinds of a TypeScript text, string literal contents left out. */
  function tsSkeleton(text: string): { kinds: ts.SyntaxKind[]; strings: string[] } {
    const scanner = ts.createScanner(ts.ScriptTarget.ES2022, true, ts.LanguageVariant.Standard, text);
    const kinds: ts.SyntaxKind[] = [];
    const strings: string[] = [];
    for (let k = scanner.scan(); k !== ts.SyntaxKind.EndOfFileToken; k = scanner.scan()) {
      if (k === ts.SyntaxKind.TemplateHead || k === ts.SyntaxKind.NoSubstitutionTemplateLiteral) break;
      kinds.push(k);
      if (k === ts.SyntaxKind.StringLiteral) strings.push(scanner.getTokenValue());
    }
    return { kinds, strings };
  }

  /** The same plan with every AWS string replaced by plain text. */
  function plainTwin(plan: CheckoutPlan): CheckoutPlan {
    return {
      ...plan,
      licenseArn: 'a',
      licenseName: 'n',
      productSku: 's',
      keyFingerprint: 'f',
      region: 'r',
      ...(plan.beneficiary !== undefined ? { beneficiary: 'b' } : {}),
      entitlements: plan.entitlements.map((e) => ({ ...e, name: 'e' })),
    };
  }

  it('TypeScript and Python of a hostile license have the token structure of plain text, with the hostile text as literals', () => {
    for (const [name, make] of PLANS.filter(([n]) => n.startsWith('hostile'))) {
      const plan = make();
      const tsHostile = codeLanguage('typescript')!.generate(plan);
      const tsPlain = codeLanguage('typescript')!.generate(plainTwin(plan));
      assert.deepEqual(tsSkeleton(tsHostile).kinds, tsSkeleton(tsPlain).kinds, `${name}: TypeScript token kinds`);
      for (const e of plan.entitlements) assert.ok(tsSkeleton(tsHostile).strings.includes(e.name), `${name}: entitlement ${JSON.stringify(e.name)} is a literal`);
      const diagnostics = ts.transpileModule(tsHostile, { reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2022 } }).diagnostics ?? [];
      assert.deepEqual(diagnostics.map((d) => d.messageText), []);
      const py = (text: string): string[] =>
        JSON.parse(
          execFileSync('/usr/bin/python3', ['-c', 'import ast,io,json,sys,tokenize\nsrc=sys.stdin.read()\nast.parse(src)\nprint(json.dumps([tokenize.tok_name[t.type] + (":" + repr(ast.literal_eval(t.string)) if t.type == tokenize.STRING and not t.string.startswith(\'"""\') else "") for t in tokenize.generate_tokens(io.StringIO(src).readline)]))'], { input: text, encoding: 'utf8' }),
        ) as string[];
      const hostileTokens = py(codeLanguage('python')!.generate(plan));
      const plainTokens = py(codeLanguage('python')!.generate(plainTwin(plan)));
      assert.deepEqual(hostileTokens.map((t) => t.split(':')[0]), plainTokens.map((t) => t.split(':')[0]), `${name}: Python token kinds`);
    }
  });
});
