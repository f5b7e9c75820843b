#!/usr/bin/env node
// `npm run l10n`: writes l10n/bundle.l10n.json, the source strings of every
// vscode.l10n.t / t / tLines call in src/ (the bundle translators start from:
// a translation is l10n/bundle.l10n.<locale>.json with the same keys).
// `npm run l10n -- --check` fails when the bundle is not up to date.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundleFile = join(root, 'l10n', 'bundle.l10n.json');
/** Callees whose first argument is a message: `t(…)`, `tLines(…)`, `….t(…)` (vscode.l10n.t, host.t). */
const CALLEES = new Set(['t', 'tLines']);

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : [],
  );
}

function calleeName(expr) {
  if (ts.isIdentifier(expr)) return expr.text;
  if (ts.isPropertyAccessExpression(expr)) return expr.name.text;
  return undefined;
}

/** The message of a call's first argument: a string literal, or `{ message: '…' }`. */
function messageOf(arg) {
  if (!arg) return undefined;
  if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) return arg.text;
  if (ts.isObjectLiteralExpression(arg)) {
    const prop = arg.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText() === 'message');
    if (prop && (ts.isStringLiteral(prop.initializer) || ts.isNoSubstitutionTemplateLiteral(prop.initializer))) return prop.initializer.text;
  }
  return undefined;
}

export function collectMessages(srcDir = join(root, 'src')) {
  const messages = new Set();
  for (const file of files(srcDir)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node) => {
      if (ts.isCallExpression(node) && CALLEES.has(calleeName(node.expression) ?? '')) {
        const message = messageOf(node.arguments[0]);
        if (message !== undefined) messages.add(message);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return Object.fromEntries([...messages].sort().map((m) => [m, m]));
}

function main() {
  const bundle = `${JSON.stringify(collectMessages(), null, 2)}\n`;
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(bundleFile, 'utf8');
    } catch {
      // missing: reported below
    }
    if (current !== bundle) {
      console.error(`${relative(root, bundleFile)} is not up to date: run npm run l10n`);
      process.exit(1);
    }
    console.log(`${relative(root, bundleFile)} is up to date`);
    return;
  }
  writeFileSync(bundleFile, bundle);
  console.log(`wrote ${Object.keys(JSON.parse(bundle)).length} messages to ${relative(root, bundleFile)}`);
}

main();
