// Typed wrappers around the Rust commands. Each resolves with the command's result or rejects
// with an `IpcError` (never a bare string), so callers can `catch (e)` and show `e.message`.
import { Channel, invoke, type InvokeArgs } from '@tauri-apps/api/core';

import type { AppHealth } from './bindings/AppHealth';
import type { CheckStep } from './bindings/CheckStep';
import { toIpcError } from './errors';

async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (thrown) {
    throw toIpcError(thrown);
  }
}

/**
 * Runs the start-up check. `onStep` is called for each step as the Rust side finishes it
 * (streamed over a Channel, in order), before the promise resolves with the full result.
 * The keychain probe may wait for an unlock prompt, so this can take a while.
 */
export function checkHealth(onStep: (step: CheckStep) => void): Promise<AppHealth> {
  const channel = new Channel<CheckStep>();
  // Set before the channel is sent: messages that arrive earlier are not replayed.
  channel.onmessage = onStep;
  return call<AppHealth>('check_health', { onStep: channel });
}
