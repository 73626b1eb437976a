//! Data tests for the built-in taxonomy: canonical form, unambiguous aliases, valid references, coverage.
//!
//! Run with `SKILLGAP_BLESS=1` to rewrite the files canonically instead of failing.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use skillgap::{canonical_csv, fold, html_to_text, is_slug, Alias, Extractor, Kind, Taxonomy, BUILTIN};

/// The job families each need at least this many skills.
const FAMILY_MINIMUM: usize = 50;
/// The job families of DESIGN.md and issue 3 (`general` holds the cross-cutting groups).
const FAMILIES: &[&str] = &[
    "banking",
    "cloud",
    "construction",
    "customer",
    "data",
    "design",
    "education",
    "engineering",
    "finance",
    "healthcare",
    "hospitality",
    "hr",
    "it",
    "legal",
    "marketing",
    "media",
    "pharma",
    "product",
    "sales",
    "security",
    "software",
    "supply-chain",
];

fn taxonomy_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/taxonomy")
}

#[test]
fn files_are_canonical() {
    let bless = std::env::var_os("SKILLGAP_BLESS").is_some();
    let mut stale = Vec::new();
    for (family, text) in BUILTIN {
        let canonical = canonical_csv(family, text).unwrap_or_else(|e| panic!("{e}"));
        if canonical != *text {
            if bless {
                std::fs::write(taxonomy_dir().join(format!("{family}.csv")), &canonical).expect("write taxonomy file");
            }
            stale.push(*family);
        }
    }
    assert!(
        bless || stale.is_empty(),
        "not canonical: {stale:?}; run `SKILLGAP_BLESS=1 cargo test -p skillgap --test taxonomy_data` and review the diff"
    );
}

#[test]
fn every_file_is_listed_and_holds_its_own_family() {
    let mut on_disk: Vec<String> = std::fs::read_dir(taxonomy_dir())
        .expect("taxonomy dir")
        .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".csv").map(str::to_owned))
        .collect();
    on_disk.sort();
    let listed: Vec<&str> = BUILTIN.iter().map(|(f, _)| *f).collect();
    assert_eq!(on_disk, listed, "BUILTIN in taxonomy.rs must list every file in data/taxonomy");
    let tax = Taxonomy::builtin();
    for skill in tax.skills() {
        assert_eq!(format!("builtin:{}", skill.family), skill.layer, "{} sits in the wrong file", skill.id);
        assert!(is_slug(&skill.id), "{}: built-in ids are lowercase slugs", skill.id);
    }
}

#[test]
fn plain_aliases_resolve_to_one_skill() {
    let tax = Taxonomy::builtin();
    let mut owners: HashMap<String, Vec<&str>> = HashMap::new();
    for skill in tax.skills() {
        for alias in skill.aliases.iter().filter(|a| a.is_plain()) {
            let ids = owners.entry(fold(&alias.text)).or_default();
            if !ids.contains(&skill.id.as_str()) {
                ids.push(&skill.id);
            }
        }
    }
    let clashes: BTreeMap<&String, &Vec<&str>> = owners.iter().filter(|(_, ids)| ids.len() > 1).collect();
    assert!(clashes.is_empty(), "aliases with several skills; drop one or mark it `?`/`^`: {clashes:#?}");
}

