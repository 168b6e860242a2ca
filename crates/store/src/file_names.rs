//! Files named by people: the report CSVs, sheet exports, sheet problem lists and API console
//! exports they save (the save dialog, `--csv FILE`, `--out FILE`), and the names Metadesk
//! proposes for them (from a DAM folder's or a sheet's name).
//!
//! Windows' rules are the strictest, so they hold on every OS (a file is often mailed or copied
//! to a Windows colleague): a name Windows keeps for a device (`CON`, `NUL`, `COM1`…, with any
//! ending: `nul.csv` is the device too), a name ending in a dot or a space (Windows drops them,
//! so another file is written than the one named), a character Windows refuses (`<>:"/\|?*`,
//! control characters; a `:` would even write an NTFS stream instead of the file) or a path of
//! 260 characters or more (Excel and Explorer cannot open it) is refused before anything is
//! written, with the reason. A proposed name is rewritten so that none of this happens.
//!
//! Not here: files inside the app's own folders (journals, settings), whose names Metadesk makes.

use std::path::Path;

use metadesk_clients::Error;
use metadesk_clients::ErrorCode;
use metadesk_clients::error::MessageArg;

/// Windows' device names; a superscript digit counts as a digit there too.
const DEVICES: &[&str] = &["CON", "PRN", "AUX", "NUL"];
const NUMBERED_DEVICES: &[&str] = &["COM", "LPT"];

/// Windows' MAX_PATH (260, its terminating NUL included): the longest path most Windows
/// programs open is one character shorter.
pub const MAX_PATH: usize = 260;
/// The longest name NTFS (and ext4) allow, in UTF-16 units.
const MAX_NAME: usize = 255;
/// The longest name Metadesk proposes: room is left for the folder it is saved in.
const PROPOSED_MAX: usize = 100;

/// What is wrong with a file's name for Windows; `None` when nothing is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameProblem {
    /// A device's name (the device, upper case).
    Device(String),
    /// Ends with a dot or a space.
    TrailingDotOrSpace,
    /// A character Windows does not allow in a name.
    Character(char),
    /// Longer than a name may be (its length in UTF-16 units).
    TooLong(usize),
    /// No name at all.
    Empty,
}

/// What, if anything, makes `name` (one file name, no folder) unusable on Windows.
pub fn name_problem(name: &str) -> Option<NameProblem> {
    if name.is_empty() {
        return Some(NameProblem::Empty);
    }
    if let Some(c) = name.chars().find(|c| {
        c.is_control() || matches!(c, '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*')
    }) {
        return Some(NameProblem::Character(c));
    }
    if name.ends_with(['.', ' ']) {
        return Some(NameProblem::TrailingDotOrSpace);
    }
    if let Some(device) = device_of(name) {
        return Some(NameProblem::Device(device));
    }
    let length = name.encode_utf16().count();
    (length > MAX_NAME).then_some(NameProblem::TooLong(length))
}

/// The device `name` stands for on Windows: its part before the first dot, spaces after it
/// dropped, compared without case (`Nul .csv`, `com1.txt`, `LPT¹`).
fn device_of(name: &str) -> Option<String> {
    let stem = name
        .split('.')
        .next()
        .unwrap_or_default()
        .trim_end_matches(' ');
    let upper = stem.to_ascii_uppercase();
    if DEVICES.contains(&upper.as_str()) {
        return Some(upper);
    }
    let (prefix, digit) = upper.split_at_checked(3)?;
    let numbered = NUMBERED_DEVICES.contains(&prefix)
        && matches!(
            digit,
            "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" | "¹" | "²" | "³"
        );
    numbered.then_some(upper)
}

/// Refuses `target`, a file a person named, when Windows could not hold it as named (see the
/// module's notes), before anything is written: the message names the file and the reason.
pub fn check_target(target: &Path) -> Result<(), Error> {
    let shown = target.display().to_string();
    let refused = |id: &'static str, mut args: Vec<(&'static str, MessageArg)>| {
        args.insert(0, ("file", shown.clone().into()));
        Err(Error::message(ErrorCode::InvalidInput, id, args))
    };
    let too_long = |length: usize| {
        refused(
            "error-file-path-too-long",
            vec![("length", MessageArg::Number(length as f64))],
        )
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match name_problem(&name) {
        None => {}
        Some(NameProblem::Empty) => return refused("error-file-name-empty", vec![]),
        Some(NameProblem::Device(device)) => {
            return refused("error-file-name-device", vec![("device", device.into())]);
        }
        Some(NameProblem::TrailingDotOrSpace) => return refused("error-file-name-ends", vec![]),
        Some(NameProblem::Character(c)) => {
            let shown = if c.is_control() {
                format!("U+{:04X}", u32::from(c))
            } else {
                c.to_string()
            };
            return refused(
                "error-file-name-character",
                vec![("character", shown.into())],
            );
        }
        Some(NameProblem::TooLong(length)) => return too_long(length),
    }
    // The whole path as Windows would see it: relative names are taken from the current folder.
    let whole = std::path::absolute(target).unwrap_or_else(|_| target.to_path_buf());
    let length = whole.as_os_str().to_string_lossy().encode_utf16().count();
    if length >= MAX_PATH {
        return too_long(length);
    }
    Ok(())
}

