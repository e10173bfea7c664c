import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config.js';

const ALL = ['read', 'extract', 'check', 'ingest', 'reprocess', 'list', 'show', 'status', 'worker', 'serve', 'export', 'departments'];
const namesFor = async (...words: string[]) => (await buildProgram(loadConfig({}), ['node', 'jixiao', ...words])).commands.map((c) => c.name());

describe('buildProgram', () => {
  it('has every command, in help order, when no command is named', async () => {
    expect(await namesFor()).toEqual(ALL);
    expect(await namesFor('--help')).toEqual(ALL);
    expect(await namesFor('help', 'export')).toEqual(ALL);
    // A misspelt command gets its suggestion from all the names.
    expect(await namesFor('exprt')).toEqual(ALL);
  });

  it('leaves out the command modules a named command cannot reach', async () => {
    expect(await namesFor('extract', 'a.pdf')).toEqual(ALL.slice(0, 9));
    expect(await namesFor('serve')).toEqual([...ALL.slice(0, 9), 'serve']);
    expect(await namesFor('departments', 'merge', 'a', 'b')).toEqual([...ALL.slice(0, 9), 'export', 'departments']);
  });
});
