//! The ESCO importer: records from the ESCO CSV download. Which alternative labels become aliases is
//! decided in `esco_labels.rs`.
//!
//! Inputs: `skills_en.csv` (required), `broaderRelationsSkillPillar.csv`, `skillsHierarchy_en.csv` and
//! `skillSkillRelations.csv` (each optional; without them, families fall back to `esco` and there are no
//! relations). Columns are found by their header names, so extra or reordered columns are fine.
//!
//! - **id** is the `conceptUri`, **name** the `preferredLabel`.
//! - **family** is the skill's top group: the broader links are walked upwards (breadth first, in file order)
//!   to the first group that `skillsHierarchy_en.csv` places at level 1 (or deeper, whose level-1 ancestor is
//!   then taken), or to a level-0 group; the family is that group's label as a slug, without any
//!   parenthesised part (`information-and-communication-technologies`,
//!   `communication-collaboration-and-creativity`). A skill that reaches no such group gets `esco`.
//! - **kind**: a skill under the level-0 group whose label names languages ("language skills and knowledge")
//!   is [`Kind::Spoken`]; otherwise `skillType` `knowledge` is [`Kind::Domain`]; otherwise `reuseLevel`
//!   `transversal` is [`Kind::Soft`]; everything else (skills and competences) is [`Kind::Method`].
//! - **related** are the skills `skillSkillRelations.csv` links, essential and optional alike; **broader** are
//!   the broader links that point at another skill (links to skill groups give the family instead). A broader
//!   link that would close a cycle is dropped (the one a depth-first walk in file order meets last), so that a
//!   quirk in the data cannot stop the whole load.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::esco_labels::esco_aliases;
use super::table::Table;
use super::{slug, strip_parenthetical};
use crate::error::{Error, ErrorKind};
use crate::taxonomy::{Kind, SkillRecord};

/// The ESCO files, as `(file name for errors, contents)` pairs.
#[derive(Debug, Clone, Copy)]
pub struct EscoFiles<'a> {
    /// `skills_en.csv`.
    pub skills: (&'a str, &'a str),
    /// `broaderRelationsSkillPillar.csv`: gives families and broader skills.
    pub broader_relations: Option<(&'a str, &'a str)>,
    /// `skillsHierarchy_en.csv`: names the top groups that become families.
    pub hierarchy: Option<(&'a str, &'a str)>,
    /// `skillSkillRelations.csv`: gives related skills.
    pub skill_relations: Option<(&'a str, &'a str)>,
}

impl<'a> EscoFiles<'a> {
    /// Only the skills file; add the others by setting the fields.
    pub fn new(skills: (&'a str, &'a str)) -> EscoFiles<'a> {
        EscoFiles { skills, broader_relations: None, hierarchy: None, skill_relations: None }
    }
}

/// One row of `skills_en.csv`, kept until the other files are read.
pub(super) struct EscoRow {
    pub(super) line: u64,
    pub(super) uri: String,
    pub(super) name: String,
    pub(super) knowledge: bool,
    pub(super) transversal: bool,
    /// Under the language group of the hierarchy.
    pub(super) language: bool,
    /// Alternative then hidden labels, one per line, as written (split when used: most are dropped).
    pub(super) labels: String,
}

