//! The credential parser under fuzzing: arbitrary bytes, and real-shaped credential files (each
//! kind of file, as the consoles write them) mutated at the byte and at the JSON level, through
//! [`inspect`] and through [`read_credential_file`]. Whatever the input: no panic, and a refusal
//! always says at least one thing.
//!
//! The default run is brief (`FUZZ_DEFAULT_CASES` per property, a few seconds); set
//! `PROPTEST_CASES` for a longer one, e.g.
//! `PROPTEST_CASES=120000 cargo test -p metadesk-credentials --lib credentials::fuzz`.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{Value, json};
use time::{Duration, OffsetDateTime};

use super::testing::{self, TestKey};
use super::*;

/// Cases per property when `PROPTEST_CASES` is not set.
const FUZZ_DEFAULT_CASES: u32 = 300;

fn runner() -> TestRunner {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(FUZZ_DEFAULT_CASES);
    TestRunner::new(Config {
        cases,
        // A failure prints its input; no regression file is written into the source tree.
        failure_persistence: None,
        ..Config::default()
    })
}

/// One file of each kind Metadesk reads, as the consoles write them.
fn real_files() -> Vec<Vec<u8>> {
    let key = TestKey::small();
    let now = OffsetDateTime::now_utc();
    let files = [
        testing::service_credentials(&key, "cm-p1-e2-integration", "ims-na1.adobelogin.com", 300),
        testing::dev_token("someone@example.com", now, Duration::hours(24)),
        testing::project(vec![
            testing::oauth_credential("1", "first", "client-1"),
            testing::oauth_credential("2", "second", "client-2"),
        ]),
        testing::flat_oauth("client-3"),
    ];
    files
        .iter()
        .map(|f| serde_json::to_vec_pretty(f).unwrap())
        .collect()
}

/// The parser's promise for any input.
fn check(bytes: &[u8]) -> Result<(), TestCaseError> {
    match inspect(bytes) {
        Ok(recognised) => {
            // What the window is sent must serialise.
            serde_json::to_string(&recognised.preview)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
        }
        Err(refusal) => {
            prop_assert!(!refusal.problems.is_empty(), "a refusal that says nothing");
            prop_assert!(
                refusal
                    .problems
                    .iter()
                    .all(|p| !p.to_string().trim().is_empty()),
                "an empty problem: {:?}",
                refusal.problems
            );
        }
    }
    Ok(())
}

/// A change to a file's bytes.
#[derive(Debug, Clone)]
enum Mutation {
    Flip(prop::sample::Index, u8),
    Set(prop::sample::Index, u8),
    Insert(prop::sample::Index, Vec<u8>),
    Remove(prop::sample::Index, usize),
    Truncate(prop::sample::Index),
    /// Copies a slice elsewhere (a repeated key, a doubled bracket).
    Repeat(prop::sample::Index, usize, prop::sample::Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = any::<prop::sample::Index>;
    prop_oneof![
        (at(), 0u8..8).prop_map(|(i, bit)| Mutation::Flip(i, 1 << bit)),
        (at(), any::<u8>()).prop_map(|(i, b)| Mutation::Set(i, b)),
        (
            at(),
            prop_oneof![
                prop::collection::vec(any::<u8>(), 1..8),
                prop::sample::select(vec![
                    b"\"".to_vec(),
                    b"\\".to_vec(),
                    b"{".to_vec(),
                    b"[".to_vec(),
                    b"}".to_vec(),
                    b",".to_vec(),
                    b"\\u0000".to_vec(),
                    b"\\ud800".to_vec(),
                    b"-----BEGIN ".to_vec(),
                    b"\r\n".to_vec(),
                    "é".as_bytes().to_vec(),
                    b"1e999".to_vec(),
                ]),
            ]
        )
            .prop_map(|(i, b)| Mutation::Insert(i, b)),
        (at(), 1usize..64).prop_map(|(i, n)| Mutation::Remove(i, n)),
        at().prop_map(Mutation::Truncate),
        (at(), 1usize..256, at()).prop_map(|(i, n, to)| Mutation::Repeat(i, n, to)),
    ]
}

fn apply(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        if bytes.is_empty() {
            break;
        }
        let len = bytes.len();
        match m {
            Mutation::Flip(i, bit) => bytes[i.index(len)] ^= bit,
            Mutation::Set(i, b) => bytes[i.index(len)] = *b,
            Mutation::Insert(i, b) => {
                let at = i.index(len + 1);
                bytes.splice(at..at, b.iter().copied());
            }
            Mutation::Remove(i, n) => {
                let at = i.index(len);
                bytes.drain(at..(at + n).min(len));
            }
            Mutation::Truncate(i) => bytes.truncate(i.index(len)),
            Mutation::Repeat(i, n, to) => {
                let at = i.index(len);
                let slice = bytes[at..(at + n).min(len)].to_vec();
                let to = to.index(len + 1);
                bytes.splice(to..to, slice);
            }
        }
    }
    bytes
}

