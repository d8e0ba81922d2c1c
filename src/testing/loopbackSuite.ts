import { afterEach, beforeAll } from 'vitest';
import { startLoopbackServer, type LoopbackServer, type Reply } from './loopbackServer.ts';
import { DEFAULTS } from '../config/paths.ts';
import { readRubrics } from '../config/rubrics.ts';
import type { Rubrics } from '../domain/rubrics.ts';

/**
 * The hooks every loopback-vendor suite needs: the shipped rubrics, read once, and
 * servers that are closed after each test whatever the test did with them.
 */
export function useLoopback(): { readonly rubrics: Rubrics; start: (replies: readonly Reply[]) => Promise<LoopbackServer> } {
  let rubrics: Rubrics | undefined;
  const open: LoopbackServer[] = [];
  beforeAll(async () => {
    rubrics = await readRubrics(DEFAULTS.rubrics);
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  return {
    get rubrics(): Rubrics {
      if (!rubrics) throw new Error('useLoopback: rubrics are read in beforeAll; use them inside a test');
      return rubrics;
    },
    async start(replies) {
      const server = await startLoopbackServer(replies);
      open.push(server);
      return server;
    },
  };
}
