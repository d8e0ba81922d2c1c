import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScribeBackend } from '../backends/types.ts';
import { DEFAULTS } from '../config/paths.ts';
import { readRubrics } from '../config/rubrics.ts';
import { BackendConfig } from '../config/schema.ts';
import { BackendError } from '../domain/errors.ts';
import { openStore } from '../store/db.ts';
import { RunStore } from '../store/runStore.ts';
import { miniCase } from '../testing/miniCase.ts';
import { runAudit } from './audit.ts';
import type { RunEvent } from './events.ts';
import { redactor } from './redact.ts';

const SECRET = 'loopback-echoed-key-4242';

describe('runAudit', () => {
  it('masks a key a vendor echoed back, in the report, the store and the progress log', async () => {
    const rubrics = await readRubrics(DEFAULTS.rubrics);
    let calls = 0;
    const echoing: ScribeBackend = {
      id: 'echoing-vendor',
      kind: 'test',
      generate: async () => {
        calls++;
        throw new BackendError(`upstream said: invalid key ${SECRET}`, {
          code: calls === 1 ? 'RATE_LIMITED' : 'AUTH',
          retryable: calls === 1,
          retryAfterMs: 0,
        });
      },
    };
    const dir = await mkdtemp(path.join(tmpdir(), 'scribe-audit-redact-'));
    const file = path.join(dir, 'store.db');
    const store = new RunStore(openStore(file));
    const events: RunEvent[] = [];
    const run = await runAudit(
      {
        backends: [
          { config: BackendConfig.parse({ id: 'echoing-vendor', kind: 'openai', model: 'm', apiKeyEnv: 'ECHO_KEY' }), backend: echoing },
        ],
        cases: [miniCase()],
        rubrics,
        vendors: [],
        samples: 1,
        concurrency: 1,
        timeoutMs: 1000,
        retries: 1,
        redact: redactor(['ECHO_KEY'], { ECHO_KEY: SECRET }),
      },
      {
        signal: new AbortController().signal,
        store,
        onEvent: (e) => events.push(e),
        now: () => new Date('2026-11-28T12:00:00Z'),
        runId: 'run-redact',
        version: 'test',
      },
    );
    expect(run.records[0]?.error).toEqual({ code: 'AUTH', message: 'upstream said: invalid key [redacted]' });
    expect(JSON.stringify(run)).not.toContain(SECRET);
    expect(JSON.stringify(events)).not.toContain(SECRET);
    expect(events.some((e) => e.kind === 'retry' && e.reason.includes('[redacted]'))).toBe(true);
    store.close();
    // The stored run item (error message included) went through the same mask.
    const bytes = Buffer.concat(await Promise.all([file, `${file}-wal`].map((f) => readFile(f).catch(() => Buffer.alloc(0)))));
    expect(bytes.includes('invalid key [redacted]')).toBe(true);
    expect(bytes.includes(SECRET)).toBe(false);
    await rm(dir, { recursive: true, force: true });
  });
});
