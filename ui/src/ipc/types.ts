// The data shapes the app core sends, re-exported so components import them from one place.
// They are generated from Rust (ui/src/ipc/bindings/, do not edit).
export type { AppHealth } from './bindings/AppHealth';
export type { CheckStep } from './bindings/CheckStep';
export type { KeychainStatus } from './bindings/KeychainStatus';
export type { ErrorCode } from './bindings/ErrorCode';
export type { IpcError } from './bindings/IpcError';
