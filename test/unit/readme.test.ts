import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = [path.join(__dirname, '..', '..'), path.join(__dirname, '..', '..', '..')].find((d) => fs.existsSync(path.join(d, 'package.nls.json')))!;
const read = (file: string): string => fs.readFileSync(path.join(root, file), 'utf8');

interface Manifest {
  contributes: {
    commands: { command: string; title: string }[];
    configuration: { properties: Record<string, { default: unknown }> } | { properties: Record<string, { default: unknown }> }[];
    menus: { commandPalette?: { command: string; when?: string }[] };
  };
}

const manifest = JSON.parse(read('package.json')) as Manifest;
const nls = JSON.parse(read('package.nls.json')) as Record<string, string>;
const localized = (s: string): string => s.replace(/^%(.+)%$/, (m, key: string) => nls[key] ?? m);

/** The body of a `## title` section of a markdown file, up to the next `## `. */
function section(markdown: string, title: string): string {
  const start = markdown.indexOf(`\n## ${title}\n`);
  assert.ok(start >= 0, `a "## ${title}" section`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

/** The rows of the first markdown table in `text`, as cells (header and rule left out). */
function tableRows(text: string): string[][] {
  const lines = text.split('\n').filter((l) => l.startsWith('|'));
  return lines.slice(2).map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));
}

describe('README as the extension’s page', () => {
  const readme = read('README.md');

  it('opens with what the extension does, the quick start’s two commands and the screenshots', () => {
    const headings = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    assert.deepEqual(headings.slice(0, 3), ['Quick start', 'Screenshots', 'Using the extension']);
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(section(readme, 'Quick start'))?.[1];
    assert.equal(firstBlock, 'npm run demo\nnpm test\n');
    assert.doesNotMatch(readme.slice(0, readme.indexOf('\n## Using the extension')), /apt-get|setup-host|--shuffle/, 'host setup is in CONTRIBUTING.md');
  });

  it('lists every setting with its default', () => {
    const rows = tableRows(section(readme, 'Settings'));
    const configuration = Array.isArray(manifest.contributes.configuration) ? manifest.contributes.configuration : [manifest.contributes.configuration];
    const settings = configuration.flatMap((c) => Object.entries(c.properties));
    assert.deepEqual(
      rows.map((r) => [r[0], r[1]]).sort(),
      settings.map(([key, p]) => [`\`${key}\``, String(p.default)]).sort(),
    );
  });

  it('names every command by its title, those not in the palette marked (menu)', () => {
    const commands = section(readme, 'Commands');
    const hidden = new Set((manifest.contributes.menus.commandPalette ?? []).filter((m) => m.when === 'false').map((m) => m.command));
    const missing = manifest.contributes.commands
      .map((c) => ({ id: c.command, named: `*${localized(c.title)}*${hidden.has(c.command) ? ' (menu)' : ''}` }))
      .filter((c) => !commands.includes(c.named))
      .map((c) => `${c.id}: ${c.named}`);
    assert.deepEqual(missing, []);
  });

  it('leaves building, testing and the emulator to CONTRIBUTING.md, which has them', () => {
    const contributing = read('CONTRIBUTING.md');
    assert.match(section(contributing, 'Quick start'), /apt-get install -y chromium ripgrep libkrb5-dev awscli/);
    assert.match(section(contributing, 'Tests'), /--shuffle-too --bench/);
    assert.match(section(contributing, 'Emulator'), /npm run emulator -- --port 4599 --write-aws-config/);
    assert.match(section(contributing, 'Performance'), /`npm run bench`/);
    assert.match(section(readme, 'Building, testing and the emulator'), /`CONTRIBUTING\.md`/);
  });
});
