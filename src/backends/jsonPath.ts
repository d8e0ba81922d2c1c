/** Reads `a.b[0].c` out of parsed JSON; undefined when any step is missing. */
export function readPath(value: unknown, path: string): unknown {
  let here: unknown = value;
  for (const step of path.split('.')) {
    const [, key, indexes = ''] = /^([^[]+)((?:\[\d+\])*)$/.exec(step) ?? [];
    if (key === undefined || here === null || typeof here !== 'object') return undefined;
    here = (here as Record<string, unknown>)[key];
    for (const m of indexes.matchAll(/\[(\d+)\]/g)) {
      if (!Array.isArray(here)) return undefined;
      here = here[Number(m[1])];
    }
  }
  return here;
}