/// Reads the ESCO files into records, in the order of `skills_en.csv` (see the module docs for the rules).
pub fn esco_records(files: &EscoFiles<'_>) -> Result<Vec<SkillRecord>, Error> {
    let (mut rows, prose) = read_esco_skills(files.skills)?;
    let index: HashMap<&str, usize> = rows.iter().enumerate().map(|(i, r)| (r.uri.as_str(), i)).collect();

    let broader_rows = match files.broader_relations {
        Some(file) => read_pairs(file, "conceptUri", "broaderUri")?,
        None => Pairs::default(),
    };
    let mut parents: HashMap<&str, Vec<&str>> = HashMap::default();
    for (child, parent) in broader_rows.iter() {
        parents.entry(child).or_default().push(parent);
    }
    let tops = match files.hierarchy {
        Some(file) => read_hierarchy(file)?,
        None => Tops::default(),
    };
    let related_rows = match files.skill_relations {
        Some(file) => read_pairs(file, "originalSkillUri", "relatedSkillUri")?,
        None => Pairs::default(),
    };

    let mut related: Vec<Vec<usize>> = vec![Vec::new(); rows.len()];
    // Duplicates go by a set, not a search of the skill's list: one skill may have very many relations.
    let mut related_seen: HashSet<(usize, usize)> = HashSet::default();
    for (from, to) in related_rows.iter() {
        if let (Some(&a), Some(&b)) = (index.get(from), index.get(to)) {
            if a != b && related_seen.insert((a, b)) {
                if let Some(out) = related.get_mut(a) {
                    out.push(b);
                }
            }
        }
    }
    let broader = acyclic_broader(rows.len(), &index, &broader_rows);
    let top_of: Vec<Option<usize>> = rows.iter().map(|r| tops.find(&r.uri, &parents)).collect();
    for (row, top) in rows.iter_mut().zip(&top_of) {
        row.language = top.and_then(|t| tops.tops.get(t)).is_some_and(|t| t.language);
    }
    let aliases = esco_aliases(&rows, &prose);
    // Ids of the related and broader skills, before the rows give up their strings to the records.
    let ids =
        |links: &[usize]| -> Vec<String> { links.iter().filter_map(|&j| rows.get(j)).map(|r| r.uri.clone()).collect() };
    let related: Vec<Vec<String>> = related.iter().map(|r| ids(r)).collect();
    let broader: Vec<Vec<String>> = broader.iter().map(|b| ids(b)).collect();
    // One family slug per top group, not per skill.
    let families: Vec<String> = tops.tops.iter().map(|t| slug(&strip_parenthetical(&t.label))).collect();

    let mut records = Vec::with_capacity(rows.len());
    let parts = rows.into_iter().zip(aliases).zip(related.into_iter().zip(broader)).zip(top_of);
    for (((row, aliases), (related, broader)), family) in parts {
        let kind = esco_kind(&row);
        records.push(SkillRecord {
            id: row.uri,
            name: row.name,
            family: family.and_then(|f| families.get(f)).map_or_else(|| "esco".to_owned(), String::clone),
            kind: Some(kind),
            aliases,
            related,
            broader,
            hot: false,
            line: row.line,
        });
    }
    Ok(records)
}

/// The kind of an ESCO skill (see the module docs): language skills are spoken languages, then knowledge is a
/// domain, transversal skills are soft skills, and the rest are methods.
fn esco_kind(row: &EscoRow) -> Kind {
    if row.language {
        Kind::Spoken
    } else if row.knowledge {
        Kind::Domain
    } else if row.transversal {
        Kind::Soft
    } else {
        Kind::Method
    }
}

/// The rows of `skills_en.csv`, and its prose (descriptions, scope notes, definitions) for the common-word
/// rule.
fn read_esco_skills((source, text): (&str, &str)) -> Result<(Vec<EscoRow>, String), Error> {
    let mut table = Table::open(source, text, b',')?;
    let uri = table.column("conceptUri")?;
    let name = table.column("preferredLabel")?;
    let alt = table.column("altLabels")?;
    let skill_type = table.optional("skillType");
    let reuse = table.optional("reuseLevel");
    let hidden = table.optional("hiddenLabels");
    let prose_columns: Vec<usize> =
        ["description", "scopeNote", "definition"].iter().filter_map(|c| table.optional(c)).collect();
    let mut rows: Vec<EscoRow> = Vec::new();
    // One buffer, lines apart: the prose is 3 MB in 14,000 cells.
    let mut prose = String::new();
    let mut seen: HashMap<String, u64> = HashMap::default();
    while table.next_row()? {
        let row_uri = table.required(uri)?.to_owned();
        if let Some(first) = seen.insert(row_uri.clone(), table.line) {
            return Err(Error::new(
                ErrorKind::Field,
                source,
                format!("`{row_uri}` is listed twice (first on line {first}); use the file as downloaded"),
            )
            .at(Some(table.line), Some(uri as u64 + 1)));
        }
        let mut labels = table.cell(alt).to_owned();
        if let Some(h) = hidden {
            labels.push('\n');
            labels.push_str(table.cell(h));
        }
        for &c in &prose_columns {
            let cell = table.cell(c);
            if !cell.is_empty() {
                prose.push_str(cell);
                prose.push('\n');
            }
        }
        rows.push(EscoRow {
            line: table.line,
            uri: row_uri,
            name: table.required(name)?.to_owned(),
            knowledge: skill_type.is_some_and(|c| table.cell(c).eq_ignore_ascii_case("knowledge")),
            transversal: reuse.is_some_and(|c| table.cell(c).eq_ignore_ascii_case("transversal")),
            language: false,
            labels,
        });
    }
    Ok((rows, prose))
}

