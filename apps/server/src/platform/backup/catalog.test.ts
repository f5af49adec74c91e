import { describe, expect, it } from 'vitest';
import { loadOrder } from './catalog.ts';

describe('load order', () => {
  it.each([
    ['no keys: alphabetical', ['b', 'a', 'c'], [], ['a', 'b', 'c']],
    ['parents before children', ['stored_file', 'blob', 'app_user', 'organisation'], [{ child: 'stored_file', parent: 'blob' }, { child: 'app_user', parent: 'organisation' }], ['blob', 'organisation', 'app_user', 'stored_file']],
    ['a chain', ['c', 'b', 'a'], [{ child: 'a', parent: 'b' }, { child: 'b', parent: 'c' }], ['c', 'b', 'a']],
    ['a table referring to itself', ['org'], [{ child: 'org', parent: 'org' }], ['org']],
    ['keys to tables outside the set are ignored', ['a'], [{ child: 'a', parent: 'elsewhere' }], ['a']],
  ])('%s', (_label, tables, keys, expected) => {
    expect(loadOrder(tables, keys)).toEqual(expected);
  });

  it('reports a cycle between tables', () => {
    expect(() => loadOrder(['a', 'b'], [{ child: 'a', parent: 'b' }, { child: 'b', parent: 'a' }])).toThrow(/cycle between: a, b/);
  });
});
