// The one error shape the UI deals with. Every command on the Rust side rejects with an
// `IpcError`; Tauri itself rejects with a bare string (unknown command, not permitted, bad
// arguments) and JavaScript can throw anything. `toIpcError` folds all of that into
// `{ code, message }`, so components show `message` and may branch on `code`.
import type { ErrorCode } from './bindings/ErrorCode';
import type { IpcError } from './bindings/IpcError';

export type { ErrorCode, IpcError };

// A Record over ErrorCode: adding a variant on the Rust side fails the type check here until
// it is listed, so `isIpcError` never rejects a real code.
const KNOWN_CODES: Record<ErrorCode, true> = {
  keychain_unavailable: true,
  keychain_locked: true,
  invalid_input: true,
  credential_refused: true,
  not_found: true,
  io: true,
  network: true,
  auth: true,
  remote: true,
  internal: true,
  untrusted_host: true,
};

/** The message for failures that did not come from our own commands: plain words only. */
export const UNEXPECTED_MESSAGE =
  'Something went wrong inside Metadesk. Try again; if it keeps happening, restart the app.';

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(KNOWN_CODES, value);
}

export function isIpcError(value: unknown): value is IpcError {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message } = value as Record<string, unknown>;
  return isErrorCode(code) && typeof message === 'string';
}

/**
 * Turns any thrown value into an `IpcError`. Our own errors pass through unchanged; anything
 * else becomes `internal` with a plain message, and the raw value goes to the console for
 * developers (its text is technical and not meant for the person using the app).
 */
export function toIpcError(thrown: unknown): IpcError {
  if (isIpcError(thrown)) return { code: thrown.code, message: thrown.message };
  console.error('Unexpected error from the app core:', thrown);
  return { code: 'internal', message: UNEXPECTED_MESSAGE };
}
