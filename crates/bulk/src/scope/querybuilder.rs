//! A scope as AEM's QueryBuilder asks for it: the predicates of a folder, of a search's
//! conditions and of the properties a preview reads, and the query as an administrator reads it.
//!
//! Not here: sending the query or walking its pages (`crate::searching`), the OpenAPI search's
//! query (`crate::open_query`).

use super::{Combine, Condition};

impl Condition {
    /// QueryBuilder predicates for this condition, each named `{prefix}{n}_…` with a fresh `n`
    /// (a numeric prefix may be used once per query:
    /// <https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/implementing/developing/full-stack/search/query-builder-api>).
    pub(super) fn predicates(&self, prefix: &str, n: &mut u32, out: &mut Vec<(String, String)>) {
        let mut next = || {
            *n += 1;
            *n
        };
        let metadata = |p: &str| format!("jcr:content/metadata/{p}");
        let mut property = |out: &mut Vec<(String, String)>,
                            prefix: &str,
                            rel: String,
                            op: Option<&str>,
                            value: Option<String>| {
            let id = format!("{prefix}{}_property", next());
            out.push((id.clone(), rel));
            if let Some(op) = op {
                out.push((format!("{id}.operation"), op.to_owned()));
            }
            if let Some(value) = value {
                out.push((format!("{id}.value"), value));
            }
        };
        match self {
            Condition::IsEmpty { property: p } => {
                property(out, prefix, metadata(p), Some("not"), None);
            }
            Condition::IsNotEmpty { property: p } => {
                // `exists` with an explicit `true` (the documented default is ambiguous).
                property(
                    out,
                    prefix,
                    metadata(p),
                    Some("exists"),
                    Some("true".into()),
                );
            }
            Condition::Equals { property: p, value } => {
                property(out, prefix, metadata(p), None, Some(value.clone()));
            }
            Condition::Contains { property: p, value } => {
                let like = format!("%{}%", like_escaped(value));
                property(out, prefix, metadata(p), Some("like"), Some(like));
            }
            // "is not" and "does not contain" include assets without the property: a negated
            // group, not `unequals` (which needs the property to be there).
            Condition::NotEquals { property: p, value } => {
                let group = format!("{prefix}{}_group.", next_n(n));
                out.push((format!("{group}p.not"), "true".into()));
                Condition::Equals {
                    property: p.clone(),
                    value: value.clone(),
                }
                .predicates(&group, n, out);
            }
            Condition::NotContains { property: p, value } => {
                let group = format!("{prefix}{}_group.", next_n(n));
                out.push((format!("{group}p.not"), "true".into()));
                Condition::Contains {
                    property: p.clone(),
                    value: value.clone(),
                }
                .predicates(&group, n, out);
            }
            Condition::Tagged { tag } => {
                let id = format!("{prefix}{}_tagid", next());
                out.push((id.clone(), tag.clone()));
                // Asset tags live at `jcr:content/metadata/cq:tags`, not the default `cq:tags`.
                out.push((format!("{id}.property"), metadata("cq:tags")));
            }
            Condition::FileType { format } => match format.strip_suffix("/*") {
                Some(family) => {
                    let like = format!("{}/%", like_escaped(family));
                    property(out, prefix, metadata("dc:format"), Some("like"), Some(like));
                }
                None => property(
                    out,
                    prefix,
                    metadata("dc:format"),
                    None,
                    Some(format.clone()),
                ),
            },
            Condition::ModifiedBefore { date }
            | Condition::ModifiedAfter { date }
            | Condition::CreatedBefore { date }
            | Condition::CreatedAfter { date } => {
                let rel = match self {
                    Condition::ModifiedBefore { .. } | Condition::ModifiedAfter { .. } => {
                        "jcr:content/jcr:lastModified"
                    }
                    _ => "jcr:created",
                };
                let id = format!("{prefix}{}_daterange", next());
                out.push((format!("{id}.property"), rel.into()));
                let (bound, op) = match self {
                    Condition::ModifiedBefore { .. } | Condition::CreatedBefore { .. } => {
                        ("upperBound", ("upperOperation", "<"))
                    }
                    _ => ("lowerBound", ("lowerOperation", ">=")),
                };
                out.push((format!("{id}.{bound}"), format!("{date}T00:00:00.000Z")));
                out.push((format!("{id}.{}", op.0), op.1.into()));
            }
            Condition::ExpiresBefore { .. }
            | Condition::ExpiresAfter { .. }
            | Condition::ExpiresWithin { .. } => {
                let id = format!("{prefix}{}_daterange", next());
                super::expiry::expiry_predicates(self, &id, out);
            }
            Condition::NameMatches { pattern } => {
                out.push((format!("{prefix}{}_nodename", next()), pattern.clone()));
            }
        }
    }
}

fn next_n(n: &mut u32) -> u32 {
    *n += 1;
    *n
}

/// A value inside `jcr:like`: `%`, `_` and `\` are taken literally.
fn like_escaped(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The QueryBuilder predicates selecting every asset of `folder` (its subfolders too when
/// `recursive`), content fragments included, as a folder listing shows them.
pub fn folder_predicates(folder: &str, recursive: bool) -> Vec<(String, String)> {
    let mut out = vec![("path".to_owned(), folder.to_owned())];
    if !recursive {
        out.push(("path.flat".into(), "true".into()));
    }
    out.push(("type".into(), "dam:Asset".into()));
    out
}

/// The QueryBuilder predicates selecting the assets of `folder` (its subfolders too when
/// `recursive`) that match `conditions` combined by `combine`. Content fragments are left out
/// (never edited).
pub fn search_predicates(
    folder: &str,
    recursive: bool,
    conditions: &[Condition],
    combine: Combine,
) -> Vec<(String, String)> {
    let mut out = folder_predicates(folder, recursive);
    let mut n = 0u32;
    let cf = format!("{}_group.", next_n(&mut n));
    out.push((format!("{cf}p.not"), "true".into()));
    let id = format!("{cf}{}_property", next_n(&mut n));
    out.push((id.clone(), "jcr:content/contentFragment".into()));
    out.push((format!("{id}.value"), "true".into()));
    match combine {
        Combine::All => {
            for c in conditions {
                c.predicates("", &mut n, &mut out);
            }
        }
        Combine::Any if !conditions.is_empty() => {
            let group = format!("{}_group.", next_n(&mut n));
            out.push((format!("{group}p.or"), "true".into()));
            for c in conditions {
                c.predicates(&group, &mut n, &mut out);
            }
        }
        Combine::Any => {}
    }
    out
}

/// `p.hits=selective` with the properties a preview of `edits` needs: the path, what tells a
/// content fragment, the format (for the format filter) and each edited property.
pub fn hit_properties<'a>(edited: impl IntoIterator<Item = &'a str>) -> Vec<(String, String)> {
    let mut props = vec![
        "jcr:path".to_owned(),
        "jcr:primaryType".to_owned(),
        "jcr:content/contentFragment".to_owned(),
        "jcr:content/metadata/dc:format".to_owned(),
    ];
    for p in edited {
        let rel = format!("jcr:content/metadata/{p}");
        if !props.contains(&rel) {
            props.push(rel);
        }
    }
    vec![
        ("p.hits".to_owned(), "selective".to_owned()),
        ("p.properties".to_owned(), props.join(" ")),
    ]
}

/// The query as an AEM administrator reads it (one `name=value` per line, as in AEM's Query
/// Builder debugger).
pub fn query_text(predicates: &[(String, String)]) -> String {
    predicates
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("\n")
}