/// `wanted` made into a name every OS accepts, for Metadesk to propose (a sheet export named
/// after its DAM folder, a problem list after its sheet): characters Windows refuses become `_`,
/// trailing dots and spaces go, a device's name gets a `_` before it, and a long name is cut
/// (its ending, such as `.csv`, kept).
pub fn safe_file_name(wanted: &str) -> String {
    let mut name: String = wanted
        .chars()
        .map(|c| match name_problem(&c.to_string()) {
            Some(NameProblem::Character(_)) => '_',
            _ => c,
        })
        .collect();
    let (stem, ending) = match name.rfind('.') {
        Some(i) if i > 0 && name.len() - i <= 8 => (name[..i].to_owned(), name[i..].to_owned()),
        _ => (name.clone(), String::new()),
    };
    let room = PROPOSED_MAX.saturating_sub(ending.chars().count());
    let stem: String = stem.chars().take(room).collect();
    name = format!("{}{ending}", stem.trim_end_matches(['.', ' ']));
    name = name.trim_end_matches(['.', ' ']).to_owned();
    if name.is_empty() {
        name = "metadesk".to_owned();
    }
    if device_of(&name).is_some() {
        name.insert(0, '_');
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_device_names_are_refused_with_any_ending_and_case() {
        for (name, device) in [
            ("CON", "CON"),
            ("con.csv", "CON"),
            ("Nul .csv", "NUL"),
            ("aux.report.xlsx", "AUX"),
            ("prn.json", "PRN"),
            ("COM1.csv", "COM1"),
            ("lpt9.xlsx", "LPT9"),
            ("COM¹.csv", "COM¹"),
        ] {
            assert_eq!(
                name_problem(name),
                Some(NameProblem::Device(device.into())),
                "{name}"
            );
        }
        for fine in [
            "console.csv",
            "COM10.csv",
            "COM0.csv",
            "nul-report.csv",
            "metadesk-con.xlsx",
            "LPT.csv",
            "rapport d’été.csv",
        ] {
            assert_eq!(name_problem(fine), None, "{fine}");
        }
    }

    #[test]
    fn trailing_dots_spaces_and_forbidden_characters_are_refused() {
        assert_eq!(
            name_problem("report.csv."),
            Some(NameProblem::TrailingDotOrSpace)
        );
        assert_eq!(
            name_problem("report.csv "),
            Some(NameProblem::TrailingDotOrSpace)
        );
        for c in ['<', '>', ':', '"', '|', '?', '*', '\\', '\u{1}', '\n'] {
            let name = format!("a{c}b.csv");
            assert_eq!(
                name_problem(&name),
                Some(NameProblem::Character(c)),
                "{name:?}"
            );
        }
        assert_eq!(name_problem(""), Some(NameProblem::Empty));
        let long = format!("{}.csv", "é".repeat(252));
        assert_eq!(name_problem(&long), Some(NameProblem::TooLong(256)));
        assert_eq!(name_problem(&long[2..]), None);
    }

    #[test]
    fn a_bad_target_is_refused_with_its_reason_in_words() {
        let l = metadesk_base::i18n::Localizer::new(metadesk_base::i18n::Lang::En);
        let dir = tempfile::tempdir().unwrap();
        let said = |name: &str| {
            let e = check_target(&dir.path().join(name)).unwrap_err();
            assert_eq!(e.code(), ErrorCode::InvalidInput, "{name}");
            e.localized(&l)
        };
        let text = said("NUL.csv");
        assert!(
            text.contains("NUL.csv") && text.contains("Windows"),
            "{text}"
        );
        assert!(text.contains("the name NUL for a device"), "{text}");
        assert!(said("report.csv.").contains("ends with a dot or a space"));
        // (Not `a:b.csv`: on Windows `a:` is a drive.)
        assert!(said("ab:c.csv").contains("\":\""));
        assert!(said("a\u{7}b.csv").contains("U+0007"));
        let deep = dir
            .path()
            .join("d".repeat(200))
            .join("e".repeat(60) + ".csv");
        let e = check_target(&deep).unwrap_err().localized(&l);
        assert!(e.contains("260"), "{e}");
        // Just under the limit is fine; nothing has been written by any of these.
        let whole = std::path::absolute(dir.path()).unwrap();
        let room = MAX_PATH - 1 - whole.as_os_str().len() - 1;
        assert!(check_target(&dir.path().join("r".repeat(room - 4) + ".csv")).is_ok());
        assert!(check_target(&dir.path().join("r".repeat(room - 3) + ".csv")).is_err());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn proposed_names_are_made_safe_everywhere() {
        for (wanted, safe) in [
            ("metadesk-summer.xlsx", "metadesk-summer.xlsx"),
            ("con.xlsx", "_con.xlsx"),
            ("NUL", "_NUL"),
            ("a:b|c?.csv", "a_b_c_.csv"),
            ("trailing. .csv", "trailing.csv"),
            ("dots...", "dots"),
            ("", "metadesk"),
            ("com1-problems.csv", "com1-problems.csv"),
        ] {
            let made = safe_file_name(wanted);
            assert_eq!(made, safe, "{wanted:?}");
            assert_eq!(name_problem(&made), None, "{made:?}");
        }
        let long = safe_file_name(&format!("metadesk-{}.xlsx", "x".repeat(400)));
        assert_eq!(long.chars().count(), PROPOSED_MAX);
        assert!(long.ends_with("x.xlsx"), "{long}");
    }
}
