import { spawn } from 'node:child_process';
import { BackendError } from '../domain/errors.ts';
import type { ScribeBackend, ScribeInput } from './types.ts';

/** The case as the external program reads it on stdin. */
export function commandPayload({ kase, sample }: ScribeInput): string {
  return JSON.stringify({
    caseId: kase.id,
    sample,
    noteFormat: kase.noteFormat,
    modality: kase.modality,
    session: kase.session,
    client: { pseudonym: kase.client.pseudonym },
    transcript: kase.transcript.turns.map((t) => ({ turn: t.number, speaker: t.speaker, role: t.role, text: t.text })),
  });
}

/** An external program reads the case as JSON on stdin and writes the note to stdout. */
export function createCommandBackend(id: string, command: string, args: readonly string[]): ScribeBackend {
  return {
    id,
    kind: 'command',
    fingerprint: (input) => JSON.stringify({ kind: 'command', command, args, payload: commandPayload(input) }),
    generate: (input, { signal }) =>
      new Promise((resolve, reject) => {
        const child = spawn(command, [...args], { signal, stdio: ['pipe', 'pipe', 'pipe'] });
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        child.stdout.on('data', (b: Buffer) => out.push(b));
        child.stderr.on('data', (b: Buffer) => err.push(b));
        child.on('error', (e) =>
          reject(
            new BackendError(`could not run "${command}": ${e.message}`, { code: signal.aborted ? 'ABORTED' : 'COMMAND_FAILED', cause: e }),
          ),
        );
        child.on('close', (code) => {
          const note = Buffer.concat(out).toString('utf8');
          if (code !== 0) {
            const tail = Buffer.concat(err).toString('utf8').trim().split('\n').slice(-3).join(' | ');
            reject(new BackendError(`"${command}" exited with code ${code}${tail ? `: ${tail}` : ''}`, { code: 'COMMAND_FAILED' }));
          } else if (note.trim() === '') {
            reject(new BackendError(`"${command}" wrote no note to stdout`, { code: 'EMPTY_NOTE' }));
          } else resolve({ note });
        });
        // A program that exits without reading stdin must not crash the run with EPIPE.
        child.stdin.on('error', () => {});
        child.stdin.end(commandPayload(input));
      }),
  };
}
