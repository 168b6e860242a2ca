//! Reading a GraphQL query as the sandbox's endpoint does: tokens, a parser for the shapes
//! headless clients send (fields, aliases, arguments, variables, fragments), and the selected
//! [`Field`]s with fragment spreads replaced; errors worded as AEM's GraphQL Java engine
//! words them ([`GqlError`]). A leaf: it imports nothing else of this crate.
//!
//! Not here: resolving fields against the seeded content (`graphql.rs`), the schema
//! (`graphql_schema.rs`).

use std::collections::HashMap;

use serde_json::{Map, Value, json};

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    P(char),
    Spread,
    Name(String),
    Str(String),
    Num(String),
}

/// A GraphQL error as AEM's GraphQL Java engine words it: a message and, when it points at
/// the query, the line and column (1-based) it points at.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct GqlError {
    pub message: String,
    pub at: Option<(u32, u32)>,
}

impl GqlError {
    pub(crate) fn at(message: impl Into<String>, at: (u32, u32)) -> Self {
        GqlError {
            message: message.into(),
            at: Some(at),
        }
    }
    pub(crate) fn bare(message: impl Into<String>) -> Self {
        GqlError {
            message: message.into(),
            at: None,
        }
    }
}

pub(crate) type GResult<T> = Result<T, GqlError>;

/// Tokens with their (line, column), both 1-based.
fn lex(src: &str) -> GResult<Vec<(Tok, (u32, u32))>> {
    let mut out = Vec::new();
    let mut it = src.chars().peekable();
    let (mut line, mut col) = (1u32, 1u32);
    macro_rules! bump {
        () => {{
            let c = it.next();
            if c == Some('\n') {
                line += 1;
                col = 1;
            } else if c.is_some() {
                col += 1;
            }
            c
        }};
    }
    while let Some(&c) = it.peek() {
        let at = (line, col);
        match c {
            c if c.is_whitespace() || c == ',' || c == '\u{feff}' => {
                bump!();
            }
            '#' => while bump!().is_some_and(|c| c != '\n') {},
            '{' | '}' | '(' | ')' | ':' | '!' | '$' | '[' | ']' | '=' | '@' => {
                out.push((Tok::P(c), at));
                bump!();
            }
            '.' => {
                let dots: String = (0..3).filter_map(|_| bump!()).collect();
                if dots != "..." {
                    return Err(GqlError::at("Invalid syntax: unexpected '.'", at));
                }
                out.push((Tok::Spread, at));
            }
            '"' => {
                bump!();
                let mut s = String::new();
                loop {
                    match bump!() {
                        Some('"') => break,
                        Some('\\') => match bump!() {
                            Some('n') => s.push('\n'),
                            Some(o) => s.push(o),
                            None => {
                                return Err(GqlError::at(
                                    "Invalid syntax: unterminated string",
                                    at,
                                ));
                            }
                        },
                        Some('\n') | None => {
                            return Err(GqlError::at("Invalid syntax: unterminated string", at));
                        }
                        Some(o) => s.push(o),
                    }
                }
                out.push((Tok::Str(s), at));
            }
            c if c.is_ascii_digit() || c == '-' => {
                let mut s = String::new();
                while let Some(&d) = it.peek() {
                    if d.is_ascii_digit() || d == '-' || d == '.' {
                        s.push(d);
                        bump!();
                    } else {
                        break;
                    }
                }
                out.push((Tok::Num(s), at));
            }
            c if c.is_alphabetic() || c == '_' => {
                let mut s = String::new();
                while let Some(&d) = it.peek() {
                    if d.is_alphanumeric() || d == '_' {
                        s.push(d);
                        bump!();
                    } else {
                        break;
                    }
                }
                out.push((Tok::Name(s), at));
            }
            other => {
                return Err(GqlError::at(
                    format!("Invalid syntax: unexpected character {other:?}"),
                    at,
                ));
            }
        }
    }
    Ok(out)
}

fn describe(t: Option<&Tok>) -> String {
    match t {
        None => "the end of the query".into(),
        Some(Tok::P(c)) => format!("'{c}'"),
        Some(Tok::Spread) => "'...'".into(),
        Some(Tok::Name(n)) => format!("'{n}'"),
        Some(Tok::Str(s)) => format!("\"{s}\""),
        Some(Tok::Num(n)) => format!("'{n}'"),
    }
}

/// A selected field, fragment spreads already replaced by their fields.
#[derive(Debug, Clone)]
pub(crate) struct Field {
    pub alias: String,
    pub name: String,
    pub args: Map<String, Value>,
    pub selection: Vec<Field>,
    pub at: (u32, u32),
}

