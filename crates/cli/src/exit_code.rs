//! The CLI's exit codes, one name per meaning: what a script can tell from `$?` without reading
//! the words. Every subcommand returns one of these; nothing else is a process's exit code.
//!
//! | code | name | meaning to a script |
//! | --- | --- | --- |
//! | 0 | [`SUCCESS`] | done: for a run, every asset done; `graphql` data without errors; `request` a 2xx answer; `connections test` a working connection |
//! | 1 | [`SOME_FAILED`] | the command ran, but part of it failed: some assets failed or the run did not finish; `graphql` GraphQL errors; `request` another status; `connections test` a check failed |
//! | 2 | [`FAILURE`] | nothing (more) was done, and one line on stderr says why: a usage, credential, connection or file error, a sheet with errors, a run that stopped (the account may not write: `bulk resume RUN` once it may) |

/// Done, all of it.
pub const SUCCESS: u8 = 0;
/// The command ran, but part of it failed (some assets, a GraphQL error, a non-2xx answer).
pub const SOME_FAILED: u8 = 1;
/// Nothing (more) was done: the reason is on stderr. Clap's usage errors exit with it too.
pub const FAILURE: u8 = 2;
