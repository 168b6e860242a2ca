//! `connections test NAME --deep --report FILE`: the field report a user sends to support
//! (the core's `field_report`), saved to FILE and told in the terminal, read by read.
//!
//! Not here: the connection test itself (`connection_check.rs`).

use std::path::PathBuf;

use metadesk_core::app::{FieldReport, Workspace, difference_words};
use metadesk_core::i18n::{Localizer, arg, count};

/// Makes and saves the report; its lines for the terminal, or the failure's words.
pub async fn save(
    workspace: &Workspace,
    connection: &str,
    folder: Option<&str>,
    file: PathBuf,
    l: &Localizer,
) -> Result<String, String> {
    let shown = file.display().to_string();
    let report = workspace
        .save_field_report(connection, folder, file, false)
        .await
        .map_err(|e| e.localized(l))?;
    let mut out = render(&report, l);
    out.push_str(&l.msg("cli-field-report-saved", &[("file", arg(shown))]));
    out.push('\n');
    Ok(out)
}

/// The report in `l`'s words: a line per read, its differences under it.
pub fn render(report: &FieldReport, l: &Localizer) -> String {
    let mut lines = vec![l.msg(
        "cli-field-report-heading",
        &[
            ("reads", count(report.reads.len() as f64)),
            ("differing", count(report.differing() as f64)),
        ],
    )];
    for read in &report.reads {
        let mark = l.text(if !read.relied_on {
            "cli-field-report-mark-other"
        } else if read.differences.is_empty() {
            "cli-allows-mark-ok"
        } else {
            "cli-allows-mark-refused"
        });
        let answer = match (read.status, &read.not_sent) {
            (Some(status), _) => l.msg(
                "cli-field-report-answer",
                &[
                    ("status", arg(status.to_string())),
                    ("millis", arg(read.millis.unwrap_or_default().to_string())),
                ],
            ),
            (None, code) => l.msg(
                "cli-field-report-unsent",
                &[("code", arg(code.as_deref().unwrap_or_default()))],
            ),
        };
        lines.push(l.msg(
            "cli-field-report-read",
            &[
                ("mark", arg(mark)),
                ("method", arg(read.method.as_str())),
                ("path", arg(read.path.as_str())),
                ("answer", arg(answer)),
            ],
        ));
        for difference in &read.differences {
            lines.push(l.msg(
                "cli-field-report-difference",
                &[("text", arg(difference_words(difference, l)))],
            ));
        }
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}
