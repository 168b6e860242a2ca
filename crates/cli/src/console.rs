//! `graphql` and `request`: the API console from the command line, over the same use cases as
//! the window's console (`Workspace::console_*`): the connection's token is added by the
//! core and never printed.
//!
//! Exit codes (`exit_code`): `graphql` SUCCESS for data without errors, SOME_FAILED for GraphQL
//! errors; `request` SUCCESS for a 2xx answer, SOME_FAILED for any other status; FAILURE for a
//! connection or usage error.
//! Errors go to stderr in words; the body goes to stdout (or `--out`).

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;
use metadesk_core::Error;
use metadesk_core::app::{GraphqlCall, Workspace};
use metadesk_core::console::table::{ResultTable, write_csv};
use metadesk_core::console::{ConsoleRequest, GraphqlAnswer, Header, ResponseBody};

use metadesk_core::i18n::{Localizer, arg, count};

use crate::exit_code::{SOME_FAILED, SUCCESS};
use crate::output::fail;

/// Run a GraphQL query (its text, a file or a persisted query) on a connection.
#[derive(Args)]
#[command(group(clap::ArgGroup::new("source").required(true).args(["query_file", "query", "persisted"])))]
#[command(group(clap::ArgGroup::new("format").args(["table", "json", "csv"])))]
pub struct GraphqlArgs {
    /// The stored connection (name or id).
    #[arg(long)]
    connection: String,
    /// The configuration whose endpoint runs the query.
    #[arg(long, default_value = "global")]
    endpoint: String,
    /// A file holding the query.
    #[arg(long)]
    query_file: Option<PathBuf>,
    /// The query's text.
    #[arg(long)]
    query: Option<String>,
    /// A persisted query, as CONFIG/NAME.
    #[arg(long)]
    persisted: Option<String>,
    /// The variables, as a JSON object.
    #[arg(long, default_value = "")]
    variables: String,
    /// Print the first list of items as a table.
    #[arg(long)]
    table: bool,
    /// Print the answer as JSON (the default).
    #[arg(long)]
    json: bool,
    /// Write the first list of items as CSV to FILE.
    #[arg(long, value_name = "FILE")]
    csv: Option<PathBuf>,
}

/// Send one request to the connection's own AEM host (the token is added for you).
#[derive(Args)]
pub struct RequestArgs {
    /// The stored connection (name or id).
    #[arg(long)]
    connection: String,
    /// GET, HEAD, POST, PUT, PATCH or DELETE.
    method: String,
    /// The path on AEM, with its query (e.g. /content/dam.1.json).
    path: String,
    /// The body: TEXT, or @FILE to read it from a file.
    #[arg(long)]
    data: Option<String>,
    /// A form field, as K=V (repeatable): the body is sent URL-encoded
    /// (application/x-www-form-urlencoded), as AEM's Sling POST servlet takes it. Not with
    /// --data.
    #[arg(long = "form", value_name = "K=V", conflicts_with = "data")]
    form: Vec<String>,
    /// A header, as "Name: value" (repeatable).
    #[arg(long = "header", value_name = "K:V")]
    headers: Vec<String>,
    /// Write the body to FILE instead of stdout.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// The connection's name, required to write (anything but GET/HEAD) on a production
    /// connection.
    #[arg(long, value_name = "NAME")]
    confirm_production: Option<String>,
}

fn read_file(path: &PathBuf) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|e| {
        Error::io_doing(
            "io-read",
            vec![("path", path.display().to_string().into())],
            e,
        )
    })
}

/// `metadesk-cli graphql …`.
pub async fn graphql(args: GraphqlArgs, workspace: &Workspace, l: &Localizer) -> u8 {
    let answer = match run_graphql(&args, workspace, l).await {
        Ok(a) => a,
        Err(e) => return fail(&e, l),
    };
    for e in &answer.errors {
        match e.locations.first() {
            Some(at) => eprintln!(
                "{}",
                l.msg(
                    "cli-graphql-error-at",
                    &[
                        ("line", count(at.line as f64)),
                        ("column", count(at.column as f64)),
                        ("message", arg(e.message.as_str())),
                    ],
                )
            ),
            None => eprintln!(
                "{}",
                l.msg("cli-graphql-error", &[("message", arg(e.message.as_str()))])
            ),
        }
    }
    let mut out = std::io::stdout().lock();
    let printed = if let Some(file) = &args.csv {
        write_table_csv(answer.table.as_ref(), file, l)
    } else if args.table {
        match &answer.table {
            Some(t) => print_table(t, &mut out, l),
            None => {
                eprintln!("{}", l.text("cli-graphql-no-list"));
                print_json(&answer, &mut out)
            }
        }
    } else {
        print_json(&answer, &mut out)
    };
    if let Err(e) = printed {
        return fail(&e, l);
    }
    if answer.errors.is_empty() {
        SUCCESS
    } else {
        SOME_FAILED
    }
}