/// ESCO lists labels one per line inside a cell.
pub(super) fn split_labels(cell: &str) -> impl Iterator<Item = &str> + '_ {
    cell.lines().map(str::trim).filter(|l| !l.is_empty())
}

/// `(from, to)` pairs of a relation file, in file order, kept in one buffer: the broader relations alone have
/// 20,000 rows.
#[derive(Debug, Default)]
struct Pairs {
    text: String,
    /// Byte offsets in `text`: from-start, from-end (= to-start), to-end.
    pairs: Vec<(usize, usize, usize)>,
}

impl Pairs {
    fn iter(&self) -> impl Iterator<Item = (&str, &str)> + '_ {
        self.pairs
            .iter()
            .map(|&(a, b, c)| (self.text.get(a..b).unwrap_or_default(), self.text.get(b..c).unwrap_or_default()))
    }
}

/// The pairs of a relation file; both cells are required.
fn read_pairs((source, text): (&str, &str), from: &str, to: &str) -> Result<Pairs, Error> {
    let mut table = Table::open(source, text, b',')?;
    let (a, b) = (table.column(from)?, table.column(to)?);
    let mut pairs = Pairs { text: String::with_capacity(text.len() / 2), pairs: Vec::new() };
    while table.next_row()? {
        let start = pairs.text.len();
        pairs.text.push_str(table.required(a)?);
        let middle = pairs.text.len();
        pairs.text.push_str(table.required(b)?);
        pairs.pairs.push((start, middle, pairs.text.len()));
    }
    Ok(pairs)
}

/// A top group: the label that becomes a family.
#[derive(Debug, Clone)]
struct Top {
    label: String,
    /// Under the level-0 group of language skills.
    language: bool,
}

/// Group URI (levels 0 to 3) -> its top group.
#[derive(Debug, Default)]
struct Tops {
    tops: Vec<Top>,
    by_uri: HashMap<String, usize>,
}

/// How far up the broader links a family is looked for: ESCO's tree is four levels deep, and a skill may sit
/// under a few broader skills first.
const MAX_FAMILY_WALK: usize = 64;

impl Tops {
    /// The first top group reached from `uri` walking broader links upwards, breadth first: its index.
    fn find(&self, uri: &str, parents: &HashMap<&str, Vec<&str>>) -> Option<usize> {
        if self.tops.is_empty() {
            return None;
        }
        let mut queue: Vec<&str> = vec![uri];
        let mut at = 0;
        while at < MAX_FAMILY_WALK {
            let Some(&node) = queue.get(at) else { break };
            at += 1;
            if at > 1 {
                if let Some(&t) = self.by_uri.get(node) {
                    return Some(t);
                }
            }
            for &p in parents.get(node).map_or(&[][..], Vec::as_slice) {
                // A few nodes at most: a linear search beats hashing.
                if !queue.contains(&p) {
                    queue.push(p);
                }
            }
        }
        None
    }
}