/// A selection as written, before fragment spreads are replaced by their fields.
#[derive(Debug, Clone)]
enum Sel {
    Field {
        alias: String,
        name: String,
        args: Map<String, Value>,
        selection: Vec<Sel>,
        at: (u32, u32),
    },
    Spread(String, (u32, u32)),
    Inline(Vec<Sel>),
}

struct Parser<'a> {
    toks: Vec<(Tok, (u32, u32))>,
    pos: usize,
    end: (u32, u32),
    vars: &'a Map<String, Value>,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|(t, _)| t)
    }
    fn here(&self) -> (u32, u32) {
        self.toks.get(self.pos).map_or(self.end, |(_, at)| *at)
    }
    fn next(&mut self) -> Option<Tok> {
        let t = self.peek().cloned();
        self.pos += 1;
        t
    }
    fn unexpected(&self, wanted: &str) -> GqlError {
        GqlError::at(
            format!(
                "Invalid syntax: expected {wanted}, found {}",
                describe(self.peek())
            ),
            self.here(),
        )
    }
    fn expect(&mut self, c: char) -> GResult<()> {
        if self.peek() == Some(&Tok::P(c)) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.unexpected(&format!("'{c}'")))
        }
    }
    fn name(&mut self) -> GResult<String> {
        match self.peek() {
            Some(Tok::Name(n)) => {
                let n = n.clone();
                self.pos += 1;
                Ok(n)
            }
            _ => Err(self.unexpected("a name")),
        }
    }

    /// One operation and any number of fragment definitions; the operation's fields with the
    /// spreads replaced.
    fn document(&mut self) -> GResult<Vec<Field>> {
        let mut operation = None;
        let mut fragments: HashMap<String, Vec<Sel>> = HashMap::new();
        while self.peek().is_some() {
            let at = self.here();
            match self.peek() {
                Some(Tok::Name(n)) if n == "fragment" => {
                    self.pos += 1;
                    let name = self.name()?;
                    if self.name()? != "on" {
                        return Err(GqlError::at("Invalid syntax: expected 'on'", at));
                    }
                    self.name()?;
                    let sel = self.selection()?;
                    fragments.insert(name, sel);
                }
                Some(Tok::Name(n)) if n == "query" => {
                    self.pos += 1;
                    if matches!(self.peek(), Some(Tok::Name(_))) {
                        self.pos += 1;
                    }
                    if self.peek() == Some(&Tok::P('(')) {
                        self.variable_definitions()?;
                    }
                    operation = Some((self.selection()?, at));
                }
                Some(Tok::Name(n)) => {
                    return Err(GqlError::at(
                        format!("Unsupported operation type '{n}': GraphQL in AEM is read-only"),
                        at,
                    ));
                }
                Some(Tok::P('{')) => operation = Some((self.selection()?, at)),
                _ => return Err(self.unexpected("an operation")),
            }
        }
        let Some((sel, _)) = operation else {
            return Err(GqlError::at(
                "Invalid syntax: the document has no operation",
                self.end,
            ));
        };
        flatten(&sel, &fragments, 0)
    }

    fn variable_definitions(&mut self) -> GResult<()> {
        // Their names and types only matter to a validating engine; the values carry what the
        // resolvers need.
        self.expect('(')?;
        while self.peek() != Some(&Tok::P(')')) {
            self.expect('$')?;
            self.name()?;
            self.expect(':')?;
            self.type_ref()?;
            if self.peek() == Some(&Tok::P('=')) {
                self.pos += 1;
                self.value()?;
            }
        }
        self.pos += 1;
        Ok(())
    }

    fn type_ref(&mut self) -> GResult<()> {
        if self.peek() == Some(&Tok::P('[')) {
            self.pos += 1;
            self.type_ref()?;
            self.expect(']')?;
        } else {
            self.name()?;
        }
        if self.peek() == Some(&Tok::P('!')) {
            self.pos += 1;
        }
        Ok(())
    }

    fn selection(&mut self) -> GResult<Vec<Sel>> {
        self.expect('{')?;
        let mut sels = Vec::new();
        loop {
            match self.peek() {
                Some(Tok::P('}')) => {
                    self.pos += 1;
                    if sels.is_empty() {
                        return Err(GqlError::at(
                            "Invalid syntax: a selection set may not be empty",
                            self.toks[self.pos - 1].1,
                        ));
                    }
                    return Ok(sels);
                }
                Some(Tok::Spread) => {
                    let at = self.here();
                    self.pos += 1;
                    match self.peek() {
                        Some(Tok::Name(n)) if n == "on" => {
                            self.pos += 1;
                            self.name()?;
                            sels.push(Sel::Inline(self.selection()?));
                        }
                        Some(Tok::P('{')) => sels.push(Sel::Inline(self.selection()?)),
                        _ => sels.push(Sel::Spread(self.name()?, at)),
                    }
                }
                Some(Tok::Name(_)) => sels.push(self.field()?),
                _ => return Err(self.unexpected("a field or '}'")),
            }
        }
    }

    fn field(&mut self) -> GResult<Sel> {
        let at = self.here();
        let first = self.name()?;
        let (alias, name) = if self.peek() == Some(&Tok::P(':')) {
            self.pos += 1;
            (first, self.name()?)
        } else {
            (first.clone(), first)
        };
        let mut args = Map::new();
        if self.peek() == Some(&Tok::P('(')) {
            self.pos += 1;
            while self.peek() != Some(&Tok::P(')')) {
                let k = self.name()?;
                self.expect(':')?;
                let v = self.value()?;
                args.insert(k, v);
            }
            self.pos += 1;
        }
        if self.peek() == Some(&Tok::P('@')) {
            return Err(GqlError::at(
                "Directives are not supported by the sandbox",
                self.here(),
            ));
        }
        let selection = if self.peek() == Some(&Tok::P('{')) {
            self.selection()?
        } else {
            Vec::new()
        };
        Ok(Sel::Field {
            alias,
            name,
            args,
            selection,
            at,
        })
    }

    fn value(&mut self) -> GResult<Value> {
        let at = self.here();
        match self.next() {
            Some(Tok::Str(s)) => Ok(json!(s)),
            Some(Tok::Num(n)) => serde_json::from_str(&n)
                .map_err(|_| GqlError::at(format!("Invalid syntax: '{n}' is not a number"), at)),
            Some(Tok::Name(n)) => Ok(match n.as_str() {
                "true" => json!(true),
                "false" => json!(false),
                "null" => Value::Null,
                _ => json!(n),
            }),
            Some(Tok::P('$')) => {
                let n = self.name()?;
                Ok(self.vars.get(&n).cloned().unwrap_or(Value::Null))
            }
            Some(Tok::P('[')) => {
                let mut items = Vec::new();
                while self.peek() != Some(&Tok::P(']')) {
                    if self.peek().is_none() {
                        return Err(self.unexpected("']'"));
                    }
                    items.push(self.value()?);
                }
                self.pos += 1;
                Ok(Value::Array(items))
            }
            Some(Tok::P('{')) => {
                let mut obj = Map::new();
                while self.peek() != Some(&Tok::P('}')) {
                    let k = self.name()?;
                    self.expect(':')?;
                    obj.insert(k, self.value()?);
                }
                self.pos += 1;
                Ok(Value::Object(obj))
            }
            other => Err(GqlError::at(
                format!("Invalid syntax: unexpected {}", describe(other.as_ref())),
                at,
            )),
        }
    }
}

