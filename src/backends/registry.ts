import path from 'node:path';
import type { BackendConfig, BackendKind } from '../config/schema.ts';
import type { Rubrics } from '../domain/rubrics.ts';
import { createAnthropicBackend } from './anthropic.ts';
import { createCommandBackend } from './command.ts';
import { createHttpBackend } from './http.ts';
import { createNotesDirBackend } from './notesDir.ts';
import { createOpenAIBackend } from './openai.ts';
import { createReferenceBackend } from './reference/index.ts';
import type { ScribeBackend } from './types.ts';

export interface BackendContext {
  rubrics: Rubrics;
  env: NodeJS.ProcessEnv;
  /** Relative paths in a backend definition resolve against the config file's folder. */
  baseDir: string;
  timeoutMs: number;
}

type Factory<K extends BackendKind> = (cfg: Extract<BackendConfig, { kind: K }>, ctx: BackendContext) => ScribeBackend;

/** One factory per backend kind; the mapped type makes a missing kind a compile error. */
export const BACKEND_FACTORIES: { [K in BackendKind]: Factory<K> } = {
  reference: (cfg, ctx) => createReferenceBackend(cfg.id, cfg.variant, ctx.rubrics),
  'notes-dir': (cfg, ctx) => createNotesDirBackend(cfg.id, path.resolve(ctx.baseDir, cfg.dir)),
  command: (cfg, ctx) =>
    createCommandBackend(
      cfg.id,
      cfg.command,
      cfg.args.map((a) => (a.startsWith('./') ? path.resolve(ctx.baseDir, a) : a)),
    ),
  openai: (cfg, ctx) =>
    createOpenAIBackend(
      {
        id: cfg.id,
        model: cfg.model,
        baseURL: cfg.baseURL,
        apiKeyEnv: cfg.apiKeyEnv,
        temperature: cfg.temperature,
        maxTokens: cfg.maxTokens,
        timeoutMs: ctx.timeoutMs,
        promptTemplate: cfg.prompt && path.resolve(ctx.baseDir, cfg.prompt),
      },
      ctx.rubrics,
      ctx.env,
    ),
  http: (cfg, ctx) =>
    createHttpBackend(cfg, { rubrics: ctx.rubrics, env: ctx.env, promptTemplate: cfg.prompt && path.resolve(ctx.baseDir, cfg.prompt) }),
  anthropic: (cfg, ctx) =>
    createAnthropicBackend(
      {
        id: cfg.id,
        model: cfg.model,
        baseURL: cfg.baseURL,
        apiKeyEnv: cfg.apiKeyEnv,
        temperature: cfg.temperature,
        maxTokens: cfg.maxTokens,
        timeoutMs: ctx.timeoutMs,
        promptTemplate: cfg.prompt && path.resolve(ctx.baseDir, cfg.prompt),
      },
      ctx.rubrics,
      ctx.env,
    ),
};

export function createBackend(cfg: BackendConfig, ctx: BackendContext): ScribeBackend {
  const factory = BACKEND_FACTORIES[cfg.kind] as Factory<typeof cfg.kind>;
  return factory(cfg, ctx);
}

/** Public settings of a backend for reports: never a key, only the name of its variable. */
export function describeBackend(cfg: BackendConfig): Record<string, string> {
  switch (cfg.kind) {
    case 'reference':
      return { variant: cfg.variant };
    case 'notes-dir':
      return { dir: cfg.dir };
    case 'command':
      return { command: [cfg.command, ...cfg.args].join(' ') };
    case 'http':
      return { url: cfg.url.replace(/\?.*$/, ''), ...(cfg.auth ? { authEnv: cfg.auth.env } : {}), ...(cfg.poll ? { poll: 'yes' } : {}) };
    case 'openai':
    case 'anthropic':
      return {
        model: cfg.model,
        ...(cfg.baseURL ? { baseURL: cfg.baseURL } : {}),
        apiKeyEnv: cfg.apiKeyEnv,
        ...(cfg.prompt ? { prompt: cfg.prompt } : {}),
      };
  }
}
