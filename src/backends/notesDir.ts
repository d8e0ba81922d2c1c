import path from 'node:path';
import { readTextFile } from '../input/textFile.ts';
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
        const read = await readTextFile(file);
        if (read.ok) return { note: read.text };
        if (!read.missing)
          throw new BackendError(`cannot read ${file}: ${read.problem.message}; ${read.problem.fix}`, { code: 'NOTE_UNREADABLE' });
      }
      throw new BackendError(`no exported note for case ${kase.id}: expected ${candidates.join(' or ')}`, { code: 'NOTE_MISSING' });
    },
  };
}
