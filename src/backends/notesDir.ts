import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BackendError } from '../domain/errors.ts';
import type { ScribeBackend } from './types.ts';

/**
 * Notes exported by hand from a vendor's product: `<case-id>.<sample>.md` for a given
 * sample, else `<case-id>.md`.
 */
export function createNotesDirBackend(id: string, dir: string): ScribeBackend {
  return {
    id,
    kind: 'notes-dir',
    async generate({ kase, sample }) {
      const candidates = [path.join(dir, `${kase.id}.${sample}.md`), path.join(dir, `${kase.id}.md`)];
      for (const file of candidates) {
        try {
          return { note: await readFile(file, 'utf8') };
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
            throw new BackendError(`cannot read ${file}: ${(err as Error).message}`, { code: 'NOTE_UNREADABLE', cause: err });
          }
        }
      }
      throw new BackendError(`no exported note for case ${kase.id}: expected ${candidates.join(' or ')}`, { code: 'NOTE_MISSING' });
    },
  };
}
