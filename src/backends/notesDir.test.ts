import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BackendError } from '../domain/errors.ts';
import { miniCase } from '../testing/miniCase.ts';
import { createNotesDirBackend } from './notesDir.ts';

let dir: string;
const signal = new AbortController().signal;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'notes-dir-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('notes-dir backend', () => {
  it('prefers <case-id>.<sample>.md and falls back to <case-id>.md', async () => {
    await writeFile(path.join(dir, 'mini-case.md'), 'plain note');
    await writeFile(path.join(dir, 'mini-case.1.md'), 'sample one');
    const b = createNotesDirBackend('vendor-c', dir);
    expect((await b.generate({ kase: miniCase(), sample: 1 }, { signal })).note).toBe('sample one');
    expect((await b.generate({ kase: miniCase(), sample: 0 }, { signal })).note).toBe('plain note');
  });

  it('names the files it looked for when a note is missing', async () => {
    const err = (await createNotesDirBackend('vendor-c', dir)
      .generate({ kase: miniCase(), sample: 0 }, { signal })
      .catch((e: unknown) => e)) as BackendError;
    expect(err.code).toBe('NOTE_MISSING');
    expect(err.message).toContain(path.join(dir, 'mini-case.md'));
  });
});