async fn run_graphql(
    args: &GraphqlArgs,
    workspace: &Workspace,
    l: &Localizer,
) -> Result<GraphqlAnswer, Error> {
    let variables = match args.variables.strip_prefix('@') {
        Some(file) => read_file(&PathBuf::from(file))?,
        None => args.variables.clone(),
    };
    if let Some(persisted) = &args.persisted {
        let Some((config, name)) = persisted.trim_matches('/').split_once('/') else {
            return Err(Error::InvalidInput(l.msg(
                "cli-console-persisted-form",
                &[("given", arg(persisted.as_str()))],
            )));
        };
        return workspace
            .console_run_persisted(&args.connection, config, name, &variables, None)
            .await;
    }
    let query = match (&args.query, &args.query_file) {
        (Some(q), _) => q.clone(),
        (None, Some(file)) => read_file(file)?,
        (None, None) => {
            return Err(Error::InvalidInput(l.text("cli-console-no-query")));
        }
    };
    workspace
        .console_graphql(&GraphqlCall {
            connection: args.connection.clone(),
            config: args.endpoint.clone(),
            query,
            variables,
            call_id: None,
        })
        .await
}

fn print_json(answer: &GraphqlAnswer, out: &mut impl Write) -> Result<(), Error> {
    let mut body = serde_json::Map::new();
    body.insert("data".into(), answer.data.to_value());
    if !answer.errors.is_empty() {
        body.insert(
            "errors".into(),
            serde_json::to_value(&answer.errors).unwrap_or_default(),
        );
    }
    // Printed through `Ordered` for `data`, so members keep AEM's order.
    let text = if answer.errors.is_empty() {
        format!("{{\n  \"data\": {}\n}}", indent(&answer.data.to_pretty()))
    } else {
        serde_json::to_string_pretty(&body).unwrap_or_default()
    };
    writeln!(out, "{text}").map_err(|e| Error::io_doing("io-print-answer", Vec::new(), e))
}

/// `file` could not be written (`--out`, `--csv`).
fn write_error(file: &Path, e: std::io::Error) -> Error {
    Error::io_doing(
        "io-write",
        vec![("path", file.display().to_string().into())],
        e,
    )
}

fn indent(text: &str) -> String {
    text.replace('\n', "\n  ")
}

