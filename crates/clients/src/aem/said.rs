//! What an AEM error answer says, in a few words fit for a sentence: an HTML page's title or
//! the first line of a plain-text answer, never the page itself. Not here: reading the answer
//! (`body.rs` caps it) or JSON error bodies (each API knows its own shape).

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, CharacterTokens, EndTag, StartTag, TagToken, Token, TokenSink, TokenSinkResult,
    Tokenizer, TokenizerOpts,
};
use metadesk_base::i18n::{Part, Text};

/// How much of an answer is looked at: a page's `<title>` sits in its first lines.
const LOOKED_AT: usize = 64 * 1024;
/// The longest text kept, in characters.
const KEPT: usize = 200;

/// What `body` says: the title of an HTML (or any markup) page, else the first non-empty line
/// of plain text, whitespace collapsed, at most 200 characters. `None` for an empty answer or a
/// page without a title: the status alone must then do.
pub fn said(body: &[u8]) -> Option<String> {
    let head = &body[..body.len().min(LOOKED_AT)];
    let text = String::from_utf8_lossy(head);
    let page = read_page(&text);
    let words = if page.has_tags {
        page.title?
    } else {
        text.lines().find(|l| !l.trim().is_empty())?.to_owned()
    };
    shortened(&words)
}

/// The status and what the answer says, as one clause of a message: `404: Not Found` when the
/// answer says something ([`said`]; a title repeating the status is not made to say it twice),
/// else `404`.
pub fn status_said(status: u16, body: &[u8]) -> Text {
    let text = said_beside(status, body);
    let status = Part::from(f64::from(status));
    match text {
        Some(text) => Text::new(
            "aem-detail-status",
            vec![("status", status), ("text", text.into())],
        ),
        None => Text::new("aem-detail-status-only", vec![("status", status)]),
    }
}

/// What an answer with `status` says ([`said`]), for a message that gives the status already:
/// a title such as `404 Not Found` is left as `Not Found`.
pub fn said_beside(status: u16, body: &[u8]) -> Option<String> {
    let text = said(body)?;
    match text.strip_prefix(&status.to_string()) {
        Some(rest) => shortened(rest.trim_start_matches([' ', ':', '-'])),
        None => Some(text),
    }
}

/// `words` on one line, whitespace runs as one space, cut at [`KEPT`] characters.
fn shortened(words: &str) -> Option<String> {
    let one_line = words.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.is_empty() {
        return None;
    }
    let mut kept: String = one_line.chars().take(KEPT).collect();
    if one_line.chars().count() > KEPT {
        kept.push('…');
    }
    Some(kept)
}

/// What the tokenizer saw: any tag at all, and the first `<title>`'s text.
#[derive(Default)]
struct Page {
    has_tags: bool,
    in_title: bool,
    title: Option<String>,
}

/// Collects [`Page`] as html5ever's tokenizer reads (a real HTML tokenizer: entities, comments
/// and CDATA are what browsers make of them, not what a search for `<title>` would guess).
#[derive(Default)]
struct TitleSink(RefCell<Page>);

impl TokenSink for TitleSink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut page = self.0.borrow_mut();
        match token {
            TagToken(tag) => {
                page.has_tags = true;
                let is_title = &*tag.name == "title";
                match tag.kind {
                    StartTag if is_title && page.title.is_none() && !tag.self_closing => {
                        page.in_title = true;
                        page.title = Some(String::new());
                        // A title's text is RCDATA, as a browser's tree builder would say.
                        return TokenSinkResult::RawData(RawKind::Rcdata);
                    }
                    EndTag if is_title => page.in_title = false,
                    _ => {}
                }
            }
            CharacterTokens(chars) if page.in_title => {
                if let Some(title) = page.title.as_mut() {
                    title.push_str(&chars);
                }
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

fn read_page(text: &str) -> Page {
    let tokenizer = Tokenizer::new(TitleSink::default(), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(text));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.0.take()
}

#[cfg(test)]
mod tests {
    use super::*;
    use metadesk_base::i18n::{Lang, Localizer};

    /// AEM's own 404 page (Sling's default error handler), as a missing listing answers.
    const SLING_404: &str = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n\
        <title>404 Resource at '/graphql/list.json' not found: No resource found</title>\n\
        <style>body { font: 12px sans-serif }</style>\n</head>\n<body>\n\
        <h1>Resource at '/graphql/list.json' not found: No resource found</h1>\n\
        <p>Cannot serve request to /graphql/list.json on this server</p>\n\
        <hr>\n<address>ApacheSling/2.6 (jetty, OpenJDK 11)</address>\n</body>\n</html>\n";

    #[test]
    fn an_html_page_is_told_by_its_title_only() {
        assert_eq!(
            said(SLING_404.as_bytes()).as_deref(),
            Some("404 Resource at '/graphql/list.json' not found: No resource found")
        );
        // Entities decoded, whitespace collapsed, a `<` inside the title kept as text.
        assert_eq!(
            said(b"<html><head><title>\n  Sign in &amp; <b>go</b>\n</title></head></html>")
                .as_deref(),
            Some("Sign in & <b>go</b>")
        );
    }

    #[test]
    fn a_page_without_a_title_says_nothing() {
        for page in [
            "<!DOCTYPE html>\n<html><body><h1>Not Found</h1></body></html>",
            "<p>Page introuvable</p>\nmore",
            "<html><head><title>   </title></head></html>",
            "<!-- <title>a comment</title> --><html><body>x</body></html>",
        ] {
            assert_eq!(said(page.as_bytes()), None, "{page}");
        }
    }

    #[test]
    fn plain_text_is_told_by_its_first_line_cut_short() {
        assert_eq!(
            said(b"\n  Internal error  \nstack...").as_deref(),
            Some("Internal error")
        );
        assert_eq!(said(b""), None);
        let long = "x".repeat(500);
        let kept = said(long.as_bytes()).unwrap();
        assert_eq!(kept.chars().count(), KEPT + 1);
        assert!(kept.ends_with('…'));
        let long_title = format!("<title>{}</title>", "y".repeat(500));
        assert_eq!(
            said(long_title.as_bytes()).unwrap().chars().count(),
            KEPT + 1
        );
    }

    #[test]
    fn a_huge_page_is_looked_at_only_in_its_first_part() {
        let title_too_late = format!("<html><body>{}<title>late</title>", "a".repeat(LOOKED_AT));
        assert_eq!(said(title_too_late.as_bytes()), None);
    }

    #[test]
    fn the_clause_is_the_status_and_what_was_said() {
        let en = Localizer::english();
        let fr = Localizer::new(Lang::Fr);
        let page = status_said(404, SLING_404.as_bytes());
        assert_eq!(
            page.localized(&en),
            "404: Resource at '/graphql/list.json' not found: No resource found"
        );
        assert_eq!(
            status_said(404, b"<title>404 Not Found</title>").localized(&fr),
            "404\u{a0}: Not Found"
        );
        let bare = status_said(404, b"<html><body><h1>Not Found</h1></body></html>");
        assert_eq!(bare.localized(&en), "404");
        assert_eq!(bare.localized(&fr), "404");
        assert_eq!(
            status_said(502, b"Bad gateway").localized(&fr),
            "502\u{a0}: Bad gateway"
        );
    }
}
