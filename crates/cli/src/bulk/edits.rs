//! `bulk edit`: several edits in one run, written as they read — `--set dc:rights=WKND
//! --append dc:subject=a --append dc:subject=b --clear xmpRights:UsageTerms` — turned into the
//! engine's [`Edit`]s.
//!
//! Not here: checking values and that no property is edited twice (`RunSpec::validated`, the
//! same check as the app's).

use clap::Args;
use metadesk_core::Error;
use metadesk_core::bulk::spec::validate_property;
use metadesk_core::bulk::{Edit, EditOp};
use metadesk_core::i18n::{Localizer, arg};

/// The edits of `bulk edit`. Values are split from the property at the first `=`, so a value
/// may contain `=`; giving the same property again with the same flag adds a value.
#[derive(Args, Clone, Default)]
pub struct EditFlags {
    /// Replace a property's value: PROPERTY=VALUE (repeat with the same property for a
    /// multi-valued property).
    #[arg(long = "set", value_name = "PROPERTY=VALUE")]
    pub set: Vec<String>,
    /// Add a value to a multi-valued property (no duplicates): PROPERTY=VALUE, repeatable.
    #[arg(long = "append", value_name = "PROPERTY=VALUE")]
    pub append: Vec<String>,
    /// Remove a value from a property: PROPERTY=VALUE, repeatable.
    #[arg(long = "remove", value_name = "PROPERTY=VALUE")]
    pub remove: Vec<String>,
    /// Remove a property: PROPERTY, repeatable.
    #[arg(long = "clear", value_name = "PROPERTY")]
    pub clear: Vec<String>,
}

#[derive(Clone, Copy)]
enum Kind {
    Set,
    Append,
    Remove,
}

impl Kind {
    fn flag(self) -> &'static str {
        match self {
            Kind::Set => "--set",
            Kind::Append => "--append",
            Kind::Remove => "--remove",
        }
    }

    fn op(self, values: Vec<String>) -> EditOp {
        match self {
            Kind::Set => EditOp::Set { values },
            Kind::Append => EditOp::Append { values },
            Kind::Remove => EditOp::Remove { values },
        }
    }
}

