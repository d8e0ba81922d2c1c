import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { BackendError } from '../domain/errors.ts';
import { miniCase } from '../testing/miniCase.ts';
import { createCommandBackend } from './command.ts';

const echoScribe = fileURLToPath(new URL('../../fixtures/configs/echo-scribe.mjs', import.meta.url));
const signal = (): AbortSignal => new AbortController().signal;

describe('command backend', () => {
  it('gives the program the case as JSON on stdin and takes stdout as the note', async () => {
    const out = await createCommandBackend('cmd', process.execPath, [echoScribe]).generate(
      { kase: miniCase(), sample: 0 },
      { signal: signal() },
    );
    expect(out.note).toContain('# Note for Rowan');
    expect(out.note).toContain("wouldn't wake up");
  });

  it('reports a non-zero exit with the end of stderr', async () => {
    const b = createCommandBackend('cmd', process.execPath, ['-e', 'process.stderr.write("model crashed\\n"); process.exit(4)']);
    const err = (await b.generate({ kase: miniCase(), sample: 0 }, { signal: signal() }).catch((e: unknown) => e)) as BackendError;
    expect(err).toBeInstanceOf(BackendError);
    expect(err.message).toMatch(/exited with code 4: model crashed/);
  });

  it('reports an empty note and a missing program', async () => {
    const empty = await createCommandBackend('cmd', process.execPath, ['-e', ''])
      .generate({ kase: miniCase(), sample: 0 }, { signal: signal() })
      .catch((e: BackendError) => e.code);
    expect(empty).toBe('EMPTY_NOTE');
    const missing = await createCommandBackend('cmd', '/no/such/program', [])
      .generate({ kase: miniCase(), sample: 0 }, { signal: signal() })
      .catch((e: BackendError) => e.code);
    expect(missing).toBe('COMMAND_FAILED');
  });
});