#[test]
fn references_resolve_and_broader_has_no_cycles() {
    // `build` checks both and names the file and line; this keeps the built-in files honest.
    let mut b = Taxonomy::builder();
    for (family, text) in BUILTIN {
        b.add_csv(&format!("builtin:{family}"), text).unwrap_or_else(|e| panic!("{e}"));
    }
    b.build().unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn coverage_meets_the_minimums() {
    let tax = Taxonomy::builtin();
    let mut per_family: BTreeMap<&str, usize> = BTreeMap::new();
    for skill in tax.skills() {
        *per_family.entry(skill.family.as_str()).or_default() += 1;
    }
    for family in FAMILIES {
        let n = per_family.get(family).copied().unwrap_or(0);
        assert!(n >= FAMILY_MINIMUM, "family {family} has {n} skills, needs {FAMILY_MINIMUM}");
    }
    let aliases: usize = tax.skills().iter().map(|s| s.aliases.len() - 1).sum();
    assert!(tax.len() >= 3000, "{} skills, need 3000", tax.len());
    assert!(aliases >= 8000, "{aliases} aliases, need 8000");
    for kind in [Kind::Certification, Kind::Degree, Kind::Spoken, Kind::Soft, Kind::Method] {
        assert!(tax.skills().iter().filter(|s| s.kind == kind).count() >= 30, "too few {kind} skills");
    }
}

#[test]
fn common_words_are_never_plain_aliases() {
    // Words that are ordinary English far more often than skills must carry `?` or `^`.
    const COMMON: &[&str] = &[
        "go",
        "it",
        "lead",
        "excel",
        "swift",
        "spring",
        "rust",
        "chef",
        "access",
        "word",
        "teams",
        "office",
        "data",
        "design",
        "testing",
        "cloud",
        "plan",
        "planning",
        "communication",
        "engineering",
        "processes",
        "sales",
        "support",
        "management",
        "research",
        "writing",
        "service",
        "training",
        "c",
        "r",
        "as",
        "is",
        "us",
        "or",
        "er",
        "pr",
    ];
    let tax = Taxonomy::builtin();
    let mut offenders = Vec::new();
    for skill in tax.skills() {
        for alias in &skill.aliases {
            if alias.is_plain() && COMMON.contains(&fold(&alias.text).as_str()) {
                offenders.push(format!("{}: {}", skill.id, Alias::to_cell(alias)));
            }
        }
    }
    assert!(offenders.is_empty(), "mark these `?` or `^`: {offenders:?}");
}

/// The built-in taxonomy, exported as CSV and loaded back as the only layer.
fn reimported_builtin() -> Taxonomy {
    let mut builder = Taxonomy::builder();
    builder.add_csv("export.csv", &Taxonomy::builtin().to_csv()).unwrap_or_else(|e| panic!("{e}"));
    builder.build().unwrap_or_else(|e| panic!("{e}"))
}

/// The names of the skills found in `text`, with their mentions' spans.
fn found(extractor: &Extractor, text: &str) -> Vec<(String, Vec<(usize, usize)>)> {
    let doc = extractor.extract(text);
    doc.skills
        .iter()
        .map(|e| {
            let spans = e.mentions.iter().map(|m| (m.span.start, m.span.end)).collect();
            (extractor.taxonomy().skill(e.skill).name.clone(), spans)
        })
        .collect()
}

#[test]
fn export_keeps_the_markers_on_names() {
    // Regression: `taxonomy export` wrote `^?Go` and `^?R` nowhere, so the re-imported names matched in any
    // case and without context, and this sentence read as two skills.
    let builtin = Extractor::new(Taxonomy::builtin());
    let reimported = Extractor::new(reimported_builtin());
    for text in
        ["R is nice and we Go home at five.", "Skills: Go, R, SQL", "We will go over the r&d plan; let r be the rate."]
    {
        assert_eq!(found(&reimported, text), found(&builtin, text), "{text}");
    }
    assert!(found(&reimported, "R is nice and we Go home at five.").is_empty());
    let listed: Vec<String> = found(&reimported, "Skills: Go, R, SQL").into_iter().map(|(name, _)| name).collect();
    assert_eq!(listed, ["Go", "R", "SQL"]);
}

/// Every file under `dir`, recursively, in name order.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    entries.into_iter().flat_map(|p| if p.is_dir() { files_under(&p) } else { vec![p] }).collect()
}

#[test]
fn exported_builtin_extracts_the_same_on_every_example() {
    let examples = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/examples");
    let files = files_under(&examples);
    assert!(files.len() >= 10, "{} files in {}", files.len(), examples.display());
    let builtin = Extractor::new(Taxonomy::builtin());
    let reimported = Extractor::new(reimported_builtin());
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut texts = vec![text.clone()];
        if path.extension().is_some_and(|e| e == "html") {
            texts.push(html_to_text(&text).text);
        }
        for text in &texts {
            let (expected, got) = (builtin.extract(text), reimported.extract(text));
            assert!(!expected.skills.is_empty(), "{}: no skills found at all", path.display());
            assert_eq!(found(&reimported, text), found(&builtin, text), "{}", path.display());
            assert_eq!(got, expected, "{}: the documents differ beyond skills and spans", path.display());
        }
    }
}
