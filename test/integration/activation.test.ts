import * as assert from 'node:assert/strict';
import { sep } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, getApi, licenseManagerCommands } from '../support';
import { modulesAtActivation } from './activationSnapshot';

describe('activation', () => {
  it('activates without loading the AWS layer', async () => {
    const api = await getApi();
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, 'the extension is active');
    assert.ok(api.services && api.explorer && api.panels && api.json, 'activate returns the extension API');
    // Recorded right after activation, before any test ran (tests load the AWS layer on purpose).
    const loaded = modulesAtActivation();
    assert.ok(
      loaded.some((f) => f.endsWith(`${sep}dist${sep}extension.js`)),
      'dist/extension.js is among the loaded modules',
    );
    assert.deepEqual(
      loaded.filter((f) => f.endsWith(`${sep}dist${sep}aws.js`) || /[\\/]@aws-sdk[\\/]/.test(f)),
      [],
      'no AWS SDK code is loaded by activation',
    );
  });

  it('registers every command the manifest contributes', async () => {
    await getApi();
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    const contributed = (ext?.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command).sort();
    assert.ok(contributed.length > 0);
    const registered = await licenseManagerCommands();
    assert.deepEqual(
      contributed.filter((c) => !registered.includes(c)),
      [],
      'contributed commands that are not registered',
    );
  });
});
