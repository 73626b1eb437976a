//! The built-in taxonomy in a precomputed form: the skills as the CSV files build to, with every reference
//! resolved to an index and every alias already folded, so that a start reads lines instead of parsing CSV,
//! folding 25,000 aliases and resolving 14,000 references.
//!
//! The form is generated from `data/taxonomy/*.csv` by the test below, checked in as `data/builtin-taxonomy.tsv`,
//! and read with `include_str!` (no `build.rs`, after typos' `codegen.rs`). The test fails when the file differs
//! from what the CSV files build to; `SKILLGAP_BLESS=1 cargo test -p skillgap --lib taxonomy::builtin` rewrites
//! it.
//!
//! One line per skill, in taxonomy order, with tab-separated fields: id, name, family, kind, layer (empty when
//! the same as the line before), hot (`1` or empty), related and broader (skill indices separated by commas),
//! then three fields per alias, the name first: its rule (`p` plain, `e` exact case, `c` needs context, `b`
//! both), its text, and its folded key (`=` when that is the text itself, empty when the alias is not indexed).
//! Ids and keys are borrowed from the file, not copied, so that a start allocates nothing per id or key. Lines starting with `#` are comments; the first other line gives the numbers of skills and of keys,
//! to size the tables.

use std::borrow::Cow;

use super::alias_keys::AliasKeys;
use super::{index_alias, Alias, AliasRef, CaseRule, ContextRule, HashMap, Kind, Skill, SkillIdx, Taxonomy};

/// The generated file.
const GENERATED: &str = include_str!("../../data/builtin-taxonomy.tsv");

/// The built-in taxonomy, from its precomputed form.
pub(super) fn precomputed() -> Taxonomy {
    // The test below checks that the checked-in file decodes to what the CSV files build to.
    decode(GENERATED).expect("the generated built-in taxonomy is well formed")
}

/// Reads the precomputed form; `None` when it is malformed (which the test below rules out).
fn decode(text: &'static str) -> Option<Taxonomy> {
    let mut lines = text.lines().filter(|line| !line.starts_with('#'));
    let (skill_count, key_count) = lines.next()?.split_once('\t')?;
    let (skill_count, key_count): (usize, usize) = (skill_count.parse().ok()?, key_count.parse().ok()?);
    let mut skills = Vec::with_capacity(skill_count);
    let mut by_id = HashMap::with_capacity_and_hasher(skill_count, Default::default());
    let mut by_alias = AliasKeys::with_capacity(key_count);
    let mut layer = "";
    let mut fields: Vec<&str> = Vec::new();
    for (line, idx) in lines.zip(0u32..) {
        // Fields are short: a byte loop splits them in a third of the time `str::split` takes.
        fields.clear();
        let mut start = 0;
        for (i, &b) in line.as_bytes().iter().enumerate() {
            if b == b'\t' {
                fields.push(line.get(start..i)?);
                start = i + 1;
            }
        }
        fields.push(line.get(start..)?);
        let &[id, name, family, kind, this_layer, hot, related, broader, ref alias_fields @ ..] = fields.as_slice()
        else {
            return None;
        };
        let kind = Kind::parse(kind)?;
        layer = Some(this_layer).filter(|l| !l.is_empty()).unwrap_or(layer);
        let hot = hot == "1";
        let (related, broader) = (indices(related)?, indices(broader)?);
        let mut aliases = Vec::with_capacity(alias_fields.len() / 3);
        for alias_field in alias_fields.chunks(3) {
            let &[rule, text, key] = alias_field else { return None };
            let (case, context) = match rule {
                "p" => (CaseRule::Insensitive, ContextRule::Free),
                "e" => (CaseRule::Exact, ContextRule::Free),
                "c" => (CaseRule::Insensitive, ContextRule::Needed),
                "b" => (CaseRule::Exact, ContextRule::Needed),
                _ => return None,
            };
            if !key.is_empty() {
                let key = if key == "=" { text } else { key };
                let alias = AliasRef { skill: SkillIdx(idx), alias: aliases.len() as u32 };
                index_alias(&mut by_alias, Cow::Borrowed(key), alias);
            }
            aliases.push(Alias { text: text.to_owned(), case, context });
        }
        by_id.insert(Cow::Borrowed(id), SkillIdx(idx));
        skills.push(Skill {
            id: id.to_owned(),
            name: name.to_owned(),
            family: family.to_owned(),
            kind,
            aliases,
            related,
            broader,
            layer: layer.to_owned(),
            hot,
        });
    }
    Some(Taxonomy {
        skills,
        by_id,
        by_alias,
        narrower: std::sync::OnceLock::new(),
        lineage: std::sync::OnceLock::new(),
    })
}

fn indices(field: &str) -> Option<Vec<SkillIdx>> {
    if field.is_empty() {
        return Some(Vec::new());
    }
    field.split(',').map(|i| i.parse().ok().map(SkillIdx)).collect()
}