fn read_hierarchy((source, text): (&str, &str)) -> Result<Tops, Error> {
    let mut table = Table::open(source, text, b',')?;
    table.ragged = true;
    let l0 = (table.column("Level 0 URI")?, table.column("Level 0 preferred term")?);
    let l1 = (table.column("Level 1 URI")?, table.column("Level 1 preferred term")?);
    let deeper: Vec<usize> = ["Level 2 URI", "Level 3 URI"].iter().filter_map(|c| table.optional(c)).collect();
    let mut tops = Tops::default();
    while table.next_row()? {
        let (uri0, label0) = (table.required(l0.0)?, table.required(l0.1)?);
        let language = label0.to_lowercase().contains("language");
        let add = |uri: &str, label: &str, tops: &mut Tops| {
            if uri.is_empty() || tops.by_uri.contains_key(uri) {
                return;
            }
            let t = match tops.tops.iter().position(|t| t.label == label) {
                Some(t) => t,
                None => {
                    tops.tops.push(Top { label: label.to_owned(), language });
                    tops.tops.len() - 1
                }
            };
            tops.by_uri.insert(uri.to_owned(), t);
        };
        let (uri1, label1) = (table.cell(l1.0), table.cell(l1.1));
        if uri1.is_empty() {
            add(uri0, label0, &mut tops);
            continue;
        }
        let label = if label1.is_empty() { label0 } else { label1 };
        add(uri1, label, &mut tops);
        for &c in &deeper {
            add(table.cell(c), label, &mut tops);
        }
    }
    Ok(tops)
}

