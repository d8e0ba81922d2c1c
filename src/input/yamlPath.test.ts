import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatPath, lineOfPath, nearestLineOfPath } from './yamlPath.ts';

const TEXT = `# a comment
id: demo
facts:
  - id: a
    evidence: [1, 2]
  - id: b
    evidence:
      - 3
      - 4
base: &base { x: 1 }
copy: *base
`;

const lc = new LineCounter();
const doc = parseDocument(TEXT, { lineCounter: lc });

describe('lineOfPath', () => {
  it('finds keys, list items and items of flow and block lists', () => {
    expect(lineOfPath(doc, lc, ['id'])).toBe(2);
    expect(lineOfPath(doc, lc, ['facts'])).toBe(3);
    expect(lineOfPath(doc, lc, ['facts', 1])).toBe(6);
    expect(lineOfPath(doc, lc, ['facts', 1, 'evidence'])).toBe(7);
    expect(lineOfPath(doc, lc, ['facts', 1, 'evidence', 1])).toBe(9);
    expect(lineOfPath(doc, lc, ['facts', 0, 'evidence', 1])).toBe(5);
  });

  it('follows aliases', () => {
    expect(lineOfPath(doc, lc, ['copy', 'x'])).toBe(10);
  });

  it('returns null for a path the document does not have, and the first line for []', () => {
    expect(lineOfPath(doc, lc, ['facts', 2, 'id'])).toBeNull();
    expect(lineOfPath(doc, lc, ['id', 'deeper'])).toBeNull();
    expect(lineOfPath(doc, lc, [])).toBe(2);
  });
});

describe('nearestLineOfPath', () => {
  it('falls back to the deepest existing ancestor', () => {
    expect(nearestLineOfPath(doc, lc, ['facts', 1, 'statement'])).toBe(6);
    expect(nearestLineOfPath(doc, lc, ['nothing'])).toBe(2);
  });
});

describe('formatPath', () => {
  it('writes dotted paths with indexes and quotes keys that are not plain names', () => {
    expect(formatPath(['facts', 2, 'category'])).toBe('facts[2].category');
    expect(formatPath(['categories', 'risk.si.passive'])).toBe('categories["risk.si.passive"]');
    expect(formatPath([])).toBe('(top level)');
  });
});
