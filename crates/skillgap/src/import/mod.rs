//! Importers for the public skill taxonomies, read as users download them: the ESCO CSV files and O*NET's
//! `Technology Skills.txt`. They take file contents (reading files is the caller's job) and return
//! [`SkillRecord`]s for [`TaxonomyBuilder::add_records`](crate::TaxonomyBuilder::add_records). Pass the
//! skills file's name as the layer name there, so that the records' line numbers point into it.
//!
//! ```
//! use skillgap::{esco_records, EscoFiles, Taxonomy};
//!
//! let skills = "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels\n\
//!     KnowledgeSkillCompetence,http://example.org/s/1,knowledge,sector-specific,Python (computer programming),Python\n";
//! let records = esco_records(&EscoFiles::new(("skills_en.csv", skills))).unwrap();
//! let mut builder = Taxonomy::builder();
//! builder.add_records("skills_en.csv", records).unwrap();
//! let taxonomy = builder.build().unwrap();
//! assert_eq!(taxonomy.lookup_alias("python").len(), 1);
//! ```
//!
//! The importers live in one file per idea:
//!
//! - `table.rs` reads the delimited files (header by name, width checks, errors with line and column);
//! - `esco.rs` turns the ESCO files into records: ids, names, families, kinds and relations;
//! - `esco_labels.rs` decides which of ESCO's alternative labels become aliases, one named function per
//!   rule, listed in `LABEL_RULES` there: the place to look for why a label was kept or dropped;
//! - `onet.rs` turns O*NET's technology examples into records, with their own alias rules.
//!
//! The thresholds the rules use are constants beside the rules, private to the importers: they are tuned to
//! the ESCO and O*NET downloads, not settings for callers.
//!
//! # Errors
//!
//! A missing or misspelt header column, a wrong delimiter, a row with the wrong number of fields (a broken
//! quote shows as one), an empty id or label, a duplicate `conceptUri` and a `Hot Technology` other than Y or
//! N are errors ([`ErrorKind::Header`](crate::ErrorKind::Header), [`Csv`](crate::ErrorKind::Csv),
//! [`Field`](crate::ErrorKind::Field)) that name the file, the 1-based line (of the header, or where the row
//! starts) and, where there is one, the 1-based column. `skillsHierarchy_en.csv` may leave out empty trailing
//! cells, as ESCO writes it, but not the columns that are read. References to unknown ids in the relation
//! files are skipped: they cover more than the skills file (skill groups, occupations). Nothing here panics.

use crate::normalize::fold;

mod esco;
mod esco_labels;
mod onet;
mod table;

pub use esco::{esco_records, EscoFiles};
pub use onet::onet_records;

/// The ESCO skills file, as the download names it.
pub const ESCO_SKILLS_FILE: &str = "skills_en.csv";
/// The ESCO broader-relations file (skill to group, group to group, skill to skill).
pub const ESCO_BROADER_FILE: &str = "broaderRelationsSkillPillar.csv";
/// The ESCO skills hierarchy (levels 0 to 3 of skill groups).
pub const ESCO_HIERARCHY_FILE: &str = "skillsHierarchy_en.csv";
/// The ESCO skill-to-skill relations (essential and optional).
pub const ESCO_RELATIONS_FILE: &str = "skillSkillRelations.csv";
/// The O*NET technology skills file, as the download names it.
pub const ONET_TECHNOLOGY_FILE: &str = "Technology Skills.txt";

/// Labels this short ("ML", "re", "RS") are initialisms or fragments: kept only in capitals, with `^?` (ESCO
/// rule 6); a vendor's product name this short is not split off (O*NET rule 3).
const SHORT_LABEL_CHARS: usize = 2;

/// Longest name (in words) and initialism (in letters) checked for one another.
const MAX_INITIALISM_WORDS: usize = 12;

/// Small words skipped when checking an initialism ("Visual Basic for Applications" is VBA).
const INITIALISM_SKIP: &[&str] = &["of", "and", "for", "the", "to", "in", "&", "on", "with", "a"];

/// How strictly an alias matches, least restrictive first (ESCO rule 12 keeps the smallest).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Markers {
    Plain,
    /// `?`
    Context,
    /// `^`
    Case,
    /// `^?`
    CaseContext,
}

