//! Rich text (HTML) edited in its text only: a rule's change is applied to each run of
//! text between tags, decoded from its entities and written back escaped; tags, attributes and
//! comments are kept byte for byte, and so is every run of text the edit leaves as it was. A
//! match that spans a tag (`<b>WKND</b> Trips`) is not one: each run of text is its own.
//!
//! Not here: which property holds HTML (the API says: `AssetsApi::markup`).

/// `html` with `f` applied to each run of its text.
pub fn in_text(html: &str, mut f: impl FnMut(&str) -> String) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while !rest.is_empty() {
        let text_end = next_markup(rest).unwrap_or(rest.len());
        let (text, after) = rest.split_at(text_end);
        if !text.is_empty() {
            let decoded = html_escape::decode_html_entities(text);
            let changed = f(&decoded);
            if changed == decoded {
                out.push_str(text);
            } else {
                out.push_str(&html_escape::encode_text(&changed));
            }
        }
        if after.is_empty() {
            break;
        }
        let end = markup_end(after);
        out.push_str(&after[..end]);
        rest = &after[end..];
    }
    out
}

/// Where the next tag or comment starts: a `<` followed by a letter, `/`, `!` or `?` (a lone
/// `<` in text, which browsers show as text, is text here too).
fn next_markup(s: &str) -> Option<usize> {
    s.match_indices('<').map(|(i, _)| i).find(|&i| {
        s[i + 1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'))
    })
}

/// The length of the tag or comment `s` starts with: to its `>` outside quoted attribute
/// values, or to the end of `s` when it is never closed.
fn markup_end(s: &str) -> usize {
    if s.starts_with("<!--") {
        return s.find("-->").map_or(s.len(), |i| i + 3);
    }
    let mut quote: Option<char> = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return i + 1,
            _ => {}
        }
    }
    s.len()
}

#[cfg(test)]
mod tests {
    use super::in_text;

    #[test]
    fn only_the_text_changes() {
        let html = r#"<p class="WKND">Visit WKND &amp; friends</p><!-- WKND --><a href="/wknd" title='a>WKND'>WKND</a>"#;
        let out = in_text(html, |t| t.replace("WKND", "Wknd"));
        assert_eq!(
            out,
            r#"<p class="WKND">Visit Wknd &amp; friends</p><!-- WKND --><a href="/wknd" title='a>WKND'>Wknd</a>"#
        );
    }

    #[test]
    fn entities_are_matched_as_their_characters_and_kept_where_nothing_changes() {
        let html = "<p>Fish &amp; chips&nbsp;&mdash; cod</p><p>caf&eacute;</p>";
        assert_eq!(in_text(html, |t| t.to_owned()), html);
        assert_eq!(
            in_text(html, |t| t.replace("& chips", "and chips <new>")),
            "<p>Fish and chips &lt;new&gt;\u{a0}\u{2014} cod</p><p>caf&eacute;</p>"
        );
    }

    #[test]
    fn a_lone_less_than_is_text_and_an_unclosed_tag_is_kept() {
        assert_eq!(in_text("a < b", |t| t.replace('b', "c")), "a &lt; c");
        assert_eq!(
            in_text("x <p class=\"y", |t| t.to_uppercase()),
            "X <p class=\"y"
        );
    }
}