/// The engine's edits, one per property and flag, in the order set, append, remove, clear.
pub fn edits(flags: &EditFlags, l: &Localizer) -> Result<Vec<Edit>, Error> {
    let mut edits = Vec::new();
    for (kind, given) in [
        (Kind::Set, &flags.set),
        (Kind::Append, &flags.append),
        (Kind::Remove, &flags.remove),
    ] {
        // (property, values) in the order first given.
        let mut grouped: Vec<(String, Vec<String>)> = Vec::new();
        for raw in given {
            let Some((property, value)) = raw.split_once('=') else {
                return Err(Error::InvalidInput(l.msg(
                    "cli-edit-no-value",
                    &[("flag", arg(kind.flag())), ("raw", arg(raw.as_str()))],
                )));
            };
            let property = validate_property(property)?;
            match grouped.iter_mut().find(|(p, _)| *p == property) {
                Some((_, values)) => values.push(value.to_owned()),
                None => grouped.push((property, vec![value.to_owned()])),
            }
        }
        edits.extend(grouped.into_iter().map(|(property, values)| Edit {
            property,
            op: kind.op(values),
        }));
    }
    let mut cleared: Vec<String> = Vec::new();
    for raw in &flags.clear {
        if raw.contains('=') {
            return Err(Error::InvalidInput(
                l.msg("cli-edit-clear-takes-name", &[("raw", arg(raw.as_str()))]),
            ));
        }
        let property = validate_property(raw)?;
        if !cleared.contains(&property) {
            cleared.push(property);
        }
    }
    edits.extend(cleared.into_iter().map(|property| Edit {
        property,
        op: EditOp::Clear,
    }));
    if edits.is_empty() {
        return Err(Error::InvalidInput(l.text("cli-edit-nothing")));
    }
    Ok(edits)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn several_edits_in_one_run() {
        let flags = EditFlags {
            set: strings(&["metadata/dc:rights=WKND"]),
            append: strings(&["dc:subject=a", "cq:tags=wknd:x", "dc:subject=b"]),
            remove: strings(&["dc:subject=old"]),
            clear: strings(&["xmpRights:UsageTerms"]),
        };
        let got = edits(&flags, &Localizer::english()).unwrap();
        let want = vec![
            Edit {
                property: "dc:rights".into(),
                op: EditOp::Set {
                    values: strings(&["WKND"]),
                },
            },
            Edit {
                property: "dc:subject".into(),
                op: EditOp::Append {
                    values: strings(&["a", "b"]),
                },
            },
            Edit {
                property: "cq:tags".into(),
                op: EditOp::Append {
                    values: strings(&["wknd:x"]),
                },
            },
            Edit {
                property: "dc:subject".into(),
                op: EditOp::Remove {
                    values: strings(&["old"]),
                },
            },
            Edit {
                property: "xmpRights:UsageTerms".into(),
                op: EditOp::Clear,
            },
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn a_value_may_contain_equals_signs_and_the_prefix_form_joins_its_property() {
        let flags = EditFlags {
            set: strings(&["dc:description=a=b==c", "metadata/dc:description=d"]),
            ..EditFlags::default()
        };
        assert_eq!(
            edits(&flags, &Localizer::english()).unwrap(),
            vec![Edit {
                property: "dc:description".into(),
                op: EditOp::Set {
                    values: strings(&["a=b==c", "d"]),
                },
            }]
        );
    }

    #[test]
    fn clearing_a_property_twice_is_one_edit() {
        let flags = EditFlags {
            clear: strings(&["dc:rights", "metadata/dc:rights"]),
            ..EditFlags::default()
        };
        assert_eq!(edits(&flags, &Localizer::english()).unwrap().len(), 1);
    }

    fn refused(flags: EditFlags) -> String {
        let l = Localizer::english();
        match edits(&flags, &l) {
            Err(e) => e.localized(&l),
            Ok(e) => panic!("{} edits", e.len()),
        }
    }

    #[test]
    fn bad_edits_are_refused_naming_the_problem() {
        let m = refused(EditFlags {
            set: strings(&["dc:rights"]),
            ..EditFlags::default()
        });
        assert!(m.contains("--set dc:rights has no value"), "{m}");
        let m = refused(EditFlags {
            append: strings(&["subject=a"]),
            ..EditFlags::default()
        });
        assert!(
            m.contains("\"subject\" is not a metadata property name"),
            "{m}"
        );
        let m = refused(EditFlags {
            clear: strings(&["dc:rights=x"]),
            ..EditFlags::default()
        });
        assert!(m.contains("clear takes a property name only"), "{m}");
        let m = refused(EditFlags::default());
        assert!(m.starts_with("Say what to change"), "{m}");
    }

    #[test]
    fn bad_edits_are_refused_in_french_when_the_language_is_french() {
        let fr = Localizer::new(metadesk_core::i18n::Lang::Fr);
        let refused_fr = |flags: EditFlags| match edits(&flags, &fr) {
            Err(e) => e.localized(&fr),
            Ok(e) => panic!("{} edits", e.len()),
        };
        let m = refused_fr(EditFlags {
            set: strings(&["dc:rights"]),
            ..EditFlags::default()
        });
        assert!(m.starts_with("--set dc:rights n’a pas de valeur"), "{m}");
        let m = refused_fr(EditFlags {
            clear: strings(&["dc:rights=x"]),
            ..EditFlags::default()
        });
        assert!(m.contains("ne prend qu’un nom de propriété"), "{m}");
        assert!(refused_fr(EditFlags::default()).starts_with("Indiquez quoi modifier"));
    }
}
