//! Rules about the sources themselves, checked by `cargo test` like any behaviour: no source
//! file holds more than 700 lines that are not tests (ARCHITECTURE.md, "Conventions"); no two
//! files of a crate import each other; every file a module doc or ARCHITECTURE.md names exists;
//! the glossary and the rest of ARCHITECTURE.md name what the code defines, where it is; every
//! relative link in README.md and `docs/` resolves; French keeps one word per idea across the
//! message catalogues.
//!
//! They read the checkout this crate was built from (`CARGO_MANIFEST_DIR/..`). Under Wine
//! (`scripts/cross/windows.sh`) that Linux path means nothing to the Windows test binary, and
//! the sources are the same on every OS, so the checks run where the checkout is: not on Windows.
#![cfg(not(windows))]
// A test crate: failing fast on an unreadable file is the point.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod file_loops;
mod french;
mod glossary;
mod links;
mod pointers;
mod run_kinds;
mod size;
mod sources;
mod symbols;
mod window_commands;