/// Broader skills per row, from the links between two skills, in the relation file's order, without the links
/// that close a cycle. One depth-first walk, skills in file order and each skill's links in file order, drops
/// every link that returns to a skill on the walk's current path: the link that closes a cycle as the walk
/// meets it (for a cycle written in file order, its last link). A quirk in the data so costs one link, not the
/// whole load.
///
/// Each skill is entered once and each link followed once, so the cost is linear in skills and links. (A fresh
/// search per cycle, dropping the cycle's latest link, was quadratic: 20,000 skills in a chain with a link back
/// up each step took 5.4 s; and the duplicate check searched a skill's links, quadratic for a skill with very
/// many broader links.)
fn acyclic_broader(skills: usize, index: &HashMap<&str, usize>, pairs: &Pairs) -> Vec<Vec<usize>> {
    let mut links: Vec<Vec<usize>> = vec![Vec::new(); skills];
    let mut seen: HashSet<(usize, usize)> = HashSet::default();
    for (child, parent) in pairs.iter() {
        if let (Some(&i), Some(&j)) = (index.get(child), index.get(parent)) {
            if i != j && seen.insert((i, j)) {
                if let Some(out) = links.get_mut(i) {
                    out.push(j);
                }
            }
        }
    }
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum Colour {
        Unvisited,
        OnPath,
        Done,
    }
    let mut colour = vec![Colour::Unvisited; skills];
    let mut kept: Vec<Vec<usize>> = vec![Vec::new(); skills];
    // The walk's path: each skill on it and the next of its links to follow.
    let mut path: Vec<(usize, usize)> = Vec::new();
    for start in 0..skills {
        match colour.get_mut(start) {
            Some(c) if *c == Colour::Unvisited => *c = Colour::OnPath,
            _ => continue,
        }
        path.push((start, 0));
        while let Some((node, next)) = path.last_mut() {
            let node = *node;
            let Some(&up) = links.get(node).and_then(|l| l.get(*next)) else {
                if let Some(c) = colour.get_mut(node) {
                    *c = Colour::Done;
                }
                path.pop();
                continue;
            };
            *next += 1;
            let Some(c) = colour.get_mut(up) else { continue };
            match *c {
                // Back to a skill on the path: this link closes a cycle, and goes.
                Colour::OnPath => continue,
                Colour::Unvisited => {
                    *c = Colour::OnPath;
                    path.push((up, 0));
                }
                Colour::Done => {}
            }
            if let Some(out) = kept.get_mut(node) {
                out.push(up);
            }
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    const SKILLS_HEAD: &str =
        "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,description\n";

    fn esco(skills: &str) -> Result<Vec<SkillRecord>, Error> {
        esco_records(&EscoFiles::new(("skills.csv", skills)))
    }

    #[test]
    fn kinds_families_and_relations() {
        let skills = format!(
            "{SKILLS_HEAD}K,u:k,knowledge,sector-specific,accounting,,,\nS,u:t,skill/competence,transversal,work in teams,,,\n\
             S,u:m,skill/competence,cross-sector,manage budgets,,,\nS,u:l,skill/competence,,understand Dutch,,,\n\
             S,u:sub,skill/competence,cross-sector,manage small budgets,,,\n"
        );
        let broader = "conceptType,conceptUri,broaderType,broaderUri\nx,u:k,x,g:k1\nx,u:t,x,g:t0\nx,u:m,x,g:s2\nx,u:l,x,g:l1\nx,u:sub,x,u:m\nx,g:s2,x,g:s1\nx,u:m,x,u:sub\n";
        let hierarchy = "Level 0 URI,Level 0 preferred term,Level 1 URI,Level 1 preferred term,Level 2 URI,Level 2 preferred term\n\
            g:k0,knowledge,g:k1,business and administration (general),,\ng:t0,transversal skills,,,,\n\
            g:s0,skills,g:s1,management skills,g:s2,managing budgets\ng:l0,language skills and knowledge,g:l1,languages,,\n";
        let relations = "originalSkillUri,originalSkillType,relationType,relatedSkillType,relatedSkillUri\nu:m,x,essential,x,u:k\nu:m,x,optional,x,u:gone\n";
        let records = esco_records(&EscoFiles {
            skills: ("skills.csv", &skills),
            broader_relations: Some(("broader.csv", broader)),
            hierarchy: Some(("hierarchy.csv", hierarchy)),
            skill_relations: Some(("relations.csv", relations)),
        })
        .unwrap();
        let got: Vec<(&str, &str, Option<Kind>)> =
            records.iter().map(|r| (r.id.as_str(), r.family.as_str(), r.kind)).collect();
        assert_eq!(
            got,
            [
                ("u:k", "business-and-administration", Some(Kind::Domain)),
                ("u:t", "transversal-skills", Some(Kind::Soft)),
                ("u:m", "management-skills", Some(Kind::Method)),
                ("u:l", "languages", Some(Kind::Spoken)),
                ("u:sub", "management-skills", Some(Kind::Method)),
            ]
        );
        let m = &records[2];
        assert_eq!(m.related, ["u:k"], "unknown ids are skipped");
        // The walk starts at u:m (before u:sub in the skills file), so u:sub's link back is the one that closes
        // the cycle.
        assert_eq!(m.broader, ["u:sub"], "a link to a skill is a broader skill");
        assert!(records[4].broader.is_empty(), "the link that closes a cycle is dropped");
        assert_eq!(records[0].line, 2);
    }

    #[test]
    fn family_falls_back_to_esco() {
        let records = esco(&format!("{SKILLS_HEAD}K,u:1,knowledge,x,accounting,,,\n")).unwrap();
        assert_eq!(records[0].family, "esco");
    }

    #[test]
    fn esco_errors_name_file_line_and_column() {
        let e = esco(&format!("{SKILLS_HEAD}K,u:1,knowledge,x,accounting,,,\nK,u:2,knowledge,x,\"broken,,,\n"))
            .unwrap_err();
        assert_eq!((e.kind(), e.source_name(), e.line(), e.column()), (ErrorKind::Csv, "skills.csv", Some(3), Some(6)));
        let e = esco("conceptUri,skillType,altLabels\nu:1,knowledge,\n").unwrap_err();
        assert_eq!((e.kind(), e.line()), (ErrorKind::Header, Some(1)));
        assert!(e.message().contains("preferredLabel"), "{e}");
        let e = esco("conceptUri;preferredLabel;altLabels\nu:1;a;\n").unwrap_err();
        assert_eq!((e.kind(), e.line(), e.column()), (ErrorKind::Header, Some(1), Some(1)));
        assert!(e.message().contains("`;`"), "{e}");
        let e = esco(&format!("{SKILLS_HEAD}K,,knowledge,x,accounting,,,\n")).unwrap_err();
        assert_eq!((e.kind(), e.line(), e.column()), (ErrorKind::Field, Some(2), Some(2)));
        let e = esco(&format!("{SKILLS_HEAD}K,u:1,knowledge,x,a,,,\nK,u:1,knowledge,x,b,,,\n")).unwrap_err();
        assert_eq!((e.kind(), e.line()), (ErrorKind::Field, Some(3)));
        let e = esco("").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Header);
        let e = esco_records(&EscoFiles {
            broader_relations: Some(("broader.csv", "conceptUri,broaderUri\nu:1\n")),
            ..EscoFiles::new(("skills.csv", &format!("{SKILLS_HEAD}K,u:1,knowledge,x,a,,,\n")))
        })
        .unwrap_err();
        assert_eq!((e.source_name(), e.line(), e.column()), ("broader.csv", Some(2), Some(2)));
    }

    #[test]
    fn kinds() {
        let row = |knowledge, transversal, language| EscoRow {
            line: 2,
            uri: "u:1".into(),
            name: "x".into(),
            knowledge,
            transversal,
            language,
            labels: String::new(),
        };
        for (knowledge, transversal, language, expected) in [
            (true, false, true, Kind::Spoken),
            (true, true, false, Kind::Domain),
            (false, true, false, Kind::Soft),
            (false, false, false, Kind::Method),
        ] {
            assert_eq!(esco_kind(&row(knowledge, transversal, language)), expected);
        }
    }

    #[test]
    fn broader_cycles_lose_their_latest_link() {
        let index: HashMap<&str, usize> = [("a", 0), ("b", 1), ("c", 2), ("d", 3)].into_iter().collect();
        for (pairs, expected) in [
            // a -> b -> c -> a: the last link in the file goes.
            ("a,b\nb,c\nc,a\n", vec![vec![1], vec![2], vec![]]),
            // Two cycles through b: the walk drops the link back in each; unknown ids and self-links are skipped.
            ("a,b\nb,a\nb,c\nc,b\nd,x\nd,d\n", vec![vec![1], vec![2], vec![]]),
            ("a,b\nb,c\nc,d\n", vec![vec![1], vec![2], vec![3]]),
        ] {
            let text = format!("conceptUri,broaderUri\n{pairs}");
            let pairs = read_pairs(("broader.csv", &text), "conceptUri", "broaderUri").unwrap();
            let mut got = acyclic_broader(4, &index, &pairs);
            got.truncate(3);
            assert_eq!(got, expected, "{text}");
        }
    }

    /// Regression (issue 12): a search per cycle made 20,000 skills in a chain, each linking back to the one
    /// below, take 5.4 s; and a skill with 20,000 broader links had each searched for duplicates. One walk now
    /// keeps the chain and drops every link back; this finishes at any size the walk can hold.
    #[test]
    fn long_chains_of_cycles_are_one_walk() {
        let n = 20_000;
        let uris: Vec<String> = (0..n).map(|i| format!("u{i}")).collect();
        let index: HashMap<&str, usize> = uris.iter().enumerate().map(|(i, u)| (u.as_str(), i)).collect();
        let mut text = String::from("conceptUri,broaderUri\n");
        // The chain u0 -> u1 -> ... first, then a link back down at every step, then u0 to everything (repeats).
        (1..n).for_each(|i| text.push_str(&format!("u{},u{i}\n", i - 1)));
        (1..n).for_each(|i| text.push_str(&format!("u{i},u{}\n", i - 1)));
        (1..n).for_each(|i| text.push_str(&format!("u0,u{i}\n")));
        let pairs = read_pairs(("broader.csv", &text), "conceptUri", "broaderUri").unwrap();
        let got = acyclic_broader(n, &index, &pairs);
        assert_eq!(got.len(), n);
        assert_eq!(got[0].len(), n - 1, "u0 keeps its chain link and its links up to everything above");
        assert!(got[0].iter().copied().eq(1..n));
        for (i, up) in got.iter().enumerate().skip(1) {
            let expected: &[usize] = if i + 1 < n { &[i + 1] } else { &[] };
            assert_eq!(up, expected, "u{i} keeps only its link up the chain");
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in ["", "\u{FEFF}", "\n\n", "a", "\"", "conceptUri,preferredLabel,altLabels\n\"", "é,ü\n\u{0}"] {
            let _ = esco(text);
        }
    }
}
