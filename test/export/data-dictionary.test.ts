import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderDataDictionary } from '../../src/export/data-dictionary.js';
import { TABLES } from '../../src/export/tables.js';

const FILE = fileURLToPath(new URL('../../docs/data-dictionary.md', import.meta.url));

describe('data dictionary', () => {
  it('docs/data-dictionary.md is the rendering of the table specs', async () => {
    const rendered = renderDataDictionary();
    if (process.env.JIXIAO_UPDATE_DOCS === '1') await writeFile(FILE, rendered);
    expect(await readFile(FILE, 'utf8')).toBe(rendered);
  });

  it('names every column of every table with a Chinese and an English meaning, money in yuan', () => {
    const text = renderDataDictionary();
    for (const spec of Object.values(TABLES)) {
      expect(text).toContain(`## \`${spec.name}\``);
      const names = new Set<string>();
      for (const column of spec.columns) {
        expect(names.has(column.name), `${spec.name}.${column.name} twice`).toBe(false);
        names.add(column.name);
        expect(column.zh.trim()).not.toBe('');
        expect(column.en.trim()).not.toBe('');
        expect(text).toContain(`| \`${column.name}\` | ${column.zh.replace(/\|/gu, '\\|')} |`);
        if (column.type === 'money') {
          expect(column.name).toMatch(/_yuan$/u);
          expect(column.unit).toBe('元');
        }
      }
    }
  });
});
