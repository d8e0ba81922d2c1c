import { constants } from 'node:fs';
import { access, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { InputProblem } from '../domain/errors.ts';

// Kernel pseudo-filesystems: Node's recursive mkdir spins forever under /proc.
const PSEUDO_FS = ['/proc', '/sys', '/dev'];

const under = (p: string, root: string): boolean => p === root || p.startsWith(`${root}/`);

/**
 * Can reports be written to `dir`? Checked before the first paid call, without creating
 * anything: it must be a directory we can write, or not exist yet below one we can.
 */
export async function outDirProblems(dir: string, flag = '--out'): Promise<InputProblem[]> {
  const problem = (message: string, fix: string): InputProblem[] => [{ file: dir, line: null, message: `${flag}: ${message}`, fix }];
  const pickAnother = `pick a folder of your own for ${flag}, e.g. reports/nightly`;
  let existing = path.resolve(dir);
  // Walk up to the nearest part of the path that exists.
  for (;;) {
    const s = await stat(existing).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? null : err));
    if (s instanceof Error) {
      if (s.code === 'ENOTDIR') return problem(`a part of the path is a file, not a folder`, pickAnother);
      return problem(`cannot be checked (${s.code ?? s.message})`, pickAnother);
    }
    if (s) {
      const real = await realpath(existing).catch(() => existing);
      if (PSEUDO_FS.some((root) => under(real, root) || under(existing, root))) return problem(`${real} is a system folder`, pickAnother);
      if (!s.isDirectory()) {
        return existing === path.resolve(dir)
          ? problem('is an existing file, not a folder', `remove the file or ${pickAnother}`)
          : problem(`${existing} is a file, so the folder cannot be made`, pickAnother);
      }
      const writable = await access(existing, constants.W_OK | constants.X_OK).then(
        () => true,
        () => false,
      );
      return writable ? [] : problem(`${existing} is not writable by this user`, pickAnother);
    }
    const parent = path.dirname(existing);
    if (parent === existing) return problem('no part of the path exists', pickAnother);
    existing = parent;
  }
}
