//! Splitting values that are too large for one keychain entry (a 4096-bit private key is about
//! 3.2 KB; Windows Credential Manager takes at most 2,560 bytes per secret) into several entries.
//!
//! Layout: a small value is stored as is under its key. A large one is stored as a header
//! `metadesk-chunked:v1:<n>` under the key and the parts under `<key>#1` … `<key>#<n>`.
//! Not here: what the keys are called (that is the caller's business).

use super::{Secret, SecretStore, SecretStoreError};

/// The most bytes of UTF-8 per entry. keyring stores Windows secrets as UTF-16, which takes at
/// most twice the UTF-8 size, so 1,200 bytes stay under 2,560 bytes on every platform.
pub const CHUNK_BYTES: usize = 1200;

const HEADER_PREFIX: &str = "metadesk-chunked:v1:";
/// A bound on the chunk count read from a header, so a corrupt header cannot make us loop.
const MAX_CHUNKS: usize = 64;

/// A view of a [`SecretStore`] that reads and writes values of any size.
pub struct ChunkedSecrets<'a> {
    store: &'a dyn SecretStore,
}

impl<'a> ChunkedSecrets<'a> {
    pub fn new(store: &'a dyn SecretStore) -> Self {
        ChunkedSecrets { store }
    }

    /// Writes `value` under `key`, replacing whatever was there (including old parts).
    ///
    /// The header is written before the parts, so that [`ChunkedSecrets::remove`] can clean up
    /// after a write that failed half-way.
    pub fn put(&self, key: &str, value: &Secret) -> Result<(), SecretStoreError> {
        let old_parts = self.part_count(key)?;
        let text = value.expose();
        let new_parts = if text.len() <= CHUNK_BYTES && !text.starts_with(HEADER_PREFIX) {
            self.store.set(key, value)?;
            0
        } else {
            let parts = split(text);
            if parts.len() > MAX_CHUNKS {
                return Err(SecretStoreError::TooLarge {
                    size: text.len(),
                    limit: CHUNK_BYTES * MAX_CHUNKS,
                });
            }
            self.store
                .set(key, &Secret::new(format!("{HEADER_PREFIX}{}", parts.len())))?;
            for (index, part) in parts.iter().enumerate() {
                self.store
                    .set(&part_key(key, index + 1), &Secret::new(*part))?;
            }
            parts.len()
        };
        for stale in new_parts + 1..=old_parts {
            self.store.delete(&part_key(key, stale))?;
        }
        Ok(())
    }

    /// The value under `key`, joined from its parts when it was split.
    pub fn get(&self, key: &str) -> Result<Option<Secret>, SecretStoreError> {
        let Some(first) = self.store.get(key)? else {
            return Ok(None);
        };
        let Some(count) = parse_header(first.expose()) else {
            return Ok(Some(first));
        };
        let mut joined = String::new();
        for index in 1..=count {
            match self.store.get(&part_key(key, index))? {
                Some(part) => joined.push_str(part.expose()),
                None => {
                    tracing::warn!(key, index, count, "keychain value is missing a part");
                    return Err(SecretStoreError::Failed {
                        detail: "a saved secret is incomplete in the keychain; import the \
                                 credential file again"
                            .into(),
                    });
                }
            }
        }
        Ok(Some(Secret::new(joined)))
    }

    /// Removes `key` and all its parts; removing an absent key is not an error.
    pub fn remove(&self, key: &str) -> Result<(), SecretStoreError> {
        for index in 1..=self.part_count(key)? {
            self.store.delete(&part_key(key, index))?;
        }
        self.store.delete(key)
    }

    fn part_count(&self, key: &str) -> Result<usize, SecretStoreError> {
        Ok(self
            .store
            .get(key)?
            .and_then(|v| parse_header(v.expose()))
            .unwrap_or(0))
    }
}

fn part_key(key: &str, index: usize) -> String {
    format!("{key}#{index}")
}

