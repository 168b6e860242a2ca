//! Which assets a new run takes (and a sheet export, or the missing-metadata report), from the
//! command line's flags: a folder, a search under one (`--where`), a list file or a scope saved
//! for the connection, with the name and format filters. Conditions that do not read are
//! refused before AEM is asked anything.
//!
//! Not here: counting or previewing those assets (the core's), the edits (`edits`, `rules`).

use clap::Args;
use metadesk_core::Error;
use metadesk_core::app::{Opened, Workspace};
use metadesk_core::bulk::{Combine, Condition, RunScope, Scope};
use metadesk_core::i18n::Localizer;

/// Which assets: a folder, a search under one, a list or a saved scope, with the name and
/// format filters (shared by `bulk` and `sheet export`).
#[derive(Args, Clone)]
pub(crate) struct ScopeArgs {
    /// The DAM folder: `/content/dam/…` (the sample's form without `/content/dam` works too).
    #[arg(long, required_unless_present_any = ["under", "list", "scope"], conflicts_with = "under")]
    folder: Option<String>,
    /// Search under this folder (with --where); same as --folder.
    #[arg(long, value_name = "PATH")]
    under: Option<String>,
    /// Only assets matching this condition, in the window's words; repeat for several, e.g.
    /// --where 'dc:rights is empty' --where 'tag is wknd:activity/surfing'. Forms: PROP is
    /// empty | is not empty | is VALUE | is not VALUE | contains TEXT | does not contain TEXT,
    /// tag is TAG, type is MIME (image/* for a family), modified|created before|after
    /// YYYY-MM-DD, expires before|after YYYY-MM-DD|today, expires within N days, name matches
    /// PATTERN.
    #[arg(long = "where", value_name = "CONDITION")]
    conditions: Vec<String>,
    /// Assets matching any of the --where conditions (default: all of them).
    #[arg(long, requires = "conditions")]
    any: bool,
    /// The assets of a list: DAM paths, Assets links or urn:aaid:aem: ids, one per line or a
    /// one-column CSV. Entries that name no asset are reported, the rest edited.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["folder", "under", "conditions", "scope"])]
    list: Option<std::path::PathBuf>,
    /// A scope saved for the connection (in the window's Bulk edit).
    #[arg(long, value_name = "NAME", conflicts_with_all = ["folder", "under", "conditions"])]
    scope: Option<String>,
    /// Include the assets of subfolders.
    #[arg(long)]
    recursive: bool,
    /// Only assets whose name matches (`*` and `?`).
    #[arg(long, value_name = "PATTERN")]
    name: Option<String>,
    /// Only assets whose dc:format matches (e.g. `image/*`); may be repeated.
    #[arg(long = "format", value_name = "MIME")]
    formats: Vec<String>,
}

impl ScopeArgs {
    /// The scope of a command that takes it another way than these flags (`move`, whose
    /// `--sheet` stands for it): a folder, its search or a list.
    pub(crate) fn of(
        folder: Option<String>,
        conditions: Vec<String>,
        any: bool,
        list: Option<std::path::PathBuf>,
        recursive: bool,
    ) -> Self {
        ScopeArgs {
            folder,
            under: None,
            conditions,
            any,
            list,
            scope: None,
            recursive,
            name: None,
            formats: Vec::new(),
        }
    }

    /// Refuses conditions that do not parse, before AEM is asked anything.
    pub(crate) fn check(&self) -> Result<(), Error> {
        match self
            .conditions
            .iter()
            .find_map(|c| Condition::parse(c).err())
        {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

/// The run's scope from the scope flags: a saved scope, a list file, a search (`--where`) or
/// a folder; the name and format filters apply to each.
pub(crate) fn chosen_scope(
    args: &ScopeArgs,
    opened: &Opened,
    ws: &Workspace,
    l: &Localizer,
) -> Result<RunScope, Error> {
    let scope = if let Some(name) = &args.scope {
        ws.saved_scope(&opened.connection().id, name)?.scope
    } else if let Some(file) = &args.list {
        // Read as the window reads a dropped list: a .txt, a one-column .csv or a workbook's
        // first column, refused in words when empty, not text, too large or wider.
        Scope::List {
            entries: metadesk_core::app::read_list_path(file)?.entries,
        }
    } else {
        let folder = args
            .under
            .clone()
            .or_else(|| args.folder.clone())
            .ok_or_else(|| Error::InvalidInput(l.text("cli-which-folder")))?;
        if args.conditions.is_empty() {
            Scope::Folder {
                folder,
                recursive: args.recursive,
            }
        } else {
            Scope::Search {
                under: folder,
                recursive: args.recursive,
                conditions: args
                    .conditions
                    .iter()
                    .map(|c| Condition::parse(c))
                    .collect::<Result<_, _>>()?,
                combine: if args.any { Combine::Any } else { Combine::All },
            }
        }
    };
    scope.into_run_scope_with(args.name.clone(), args.formats.clone())
}
