import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { BackendConfig, BackendKind } from '../config/schema.ts';
import type { Case } from '../domain/case.ts';
import { InputError } from '../domain/errors.ts';
import type { Rubrics } from '../domain/rubrics.ts';
import type { YamlPath } from '../input/yamlPath.ts';
import { bodyData, renderHttpBody } from './http.ts';
import { unknownTemplateNames } from './templateNames.ts';
import { promptBuilder } from './prompt.ts';

/**
 * What each backend kind needs before its first call, checked without calling anything:
 * a run must fail in a second with file, line and fix, not after an hour of paid calls.
 */
export interface PreflightContext {
  env: NodeJS.ProcessEnv;
  /** The config file's folder: relative paths in a backend resolve against it. */
  baseDir: string;
  rubrics: Rubrics;
  cases: readonly Case[];
}

/** A problem in one backend; `path` is below the backend's own place in the config file. */
export interface BackendProblem {
  path: YamlPath;
  message: string;
  fix: string;
  /** Set when the problem is in another file (a prompt template), with its own line. */
  file?: string;
  line?: number | null;
}

type Check<K extends BackendKind> = (cfg: Extract<BackendConfig, { kind: K }>, ctx: PreflightContext) => Promise<BackendProblem[]>;

export function missingKey(envName: string, env: NodeJS.ProcessEnv, at: YamlPath): BackendProblem[] {
  if (env[envName]) return [];
  return [
    {
      path: at,
      message: `needs an API key in the environment variable ${envName}, which is not set`,
      fix: `export ${envName}=... before running (keys are never read from the config file)`,
    },
  ];
}

/** Renders the prompt for every case, so an unknown variable fails here, not on call 300. */
function checkPrompt(file: string | undefined, ctx: PreflightContext): BackendProblem[] {
  if (!file) return [];
  const abs = path.resolve(ctx.baseDir, file);
  try {
    const builder = promptBuilder(ctx.rubrics, abs);
    for (const kase of ctx.cases) builder.build({ kase, sample: 0 });
    return [];
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return err.problems.map((p) => ({ path: ['prompt'], message: p.message, fix: p.fix, file: p.file, line: p.line }));
  }
}

/** `command: my-scribe` is looked up on PATH; `command: ./bin/scribe` relative to the config file. */
async function resolveExecutable(command: string, ctx: PreflightContext): Promise<string | null> {
  const canRun = (p: string): Promise<boolean> =>
    stat(p).then(
      (s) =>
        s.isFile() &&
        access(p, constants.X_OK).then(
          () => true,
          () => false,
        ),
      () => false,
    );
  if (command.includes('/') || command.includes(path.sep)) {
    const abs = path.resolve(ctx.baseDir, command);
    return (await canRun(abs)) ? abs : null;
  }
  for (const dir of (ctx.env['PATH'] ?? '').split(path.delimiter).filter(Boolean)) {
    if (await canRun(path.join(dir, command))) return path.join(dir, command);
  }
  return null;
}

/** The mapped type makes a kind without a check a compile error, as the factories do. */
export const BACKEND_PREFLIGHT: { [K in BackendKind]: Check<K> } = {
  reference: async () => [],
  'notes-dir': async (cfg, ctx) => {
    const dir = path.resolve(ctx.baseDir, cfg.dir);
    const isDir = await stat(dir).then(
      (s) => s.isDirectory(),
      () => false,
    );
    return isDir
      ? []
      : [
          {
            path: ['dir'],
            message: `the notes folder ${dir} does not exist`,
            fix: 'export the vendor\'s notes as <case-id>.md into that folder, or fix "dir" (relative to the config file)',
          },
        ];
  },
  command: async (cfg, ctx) =>
    (await resolveExecutable(cfg.command, ctx))
      ? []
      : [
          {
            path: ['command'],
            message: `"${cfg.command}" is not an executable file${cfg.command.includes('/') ? '' : ' on PATH'}`,
            fix: 'give the path of an executable (relative to the config file), or install the command; check it has execute permission (chmod +x)',
          },
        ],
  openai: async (cfg, ctx) => [...missingKey(cfg.apiKeyEnv, ctx.env, ['apiKeyEnv']), ...checkPrompt(cfg.prompt, ctx)],
  anthropic: async (cfg, ctx) => [...missingKey(cfg.apiKeyEnv, ctx.env, ['apiKeyEnv']), ...checkPrompt(cfg.prompt, ctx)],
  http: async (cfg, ctx) => {
    const problems = [...(cfg.auth ? missingKey(cfg.auth.env, ctx.env, ['auth', 'env']) : []), ...checkPrompt(cfg.prompt, ctx)];
    const first = ctx.cases[0];
    if (problems.length === 0 && first) {
      const prompt = promptBuilder(ctx.rubrics, cfg.prompt && path.resolve(ctx.baseDir, cfg.prompt));
      const data = bodyData(prompt, { kase: first, sample: 0 });
      const [unknown] = unknownTemplateNames(cfg.body, data, ['json']);
      const rendered = unknown
        ? {
            ok: false as const,
            message: `the body template uses "${unknown.name}", which is not a template variable`,
            fix: `use one of: ${Object.keys(data).join(', ')} (and {{json name}} to quote one)`,
          }
        : renderHttpBody(cfg, prompt, { kase: first, sample: 0 });
      if (!rendered.ok) problems.push({ path: ['body'], message: rendered.message, fix: rendered.fix });
    }
    if (cfg.poll) {
      try {
        Handlebars.parse(cfg.poll.url);
      } catch (err) {
        problems.push({
          path: ['poll', 'url'],
          message: `the poll URL template does not parse: ${(err as Error).message.split('\n')[0]}`,
          fix: 'write it like https://vendor.example/jobs/{{id}}',
        });
      }
    }
    return problems;
  },
};

export function preflightBackend(cfg: BackendConfig, ctx: PreflightContext): Promise<BackendProblem[]> {
  const check = BACKEND_PREFLIGHT[cfg.kind] as Check<typeof cfg.kind>;
  return check(cfg, ctx);
}
