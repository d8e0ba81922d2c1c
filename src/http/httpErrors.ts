import { BackendError } from '../domain/errors.ts';
import { retryAfterMs } from './retryAfter.ts';

/**
 * SDK errors to our BackendError. Both SDKs expose `status` on API errors and name
 * connection/timeout errors; only the status and the SDK's message survive, so a key
 * echoed in a request can never reach a report through here.
 */
export function toBackendError(err: unknown, backendId: string): BackendError {
  if (err instanceof BackendError) return err;
  const e = err as { status?: unknown; name?: unknown; message?: unknown; headers?: { get(name: string): string | null } };
  const status = typeof e.status === 'number' ? e.status : null;
  const name = typeof e.name === 'string' ? e.name : 'Error';
  if (name === 'APIUserAbortError' || name === 'AbortError')
    return new BackendError(`${backendId}: cancelled`, { code: 'ABORTED', cause: err });
  if (name === 'APIConnectionTimeoutError')
    return new BackendError(`${backendId}: the request timed out`, { code: 'TIMEOUT', retryable: true, cause: err });
  // A 200 whose body is not JSON: the vendor answered, wrongly; asking again rarely helps.
  if (name === 'SyntaxError')
    return new BackendError(`${backendId}: the API answered with a body that is not valid JSON`, { code: 'BAD_RESPONSE', cause: err });
  if (status === null)
    return new BackendError(`${backendId}: could not reach the API (${name})`, { code: 'CONNECTION', retryable: true, cause: err });
  const retryable = status === 408 || status === 409 || status === 429 || status >= 500;
  const code = status === 401 || status === 403 ? 'AUTH' : status === 429 ? 'RATE_LIMITED' : `HTTP_${status}`;
  return new BackendError(`${backendId}: the API answered ${status} (${name})`, {
    code,
    retryable,
    status,
    retryAfterMs: retryAfterMs(e.headers),
    cause: err,
  });
}