fn parse_header(value: &str) -> Option<usize> {
    let count: usize = value.strip_prefix(HEADER_PREFIX)?.parse().ok()?;
    (1..=MAX_CHUNKS).contains(&count).then_some(count)
}

/// Splits on character boundaries into pieces of at most [`CHUNK_BYTES`] bytes.
fn split(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let mut end = rest.len().min(CHUNK_BYTES);
        while !rest.is_char_boundary(end) {
            end -= 1;
        }
        let (part, tail) = rest.split_at(end);
        parts.push(part);
        rest = tail;
    }
    if parts.is_empty() {
        parts.push("");
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secrets::RunOnlyKeychain;

    /// Windows Credential Manager's limit per secret.
    const WINDOWS_LIMIT: usize = 2560;

    #[test]
    fn small_values_use_one_entry() {
        let store = RunOnlyKeychain::with_entry_limit(WINDOWS_LIMIT);
        let chunked = ChunkedSecrets::new(&store);
        chunked.put("k", &Secret::new("short")).unwrap();
        assert_eq!(store.keys(), ["k"]);
        assert_eq!(chunked.get("k").unwrap().unwrap().expose(), "short");
    }

    #[test]
    fn large_values_are_split_and_joined() {
        let store = RunOnlyKeychain::with_entry_limit(WINDOWS_LIMIT);
        let chunked = ChunkedSecrets::new(&store);
        let value = "x".repeat(3300);
        chunked.put("k", &Secret::new(value.clone())).unwrap();
        assert_eq!(store.keys(), ["k", "k#1", "k#2", "k#3"]);
        assert_eq!(chunked.get("k").unwrap().unwrap().expose(), value);
        // Twice the UTF-8 size bounds the UTF-16 size Windows stores.
        for key in store.keys() {
            assert!(store.get(&key).unwrap().unwrap().expose().len() * 2 <= WINDOWS_LIMIT);
        }
    }

    #[test]
    fn multibyte_text_splits_on_character_boundaries() {
        let store = RunOnlyKeychain::new();
        let chunked = ChunkedSecrets::new(&store);
        let value = "é€😀".repeat(500);
        chunked.put("k", &Secret::new(value.clone())).unwrap();
        assert_eq!(chunked.get("k").unwrap().unwrap().expose(), value);
    }

    #[test]
    fn overwriting_with_a_smaller_value_drops_old_parts() {
        let store = RunOnlyKeychain::new();
        let chunked = ChunkedSecrets::new(&store);
        chunked.put("k", &Secret::new("y".repeat(5000))).unwrap();
        chunked.put("k", &Secret::new("y".repeat(1300))).unwrap();
        assert_eq!(store.keys(), ["k", "k#1", "k#2"]);
        chunked.put("k", &Secret::new("small")).unwrap();
        assert_eq!(store.keys(), ["k"]);
    }

    #[test]
    fn remove_deletes_every_part() {
        let store = RunOnlyKeychain::new();
        let chunked = ChunkedSecrets::new(&store);
        chunked.put("k", &Secret::new("z".repeat(4000))).unwrap();
        chunked.put("other", &Secret::new("keep")).unwrap();
        chunked.remove("k").unwrap();
        chunked.remove("k").unwrap();
        assert_eq!(store.keys(), ["other"]);
    }

    #[test]
    fn a_value_that_looks_like_a_header_survives() {
        let store = RunOnlyKeychain::new();
        let chunked = ChunkedSecrets::new(&store);
        let tricky = format!("{HEADER_PREFIX}2");
        chunked.put("k", &Secret::new(tricky.clone())).unwrap();
        assert_eq!(chunked.get("k").unwrap().unwrap().expose(), tricky);
    }

    #[test]
    fn a_missing_part_is_reported_not_truncated() {
        let store = RunOnlyKeychain::new();
        let chunked = ChunkedSecrets::new(&store);
        chunked.put("k", &Secret::new("q".repeat(3000))).unwrap();
        store.delete("k#2").unwrap();
        assert!(matches!(
            chunked.get("k"),
            Err(SecretStoreError::Failed { .. })
        ));
    }
}
