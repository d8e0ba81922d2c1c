import { readFile } from 'node:fs/promises';
import type { InputProblem } from '../domain/errors.ts';

/**
 * Every text input (YAML, transcripts, reference notes, prompt templates, notes) is read
 * through here, so a file saved in the wrong encoding is one clear problem instead of
 * U+FFFD in a report or sixty follow-on parse errors.
 */
export type TextRead = { ok: true; text: string } | { ok: false; missing: boolean; problem: InputProblem };

/** Big enough for a three-hour transcript; a bigger file is almost always the wrong file. */
export const MAX_TEXT_BYTES = 8 * 1024 * 1024;

const SAVE_AS_UTF8 = 'save it as UTF-8 (in most editors: Save As, Encoding: UTF-8) and run again';

// Magic numbers of the binaries people drop into a case folder by mistake.
const SIGNATURES: ReadonlyArray<[string, number[]]> = [
  ['a PDF', [0x25, 0x50, 0x44, 0x46]],
  ['a Word, Excel or zip file', [0x50, 0x4b, 0x03, 0x04]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['an old Word document', [0xd0, 0xcf, 0x11, 0xe0]],
];

const startsWith = (b: Uint8Array, sig: readonly number[]): boolean => sig.every((v, i) => b[i] === v);

function utf16(b: Uint8Array): string | null {
  if (startsWith(b, [0xff, 0xfe, 0, 0]) || startsWith(b, [0, 0, 0xfe, 0xff])) return 'UTF-32';
  if (startsWith(b, [0xff, 0xfe])) return 'UTF-16 (little-endian)';
  if (startsWith(b, [0xfe, 0xff])) return 'UTF-16 (big-endian)';
  // No BOM: ASCII text in UTF-16 has a zero in every other byte.
  const n = Math.min(b.length, 512);
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i++) {
    if (b[i] !== 0) continue;
    if (i % 2 === 0) evenZeros++;
    else oddZeros++;
  }
  if (oddZeros > n / 4 && evenZeros === 0) return 'UTF-16 (little-endian)';
  if (evenZeros > n / 4 && oddZeros === 0) return 'UTF-16 (big-endian)';
  return null;
}

/** Where the first byte that is not UTF-8 sits, for the message. */
function firstInvalid(b: Uint8Array): { line: number; byte: number } {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = b.length;
  // Binary search for the shortest prefix that fails to decode.
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    try {
      decoder.decode(b.subarray(0, mid));
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  let at = lo;
  while (at > 0 && (b[at]! & 0xc0) === 0x80) at--;
  let line = 1;
  for (let i = 0; i < at; i++) if (b[i] === 0x0a) line++;
  return { line, byte: b[at] ?? 0 };
}

/** Decodes the bytes of a text input, or says in one problem why they are not UTF-8 text. */
export function decodeText(
  bytes: Uint8Array,
  file: string,
  maxBytes = MAX_TEXT_BYTES,
): { ok: true; text: string } | { ok: false; problem: InputProblem } {
  const fail = (line: number | null, message: string, fix: string) => ({ ok: false as const, problem: { file, line, message, fix } });
  if (bytes.length > maxBytes) {
    const size = (n: number): string => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);
    return fail(
      null,
      `the file is ${size(bytes.length)}; text inputs may be at most ${size(maxBytes)}`,
      'check that this is the file you meant; split a longer session into parts',
    );
  }
  const wide = utf16(bytes);
  if (wide) return fail(null, `this file is ${wide}, not UTF-8`, SAVE_AS_UTF8);
  const binary = SIGNATURES.find(([, sig]) => startsWith(bytes, sig));
  if (binary)
    return fail(null, `this is ${binary[0]}, not a text file`, 'export or copy the text into a plain UTF-8 text or markdown file');
  if (bytes.subarray(0, 8192).includes(0))
    return fail(null, 'this is a binary file, not text', 'give a plain UTF-8 text, markdown or YAML file');
  try {
    // A UTF-8 byte order mark is harmless; TextDecoder drops it.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const { line, byte } = firstInvalid(bytes);
    const hex = byte.toString(16).toUpperCase().padStart(2, '0');
    return fail(line, `this file is not UTF-8 (byte 0x${hex} on line ${line}; it looks like Latin-1 or Windows-1252)`, SAVE_AS_UTF8);
  }
}

/** Reads a text input. `missing` separates "no such file" (which callers word themselves) from a bad file. */
export async function readTextFile(file: string, maxBytes = MAX_TEXT_BYTES): Promise<TextRead> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const missing = code === 'ENOENT' || code === 'ENOTDIR';
    const message = missing
      ? 'file not found'
      : code === 'EISDIR'
        ? 'this is a folder, not a file'
        : `cannot read the file (${code ?? (err as Error).message})`;
    return { ok: false, missing, problem: { file, line: null, message, fix: missing ? 'check the path' : 'give a readable text file' } };
  }
  const decoded = decodeText(bytes, file, maxBytes);
  return decoded.ok ? decoded : { ok: false, missing: false, problem: decoded.problem };
}
