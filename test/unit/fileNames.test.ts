import * as assert from 'node:assert/strict';
import { exportFileName, fileNamePart, localDate } from '../../src/model/fileNames';

describe('export file names', () => {
  const day = new Date(2026, 10, 30, 23, 59);

  it('names an export after its words and the local date', () => {
    assert.equal(localDate(day), '2026-11-30');
    assert.equal(exportFileName(['usage', 'SQL Server Enterprise fleet'], day, 'csv'), 'usage-SQL-Server-Enterprise-fleet-2026-11-30.csv');
    assert.equal(exportFileName(['received grants', 'buyer', 'us-east-1'], day, 'json'), 'received-grants-buyer-us-east-1-2026-11-30.json');
  });

  it('makes hostile names safe for every file system', () => {
    const hostile = '<img src=x onerror="a"> ../../etc/passwd\\C:|?*\u0000\u202e\nname';
    const part = fileNamePart(hostile, 'x');
    assert.doesNotMatch(part, /[<>:"/\\|?*\u0000-\u001f\u202e\s]/, part);
    assert.ok(!part.startsWith('.') && !part.endsWith('.'), part);
    assert.equal(fileNamePart('...', 'list'), 'list', 'dots alone');
    assert.equal(fileNamePart('CON', 'list'), 'list', 'a name Windows reserves');
    assert.equal(fileNamePart(undefined, 'list'), 'list');
    assert.equal([...fileNamePart('é'.repeat(500), 'x')].length, 80, 'long names are cut at whole characters');
    assert.equal(fileNamePart('😀'.repeat(100), 'x'), '😀'.repeat(80), 'no half surrogate pair');
    assert.equal(exportFileName(['usage', '///'], day, 'csv'), 'usage-2026-11-30.csv', 'a part with nothing left is left out');
  });
});
