//! Templates: text with `{field}` placeholders (`{dc:title} — {name}`), read once and filled
//! per asset; `{{` and `}}` write a brace.
//!
//! Not here: what a field's value is for an asset (`compute/mod.rs`).

/// The asset's own fields a template may name besides its properties.
pub const ASSET_FIELDS: [&str; 5] = ["name", "filename", "extension", "folder", "path"];

/// One piece of a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(std::borrow::Cow<'a, str>),
    Field(&'a str),
}

/// Why a template cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateError {
    /// A `{` without its `}` (at this character, from 1).
    Unclosed(usize),
    /// A `}` without its `{`.
    Unopened(usize),
    /// `{}`.
    EmptyField(usize),
}

/// The pieces of `template`, in order.
pub fn pieces(template: &str) -> Result<Vec<Piece<'_>>, TemplateError> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut chars = template.char_indices().peekable();
    let column = |byte: usize| template[..byte].chars().count() + 1;
    while let Some((at, c)) = chars.next() {
        match c {
            '{' if chars.peek().is_some_and(|(_, n)| *n == '{') => {
                chars.next();
                text.push('{');
            }
            '}' if chars.peek().is_some_and(|(_, n)| *n == '}') => {
                chars.next();
                text.push('}');
            }
            '}' => return Err(TemplateError::Unopened(column(at))),
            '{' => {
                let start = at + 1;
                let Some(len) = template[start..].find('}') else {
                    return Err(TemplateError::Unclosed(column(at)));
                };
                let name = template[start..start + len].trim();
                if name.is_empty() {
                    return Err(TemplateError::EmptyField(column(at)));
                }
                if name.contains('{') {
                    return Err(TemplateError::Unclosed(column(at)));
                }
                if !text.is_empty() {
                    out.push(Piece::Text(std::mem::take(&mut text).into()));
                }
                out.push(Piece::Field(name));
                while chars.peek().is_some_and(|(i, _)| *i <= start + len) {
                    chars.next();
                }
            }
            other => text.push(other),
        }
    }
    if !text.is_empty() {
        out.push(Piece::Text(text.into()));
    }
    Ok(out)
}

/// The fields `template` names, in order (an unreadable template names none).
pub fn fields(template: &str) -> Vec<&str> {
    pieces(template)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|p| match p {
            Piece::Field(name) => Some(name),
            Piece::Text(_) => None,
        })
        .collect()
}

/// `template` filled by `value` (a field's value, `Err(field)` when the asset has none).
pub fn fill<'a>(
    pieces: &[Piece<'a>],
    mut value: impl FnMut(&'a str) -> Option<String>,
) -> Result<String, &'a str> {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Field(name) => out.push_str(&value(name).ok_or(*name)?),
        }
    }
    Ok(out)
}

/// An asset field's value from its path: `name` (without the extension), `filename`,
/// `extension`, `folder` (the parent folder's name), `path`. `None` for another name.
pub fn asset_field(path: &str, field: &str) -> Option<String> {
    let (folder_path, filename) = path.rsplit_once('/').unwrap_or(("", path));
    let (stem, extension) = match filename.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => (stem, ext),
        _ => (filename, ""),
    };
    Some(match field {
        "name" => stem.to_owned(),
        "filename" => filename.to_owned(),
        "extension" => extension.to_owned(),
        "folder" => folder_path
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_owned(),
        "path" => path.to_owned(),
        _ => return None,
    })
}

/// `template` with each field named by a label rather than a property (`{Title}`, `{City}`)
/// written as the property `property_of` finds for it (`{dc:title}`); the asset's own fields,
/// properties and names `property_of` does not know stay as they are, for the checks to name.
/// An unreadable template is returned as it is (its check says why).
pub fn with_properties(template: &str, property_of: impl Fn(&str) -> Option<String>) -> String {
    let Ok(pieces) = pieces(template) else {
        return template.to_owned();
    };
    let mut out = String::with_capacity(template.len());
    for piece in pieces {
        match piece {
            Piece::Text(text) => out.push_str(&text.replace('{', "{{").replace('}', "}}")),
            Piece::Field(name) => {
                let own = ASSET_FIELDS.contains(&name) || name.contains(':');
                let property = if own { None } else { property_of(name) };
                out.push('{');
                out.push_str(property.as_deref().unwrap_or(name));
                out.push('}');
            }
        }
    }
    out
}
