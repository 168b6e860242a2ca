//! For tests: whether a text the French user reads is French — no English word left, and the
//! no-break spaces French typography puts before : ; ! ? and inside « ».

/// English words that are not also French words: one of them in a French message means an
/// English text (or fragment) was left in.
const ENGLISH_WORDS: &[&str] = &[
    "the",
    "is",
    "are",
    "not",
    "file",
    "folder",
    "could",
    "and",
    "with",
    "has",
    "no",
    "of",
    "this",
    "that",
    "its",
    "it",
    "to",
    "for",
    "from",
    "was",
    "be",
    "read",
    "empty",
    "key",
    "private",
    "expired",
    "expires",
    "download",
    "again",
    "cannot",
    "does",
    "which",
    "only",
    "an",
    "in",
    "or",
    "too",
    "line",
    "column",
    "holds",
    "token",
    "address",
    "different",
    "uses",
    "nothing",
    "changed",
    "replacing",
    "confirmed",
    "could",
    "write",
    "create",
    "use",
    "should",
    "field",
    "fields",
    "there",
    "already",
    "name",
    "needs",
    "certificate",
    "valid",
    "until",
    "works",
    "acts",
    "user",
    "denied",
    "permission",
    "exist",
    "exists",
    "such",
];

/// Panics, saying why, when `text` is not typographically correct French without English.
pub fn assert_reads_french(text: &str) {
    let english: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|word| ENGLISH_WORDS.contains(&word.to_lowercase().as_str()))
        .collect();
    assert!(english.is_empty(), "English words {english:?} in: {text}");
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + 1).copied();
        // A colon inside an address ("https://", "12:05") is not punctuation.
        // Nor is a mark quoted on its own (« ; »).
        let quoted = i >= 2 && chars[i - 2] == '«';
        let punctuation = !quoted
            && (matches!(c, ';' | '!' | '?')
                || (c == ':' && after.is_none_or(char::is_whitespace)));
        // A no-break space before a colon, a narrow one before the others (French typography).
        if punctuation {
            let (space, name) = if c == ':' {
                ('\u{a0}', "no-break space")
            } else {
                ('\u{202f}', "narrow no-break space")
            };
            assert_eq!(before, Some(space), "no {name} before {c:?} in: {text}");
        }
        if c == '«' {
            assert_eq!(
                after,
                Some('\u{a0}'),
                "no no-break space after « in: {text}"
            );
        }
        if c == '»' {
            assert_eq!(
                before,
                Some('\u{a0}'),
                "no no-break space before » in: {text}"
            );
        }
        assert!(c != '\'', "a straight apostrophe in: {text}");
    }
}