/// Any JSON value, a few levels deep.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|n| json!(n)),
        ".{0,60}".prop_map(Value::String),
        "(https?://)?[a-z0-9.:/@-]{0,40}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-zA-Z_]{1,16}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Every value's place in `value` (object members and list items), depth first.
fn places(value: &Value, here: String, out: &mut Vec<String>) {
    match value {
        Value::Object(m) => m.iter().for_each(|(k, v)| {
            let path = format!("{here}/{}", k.replace('~', "~0").replace('/', "~1"));
            out.push(path.clone());
            places(v, path, out);
        }),
        Value::Array(items) => items.iter().enumerate().for_each(|(i, v)| {
            let path = format!("{here}/{i}");
            out.push(path.clone());
            places(v, path, out);
        }),
        _ => {}
    }
}

#[test]
fn arbitrary_bytes_never_panic_or_refuse_in_silence() {
    runner()
        .run(&prop::collection::vec(any::<u8>(), 0..4096), |bytes| {
            check(&bytes)
        })
        .unwrap();
}

#[test]
fn real_files_with_mutated_bytes_never_panic_or_refuse_in_silence() {
    let files = real_files();
    for file in &files {
        assert!(inspect(file).is_ok(), "the unmutated file is accepted");
    }
    let strategy = (
        prop::sample::select((0..files.len()).collect::<Vec<_>>()),
        prop::collection::vec(mutation(), 1..6),
    );
    runner()
        .run(&strategy, |(which, mutations)| {
            check(&apply(files[which].clone(), &mutations))
        })
        .unwrap();
}

#[test]
fn real_files_with_a_value_replaced_or_removed_never_panic_or_refuse_in_silence() {
    let files: Vec<Value> = real_files()
        .iter()
        .map(|b| serde_json::from_slice(b).unwrap())
        .collect();
    let strategy = (
        prop::sample::select((0..files.len()).collect::<Vec<_>>()),
        any::<prop::sample::Index>(),
        prop::option::of(json_value()),
    );
    runner()
        .run(&strategy, |(which, place, replacement)| {
            let mut file = files[which].clone();
            let mut all = Vec::new();
            places(&file, String::new(), &mut all);
            let path = &all[place.index(all.len())];
            let (parent, last) = path.rsplit_once('/').unwrap();
            let last = last.replace("~1", "/").replace("~0", "~");
            match (file.pointer_mut(parent).unwrap(), replacement) {
                (Value::Object(m), Some(v)) => drop(m.insert(last, v)),
                (Value::Object(m), None) => drop(m.remove(&last)),
                (Value::Array(items), Some(v)) => items[last.parse::<usize>().unwrap()] = v,
                (Value::Array(items), None) => drop(items.remove(last.parse::<usize>().unwrap())),
                _ => unreachable!("places are in objects and lists"),
            }
            check(&serde_json::to_vec(&file).unwrap())
        })
        .unwrap();
}

/// The file path too (size, type and read checks), on a sample of mutated files.
#[test]
fn mutated_files_read_from_disk_never_panic() {
    let files = real_files();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("credential.json");
    let strategy = (
        prop::sample::select((0..files.len()).collect::<Vec<_>>()),
        prop::collection::vec(mutation(), 0..4),
    );
    let mut runner = runner();
    let cases = (runner.config().cases / 10).max(10);
    runner = TestRunner::new(Config {
        cases,
        ..runner.config().clone()
    });
    runner
        .run(&strategy, |(which, mutations)| {
            std::fs::write(&path, apply(files[which].clone(), &mutations)).unwrap();
            match read_credential_file(&path) {
                Ok(bytes) => check(&bytes),
                Err(refusal) => {
                    prop_assert!(!refusal.problems.is_empty());
                    Ok(())
                }
            }
        })
        .unwrap();
}