/// Replaces fragment spreads by their fields (type conditions always hold: each selection
/// set of the sandbox's schema has one possible type).
fn flatten(sels: &[Sel], fragments: &HashMap<String, Vec<Sel>>, depth: u32) -> GResult<Vec<Field>> {
    if depth > 32 {
        return Err(GqlError::bare("Fragments spread each other in a cycle"));
    }
    let mut out = Vec::new();
    for s in sels {
        match s {
            Sel::Field {
                alias,
                name,
                args,
                selection,
                at,
            } => out.push(Field {
                alias: alias.clone(),
                name: name.clone(),
                args: args.clone(),
                selection: flatten(selection, fragments, depth + 1)?,
                at: *at,
            }),
            Sel::Spread(name, at) => match fragments.get(name) {
                Some(f) => out.extend(flatten(f, fragments, depth + 1)?),
                None => {
                    return Err(GqlError::at(format!("Undefined fragment {name}"), *at));
                }
            },
            Sel::Inline(inner) => out.extend(flatten(inner, fragments, depth + 1)?),
        }
    }
    Ok(out)
}

pub(crate) fn parse(query: &str, vars: &Map<String, Value>) -> GResult<Vec<Field>> {
    let end = query.lines().count().max(1) as u32;
    let end_col = query
        .lines()
        .last()
        .map_or(1, |l| l.chars().count() as u32 + 1);
    Parser {
        toks: lex(query)?,
        pos: 0,
        end: (end, end_col),
        vars,
    }
    .document()
}
