// Typed listeners for what the Rust side tells the window. Each returns a function that stops
// listening; registration failures reject with an `IpcError`. The event names come from the
// Rust side (`bindings/AppEvents.ts`, generated and checked by `cargo test`).
import { listen } from '@tauri-apps/api/event';
import { getCurrentWebview } from '@tauri-apps/api/webview';

import {
  CLOSE_BLOCKED_BY_RUN,
  FILES_DROPPED,
  IMPORT_RESULT,
  SANDBOX_STATUS,
  SHEET_DROPPED,
  UPLOAD_DROPPED,
} from './bindings/AppEvents';
import type { HeldSheet } from './bindings/HeldSheet';
import type { HeldUpload } from './bindings/HeldUpload';
import type { FileOutcome } from './bindings/FileOutcome';
import type { SandboxStatus } from './bindings/SandboxStatus';
import { toIpcError } from './errors';

export type Unlisten = () => void;

/** Sent by the Rust side after a native drop, with the names (not paths) of the files. */
export async function onFilesDropped(handler: (names: string[]) => void): Promise<Unlisten> {
  try {
    return await listen<string[]>(FILES_DROPPED, (event) => handler(event.payload));
  } catch (thrown) {
    throw toIpcError(thrown);
  }
}

/** Sent by the Rust side for each dropped file once it is imported, refused, or waits. */
export async function onImportResult(handler: (outcome: FileOutcome) => void): Promise<Unlisten> {
  try {
    return await listen<FileOutcome>(IMPORT_RESULT, (event) => handler(event.payload));
  } catch (thrown) {
    throw toIpcError(thrown);
  }
}

/** Sent when the built-in sandbox starts, runs, stops or fails. */
export async function onSandboxStatus(handler: (status: SandboxStatus) => void): Promise<Unlisten> {
  try {
    return await listen<SandboxStatus>(SANDBOX_STATUS, (event) => handler(event.payload));
  } catch (thrown) {
    throw toIpcError(thrown);
  }
}

/**
 * Sent when the user tries to close the window while a bulk job runs: the window stays open
 * and the page asks whether to cancel the run and close (`closeAfterCancellingRun`).
 */
export async function onCloseBlockedByRun(handler: () => void): Promise<Unlisten> {
  try {
    return await listen<null>(CLOSE_BLOCKED_BY_RUN, () => handler());
  } catch (thrown) {
    throw toIpcError(thrown);
  }
}

/** Sent when a sheet (.xlsx, .xls, .ods, .csv) is dropped on the window: it is held for import
 *  under an id (`previewSheet`); credentials dropped with it come as `files-dropped`. */
export async function onSheetDropped(handler: (sheet: HeldSheet) => void): Promise<Unlisten> {
  try {
    return await listen<HeldSheet>(SHEET_DROPPED, (event) => handler(event.payload));
  } catch (thrown) {
    throw toIpcError(thrown);
  }
}

/** Files or folders dropped while the Upload page is on screen, held for it by the core. */
export async function onUploadDropped(handler: (held: HeldUpload) => void): Promise<Unlisten> {
  try {
    return await listen<HeldUpload>(UPLOAD_DROPPED, (event) => handler(event.payload));
  } catch (thrown) {
    throw toIpcError(thrown);
  }
}

/** Where a drag over the window is: it entered, moves over it, left, or was dropped. */
export type DragPhase = 'enter' | 'over' | 'leave' | 'drop';

/**
 * Reports drags over the window, only to highlight the drop area. The native event carries
 * the files' paths; they are deliberately not passed on: the Rust side reads dropped files
 * itself, and the page never handles paths.
 */
export async function onDragActivity(handler: (phase: DragPhase) => void): Promise<Unlisten> {
  try {
    const stop = await getCurrentWebview().onDragDropEvent((event) => handler(event.payload.type));
    // Tauri types this as returning void, but it is async: catch its rejection too.
    return () => {
      void (async () => {
        try {
          await stop();
        } catch (thrown) {
          console.warn('Could not stop listening for drags:', thrown);
        }
      })();
    };
  } catch (thrown) {
    throw toIpcError(thrown);
  }
}
