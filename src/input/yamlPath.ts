import { isAlias, isMap, isNode, isScalar, isSeq, type Document, type LineCounter } from 'yaml';

/** A path into a YAML document as zod reports it: keys and 0-based list indexes. */
export type YamlPath = readonly (string | number | symbol)[];

function lineAt(lineCounter: LineCounter, node: unknown): number | null {
  if (!isNode(node) || !node.range) return null;
  return lineCounter.linePos(node.range[0]).line;
}

function sameKey(key: unknown, segment: string | number | symbol): boolean {
  const k = isScalar(key) ? key.value : key;
  return String(k) === String(segment);
}

/**
 * The line of each step of `path` that exists in the document. A mapping key's
 * step is the key's line (so `evidence` points at `evidence:`, not at the first
 * item below it); a list index's step is the item's line. Stops at the first
 * step that does not exist.
 */
function walk(doc: Document, lineCounter: LineCounter, path: YamlPath): number[] {
  const lines: number[] = [];
  let node: unknown = doc.contents;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => sameKey(p.key, segment));
      if (!pair) break;
      lines.push(lineAt(lineCounter, pair.key) ?? lineAt(lineCounter, node) ?? 1);
      node = pair.value;
    } else if (isSeq(node) && /^\d+$/.test(String(segment))) {
      const item: unknown = node.items[Number(segment)];
      if (item === undefined) break;
      lines.push(lineAt(lineCounter, item) ?? lineAt(lineCounter, node) ?? 1);
      node = item;
    } else break;
  }
  return lines;
}

function rootLine(doc: Document, lineCounter: LineCounter): number {
  return lineAt(lineCounter, doc.contents) ?? 1;
}

/**
 * 1-based line where the value at `path` is written (`['facts', 3, 'evidence', 1]`,
 * `['id']`), or null when the document has no such node. `[]` is the document itself.
 */
export function lineOfPath(doc: Document, lineCounter: LineCounter, path: YamlPath): number | null {
  if (path.length === 0) return rootLine(doc, lineCounter);
  const lines = walk(doc, lineCounter, path);
  return lines.length === path.length ? (lines.at(-1) ?? null) : null;
}

/**
 * Like lineOfPath, but falls back to the deepest ancestor that exists: a
 * missing key is reported at the line of the mapping that should hold it.
 */
export function nearestLineOfPath(doc: Document, lineCounter: LineCounter, path: YamlPath): number {
  return walk(doc, lineCounter, path).at(-1) ?? rootLine(doc, lineCounter);
}

/** `facts[2].category`, `categories["risk.si.passive"]`; `(top level)` for the empty path. */
export function formatPath(path: YamlPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_][\w-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out === '' ? '(top level)' : out;
}