impl Markers {
    fn with_context(self) -> Markers {
        match self {
            Markers::Plain | Markers::Context => Markers::Context,
            Markers::Case | Markers::CaseContext => Markers::CaseContext,
        }
    }

    fn cell(self, text: &str) -> String {
        let prefix = match self {
            Markers::Plain => "",
            Markers::Context => "?",
            Markers::Case => "^",
            Markers::CaseContext => "^?",
        };
        format!("{prefix}{text}")
    }
}

/// Whether `letters` are the first letters of `words`, where words in [`INITIALISM_SKIP`] may be skipped.
fn initials_match(letters: &[char], words: &[String]) -> bool {
    // Skippable words branch the search; nobody abbreviates a name this long, and the cap keeps a crafted
    // name of many small words from taking exponential time.
    if words.len() > MAX_INITIALISM_WORDS || letters.len() > MAX_INITIALISM_WORDS {
        return false;
    }
    match (letters.split_first(), words.split_first()) {
        (None, None) => true,
        (None, Some(_)) => words.iter().all(|w| INITIALISM_SKIP.contains(&w.as_str())),
        (Some(_), None) => false,
        (Some((l, rest_l)), Some((w, rest_w))) => {
            let skip = INITIALISM_SKIP.contains(&w.as_str()) && initials_match(letters, rest_w);
            skip || (w.starts_with(*l) && initials_match(rest_l, rest_w))
        }
    }
}

/// "Python (computer programming)" -> "Python". A name that is all parenthesis stays as it is.
fn strip_parenthetical(name: &str) -> String {
    let name = name.trim();
    if name.ends_with(')') {
        if let Some(open) = name.rfind(" (") {
            let bare = name.get(..open).unwrap_or_default().trim();
            if !bare.is_empty() {
                return bare.to_owned();
            }
        }
    }
    name.to_owned()
}

/// A lowercase ASCII slug: `+` as `plus`, `#` as `sharp`, `&` as `and`, other runs of non-alphanumerics as
/// one `-`.
fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in fold(text).chars() {
        let word = match c {
            'a'..='z' | '0'..='9' => None,
            '+' => Some("plus"),
            '#' => Some("sharp"),
            '&' => Some("and"),
            _ => {
                dash = true;
                continue;
            }
        };
        if (dash || word.is_some()) && !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        dash = word.is_some();
        match word {
            Some(w) => out.push_str(w),
            None => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        for (text, expected) in [
            ("C++", "c-plus-plus"),
            ("C#", "c-sharp"),
            ("Amazon Web Services AWS software", "amazon-web-services-aws-software"),
            ("information and communication technologies (icts)", "information-and-communication-technologies-icts"),
            ("K&K Associates", "k-and-k-associates"),
            ("Résumé builder", "resume-builder"),
            ("", ""),
        ] {
            assert_eq!(slug(text), expected, "{text}");
        }
    }

    #[test]
    fn parentheticals() {
        for (name, expected) in [
            ("Python (computer programming)", "Python"),
            (" Chef (tools for software configuration management) ", "Chef"),
            ("(computer programming)", "(computer programming)"),
            ("information and communication technologies (icts) ", "information and communication technologies"),
            ("R (statistics) basics", "R (statistics) basics"),
        ] {
            assert_eq!(strip_parenthetical(name), expected, "{name}");
        }
    }

    #[test]
    fn initials() {
        let words = |name: &str| name.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
        for (letters, name, expected) in [
            ("vba", "visual basic for applications", true),
            ("aws", "amazon web services", true),
            ("gis", "geographic information systems", true),
            ("gps", "geographic information systems", false),
            ("abc", "a b", false),
        ] {
            let letters: Vec<char> = letters.chars().collect();
            assert_eq!(initials_match(&letters, &words(name)), expected, "{name}");
        }
        // A crafted name of many skippable words must not take exponential time.
        assert!(!initials_match(&['a'; 40], &words(&"a ".repeat(400))));
    }

    #[test]
    fn markers_widen_to_need_context() {
        for (markers, cell) in
            [(Markers::Plain, "?x"), (Markers::Context, "?x"), (Markers::Case, "^?x"), (Markers::CaseContext, "^?x")]
        {
            assert_eq!(markers.with_context().cell("x"), cell, "{markers:?}");
        }
    }
}
