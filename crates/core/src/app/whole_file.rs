//! Writing a file the person chose whole or not at all: through a temporary file beside it,
//! renamed into place once complete (a report, a sheet, a console answer).
//!
//! Not here: what goes in the file (`runs.rs`, `sheets`, `console.rs`).

use std::io::Write;
use std::path::Path;

use metadesk_clients::error::{Error, ErrorCode, Result};

/// Writes `target` through a temporary file in the same folder that is renamed into place only
/// once complete, so a failure never leaves a half-written file (nor destroys the file it was
/// to replace). Without `replace` an existing file is refused: a report is cheap to write again
/// under another name, the file it would replace may not be.
pub fn write_whole_file(
    target: &Path,
    replace: bool,
    write: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    // A name Windows could not hold as given is refused before anything is written.
    metadesk_store::file_names::check_target(target)?;
    let shown = target.display();
    let exists = || {
        Error::message(
            ErrorCode::InvalidInput,
            "error-file-exists",
            vec![("file", shown.to_string().into())],
        )
    };
    if !replace && target.exists() {
        return Err(exists());
    }
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let io = |_: &str, e: std::io::Error| {
        Error::io_doing("io-write", vec![("path", shown.to_string().into())], e)
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".metadesk-").suffix(".part");
    // A report or a sheet is not secret: the usual permissions for a new file, not a temp
    // file's 0600.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder
        .tempfile_in(folder)
        .map_err(|e| io("create a file next to", e))?;
    {
        let mut out = std::io::BufWriter::new(temp.as_file_mut());
        write(&mut out)?;
        out.flush().map_err(|e| io("write", e))?;
    }
    temp.as_file().sync_all().map_err(|e| io("write", e))?;
    // On Windows a rename over an existing file works only when no other program holds it
    // open (Excel does); the error then says the file could not be written.
    let persisted = if replace {
        temp.persist(target)
    } else {
        temp.persist_noclobber(target)
    };
    match persisted {
        Ok(_) => Ok(()),
        // Created by someone else while we were writing.
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => Err(exists()),
        Err(e) => Err(io("write", e.error)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    fn half_then_fail(out: &mut dyn Write) -> Result<()> {
        out.write_all(b"path,status\n/content/dam/a.jpg,changed\n")
            .unwrap();
        Err(Error::Internal("the journal is damaged".into()))
    }

    #[test]
    fn a_failure_midway_leaves_no_file_behind() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("report.csv");
        let err = write_whole_file(&target, false, half_then_fail).unwrap_err();
        assert!(err.to_string().contains("damaged"), "{err}");
        assert!(entries(tmp.path()).is_empty(), "{:?}", entries(tmp.path()));
    }

    #[test]
    fn a_failure_midway_keeps_the_file_it_was_to_replace() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("report.csv");
        std::fs::write(&target, "yesterday's report\n").unwrap();
        write_whole_file(&target, true, half_then_fail).unwrap_err();
        assert_eq!(
            std::fs::read_to_string(&target).unwrap(),
            "yesterday's report\n"
        );
        assert_eq!(entries(tmp.path()), ["report.csv"]);
    }

    #[test]
    fn an_existing_file_is_replaced_only_when_asked() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("report.csv");
        std::fs::write(&target, "keep me\n").unwrap();
        let write_new = |out: &mut dyn Write| {
            out.write_all(b"new\n").unwrap();
            Ok(())
        };
        let err = write_whole_file(&target, false, write_new).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "{} already exists; choose another file name, or replace it.",
                target.display()
            )
        );
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me\n");
        write_whole_file(&target, true, write_new).unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new\n");
        assert_eq!(entries(tmp.path()), ["report.csv"]);
    }

    #[test]
    fn a_name_windows_cannot_hold_is_refused_and_nothing_is_written() {
        let tmp = tempfile::tempdir().unwrap();
        let mut called = false;
        for name in [
            "CON.csv",
            "nul",
            "Aux.xlsx",
            "LPT1.csv",
            "report.csv.",
            "report.csv ",
        ] {
            let err = write_whole_file(&tmp.path().join(name), true, |_| {
                called = true;
                Ok(())
            })
            .unwrap_err();
            assert_eq!(err.code(), crate::ErrorCode::InvalidInput, "{name}: {err}");
            assert!(err.to_string().contains("Windows"), "{name}: {err}");
        }
        assert!(!called, "nothing was written");
        assert!(entries(tmp.path()).is_empty(), "{:?}", entries(tmp.path()));
    }

    #[cfg(unix)]
    #[test]
    fn the_report_gets_a_new_file_s_usual_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("report.csv");
        write_whole_file(&target, false, |out| {
            out.write_all(b"x\n").unwrap();
            Ok(())
        })
        .unwrap();
        let ordinary = tmp.path().join("ordinary");
        std::fs::write(&ordinary, "x").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&target), mode(&ordinary));
    }
}
