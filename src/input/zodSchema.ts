import type { z } from 'zod';
import type { YamlPath } from './yamlPath.ts';

/**
 * Just enough of zod 4's schema definitions (`schema._zod.def`) to name the keys
 * and values a place in a file allows. zod's issues say what is wrong but not
 * what would be right (an unknown key's issue does not list the known keys), so
 * the fix messages read the schema itself.
 */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  in?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  getter?: () => z.ZodType;
}

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** Strips wrappers that do not change what may be written. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (let i = 0; i < 20; i++) {
    const def = defOf(s);
    if (WRAPPERS.has(def.type) && def.innerType) s = def.innerType;
    else if (def.type === 'pipe' && def.in) s = def.in;
    else if (def.type === 'lazy' && def.getter) s = def.getter();
    else break;
  }
  return s;
}

/** Whether a key with this schema may be left out of its mapping. */
export function isOptional(schema: z.ZodType): boolean {
  return ['optional', 'default', 'prefault'].includes(defOf(schema).type);
}

/** The allowed values of an enum or literal, else null. */
export function enumValues(schema: z.ZodType): unknown[] | null {
  const def = defOf(unwrap(schema));
  if (def.type === 'enum' && def.entries) return Object.values(def.entries);
  if (def.type === 'literal' && def.values) return def.values;
  return null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** For a union of objects, the member whose literal fields (e.g. `kind`) match the data. */
function pickMember(schema: z.ZodType, data: unknown): z.ZodType {
  const s = unwrap(schema);
  const def = defOf(s);
  if (def.type !== 'union' || !def.options || !isRecord(data)) return s;
  for (const option of def.options) {
    const shape = defOf(unwrap(option)).shape;
    if (!shape) continue;
    const literals = Object.entries(shape).filter(([, v]) => enumValues(v)?.length === 1);
    if (literals.length > 0 && literals.every(([k, v]) => enumValues(v)?.[0] === data[k])) return unwrap(option);
  }
  return s;
}

/** The schema for the value at `path` in `data`, or null when the schema has no such place. */
export function schemaAt(schema: z.ZodType, path: YamlPath, data: unknown): z.ZodType | null {
  let s: z.ZodType = schema;
  let d: unknown = data;
  for (const segment of path) {
    const def = defOf(pickMember(s, d));
    const key = String(segment);
    let next: z.ZodType | undefined;
    if (def.type === 'object') next = def.shape?.[key] ?? def.catchall;
    else if (def.type === 'array') next = def.element;
    else if (def.type === 'record') next = def.valueType;
    if (next === undefined) return null;
    s = next;
    d = isRecord(d) || Array.isArray(d) ? (d as Record<string, unknown>)[key] : undefined;
  }
  return pickMember(s, d);
}

export function isRecordSchema(schema: z.ZodType | null): boolean {
  return schema !== null && defOf(unwrap(schema)).type === 'record';
}

/** The keys a mapping may have: an object's fields, or an enum-keyed record's keys. */
export function allowedKeys(schema: z.ZodType): string[] | null {
  const def = defOf(unwrap(schema));
  if (def.type === 'object' && def.shape) return Object.keys(def.shape);
  if (def.type === 'record' && def.keyType) return keyValues(def.keyType);
  if (def.type === 'union' && def.options) {
    const keys = def.options.flatMap((o) => allowedKeys(o) ?? []);
    return keys.length > 0 ? [...new Set(keys)] : null;
  }
  return null;
}

/** Enum keys of a record; z.partialRecord wraps them in a union with `never`. */
function keyValues(keyType: z.ZodType): string[] | null {
  const def = defOf(unwrap(keyType));
  const members = def.type === 'union' && def.options ? def.options : [keyType];
  const values = members.flatMap((m) => enumValues(m) ?? []);
  return values.length > 0 ? values.map(String) : null;
}

/** A short YAML value to show in a fix: `soap`, `1`, `[1]`, `{ number: 1, minutes: 1 }`. */
export function exampleValue(schema: z.ZodType, depth = 0): string {
  const s = unwrap(schema);
  const def = defOf(s);
  const values = enumValues(s);
  const first = values?.[0];
  if (typeof first === 'string' || typeof first === 'number' || typeof first === 'boolean') return String(first);
  switch (def.type) {
    case 'number':
    case 'int':
      return '1';
    case 'boolean':
      return 'true';
    case 'string':
      return '<text>';
    case 'array':
      return def.element ? `[${exampleValue(def.element, depth + 1)}]` : '[]';
    case 'object': {
      if (depth >= 2 || !def.shape) return '{ ... }';
      const required = Object.entries(def.shape).filter(([, v]) => !isOptional(v));
      return `{ ${required.map(([k, v]) => `${k}: ${exampleValue(v, depth + 1)}`).join(', ')} }`;
    }
    case 'union':
      return def.options?.[0] ? exampleValue(def.options[0], depth) : '<value>';
    default:
      return '<value>';
  }
}
