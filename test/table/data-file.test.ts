import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/table/csv.ts';
import { fieldKey, parseYamlData, readDataFile, resolveDataPath } from '../../src/table/data-file.ts';
import { tempDir } from '../helpers.ts';

describe('YAML and JSON data', () => {
  it('keeps every value as written, with its line', () => {
    const read = parseYamlData('- version: 6.10\n  rust: No\n  released: 2022-12-11\n  notes: ~\n', 'k.yaml');
    expect('data' in read && read.data.records[0]?.fields.get('version')).toEqual({
      name: 'version',
      value: '6.10',
      line: 1,
    });
    expect('data' in read && read.data.records[0]?.fields.get('rust')?.value).toBe('No');
    expect('data' in read && read.data.records[0]?.fields.get('notes')?.value).toBe('');
    expect('data' in read && read.data.fields).toEqual(['version', 'rust', 'released', 'notes']);
  });

  it('reads JSON with the YAML parser, so numbers keep their digits', () => {
    const read = parseYamlData('[\n  {"Kernel version": 6.10, "ok": true}\n]', 'k.json');
    expect('data' in read && read.data.records[0]?.fields.get('kernelversion')).toEqual({
      name: 'Kernel version',
      value: '6.10',
      line: 2,
    });
  });

  it('reports syntax errors, shapes and clashing fields with a line', () => {
    expect(parseYamlData('- a: [1\n- b', 'x.yaml')).toMatchObject({ line: 2 });
    expect(parseYamlData('a: 1', 'x.yaml')).toMatchObject({ error: expect.stringContaining('list of records') });
    expect(parseYamlData('- 1\n', 'x.yaml')).toMatchObject({
      line: 1,
      error: expect.stringContaining('not a mapping'),
    });
    expect(parseYamlData('- kernel_version: 1\n  Kernel version: 2\n', 'x.yaml')).toMatchObject({ line: 2 });
    expect(parseYamlData('- a: 1\n  a: 2\n', 'x.yaml')).toMatchObject({ line: 2 });
  });

  it('maps column names to field names', () => {
    expect(['Kernel version', 'kernel_version', 'kernelVersion', 'kernel-version'].map(fieldKey)).toEqual(
      Array(4).fill('kernelversion'),
    );
  });
});

describe('CSV', () => {
  it('handles quotes, doubled quotes, CRLF, embedded newlines and a BOM, tracking lines', () => {
    const parsed = parseCsv('\ufeffa,b\r\n"x, y","say ""hi"""\r\n"multi\nline",2\n\n3,4');
    expect(parsed).toEqual({
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['x, y', 'say "hi"'] },
        { line: 3, fields: ['multi\nline', '2'] },
        { line: 6, fields: ['3', '4'] },
      ],
    });
  });

  it('reports an unterminated quote where it starts', () => {
    expect(parseCsv('a\n"open\nstill')).toEqual({ error: 'a quoted field is never closed', line: 2 });
  });
});

describe('data file paths', () => {
  const deck = tempDir('data');
  mkdirSync(path.join(deck, 'deck'));
  writeFileSync(path.join(deck, 'deck', 'in.csv'), 'name\nx\n');
  writeFileSync(path.join(deck, 'out.yaml'), '- name: x\n');
  symlinkSync(path.join(deck, 'out.yaml'), path.join(deck, 'deck', 'link.yaml'));
  const dir = path.join(deck, 'deck');

  it('resolves relative paths inside the deck folder', () => {
    const resolved = resolveDataPath(dir, dir, './in.csv');
    expect(resolved).toMatchObject({ path: expect.stringContaining('in.csv') });
    expect('path' in resolved && readDataFile(resolved.path, './in.csv')).toMatchObject({
      data: { records: [{ line: 2 }] },
    });
  });

  it('refuses missing files, absolute paths, URLs, escapes and symlinks that lead out', () => {
    expect(resolveDataPath(dir, dir, './nope.yaml')).toEqual({ error: 'data file not found: ./nope.yaml' });
    expect(resolveDataPath(dir, dir, path.join(dir, 'in.csv'))).toMatchObject({
      error: expect.stringContaining('relative'),
    });
    expect(resolveDataPath(dir, dir, 'https://example.com/x.csv')).toMatchObject({
      error: expect.stringContaining('relative'),
    });
    expect(resolveDataPath(dir, dir, '../out.yaml')).toMatchObject({ error: expect.stringContaining('outside') });
    expect(resolveDataPath(dir, dir, './link.yaml')).toMatchObject({ error: expect.stringContaining('outside') });
  });
});

describe('readDataFile', () => {
  it('reads a file again when its text changed, and hands out copies of a repeated read', () => {
    const dir = tempDir('data-file');
    const file = path.join(dir, 'k.yaml');
    writeFileSync(file, '- version: 6.1\n');
    const first = readDataFile(file, 'k.yaml');
    if (!('data' in first)) throw new Error('not read');
    first.data.records[0]?.fields.clear();
    first.data.fields.push('changed');
    const again = readDataFile(file, 'k.yaml');
    expect('data' in again && again.data.records[0]?.fields.get('version')?.value).toBe('6.1');
    expect('data' in again && again.data.fields).toEqual(['version']);
    writeFileSync(file, '- version: 6.2\n');
    const edited = readDataFile(file, 'k.yaml');
    expect('data' in edited && edited.data.records[0]?.fields.get('version')?.value).toBe('6.2');
  });
});