/// Writes the precomputed form of `taxonomy`. Every alias's key is the one `taxonomy` indexes it under.
#[cfg(test)]
fn encode(taxonomy: &Taxonomy) -> String {
    use std::fmt::Write as _;

    let mut keys: HashMap<(u32, u32), &str> = HashMap::default();
    for (key, refs) in taxonomy.by_alias.iter() {
        for r in refs.as_slice() {
            keys.insert((r.skill.0, r.alias), key);
        }
    }
    let field = |text: &str| {
        assert!(!text.contains(['\t', '\n', '\r']), "a built-in field holds a tab or a line break: {text:?}");
        text.to_owned()
    };
    let list = |v: &[SkillIdx]| v.iter().map(|i| i.0.to_string()).collect::<Vec<_>>().join(",");
    let mut out = String::new();
    let mut last_layer = "";
    out.push_str(
        "# @generated from data/taxonomy/*.csv by `SKILLGAP_BLESS=1 cargo test -p skillgap --lib taxonomy::builtin`.\n\
         # Do not edit: edit the CSV files and regenerate. The format is described in src/taxonomy/builtin.rs.\n",
    );
    let _ = writeln!(out, "{}\t{}", taxonomy.skills.len(), taxonomy.by_alias.len());
    for (skill, idx) in taxonomy.skills.iter().zip(0u32..) {
        let _ = write!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            field(&skill.id),
            field(&skill.name),
            field(&skill.family),
            skill.kind.as_str(),
            if skill.layer == last_layer { String::new() } else { field(&skill.layer) },
            if skill.hot { "1" } else { "" },
            list(&skill.related),
            list(&skill.broader),
        );
        last_layer = &skill.layer;
        for (alias, j) in skill.aliases.iter().zip(0u32..) {
            let rule = match (alias.case, alias.context) {
                (CaseRule::Insensitive, ContextRule::Free) => "p",
                (CaseRule::Exact, ContextRule::Free) => "e",
                (CaseRule::Insensitive, ContextRule::Needed) => "c",
                (CaseRule::Exact, ContextRule::Needed) => "b",
            };
            let key = match keys.get(&(idx, j)).copied().unwrap_or_default() {
                key if key == alias.text => "=",
                key => key,
            };
            let _ = write!(out, "\t{rule}\t{}\t{}", field(&alias.text), field(key));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::{AliasRefs, TaxonomyBuilder, BUILTIN};
    use super::*;

    /// The built-in taxonomy as the CSV files build to, the slow way.
    fn from_csv() -> Taxonomy {
        let mut builder = TaxonomyBuilder::default();
        builder.parse_builtin_csv();
        builder.build().expect("the built-in taxonomy is valid")
    }

    /// The skills (as debug text), the ids and the alias index.
    type Contents<'a> = (String, Vec<(&'a str, &'a SkillIdx)>, Vec<(&'a str, &'a AliasRefs)>);

    /// Everything a taxonomy holds, in an order that does not depend on hashing.
    fn contents(taxonomy: &Taxonomy) -> Contents<'_> {
        let mut by_id: Vec<_> = taxonomy.by_id.iter().map(|(k, v)| (k.as_ref(), v)).collect();
        by_id.sort();
        let mut by_alias: Vec<_> = taxonomy.by_alias.iter().collect();
        by_alias.sort_by_key(|(k, _)| *k);
        (format!("{:?}", taxonomy.skills), by_id, by_alias)
    }

    #[test]
    fn generated_form_is_current() {
        let expected = encode(&from_csv());
        if expected != GENERATED {
            if std::env::var_os("SKILLGAP_BLESS").is_some() {
                let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/builtin-taxonomy.tsv");
                std::fs::write(path, &expected).expect("write the generated taxonomy");
            } else {
                panic!(
                    "data/builtin-taxonomy.tsv is stale: the built-in CSV files changed. Regenerate it with \
                     `SKILLGAP_BLESS=1 cargo test -p skillgap --lib taxonomy::builtin` and commit it"
                );
            }
        }
    }

    #[test]
    fn precomputed_equals_the_csv_build() {
        let slow = from_csv();
        let fast = Taxonomy::builtin();
        assert_eq!(contents(&fast), contents(&slow));
        // A layer on top of the built-in taxonomy parses the CSV files and layers as before.
        let mut builder = Taxonomy::builder();
        builder
            .add_builtin()
            .add_csv("mine.csv", "id,name,family,kind,aliases,related,broader\nsql,,,,Structured Query Language,,\n")
            .expect("parses");
        let layered = builder.build().expect("valid");
        assert_eq!(layered.len(), slow.len());
        assert_eq!(layered.lookup_alias("structured query language")[0].skill, slow.get("sql").expect("built in"));
        assert_eq!(layered.skill(slow.get("python").expect("built in")).layer, "builtin:software");
    }

    #[test]
    fn builtin_files_are_all_encoded() {
        let taxonomy = Taxonomy::builtin();
        let layers: std::collections::BTreeSet<&str> = taxonomy.skills().iter().map(|s| s.layer.as_str()).collect();
        assert_eq!(layers.len(), BUILTIN.len());
    }

    #[test]
    fn malformed_forms_are_refused() {
        const CASES: &[(&str, &str)] = &[
            ("no counts line", ""),
            ("unknown kind", "1\t1\nsql\tSQL\tdata\tgizmo\tb\t\t\t\tp\tSQL\tsql\n"),
            ("unknown rule", "1\t1\nsql\tSQL\tdata\tlanguage\tb\t\t\t\tx\tSQL\tsql\n"),
            ("alias without a key field", "1\t1\nsql\tSQL\tdata\tlanguage\tb\t\t\t\tp\tSQL\n"),
            ("bad index", "1\t1\nsql\tSQL\tdata\tlanguage\tb\t\tx\t\tp\tSQL\tsql\n"),
        ];
        for (name, text) in CASES {
            assert!(decode(text).is_none(), "{name}");
        }
        let one = decode("# a comment\n1\t1\nsql\tSQL\tdata\tlanguage\tb\t1\t0\t\tp\tSQL\tsql\n").expect("well formed");
        assert_eq!((one.len(), one.skill(SkillIdx(0)).hot, one.lookup_alias("SQL").len()), (1, true, 1));
    }
}
