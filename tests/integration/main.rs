//! Cross-crate integration tests: `metadesk-core` against the real keychain and the sandbox.
