import { InputError } from '../domain/errors.ts';

/** Keys come from the environment only; the error names the variable, never a value. */
export function readApiKey(backendId: string, envName: string, env: NodeJS.ProcessEnv): string {
  const key = env[envName];
  if (!key) {
    throw InputError.single(
      'config',
      null,
      `backend "${backendId}" needs an API key in the environment variable ${envName}, which is not set`,
      `export ${envName}=... before running (keys are never read from the config file)`,
    );
  }
  return key;
}
