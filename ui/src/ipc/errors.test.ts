import { afterEach, describe, expect, it, vi } from 'vitest';

import { isIpcError, toIpcError, UNEXPECTED_MESSAGE } from './errors';

afterEach(() => vi.restoreAllMocks());

describe('toIpcError', () => {
  it('passes our own errors through, without extra fields', () => {
    const thrown = { code: 'keychain_locked', message: 'Unlock the keychain.', extra: 1 };
    expect(toIpcError(thrown)).toEqual({ code: 'keychain_locked', message: 'Unlock the keychain.' });
  });

  it.each([
    ['a Tauri string', 'Command check_health not allowed by ACL'],
    ['an Error', new Error('boom')],
    ['an unknown code', { code: 'teapot', message: 'short and stout' }],
    ['a code without a message', { code: 'io' }],
    ['null', null],
    ['undefined', undefined],
  ])('turns %s into an internal error with a plain message', (_, thrown) => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(toIpcError(thrown)).toEqual({ code: 'internal', message: UNEXPECTED_MESSAGE });
    // The technical text goes to the console for developers, not to the screen.
    expect(log).toHaveBeenCalledWith(expect.any(String), thrown);
  });
});

describe('isIpcError', () => {
  it('accepts every code the Rust side defines and nothing else', () => {
    for (const code of ['keychain_unavailable', 'keychain_locked', 'invalid_input', 'not_found', 'io', 'internal']) {
      expect(isIpcError({ code, message: 'm' })).toBe(true);
    }
    expect(isIpcError({ code: 'toString', message: 'm' })).toBe(false);
    expect(isIpcError({ code: 'io', message: 3 })).toBe(false);
    expect(isIpcError('io')).toBe(false);
  });
});
