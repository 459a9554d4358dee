import type { ContainerDirective } from 'mdast-util-directive';
import { describe, expect, it } from 'vitest';
import { attributePlace, rawAttributes } from '../../src/table/attribute-place.ts';
import { parseTableSpec } from '../../src/table/spec.ts';
import { vfileOf } from '../helpers.ts';
import { parseDeck } from './helpers.ts';

function container(markdown: string): ContainerDirective {
  const node = parseDeck(vfileOf(markdown)).children.find(
    (child): child is ContainerDirective => child.type === 'containerDirective',
  );
  if (!node) throw new Error('no container');
  return node;
}

describe('attribute positions', () => {
  const markdown = '\n  :::table{#t .wide key="Kernel version" rows=6 types=\'A: year\' key=x}\n  :::\n';
  const node = container(markdown);

  it('lists attributes as written, repeats and shorthands included', () => {
    expect(rawAttributes(markdown, node).map((attribute) => attribute.name)).toEqual([
      'id',
      'class',
      'key',
      'rows',
      'types',
      'key',
    ]);
  });

  it('places an attribute, or a part of its value', () => {
    expect(attributePlace(markdown, node, 'rows')).toEqual({ line: 2, column: 42 });
    expect(attributePlace(markdown, node, 'types', 'year')).toEqual({ line: 2, column: 59 });
    expect(attributePlace(markdown, node, 'missing')).toEqual({ line: 2, column: 3 });
  });
});

describe('table specs', () => {
  it('reads every attribute', () => {
    const markdown =
      ':::table{#k key=" Kernel  version " types="Released: month-year|year; Stage: enum(No|Yes)" sort="Released ' +
      'desc" rows=6 required="Notes; Released" data="./k.yaml" match="#list ./k.csv" evidence="C: detected; ' +
      'Rust: compile-error|panic"}\n:::\n';
    const { spec, problems } = parseTableSpec(container(markdown), markdown);
    expect(problems).toEqual([]);
    expect(spec).toMatchObject({
      id: 'k',
      key: { name: 'Kernel version' },
      sort: { column: { name: 'Released' }, direction: 'desc' },
      rows: { count: 6 },
      required: [{ name: 'Notes' }, { name: 'Released' }],
      data: { path: './k.yaml' },
      match: [{ target: '#list' }, { target: './k.csv' }],
      evidence: [
        { column: { name: 'C' }, claims: ['detected'] },
        { column: { name: 'Rust' }, claims: ['compile-error', 'panic'] },
      ],
    });
    expect(spec.types.map((entry) => [entry.column.name, entry.type.source])).toEqual([
      ['Released', 'month-year|year'],
      ['Stage', 'enum(No|Yes)'],
    ]);
  });

  it('reports bad values at the attribute', () => {
    const markdown = ':::table{data="./notes.txt" rows=-1 sort=" desc" key=""}\n:::\n';
    const { problems } = parseTableSpec(container(markdown), markdown);
    expect(
      problems.map((problem) => [problem.place.column, problem.message]).sort((a, b) => Number(a[0]) - Number(b[0])),
    ).toEqual([
      [10, 'data= must name a .yaml, .yml, .json or .csv file, not "./notes.txt"'],
      [29, 'rows= must be a whole number, not "-1"'],
      [37, 'sort= names no column'],
      [50, 'key= is empty'],
    ]);
  });
});