fn print_table(t: &ResultTable, out: &mut impl Write, l: &Localizer) -> Result<(), Error> {
    let widths: Vec<usize> = t
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            t.rows
                .iter()
                .map(|r| r[i].chars().count().min(60))
                .chain([c.chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: &[String]| {
        cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| {
                let c: String = c.replace(['\n', '\t'], " ").chars().take(60).collect();
                format!("{c:<w$}")
            })
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_owned()
    };
    let io = |e| Error::io_doing("io-print-table", Vec::new(), e);
    writeln!(out, "{}", line(&t.columns)).map_err(io)?;
    for r in &t.rows {
        writeln!(out, "{}", line(r)).map_err(io)?;
    }
    eprintln!(
        "{}",
        l.msg("cli-graphql-rows", &[("count", count(t.rows.len() as f64))])
    );
    Ok(())
}

fn write_table_csv(
    table: Option<&ResultTable>,
    file: &PathBuf,
    l: &Localizer,
) -> Result<(), Error> {
    let t = table.ok_or_else(|| Error::InvalidInput(l.text("cli-graphql-no-table")))?;
    let mut bytes = Vec::new();
    write_csv(t, &mut bytes)?;
    std::fs::write(file, bytes).map_err(|e| write_error(file, e))?;
    eprintln!(
        "{}",
        l.msg(
            "cli-graphql-rows-written",
            &[
                ("count", count(t.rows.len() as f64)),
                ("file", arg(file.display().to_string())),
            ],
        )
    );
    Ok(())
}

/// `metadesk-cli request …`.
pub async fn request(args: RequestArgs, workspace: &Workspace, l: &Localizer) -> u8 {
    let request = match build_request(&args, l) {
        Ok(r) => r,
        Err(e) => return fail(&e, l),
    };
    let response = match workspace
        .console_request(
            &args.connection,
            &request,
            args.confirm_production.as_deref(),
            None,
        )
        .await
    {
        Ok(r) => r,
        Err(e) => return fail(&e, l),
    };
    let ok = (200..300).contains(&response.status);
    eprintln!(
        "{}",
        l.msg(
            "cli-request-status",
            &[
                ("status", arg(response.status.to_string())),
                ("outcome", arg(if ok { "ok" } else { "failed" })),
                ("millis", count(response.millis as f64)),
                ("size", count(response.size as f64)),
                ("cut", arg(if response.truncated { "yes" } else { "no" })),
            ],
        )
    );
    let bytes: Vec<u8> = match &response.body {
        ResponseBody::Json { text } | ResponseBody::Text { text } => {
            let mut b = text.clone().into_bytes();
            b.push(b'\n');
            b
        }
        ResponseBody::Image { base64 } => {
            use base64::Engine;
            base64::engine::general_purpose::STANDARD
                .decode(base64)
                .unwrap_or_default()
        }
        ResponseBody::Binary | ResponseBody::Empty => Vec::new(),
    };
    let written = match &args.out {
        Some(file) => std::fs::write(file, &bytes).map_err(|e| write_error(file, e)),
        None if matches!(
            response.body,
            ResponseBody::Binary | ResponseBody::Image { .. }
        ) =>
        {
            eprintln!("{}", l.text("cli-request-binary"));
            Ok(())
        }
        None => std::io::stdout()
            .lock()
            .write_all(&bytes)
            .map_err(|e| Error::io_doing("io-print-body", Vec::new(), e)),
    };
    if let Err(e) = written {
        return fail(&e, l);
    }
    if ok { SUCCESS } else { SOME_FAILED }
}

fn build_request(args: &RequestArgs, l: &Localizer) -> Result<ConsoleRequest, Error> {
    let headers = args
        .headers
        .iter()
        .map(|h| {
            h.split_once(':')
                .map(|(n, v)| Header {
                    name: n.trim().to_owned(),
                    value: v.trim().to_owned(),
                })
                .ok_or_else(|| {
                    Error::InvalidInput(
                        l.msg("cli-console-header-form", &[("given", arg(h.as_str()))]),
                    )
                })
        })
        .collect::<Result<Vec<_>, _>>()?;
    // Encoded by the core (url's form_urlencoded), so `&`, `=`, spaces and non-ASCII in a value
    // stay data.
    let form = args
        .form
        .iter()
        .map(|f| {
            f.split_once('=')
                .filter(|(k, _)| !k.trim().is_empty())
                .map(|(k, v)| Header {
                    name: k.trim().to_owned(),
                    value: v.to_owned(),
                })
                .ok_or_else(|| {
                    Error::InvalidInput(
                        l.msg("cli-console-form-form", &[("given", arg(f.as_str()))]),
                    )
                })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let body = match args.data.as_deref() {
        Some(d) => match d.strip_prefix('@') {
            Some(file) => Some(read_file(&PathBuf::from(file))?),
            None => Some(d.to_owned()),
        },
        None => None,
    };
    Ok(ConsoleRequest {
        method: args.method.clone(),
        path: args.path.clone(),
        headers,
        body,
        form: (!form.is_empty()).then_some(form),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A terminal or pipe that refuses every write (a closed pipe, a full disk).
    struct Refusing;

    impl Write for Refusing {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::from(std::io::ErrorKind::StorageFull))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn table() -> ResultTable {
        ResultTable {
            path: "items".into(),
            columns: vec!["title".into()],
            rows: vec![vec!["Surf".into()]],
        }
    }

    #[test]
    fn a_csv_that_cannot_be_written_is_told_in_french_and_nothing_is_written() {
        use metadesk_core::i18n::Lang;
        let fr = Localizer::new(Lang::Fr);
        let dir = tempfile::tempdir().unwrap();
        // A folder that does not exist (the tests run as root, for whom no folder is read-only).
        let file = dir.path().join("absent").join("out.csv");
        let said = write_table_csv(Some(&table()), &file, &fr)
            .unwrap_err()
            .localized(&fr);
        assert_eq!(
            said,
            format!(
                "impossible d’écrire {}\u{a0}: le fichier ou le dossier n’existe pas",
                file.display()
            )
        );
        assert!(!dir.path().join("absent").exists());

        let said = write_table_csv(None, &dir.path().join("t.csv"), &fr)
            .unwrap_err()
            .localized(&fr);
        assert!(
            said.starts_with("La réponse ne contient aucune liste d’éléments"),
            "{said}"
        );
        assert!(!dir.path().join("t.csv").exists());
    }

    #[test]
    fn an_answer_that_cannot_be_printed_is_told_in_french() {
        use metadesk_core::i18n::Lang;
        let fr = Localizer::new(Lang::Fr);
        let said = print_table(&table(), &mut Refusing, &fr)
            .unwrap_err()
            .localized(&fr);
        assert_eq!(
            said,
            "impossible d’afficher le tableau\u{a0}: le disque est plein"
        );
    }

    #[test]
    fn the_human_lines_are_in_the_terminals_language_with_plurals() {
        use metadesk_core::i18n::Lang;
        let (en, fr) = (Localizer::english(), Localizer::new(Lang::Fr));
        let status = |l: &Localizer, outcome: &str, cut: &str| {
            l.msg(
                "cli-request-status",
                &[
                    ("status", arg("404")),
                    ("outcome", arg(outcome)),
                    ("millis", count(12.0)),
                    ("size", count(1234.0)),
                    ("cut", arg(cut)),
                ],
            )
        };
        assert_eq!(
            status(&en, "failed", "no"),
            "404 not a success (12 ms, 1,234 bytes)"
        );
        assert_eq!(
            status(&fr, "failed", "yes"),
            "404 échec (12\u{a0}ms, 1\u{202f}234\u{a0}octets, tronqué)"
        );
        let rows = |l: &Localizer, n: f64| l.msg("cli-graphql-rows", &[("count", count(n))]);
        assert_eq!(rows(&en, 1.0), "1 row");
        assert_eq!(rows(&en, 3.0), "3 rows");
        assert_eq!(rows(&fr, 1.0), "1 ligne");
        assert_eq!(rows(&fr, 3.0), "3 lignes");
        let error = fr.msg(
            "cli-graphql-error-at",
            &[
                ("line", count(3.0)),
                ("column", count(7.0)),
                ("message", arg("Cannot query field")),
            ],
        );
        assert_eq!(
            error,
            "Erreur GraphQL ligne 3, colonne 7\u{a0}: Cannot query field"
        );
    }

    #[test]
    fn headers_and_data_files_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("body.json");
        std::fs::write(&file, "{\"a\": 1}").unwrap();
        let args = RequestArgs {
            connection: "c".into(),
            method: "post".into(),
            path: "/x".into(),
            data: Some(format!("@{}", file.display())),
            form: vec![],
            headers: vec!["Accept: application/json".into()],
            out: None,
            confirm_production: None,
        };
        let r = build_request(&args, &Localizer::english()).unwrap();
        assert_eq!(r.body.as_deref(), Some("{\"a\": 1}"));
        assert_eq!(r.headers[0].value, "application/json");
        assert_eq!(r.form, None);
        let bad = RequestArgs {
            headers: vec!["no colon".into()],
            ..args
        };
        assert!(build_request(&bad, &Localizer::english()).is_err());
    }

    #[test]
    fn form_fields_are_name_value_pairs() {
        let args = |form: &[&str]| RequestArgs {
            connection: "c".into(),
            method: "POST".into(),
            path: "/x".into(),
            data: None,
            form: form.iter().map(|f| (*f).to_owned()).collect(),
            headers: vec![],
            out: None,
            confirm_production: None,
        };
        let r = build_request(
            &args(&["./dc:title=a=b & c", "empty="]),
            &Localizer::english(),
        )
        .unwrap();
        let form = r.form.unwrap();
        assert_eq!(
            (form[0].name.as_str(), form[0].value.as_str()),
            ("./dc:title", "a=b & c")
        );
        assert_eq!(form[1].value, "");
        for bad in ["no-equals", "=value"] {
            let e = build_request(&args(&[bad]), &Localizer::english())
                .unwrap_err()
                .to_string();
            assert!(e.contains("must be NAME=VALUE"), "{e}");
            let fr = Localizer::new(metadesk_core::i18n::Lang::Fr);
            let e = build_request(&args(&[bad]), &fr).unwrap_err().to_string();
            assert!(e.contains("doit être de la forme NOM=VALEUR"), "{e}");
        }
    }

    #[test]
    fn form_and_data_together_are_a_usage_error() {
        use clap::Parser;
        #[derive(Parser)]
        struct Cli {
            #[command(flatten)]
            args: RequestArgs,
        }
        let e = Cli::try_parse_from([
            "x",
            "--connection",
            "c",
            "POST",
            "/x",
            "--data",
            "{}",
            "--form",
            "a=b",
        ])
        .err()
        .expect("refused");
        assert_eq!(e.kind(), clap::error::ErrorKind::ArgumentConflict);
        assert!(e.to_string().contains("--form"), "{e}");
    }
}
