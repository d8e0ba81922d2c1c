import { describe, expect, it } from 'vitest';
import { decodeText } from './textFile.ts';

const bytes = (s: string, enc: BufferEncoding = 'utf8'): Uint8Array => new Uint8Array(Buffer.from(s, enc));
const message = (b: Uint8Array, max?: number): string => {
  const r = decodeText(b, 'f.txt', max);
  return r.ok ? `ok:${r.text}` : r.problem.message;
};

describe('decodeText: text inputs must be UTF-8, and say so once when they are not', () => {
  it('reads UTF-8, with or without a byte order mark', () => {
    expect(message(bytes('CLIENT: Zoë said café'))).toBe('ok:CLIENT: Zoë said café');
    expect(message(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('id: x')]))).toBe('ok:id: x');
  });

  it('names UTF-16 and UTF-32 by their byte order mark, and UTF-16 without one', () => {
    expect(message(new Uint8Array([0xff, 0xfe, ...bytes('id: x', 'utf16le')]))).toBe('this file is UTF-16 (little-endian), not UTF-8');
    expect(message(new Uint8Array([0xfe, 0xff, 0, 0x69, 0, 0x64]))).toBe('this file is UTF-16 (big-endian), not UTF-8');
    expect(message(bytes('THERAPIST: hello there', 'utf16le'))).toBe('this file is UTF-16 (little-endian), not UTF-8');
    expect(message(new Uint8Array([0xff, 0xfe, 0, 0, 0x69, 0, 0, 0]))).toBe('this file is UTF-32, not UTF-8');
  });

  it('points at the first Latin-1 byte, by line', () => {
    const r = decodeText(bytes('id: x\ntitle: ok\nname: Zoë\n', 'latin1'), 'case.yaml');
    expect(r).toEqual({
      ok: false,
      problem: expect.objectContaining({
        file: 'case.yaml',
        line: 3,
        message: expect.stringMatching(/byte 0xEB on line 3; it looks like Latin-1/),
      }),
    });
  });

  it('refuses binaries, naming the common ones', () => {
    expect(message(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]))).toBe('this is a PDF, not a text file');
    expect(message(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1]))).toBe('this is a Word, Excel or zip file, not a text file');
    expect(message(new Uint8Array([0x41, 0x00, 0x42, 0x43, 0x00, 0x00, 0x44, 0x45, 0x46]))).toBe('this is a binary file, not text');
  });

  it('has a size limit with its own message', () => {
    expect(message(bytes('x'.repeat(2048)), 1024)).toBe('the file is 2 KB; text inputs may be at most 1 KB');
    expect(message(bytes('x'.repeat(1024)), 1024)).toBe(`ok:${'x'.repeat(1024)}`);
  });
});
