//! `metadesk-cli health`: the read-only health report of a folder or a search (issue 66):
//! counts and paths of its assets, images without a description, expired and expiring assets,
//! off times, where assets are used, changes since publication and missing required metadata;
//! as words, JSON (`--json`) or a CSV of the lists (`--csv FILE`).
//!
//! Not here: reading and judging the assets (`metadesk_core::app`'s `Workspace::health`).

use std::path::PathBuf;

use clap::Args;
use metadesk_core::Error;
use metadesk_core::app::{HealthList, HealthReport, Workspace, parse_expiring_within};
use metadesk_core::i18n::{Localizer, arg, count};

use crate::bulk::open::ConnectionArgs;
use crate::bulk::{ScopeArgs, cancellable, chosen_scope};
use crate::exit_code::SUCCESS;
use crate::output;

#[derive(Args)]
pub struct HealthArgs {
    #[command(flatten)]
    conn: ConnectionArgs,
    /// Which assets, as for `bulk`: --folder [--recursive], --under with --where [--any],
    /// --list FILE or --scope NAME, and the --name and --format filters.
    #[command(flatten)]
    scope: ScopeArgs,
    /// Count as expiring the assets that expire within this many days: 30d, 30 days.
    #[arg(long, value_name = "DAYS", default_value = "30d")]
    expiring_within: String,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// Also write the lists to this CSV file: one row per list and asset.
    #[arg(long, value_name = "FILE")]
    csv: Option<PathBuf>,
}

/// The report's lists: their JSON key (the CSV's `list` column too) and catalogue words.
fn lists(report: &HealthReport) -> [(&'static str, &'static str, &HealthList); 10] {
    [
        ("assets", "cli-health-assets", &report.assets),
        (
            "without_description",
            "cli-health-without-description",
            &report.without_description,
        ),
        ("expired", "cli-health-expired", &report.expired),
        ("expiring", "cli-health-expiring", &report.expiring),
        (
            "with_off_time",
            "cli-health-off-time",
            &report.with_off_time,
        ),
        ("used_on_pages", "cli-health-used", &report.used_on_pages),
        ("used_nowhere", "cli-health-unused", &report.used_nowhere),
        (
            "references_unknown",
            "cli-health-references-unknown",
            &report.references_unknown,
        ),
        (
            "changed_since_publication",
            "cli-health-changed",
            &report.changed_since_publication,
        ),
        (
            "missing_required",
            "cli-health-missing",
            &report.missing_required,
        ),
    ]
}

fn write_csv(file: &PathBuf, report: &HealthReport) -> Result<(), Error> {
    let failed = |e: std::io::Error| {
        let path = file.display().to_string();
        Error::io_doing("io-write", vec![("path", path.into())], e)
    };
    let out = std::fs::File::create(file).map_err(failed)?;
    let mut w = metadesk_core::excel_csv::writer(out).map_err(failed)?;
    let mut rows = vec![["list".to_owned(), "path".to_owned()]];
    for (key, _, list) in lists(report) {
        rows.extend(list.paths.iter().map(|p| [key.to_owned(), p.clone()]));
    }
    for row in rows {
        w.write_record(row).map_err(|e| failed(e.into()))?;
    }
    w.flush().map_err(failed)
}

pub async fn run(a: HealthArgs, ws: &Workspace, l: &Localizer) -> u8 {
    if let Err(e) = a.scope.check() {
        return output::fail(&e, l);
    }
    let days = match parse_expiring_within(&a.expiring_within) {
        Ok(days) => days,
        Err(e) => return output::fail(&e, l),
    };
    let opened = match ws.open(a.conn.choice()).await {
        Ok(o) => o,
        Err(e) => return output::fail(&e, l),
    };
    let scope = match chosen_scope(&a.scope, &opened, ws, l) {
        Ok(scope) => scope,
        Err(e) => return output::fail(&e, l),
    };
    let printer = output::progress_printer(l, !a.json);
    let health = ws.health(&opened, &scope, days, &printer);
    let mut report = match cancellable(ws, health, l).await {
        Ok(r) => r,
        Err(e) => return output::fail(&e, l),
    };
    report.localize(l);
    output::print_report_gaps(&report.unknown, &report.unlisted_folders, &report.unread, l);
    if let Some(file) = &a.csv
        && let Err(e) = write_csv(file, &report)
    {
        return output::fail(&e, l);
    }
    if a.json {
        if let Err(e) = output::print_json(&report, &mut std::io::stdout().lock()) {
            return output::fail(&e, l);
        }
        return SUCCESS;
    }
    println!(
        "{}",
        l.msg("cli-health-of", &[("folder", arg(report.folder.as_str()))])
    );
    for (_, id, list) in lists(&report) {
        let days = f64::from(report.expiring_within_days);
        let words = l.msg(
            id,
            &[("count", count(list.count as f64)), ("days", count(days))],
        );
        println!("{words}");
        if id != "cli-health-assets" {
            for path in &list.paths {
                println!("  {path}");
            }
        }
    }
    SUCCESS
}
