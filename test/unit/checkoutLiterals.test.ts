/** Each language's string literal turns hostile text back into exactly that text, read by the language itself. */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ts from 'typescript';
import { goString } from '../../src/model/checkoutCode/go';
import { javaString } from '../../src/model/checkoutCode/java';
import { pyString } from '../../src/model/checkoutCode/python';
import { shString } from '../../src/model/checkoutCode/shell';
import { tsString } from '../../src/model/checkoutCode/typescript';
import { HOSTILE_STRINGS } from './checkoutSupport';

const hex = (s: string): string => Buffer.from(s, 'utf8').toString('hex');

describe('checkout code literals', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'lm-literals-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('every literal is ASCII only and has no line break', () => {
    for (const f of [tsString, pyString, javaString, goString, shString]) {
      for (const s of HOSTILE_STRINGS) assert.match(f(s), /^[\x20-\x7e]*$/, `${f.name}(${JSON.stringify(s)})`);
    }
  });

  it('TypeScript reads its literals back as the same text (one string literal token each)', () => {
    for (const s of HOSTILE_STRINGS) {
      const scanner = ts.createScanner(ts.ScriptTarget.ES2022, false, ts.LanguageVariant.Standard, tsString(s));
      assert.equal(scanner.scan(), ts.SyntaxKind.StringLiteral);
      assert.equal(scanner.getTokenValue(), s);
      assert.equal(scanner.scan(), ts.SyntaxKind.EndOfFileToken);
    }
  });

  it('Python reads its literals back as the same text', () => {
    const file = join(dir, 'lits.py');
    writeFileSync(file, `import ast, sys\nvalues = [${HOSTILE_STRINGS.map(pyString).join(', ')}]\nsys.stdout.write('\\n'.join(v.encode('utf-8').hex() for v in values))\n`);
    const out = execFileSync('/usr/bin/python3', [file], { encoding: 'utf8' });
    assert.deepEqual(out.split('\n'), HOSTILE_STRINGS.map(hex));
  });

  it('Java reads its literals back as the same text (javac and java)', () => {
    const file = join(dir, 'Lits.java');
    writeFileSync(
      file,
      `public class Lits { public static void main(String[] a) throws Exception { String[] v = { ${HOSTILE_STRINGS.map(javaString).join(', ')} };
        StringBuilder b = new StringBuilder(); for (int i = 0; i < v.length; i++) { if (i > 0) b.append('\\n'); for (byte x : v[i].getBytes("UTF-8")) b.append(String.format("%02x", x)); }
        System.out.print(b); } }\n`,
    );
    execFileSync('javac', ['-encoding', 'UTF-8', '-d', dir, file]);
    const out = execFileSync('java', ['-cp', dir, 'Lits'], { encoding: 'utf8' });
    assert.deepEqual(out.split('\n'), HOSTILE_STRINGS.map(hex));
  });

  it('Go reads its literals back as the same text (go run)', () => {
    const file = join(dir, 'lits.go');
    writeFileSync(
      file,
      `package main\n\nimport (\n\t"encoding/hex"\n\t"fmt"\n\t"strings"\n)\n\nfunc main() {\n\tv := []string{${HOSTILE_STRINGS.map(goString).join(', ')}}\n\tout := []string{}\n\tfor _, s := range v {\n\t\tout = append(out, hex.EncodeToString([]byte(s)))\n\t}\n\tfmt.Print(strings.Join(out, "\\n"))\n}\n`,
    );
    const out = execFileSync('go', ['run', file], { encoding: 'utf8', env: { ...process.env, GO111MODULE: 'off', GOFLAGS: '' } });
    assert.deepEqual(out.split('\n'), HOSTILE_STRINGS.map(hex));
  });

  it('bash reads its words back as the same text; a NUL is refused', () => {
    const file = join(dir, 'lits.sh');
    writeFileSync(file, `for v in ${HOSTILE_STRINGS.map(shString).join(' ')}; do printf '%s' "$v" | od -An -v -tx1 | tr -d ' \\n'; echo; done\n`);
    const out = execFileSync('bash', [file], { encoding: 'utf8' });
    assert.deepEqual(out.trimEnd().split('\n'), HOSTILE_STRINGS.map(hex));
    assert.throws(() => shString('a\0b'), /NUL/);
  });

  it('a lone surrogate stays a literal: the code still parses (Go and bash carry U+FFFD)', () => {
    assert.equal(tsString('a\ud800b'), '"a\\ud800b"');
    assert.equal(javaString('a\ud800b'), '"a\\ud800b"');
    assert.equal(pyString('a\ud800b'), "'a\\ud800b'");
    assert.equal(goString('a\ud800b'), '"a\\xef\\xbf\\xbdb"');
    assert.equal(shString('a\ud800b'), "$'a\\xef\\xbf\\xbdb'");
  });
});
