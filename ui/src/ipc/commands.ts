// Typed wrappers around the Rust commands. Each resolves with the command's result or rejects
// with an `IpcError` (never a bare string), so callers can `catch (e)` and show `e.message`.
import { Channel, invoke, type InvokeArgs } from '@tauri-apps/api/core';

import type { AppHealth } from './bindings/AppHealth';
import type { CheckStep } from './bindings/CheckStep';
import type { CompleteImportArgs } from './bindings/CompleteImportArgs';
import type { ConnectionHealth } from './bindings/ConnectionHealth';
import type { ConnectionTestReport } from './bindings/ConnectionTestReport';
import type { ConnectionView } from './bindings/ConnectionView';
import type { FileOutcome } from './bindings/FileOutcome';
import type { FileResult } from './bindings/FileResult';
import type { ImportPreview } from './bindings/ImportPreview';
import type { LocalSdkArgs } from './bindings/LocalSdkArgs';
import type { RenameArgs } from './bindings/RenameArgs';
import type { SandboxStatus } from './bindings/SandboxStatus';
import type { SetProductionArgs } from './bindings/SetProductionArgs';
import type { SetUrlArgs } from './bindings/SetUrlArgs';
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

/** Every connection, with secrets shown only as hints. */
export function listConnections(): Promise<ConnectionView[]> {
  return call('list_connections');
}

/** Imports credential JSON the user pasted (the text itself; the page never handles paths). */
export function importPastedJson(text: string): Promise<FileOutcome> {
  return call('import_pasted_json', { text });
}

/** Opens the system's file dialog (Rust opens it) and imports the picked files; [] if cancelled. */
export function chooseCredentialFiles(): Promise<FileOutcome[]> {
  return call('choose_credential_files');
}

/** Finishes an import that waited for the user's choice (credential, AEM address). */
export function completeImport(args: CompleteImportArgs): Promise<FileResult> {
  return call('complete_import', { args });
}

/** Forgets an import that waited for the user's choice. */
export function discardImport(pendingId: string): Promise<void> {
  return call('discard_import', { pendingId });
}

/** What one credential of a waiting file holds (when the file has several). */
export function previewPendingChoice(pendingId: string, choice: string): Promise<ImportPreview> {
  return call('preview_pending_choice', { pendingId, choice });
}

/** Adds a local AEM SDK connection. The password is sent once and never comes back. */
export function addLocalSdk(args: LocalSdkArgs): Promise<FileResult> {
  return call('add_local_sdk', { args });
}

export function renameConnection(args: RenameArgs): Promise<ConnectionView> {
  return call('rename_connection', { args });
}

export function setConnectionUrl(args: SetUrlArgs): Promise<ConnectionView> {
  return call('set_connection_url', { args });
}

export function setConnectionProduction(args: SetProductionArgs): Promise<ConnectionView> {
  return call('set_connection_production', { args });
}

/** Deletes the connection and its keychain entries. */
export function deleteConnection(id: string): Promise<void> {
  return call('delete_connection', { id });
}

/** Starts the built-in sandbox AEM (a few seconds) and adds its connection. */
export function startSandbox(): Promise<ConnectionView> {
  return call('start_sandbox');
}

export function sandboxStatus(): Promise<SandboxStatus> {
  return call('sandbox_status');
}

/**
 * "Test connection": gets (or reuses) the connection's token and asks AEM who we are and
 * whether the DAM can be read. A failed step is part of the report; the promise rejects only
 * when the connection cannot be tested at all (it is gone, the keychain cannot be used).
 */
export function testConnection(id: string): Promise<ConnectionTestReport> {
  return call('test_connection', { id });
}

/**
 * The token and certificate status of every connection, by connection id. Shows a token kept
 * in the keychain from an earlier run; never asks Adobe for a new one.
 */
export function connectionHealth(): Promise<Partial<Record<string, ConnectionHealth>>> {
  return call('connection_health');
}
