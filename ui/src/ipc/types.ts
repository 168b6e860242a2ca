// The data shapes the app core sends, re-exported so components import them from one place.
// They are generated from Rust (ui/src/ipc/bindings/, do not edit).
export type { AppHealth } from './bindings/AppHealth';
export type { CheckStep } from './bindings/CheckStep';
export type { KeychainStatus } from './bindings/KeychainStatus';
export type { ErrorCode } from './bindings/ErrorCode';
export type { IpcError } from './bindings/IpcError';
export type { ConnectionView } from './bindings/ConnectionView';
export type { SecretHint } from './bindings/SecretHint';
export type { ConnectionStatus } from './bindings/ConnectionStatus';
export type { CredentialKind } from './bindings/CredentialKind';
export type { CredentialChoice } from './bindings/CredentialChoice';
export type { FileOutcome } from './bindings/FileOutcome';
export type { FileResult } from './bindings/FileResult';
export type { ImportOptions } from './bindings/ImportOptions';
export type { ImportPreview } from './bindings/ImportPreview';
export type { ReplaceNotice } from './bindings/ReplaceNotice';
export type { LocalSdkArgs } from './bindings/LocalSdkArgs';
export type { SandboxStatus } from './bindings/SandboxStatus';
export type { ConnectionHealth } from './bindings/ConnectionHealth';
export type { TokenStatus } from './bindings/TokenStatus';
export type { HealthLevel } from './bindings/HealthLevel';
export type { CertificateStatus } from './bindings/CertificateStatus';
export type { CertificateLevel } from './bindings/CertificateLevel';
export type { ConnectionTestReport } from './bindings/ConnectionTestReport';
export type { TestStep } from './bindings/TestStep';
export type { StepOutcome } from './bindings/StepOutcome';
export type { ApiFamily } from './bindings/ApiFamily';
