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
//! # ESCO
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
//!   link that would close a cycle is dropped, so that a quirk in the data cannot stop the whole load.
//!
//! ## Alternative labels
//!
//! ESCO's alternative labels (`altLabels`, and the `hiddenLabels` search terms) are noisy: "Mocha" and
//! "Escript" under JavaScript, "Subquery" under SQL, some thirty spreadsheet products under "use spreadsheets
//! software", "enjoy working" under "show commitment", whole definitions under short skills. Each label
//! becomes an alias only through these rules, in this order (the constants name the thresholds):
//!
//! 1. **Paraphrases.** A label of several words is kept only for a knowledge concept whose name is written
//!    with capitals: a tool, language or standard ("MS SQL Server" for "SQL Server", "Cascading Style Sheets"
//!    for "CSS"). Elsewhere ESCO's longer labels paraphrase the name ("enjoy working" for "show commitment",
//!    "stay focused" for "stay alert", "be responsible" for "assume responsibility"), and loose phrase
//!    matching of the name already finds its close variants. On the labelled validation sentences
//!    (`examples/eval_esco.rs`) keeping them all lowers precision from 0.77 to 0.70 on the tech sentences
//!    and from 0.63 to 0.53 on the house ones, for five more correct skills in all (F1 0.518 -> 0.524 and
//!    0.418 -> 0.398); and the 82,000 aliases they bring, against 1,600, make loading ESCO five times
//!    slower (1.0 s against 0.2 s). Precision wins where the two conflict (a false gap costs the user more
//!    than a missed one).
//! 2. Leading alias markers (`!`, `^`, `?`) are stripped from the label text; an empty label is dropped.
//! 3. A label that folds to the skill's own name is dropped (the name matches already).
//! 4. A label with more than [`MAX_EXTRA_WORDS`] words beyond the name's is dropped: it is a paraphrase or a
//!    definition, not a way of naming the skill.
//! 5. **Product lists.** When the name is written in lowercase (a competence such as "use spreadsheets
//!    software") and [`PRODUCT_LIST_MIN`] or more of its labels carry capitals, those capitalised labels are
//!    an enumeration of products, not names of the skill, and are dropped (an initialism of the name stays).
//! 6. A label of at most [`SHORT_LABEL_CHARS`] letters or digits is dropped unless written in capitals; in
//!    capitals ("ML", "UX") it is kept as `^?`: exact case, and only with context. ("C#" is not short.)
//! 7. A label that folds to another skill's name is dropped: it names that skill.
//! 8. **Unrelated words.** A one-word label that is neither a variant of a word of the name (the same stem,
//!    or one contains the other: "Python3", "troubleshooting") nor the name's initialism ("GIS" for
//!    "geographic information systems") is dropped: "Mocha" and "Escript" for JavaScript, "Subquery" for SQL,
//!    "data" for statistics, "transport" for logistics.
//! 9. **Truncations.** A one-word label of a name of several words, which repeats one of those words, is
//!    dropped when that word is ordinary (see rule 10): "computer" for "computer equipment", "lead" and
//!    "leadership" for "lead others". Alone, the word says much less than the skill.
//! 10. **Common words.** A one-word label written as a name, capitalised or in capitals ("Swift", "Chef",
//!     "LESS"; not CamelCase such as "JavaScript"), whose lowercase form is an ordinary word is marked: `^`
//!     (exact case) when written in capitals, else `?` (needs context). A word counts as ordinary when ESCO's
//!     own prose (descriptions, scope notes, definitions) uses it in lowercase at least
//!     [`COMMON_WORD_MIN_USES`] times, or it is one of [`ORDINARY_WORDS`], the few ordinary words that prose
//!     happens not to use. The same rule marks the name itself (with a marked copy of the name, which the
//!     builder applies to the name), and a one-word lowercase skill name that is an ordinary verb ("plan",
//!     "sing") gets `?` too.
//! 11. **Shared labels.** A label that several skills claim gets `?` on each of them.
//! 12. Labels that fold alike are kept once, with the least restrictive markers.
//!
//! Two kinds of alias are derived from the name itself:
//!
//! - **Bare forms.** Parenthesised qualifiers ("Python (computer programming)") are not written in running
//!   text: the bare form ("Python") is added and goes through rules 6, 7, 10, 11 and 12 (rule 11 marks it `?`
//!   when the bare form is ambiguous across skills). Names of at most [`SHORT_LABEL_CHARS`] letters get a
//!   `^?` copy too.
//! - **Subjects (rule 13).** A knowledge name that ends in a generic head ([`GENERIC_HEADS`]: "techniques",
//!   "systems", "principles") or starts with one ("principles of", "types of") is also found without it, if
//!   two words remain ("data warehousing techniques" -> "data warehousing", "principles of artificial
//!   intelligence" -> "artificial intelligence"; a hyphenated word counts its parts: "e-commerce systems" ->
//!   "e-commerce"). So is the object of a skill name that starts with a generic verb (one that starts at
//!   least [`GENERIC_VERB_MIN_SKILLS`] skill names: "implement", "operate", "perform"), without its head:
//!   "implement data warehousing techniques" -> "data warehousing". The object itself ("financial services"
//!   for "offer financial services") is not added: loose phrase matching treats such a verb as optional, and
//!   its 6,700 aliases would make loading ESCO a third slower. Language skills are left alone ("understand
//!   spoken English" is about English). A subject that several skills share names none of them and is
//!   dropped; one that is another skill's name is dropped by rule 7.
//!
//! # O*NET
//!
//! Input: `Technology Skills.txt`, tab-separated with a header row (`O*NET-SOC Code`, `Example`,
//! `Commodity Code`, `Commodity Title`, `Hot Technology`, `In Demand`). The file lists one row per occupation
//! and example; the importer keeps one skill per distinct `Example`, in order of first appearance:
//!
//! - **id** `onet-` followed by a slug of the example (`+` as `plus`, `#` as `sharp`; a numeric suffix keeps
//!   ids unique); **name** the example; **kind** [`Kind::Tool`].
//! - **family** is the slug of the example's Commodity Title (`spreadsheet-software`): the product's category
//!   is more use to a reader than `onet` for all 8,000 of them. When an example appears under several titles,
//!   the most frequent wins, then the first seen.
//! - **hot** is set when any row marks the example as a Hot Technology.
//!
//! Aliases are derived from the name by these rules:
//!
//! 1. A trailing word "software" is stripped: "Slido interaction software" is also "Slido interaction". A
//!    single remaining word gets `?` (it is usually an ordinary word: "Transcription").
//! 2. A trailing acronym whose letters are the initials of the words before it (skipping "of", "and", "for",
//!    "the", "to", "in", "&") gives two aliases: the acronym with `^` (exact case: "ATOP" is also a word) and
//!    the words before it. "Amazon Web Services AWS software" gives "^AWS" and "Amazon Web Services".
//! 3. A vendor prefix is dropped: when the first word is capitalised, is not a generic word, and is followed
//!    by at least [`VENDOR_MIN_PRODUCTS`] different capitalised words across the examples, and the next word
//!    here is capitalised too, the rest of the name is an alias ("Microsoft Excel" gives "?Excel"). A
//!    one-word rest gets `?`, because it is often an ordinary word (Excel, Teams, Notes); a rest made only of
//!    generic words, or of several words starting with one, is dropped ("Chempute Software EstPro"). Generic
//!    words are those of the Commodity Titles and those written in lowercase anywhere in the Example column.
//! 4. An alias that several examples derive (rule 1 to 3) is dropped from all of them, as is one that equals
//!    another example's name.
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

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::error::{Error, ErrorKind};
use crate::normalize::fold as fold_text;
use crate::phrase::stem;
use crate::taxonomy::{Kind, SkillRecord};

/// [`fold_text`] with a fast path for ASCII labels, which are nearly all of them: lowercase, whitespace runs
/// as one space, trimmed. The same result, without the offset map that folding a document builds.
fn fold(label: &str) -> String {
    if !label.is_ascii() {
        return fold_text(label);
    }
    let mut out = String::with_capacity(label.len());
    for word in label.split_ascii_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
    }
    out
}

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

/// Alternative labels may have this many words more than the name (rule 4). Longer labels are definitions
/// ("recognise when movement is being performed in a harmful way" for "correct potentially harmful
/// movements") that loose matching would turn into noise; three extra words still admit a tool's editions
/// ("SQL Server Developer Edition" for "SQL Server").
pub const MAX_EXTRA_WORDS: usize = 3;

/// This many capitalised labels under a lowercase name make them a product list (rule 5). Real variants of a
/// competence rarely carry capitals; "computer programming" lists 70 languages and "use spreadsheets
/// software" 30 products. Below five, capitals are more often acronyms or proper variants.
pub const PRODUCT_LIST_MIN: usize = 5;

/// Labels this short ("ML", "re", "RS") are initialisms or fragments: kept only in capitals, with `^?`.
pub const SHORT_LABEL_CHARS: usize = 2;

/// One lowercase use in ESCO's prose shows a word is ordinary English ("swift", "unity", "canvas", "salt"):
/// product names are capitalised there, so even a single use is telling.
pub const COMMON_WORD_MIN_USES: u32 = 1;

/// Ordinary English words that are also product names in ESCO but that ESCO's prose happens never to use in
/// lowercase, so that the data cannot reveal them (found by reading every capitalised one-word label).
pub const ORDINARY_WORDS: &[&str] = &[
    "chef",
    "confluence",
    "euphoria",
    "groovy",
    "hack",
    "mocha",
    "myrtle",
    "sass",
    "scimitar",
    "selenium",
    "subversion",
    "trojan",
    "vagrant",
    "ceylon",
    "turing",
    "google",
    "yahoo",
];

/// A verb that starts this many skill names is generic (rule 13): it says how, not what ("manage", "operate",
/// "perform", "use", down to "diagnose"); the rest of the name is its subject. Below 25 come verbs that carry
/// the skill themselves ("lead", "draw", "record").
pub const GENERIC_VERB_MIN_SKILLS: usize = 25;

/// Last words that name a kind of knowledge rather than its subject (rule 13): "cloud technologies",
/// "e-commerce systems", "pricing strategies", "data warehousing techniques". "Products", "equipment" and
/// "management" are left out: "dairy products", "medical equipment" and "risk management" name their own
/// thing.
pub const GENERIC_HEADS: &[&str] = &[
    "technology",
    "technologies",
    "systems",
    "system",
    "principles",
    "processes",
    "process",
    "methods",
    "methodologies",
    "techniques",
    "procedures",
    "operations",
    "strategies",
    "strategy",
    "practices",
    "theory",
    "tools",
    "concepts",
    "software",
];

/// First words that do the same before "of": "principles of artificial intelligence", "types of wood".
const GENERIC_LEADS: &[&str] = &["principles", "types", "theory", "methods", "techniques", "concepts", "fundamentals"];

/// Words trimmed from the ends of a subject ("carry out tests" -> "tests"), and not counted as its words.
const SUBJECT_PARTICLES: &[&str] =
    &["out", "up", "on", "with", "to", "in", "for", "of", "the", "a", "an", "and", "or", "about", "into"];

/// A first word followed by this many different capitalised words across O*NET's examples is a vendor
/// ("Microsoft", "Oracle", "Adobe"); one always followed by the same word is the start of a longer name ("Blue
/// Ridge Numerics"). Two would catch chance pairs; three is where the list turns into real vendors.
pub const VENDOR_MIN_PRODUCTS: usize = 3;

/// Longest name (in words) and initialism (in letters) checked for one another.
const MAX_INITIALISM_WORDS: usize = 12;

/// Small words skipped when checking an initialism ("Visual Basic for Applications" is VBA).
const INITIALISM_SKIP: &[&str] = &["of", "and", "for", "the", "to", "in", "&", "on", "with", "a"];

/// Delimiters that betray a file saved with the wrong one.
const DELIMITERS: &[char] = &[',', ';', '\t', '|'];

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

// ---------------------------------------------------------------------------------------------------------
// Reading delimited files.

/// A delimited file with a header row, read row by row with the width checked.
struct Table<'a> {
    source: &'a str,
    reader: csv::Reader<&'a [u8]>,
    header: Vec<String>,
    header_line: u64,
    record: csv::StringRecord,
    line: u64,
    /// Rows may stop early, after the last column that is read: ESCO writes `skillsHierarchy_en.csv` so,
    /// leaving out empty trailing cells. Other files must have every field, so that an unbalanced quote, which
    /// swallows the rest of a row, cannot pass unnoticed.
    ragged: bool,
    /// One past the last column read.
    used: usize,
}

impl<'a> Table<'a> {
    /// Reads the header. Tab-separated files are read without quoting, as O*NET writes them.
    fn open(source: &'a str, text: &'a str, delimiter: u8) -> Result<Table<'a>, Error> {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .quoting(delimiter != b'\t')
            .from_reader(text.as_bytes());
        let mut record = csv::StringRecord::new();
        let found = reader.read_record(&mut record).map_err(|e| csv_error(source, &e))?;
        if !found {
            return Err(
                Error::new(ErrorKind::Header, source, "the file is empty; expected a header row").at(Some(1), None)
            );
        }
        let header_line = record.position().map_or(1, csv::Position::line);
        let header: Vec<String> = record.iter().map(|c| c.trim().to_owned()).collect();
        let expected = delimiter as char;
        if header.len() == 1 {
            if let Some(other) = DELIMITERS.iter().find(|&&d| d != expected && header[0].contains(d)) {
                let name = |c: char| if c == '\t' { "a tab".to_owned() } else { format!("`{c}`") };
                return Err(Error::new(
                    ErrorKind::Header,
                    source,
                    format!(
                        "the columns are separated by {}, but this file must use {}; use the file as downloaded",
                        name(*other),
                        name(expected)
                    ),
                )
                .at(Some(header_line), Some(1)));
            }
        }
        Ok(Table { source, reader, header, header_line, record, line: header_line, ragged: false, used: 0 })
    }

    fn optional(&mut self, name: &str) -> Option<usize> {
        let column = self.header.iter().position(|h| h.eq_ignore_ascii_case(name))?;
        self.used = self.used.max(column + 1);
        Some(column)
    }

    fn column(&mut self, name: &str) -> Result<usize, Error> {
        self.optional(name).ok_or_else(|| {
            Error::new(
                ErrorKind::Header,
                self.source,
                format!("missing column `{name}`; the header has: {}", self.header.join(", ")),
            )
            .at(Some(self.header_line), None)
        })
    }

    /// Reads the next row; `false` at the end.
    fn next_row(&mut self) -> Result<bool, Error> {
        if !self.reader.read_record(&mut self.record).map_err(|e| csv_error(self.source, &e))? {
            return Ok(false);
        }
        self.line = self.record.position().map_or(self.line + 1, csv::Position::line);
        let (width, found) = (self.header.len(), self.record.len());
        if found > width || found < if self.ragged { self.used } else { width } {
            let column = found.min(width) + 1;
            let hint = if found < width {
                "a quote may be unbalanced, or the row cut short"
            } else {
                "quote cells that hold the delimiter"
            };
            return Err(Error::new(
                ErrorKind::Csv,
                self.source,
                format!("expected {width} fields as in the header, found {found}; {hint}"),
            )
            .at(Some(self.line), Some(column as u64)));
        }
        Ok(true)
    }

    fn cell(&self, column: usize) -> &str {
        self.record.get(column).unwrap_or_default().trim()
    }

    /// The cell, which must not be empty.
    fn required(&self, column: usize) -> Result<&str, Error> {
        let cell = self.cell(column);
        if cell.is_empty() {
            let name = self.header.get(column).map_or("", String::as_str);
            return Err(Error::new(ErrorKind::Field, self.source, format!("`{name}` is empty"))
                .at(Some(self.line), Some(column as u64 + 1)));
        }
        Ok(cell)
    }
}

fn csv_error(source: &str, e: &csv::Error) -> Error {
    let line = e.position().map(csv::Position::line);
    Error::new(ErrorKind::Csv, source, format!("malformed row ({e}); check the quoting")).at(line, None)
}

// ---------------------------------------------------------------------------------------------------------
// ESCO.

/// One row of `skills_en.csv`, kept until the other files are read.
struct EscoRow {
    line: u64,
    uri: String,
    name: String,
    knowledge: bool,
    transversal: bool,
    /// Under the language group of the hierarchy.
    language: bool,
    /// Alternative then hidden labels, one per line, as written (split when used: most are dropped).
    labels: String,
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
    for (from, to) in related_rows.iter() {
        if let (Some(&a), Some(&b)) = (index.get(from), index.get(to)) {
            if a != b && !related[a].contains(&b) {
                related[a].push(b);
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
    let ids = |links: &[usize]| -> Vec<String> { links.iter().map(|&j| rows[j].uri.clone()).collect() };
    let related: Vec<Vec<String>> = related.iter().map(|r| ids(r)).collect();
    let broader: Vec<Vec<String>> = broader.iter().map(|b| ids(b)).collect();
    // One family slug per top group, not per skill.
    let families: Vec<String> = tops.tops.iter().map(|t| slug(&strip_parenthetical(&t.label))).collect();

    let mut records = Vec::with_capacity(rows.len());
    let parts = rows.into_iter().zip(aliases).zip(related.into_iter().zip(broader)).zip(top_of);
    for (((row, aliases), (related, broader)), family) in parts {
        let kind = if row.language {
            Kind::Spoken
        } else if row.knowledge {
            Kind::Domain
        } else if row.transversal {
            Kind::Soft
        } else {
            Kind::Method
        };
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
fn split_labels(cell: &str) -> impl Iterator<Item = &str> + '_ {
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
        self.pairs.iter().map(|&(a, b, c)| (&self.text[a..b], &self.text[b..c]))
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
        while at < queue.len() && at < MAX_FAMILY_WALK {
            let node = queue[at];
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

/// Broader skills per row, from the links between two skills, in the relation file's order, without the
/// links that would close a cycle.
fn acyclic_broader(skills: usize, index: &HashMap<&str, usize>, pairs: &Pairs) -> Vec<Vec<usize>> {
    let mut broader: Vec<Vec<usize>> = vec![Vec::new(); skills];
    for (child, parent) in pairs.iter() {
        if let (Some(&i), Some(&j)) = (index.get(child), index.get(parent)) {
            if i != j && !broader[i].contains(&j) && !reaches(&broader, j, i) {
                broader[i].push(j);
            }
        }
    }
    broader
}

/// Whether `to` is reachable from `from` along the broader links so far.
fn reaches(broader: &[Vec<usize>], from: usize, to: usize) -> bool {
    let mut stack = vec![from];
    let mut seen = HashSet::default();
    while let Some(n) = stack.pop() {
        if n == to {
            return true;
        }
        if seen.insert(n) {
            stack.extend(broader[n].iter().copied());
        }
    }
    false
}

/// How strictly an alias matches, least restrictive first (rule 12 keeps the smallest).
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

/// A label that survived the drop rules, before cross-skill rules.
struct Candidate {
    text: String,
    folded: String,
    markers: Markers,
    origin: Origin,
}

/// Where a candidate alias comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    /// The name without its qualifier.
    Bare,
    /// The name without a generic verb or head (rule 13).
    Subject,
    /// An alternative or hidden label.
    Label,
}

/// The alias cells of every row (rules 7 to 12 of the module docs; [`row_candidates`] applies 1 to 6).
fn esco_aliases(rows: &[EscoRow], prose: &str) -> Vec<Vec<String>> {
    let folded_names: Vec<String> = rows.iter().map(|r| fold(&r.name)).collect();
    let names: HashMap<&str, usize> = folded_names.iter().enumerate().map(|(i, f)| (f.as_str(), i)).collect();
    let mut candidates: Vec<Vec<Candidate>> = Vec::with_capacity(rows.len());
    let verbs = generic_verbs(rows);
    for (row, folded) in rows.iter().zip(&folded_names) {
        candidates.push(row_candidates(row, folded, &verbs));
    }
    // The ordinary-word test of rules 9 and 10, over the words it can apply to.
    let mut words: HashSet<String> = HashSet::default();
    for (row, cands) in rows.iter().zip(&candidates) {
        if is_one_word(&row.name) {
            words.insert(row.name.to_lowercase());
        }
        let several_words = !is_one_word(&row.name);
        for c in cands.iter().filter(|c| is_one_word(&c.text)) {
            if is_capitalised_word(&c.text) || (several_words && c.origin == Origin::Label) {
                words.insert(c.text.to_lowercase());
            }
        }
    }
    let common = common_words(&words, prose);
    // Rule 11: how many skills claim each folded label.
    let mut claims: HashMap<&str, u32> = HashMap::default();
    for cands in &candidates {
        let mut own: Vec<&str> = cands.iter().map(|c| c.folded.as_str()).collect();
        own.sort_unstable();
        own.dedup();
        for f in own {
            *claims.entry(f).or_default() += 1;
        }
    }
    let mut out = Vec::with_capacity(rows.len());
    for (i, (row, cands)) in rows.iter().zip(&candidates).enumerate() {
        let name_folded = folded_names[i].as_str();
        // (text, folded, markers); a handful per skill, so a linear search beats a map.
        let mut kept: Vec<(&str, &str, Markers)> = Vec::new();
        if let Some(markers) = name_markers(row, &common) {
            kept.push((row.name.as_str(), name_folded, markers));
        }
        for c in cands {
            // Rule 7.
            if names.get(c.folded.as_str()).is_some_and(|&owner| owner != i) {
                continue;
            }
            let mut markers = c.markers;
            if is_one_word(&c.text) {
                let label = c.origin == Origin::Label;
                let variant = label && is_variant(&c.text, &row.name);
                // Rule 8.
                if label && !variant && !is_initialism(&c.text, &row.name) {
                    continue;
                }
                // Rule 9.
                let lowercase = c.text.to_lowercase();
                if variant && !is_one_word(&row.name) && common.contains(&lowercase) {
                    continue;
                }
                // Rule 10.
                if is_capitalised_word(&c.text) && common.contains(&lowercase) {
                    markers = if c.text.chars().any(char::is_lowercase) {
                        markers.with_context()
                    } else {
                        markers.max(Markers::Case)
                    };
                }
            }
            // Rule 11.
            if claims.get(c.folded.as_str()).copied().unwrap_or(0) > 1 {
                if c.origin == Origin::Subject {
                    continue;
                }
                markers = markers.with_context();
            }
            // Rule 12.
            match kept.iter_mut().find(|k| k.1 == c.folded) {
                Some(k) if k.2 <= markers => {}
                Some(k) => *k = (c.text.as_str(), c.folded.as_str(), markers),
                None => kept.push((c.text.as_str(), c.folded.as_str(), markers)),
            }
        }
        out.push(kept.into_iter().map(|(text, _, markers)| markers.cell(text)).collect());
    }
    out
}

/// Rules 1 to 6 for one row, with the bare form of a qualified name and the subject forms (rule 13).
fn row_candidates(row: &EscoRow, name_folded: &str, verbs: &HashSet<&str>) -> Vec<Candidate> {
    let bare_name = strip_parenthetical(&row.name);
    let name_words = bare_name.split_whitespace().count();
    let lowercase_name = !row.name.chars().any(char::is_uppercase);
    let productish = |label: &str| label.chars().any(char::is_uppercase) && !is_initialism(label, &bare_name);
    let product_list =
        lowercase_name && split_labels(&row.labels).filter(|l| productish(l)).count() >= PRODUCT_LIST_MIN;
    let mut out = Vec::new();
    let mut derived: Vec<(String, Origin)> = Vec::new();
    if bare_name != row.name {
        derived.push((bare_name.clone(), Origin::Bare));
    }
    // "understand spoken English" is about English, not "spoken English".
    if !row.language {
        derived.extend(subject_forms(&bare_name, row.knowledge, verbs).into_iter().map(|s| (s, Origin::Subject)));
    }
    // Rule 1.
    let named_knowledge = row.knowledge && row.name.chars().any(char::is_uppercase);
    let labels = split_labels(&row.labels).filter(|l| named_knowledge || is_one_word(l));
    let all = derived.iter().map(|(t, o)| (t.as_str(), *o)).chain(labels.map(|l| (l, Origin::Label)));
    for (text, origin) in all {
        // Rule 2.
        let text = text.trim_start_matches(['!', '^', '?']).trim();
        let folded = fold(text);
        // Rule 3.
        if folded.is_empty() || folded == name_folded {
            continue;
        }
        // Rule 4.
        if text.split_whitespace().count() > name_words + MAX_EXTRA_WORDS {
            continue;
        }
        // Rule 5.
        if origin == Origin::Label && product_list && productish(text) {
            continue;
        }
        // Rule 6.
        let mut markers = Markers::Plain;
        if text.chars().count() <= SHORT_LABEL_CHARS && text.chars().all(char::is_alphanumeric) {
            if text.chars().any(char::is_lowercase) {
                continue;
            }
            markers = Markers::CaseContext;
        }
        out.push(Candidate { text: text.to_owned(), folded, markers, origin });
    }
    out
}

/// Verbs that start at least [`GENERIC_VERB_MIN_SKILLS`] skill names: "manage", "operate", "perform".
fn generic_verbs(rows: &[EscoRow]) -> HashSet<&str> {
    let mut counts: HashMap<&str, usize> = HashMap::default();
    for row in rows.iter().filter(|r| !r.knowledge) {
        let mut words = row.name.split_whitespace();
        if let (Some(first), Some(_)) = (words.next(), words.next()) {
            *counts.entry(first).or_default() += 1;
        }
    }
    counts.into_iter().filter(|&(_, n)| n >= GENERIC_VERB_MIN_SKILLS).map(|(w, _)| w).collect()
}

/// The subject of a name (rule 13): without a generic verb ("offer financial services" -> "financial
/// services") and without a generic head ("cloud technologies" -> "cloud", "principles of artificial
/// intelligence" -> "artificial intelligence"), one after the other.
fn subject_forms(name: &str, knowledge: bool, verbs: &HashSet<&str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let words: Vec<&str> = name.split_whitespace().collect();
    // Words of a subject, a hyphenated compound counting its parts: "e-commerce" says as much as "online
    // commerce".
    let content = |ws: &[&str]| {
        ws.iter()
            .filter(|w| !SUBJECT_PARTICLES.contains(w))
            .map(|w| w.split('-').filter(|p| !p.is_empty()).count())
            .sum::<usize>()
    };
    let mut object: &[&str] = &words;
    let mut verb_dropped = false;
    if words.len() >= 3 && verbs.contains(words[0]) {
        let mut rest = &words[1..];
        while rest.first().is_some_and(|w| SUBJECT_PARTICLES.contains(w)) {
            rest = &rest[1..];
        }
        if content(rest) >= 2 {
            object = rest;
            verb_dropped = true;
        }
    }
    // A skill's name starts with its verb; only its object, or a knowledge name, has a head to drop.
    if !knowledge && !verb_dropped {
        return out;
    }
    let lead = object.len() > 2 && object[1] == "of" && GENERIC_LEADS.contains(&object[0]);
    let subject = match object.split_last() {
        _ if lead => Some(&object[2..]),
        Some((last, rest)) if !rest.is_empty() && GENERIC_HEADS.contains(last) => Some(rest),
        _ => None,
    };
    if let Some(subject) = subject {
        let subject: Vec<&str> = subject.iter().copied().skip_while(|w| SUBJECT_PARTICLES.contains(w)).collect();
        let trimmed =
            subject.iter().rposition(|w| !SUBJECT_PARTICLES.contains(w)).map_or(&subject[..0], |e| &subject[..=e]);
        if content(trimmed) >= 2 {
            out.push(trimmed.join(" "));
        }
    }
    out
}

/// The markers the name itself needs (rules 6 and 10), if any.
fn name_markers(row: &EscoRow, common: &HashSet<String>) -> Option<Markers> {
    let name = row.name.as_str();
    if name.chars().count() <= SHORT_LABEL_CHARS && name.chars().all(char::is_alphanumeric) {
        return Some(Markers::CaseContext);
    }
    // A bare verb ("plan", "sing", "swim") names a skill only in context.
    if !row.knowledge && is_one_word(name) && !name.chars().any(char::is_uppercase) && common.contains(name) {
        return Some(Markers::Context);
    }
    if is_capitalised_word(name) && common.contains(&name.to_lowercase()) {
        return Some(if name.chars().any(char::is_lowercase) { Markers::Context } else { Markers::Case });
    }
    None
}

/// Which of `words` (lowercase) ESCO's prose uses in lowercase, plus [`ORDINARY_WORDS`].
fn common_words(words: &HashSet<String>, text: &str) -> HashSet<String> {
    // Only tokens whose first two letters start some candidate are hashed: most of the prose is skipped cheaply.
    let mut starts = [[false; 26]; 26];
    for w in words {
        let b = w.as_bytes();
        if b.len() >= 2 && b[0].is_ascii_lowercase() && b[1].is_ascii_lowercase() {
            starts[(b[0] - b'a') as usize][(b[1] - b'a') as usize] = true;
        }
    }
    let mut uses: HashMap<&str, u32> = HashMap::default();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        let mut lowercase = true;
        while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
            lowercase &= bytes[i].is_ascii_lowercase();
            i += 1;
        }
        let token = &bytes[start..i];
        if lowercase && token.len() >= 2 && starts[(token[0] - b'a') as usize][(token[1] - b'a') as usize] {
            if let Some(w) = words.get(&text[start..i]) {
                *uses.entry(w.as_str()).or_default() += 1;
            }
        }
    }
    let mut common: HashSet<String> =
        uses.into_iter().filter(|&(_, n)| n >= COMMON_WORD_MIN_USES).map(|(w, _)| w.to_owned()).collect();
    common.extend(ORDINARY_WORDS.iter().map(|w| (*w).to_owned()));
    common
}

fn is_one_word(text: &str) -> bool {
    !text.contains(char::is_whitespace)
}

/// One word written as a name: capitalised ("Swift") or in capitals ("LESS"), not CamelCase ("JavaScript"),
/// which no ordinary word is.
fn is_capitalised_word(text: &str) -> bool {
    let mut chars = text.chars();
    let Some(first) = chars.next() else { return false };
    let rest = chars.as_str();
    first.is_uppercase()
        && text.chars().all(char::is_alphabetic)
        && (rest.chars().all(char::is_lowercase) || rest.chars().all(char::is_uppercase))
}

/// Whether a one-word `label` is a variant of a word of `name` (rule 8): the same stem, or one contains the
/// other ("Python3" and "Python", "troubleshooting" and "troubleshoot").
fn is_variant(label: &str, name: &str) -> bool {
    let label = label.to_lowercase();
    let label_stem = stem(&label);
    strip_parenthetical(name)
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= MIN_CONTAINED_CHARS)
        .any(|w| stem(w) == label_stem || label.contains(w) || w.contains(label.as_str()))
}

/// Words shorter than this are not looked for inside another ("a", "of", "it").
const MIN_CONTAINED_CHARS: usize = 3;

/// Whether `label` spells the initials of `name`'s words ("GIS", "ICs", "VBA"), small words optional.
fn is_initialism(label: &str, name: &str) -> bool {
    let letters: Vec<char> =
        label.trim_end_matches('s').chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
    if letters.len() < 2 || label.chars().any(char::is_whitespace) {
        return false;
    }
    let words: Vec<String> = strip_parenthetical(name)
        .split(|c: char| c.is_whitespace() || c == '-' || c == '/')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    initials_match(&letters, &words)
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
            let bare = name[..open].trim();
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

// ---------------------------------------------------------------------------------------------------------
// O*NET.

/// One distinct example while the file is read.
struct OnetExample {
    name: String,
    line: u64,
    /// Commodity titles with their row counts, in order of first appearance.
    titles: Vec<(String, u32)>,
    hot: bool,
}

/// Reads O*NET's `Technology Skills.txt` into records, one per distinct example (see the module docs).
pub fn onet_records(source_name: &str, text: &str) -> Result<Vec<SkillRecord>, Error> {
    let mut table = Table::open(source_name, text, b'\t')?;
    let example = table.column("Example")?;
    let title = table.column("Commodity Title")?;
    let hot = table.column("Hot Technology")?;
    let mut examples: Vec<OnetExample> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::default();
    while table.next_row()? {
        let name = table.required(example)?;
        let commodity = table.cell(title);
        let is_hot = match table.cell(hot) {
            "Y" | "y" => true,
            "N" | "n" | "" => false,
            other => {
                return Err(Error::new(
                    ErrorKind::Field,
                    source_name,
                    format!("`Hot Technology` must be Y or N, found `{other}`"),
                )
                .at(Some(table.line), Some(hot as u64 + 1)))
            }
        };
        let i = match by_name.get(name) {
            Some(&i) => i,
            None => {
                by_name.insert(name.to_owned(), examples.len());
                examples.push(OnetExample { name: name.to_owned(), line: table.line, titles: Vec::new(), hot: false });
                examples.len() - 1
            }
        };
        let entry = &mut examples[i];
        entry.hot |= is_hot;
        if !commodity.is_empty() {
            match entry.titles.iter_mut().find(|(t, _)| t == commodity) {
                Some((_, n)) => *n += 1,
                None => entry.titles.push((commodity.to_owned(), 1)),
            }
        }
    }
    let aliases = onet_aliases(&examples);
    let mut ids: HashSet<String> = HashSet::default();
    let mut records = Vec::with_capacity(examples.len());
    for (e, aliases) in examples.into_iter().zip(aliases) {
        let base = format!("onet-{}", slug(&e.name));
        let mut id = base.clone();
        let mut n = 2;
        while !ids.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        // The most frequent title; `max_by_key` keeps the last of equals, so search from the back.
        let family = e.titles.iter().rev().max_by_key(|(_, n)| *n).map_or_else(|| "onet".to_owned(), |(t, _)| slug(t));
        records.push(SkillRecord {
            id,
            name: e.name,
            family,
            kind: Some(Kind::Tool),
            aliases,
            related: Vec::new(),
            broader: Vec::new(),
            hot: e.hot,
            line: e.line,
        });
    }
    Ok(records)
}

/// The aliases of every example (O*NET rules 1 to 4).
fn onet_aliases(examples: &[OnetExample]) -> Vec<Vec<String>> {
    let mut generic: HashSet<String> = HashSet::default();
    for e in examples {
        for (t, _) in &e.titles {
            generic.extend(t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase));
        }
        generic.extend(e.name.split_whitespace().filter(|w| !w.chars().any(char::is_uppercase)).map(fold));
    }
    // First word -> the distinct capitalised words that follow it: "Microsoft" -> Excel, Word, Visual, ...;
    // "Blue" -> only Ridge, since the vendor there is "Blue Ridge Numerics".
    let mut starts: HashMap<&str, HashSet<&str>> = HashMap::default();
    for e in examples {
        let mut words = e.name.split_whitespace();
        if let (Some(first), Some(second)) = (words.next(), words.next()) {
            if second.chars().next().is_some_and(char::is_uppercase) {
                starts.entry(first).or_default().insert(second);
            }
        }
    }
    let is_vendor = |w: &str| {
        starts.get(w).map_or(0, HashSet::len) >= VENDOR_MIN_PRODUCTS
            && w.chars().next().is_some_and(char::is_uppercase)
            && !generic.contains(&fold(w))
    };
    let derived: Vec<Vec<(String, Markers)>> =
        examples.iter().map(|e| derive_onet(&e.name, &is_vendor, &generic)).collect();
    let names: HashSet<String> = examples.iter().map(|e| fold(&e.name)).collect();
    let mut claims: HashMap<String, u32> = HashMap::default();
    for aliases in &derived {
        let mut own: Vec<String> = aliases.iter().map(|(a, _)| fold(a)).collect();
        own.sort_unstable();
        own.dedup();
        for a in own {
            *claims.entry(a).or_default() += 1;
        }
    }
    derived
        .into_iter()
        .map(|aliases| {
            aliases
                .into_iter()
                .filter(|(a, _)| {
                    let f = fold(a);
                    claims.get(&f).copied().unwrap_or(0) == 1 && !names.contains(&f)
                })
                .map(|(a, m)| m.cell(&a))
                .collect()
        })
        .collect()
}

/// Rules 1 to 3 for one example name.
fn derive_onet(name: &str, is_vendor: &dyn Fn(&str) -> bool, generic: &HashSet<String>) -> Vec<(String, Markers)> {
    let mut out: Vec<(String, Markers)> = Vec::new();
    let push = |text: &str, markers: Markers, out: &mut Vec<(String, Markers)>| {
        let text = text.trim().trim_start_matches(['!', '^', '?']).trim();
        if !text.is_empty() && fold(text) != fold(name) && !out.iter().any(|(a, _)| fold(a) == fold(text)) {
            out.push((text.to_owned(), markers));
        }
    };
    let mut words: Vec<&str> = name.split_whitespace().collect();
    // Rule 1.
    if words.len() > 1 && words.last().is_some_and(|w| w.eq_ignore_ascii_case("software")) {
        words.pop();
        let markers = if words.len() == 1 { Markers::Context } else { Markers::Plain };
        push(&words.join(" "), markers, &mut out);
    }
    // Rule 2.
    if let Some((&last, before)) = words.split_last() {
        let is_acronym = last.chars().filter(char::is_ascii_alphabetic).count() >= 2
            && last.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        if is_acronym && !before.is_empty() {
            let letters: Vec<char> =
                last.chars().filter(char::is_ascii_alphabetic).map(|c| c.to_ascii_lowercase()).collect();
            let lower: Vec<String> = before.iter().map(|w| w.to_lowercase()).collect();
            // The initials of the last few words before the acronym.
            let matches = (0..lower.len()).any(|from| initials_match(&letters, &lower[from..]));
            if matches {
                push(last, Markers::Case, &mut out);
                push(&before.join(" "), Markers::Plain, &mut out);
                words.pop();
            }
        }
    }
    // Rule 3.
    if words.len() > 1 && is_vendor(words[0]) && words[1].chars().next().is_some_and(char::is_uppercase) {
        let rest = &words[1..];
        let all_generic = rest.iter().all(|w| generic.contains(&fold(w)));
        // "Chempute Software EstPro" is not "Software EstPro".
        let generic_start = generic.contains(&fold(rest[0])) && rest.len() > 1;
        if !all_generic && !generic_start && rest.join(" ").chars().count() > SHORT_LABEL_CHARS {
            let markers = if rest.len() == 1 { Markers::Context } else { Markers::Plain };
            push(&rest.join(" "), markers, &mut out);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SKILLS_HEAD: &str =
        "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,description\n";

    fn esco(skills: &str) -> Result<Vec<SkillRecord>, Error> {
        esco_records(&EscoFiles::new(("skills.csv", skills)))
    }

    fn aliases_of<'r>(records: &'r [SkillRecord], name: &str) -> &'r [String] {
        records.iter().find(|r| r.name == name).map_or(&[], |r| r.aliases.as_slice())
    }

    struct AliasCase {
        name: &'static str,
        rows: &'static str,
        skill: &'static str,
        expected: &'static [&'static str],
    }

    const ALIAS_CASES: &[AliasCase] = &[
        AliasCase {
            name: "qualifier gives a bare form",
            rows: "K,u:1,knowledge,sector-specific,Python (computer programming),\"Python3\nPy3K\",,\n",
            skill: "Python (computer programming)",
            expected: &["Python", "Python3"],
        },
        AliasCase {
            name: "another skill's name is dropped (rule 7)",
            rows: "K,u:1,knowledge,x,JavaScript,\"Java\nClient-side JavaScript\",,\nK,u:2,knowledge,x,Java,,,\n",
            skill: "JavaScript",
            expected: &["Client-side JavaScript"],
        },
        AliasCase {
            name: "unrelated one-word label is dropped (rule 8)",
            rows: "K,u:1,knowledge,x,SQL,\"Subquery\nSEQUEL\nStructured Query Language\",,\n",
            skill: "SQL",
            expected: &["Structured Query Language"],
        },
        AliasCase {
            name: "paraphrases of a competence are dropped (rule 1)",
            rows: "S,u:1,skill/competence,x,show commitment,\"enjoy working\ncommitment\",,\n",
            skill: "show commitment",
            expected: &["commitment"],
        },
        AliasCase {
            name: "a named tool keeps its labels, not the overlong ones (rules 1, 4)",
            rows: "K,u:1,knowledge,x,SQL Server,\"MS SQL Server\nSQL Server 2012\nSQL Server edition for small and large teams\",,\n",
            skill: "SQL Server",
            expected: &["MS SQL Server", "SQL Server 2012"],
        },
        AliasCase {
            name: "truncation to an ordinary word is dropped (rule 9)",
            rows: "K,u:1,knowledge,x,computer equipment,\"computer\ncomputing\",,a computer\nK,u:2,knowledge,x,Apache Maven,Maven,,\n",
            skill: "computer equipment",
            expected: &["computing"],
        },
        AliasCase {
            name: "truncation to a name is kept (rule 9)",
            rows: "K,u:1,knowledge,x,computer equipment,\"computer\ncomputer devices\",,a computer\nK,u:2,knowledge,x,Apache Maven,Maven,,\n",
            skill: "Apache Maven",
            expected: &["Maven"],
        },
        AliasCase {
            name: "product list under a lowercase name (rule 5)",
            rows: "K,u:1,knowledge,x,spreadsheet software,\"spreadsheets\nSpreadsheet2000\nSpreadsheetPro\nSpreadsheetMax\nSoftwareCalc\nSpreadsheets\",,\n",
            skill: "spreadsheet software",
            expected: &["spreadsheets"],
        },
        AliasCase {
            name: "too long and too short (rules 4 and 6)",
            rows: "S,u:1,skill/competence,x,machine learning,\"ML\nml\nthe study of algorithms that improve automatically through experience\",,\n",
            skill: "machine learning",
            expected: &["^?ML"],
        },
        AliasCase {
            name: "common word in capitals (rule 10)",
            rows: "K,u:1,knowledge,x,Swift (computer programming),Swift,,a swift answer\nK,u:2,knowledge,x,LESS,,,less is more\n",
            skill: "Swift (computer programming)",
            expected: &["?Swift"],
        },
        AliasCase {
            name: "common all-caps name gets an exact-case copy (rule 10)",
            rows: "K,u:1,knowledge,x,LESS,,,less is more\n",
            skill: "LESS",
            expected: &["^LESS"],
        },
        AliasCase {
            name: "ordinary word the prose lacks (rule 10)",
            rows: "K,u:1,knowledge,x,Chef (tools for software configuration management),Chef,,\n",
            skill: "Chef (tools for software configuration management)",
            expected: &["?Chef"],
        },
        AliasCase {
            name: "shared label needs context on both (rule 11)",
            rows: "K,u:1,knowledge,x,Oracle Database,Oracle DB,,\nK,u:2,knowledge,x,Oracle Data Integrator,Oracle DB,,\n",
            skill: "Oracle Data Integrator",
            expected: &["?Oracle DB"],
        },
        AliasCase {
            name: "initialism stays; markers stripped; duplicates kept once (rules 2, 8, 12)",
            rows: "K,u:1,knowledge,x,geographic information science,\"GIS\ngis\n^?GPS\n^GIS mapping\",,\n",
            skill: "geographic information science",
            expected: &["GIS"],
        },
        AliasCase {
            name: "CamelCase is never an ordinary word (rule 10)",
            rows: "K,u:1,knowledge,x,JavaScript,,,javascript is written here in lowercase\n",
            skill: "JavaScript",
            expected: &[],
        },
    ];

    #[test]
    fn alias_rules() {
        for case in ALIAS_CASES {
            let records = esco(&format!("{SKILLS_HEAD}{}", case.rows)).unwrap();
            assert_eq!(aliases_of(&records, case.skill), case.expected, "{}", case.name);
        }
    }

    #[test]
    fn subject_forms_rule_12() {
        let verbs: HashSet<&str> = ["offer", "carry", "operate", "implement"].into_iter().collect();
        for (name, knowledge, expected) in [
            // The object alone is left to loose phrase matching, which treats a generic verb as optional.
            ("offer financial services", false, &[][..]),
            ("carry out quality audits", false, &[]),
            ("operate open source software", false, &["open source"]),
            ("implement data warehousing techniques", false, &["data warehousing"]),
            ("offer advice", false, &[]),
            ("use spreadsheets software", false, &[]),
            ("cloud technologies", true, &[]),
            ("e-commerce systems", true, &["e-commerce"]),
            ("data warehousing techniques", true, &["data warehousing"]),
            ("principles of artificial intelligence", true, &["artificial intelligence"]),
            ("types of wood", true, &[]),
        ] {
            assert_eq!(subject_forms(name, knowledge, &verbs), expected, "{name}");
        }
    }

    #[test]
    fn generic_verbs_are_counted() {
        let rows: Vec<EscoRow> = (0..GENERIC_VERB_MIN_SKILLS + 1)
            .map(|i| EscoRow {
                line: i as u64,
                uri: format!("u:{i}"),
                name: if i < GENERIC_VERB_MIN_SKILLS { format!("manage thing {i}") } else { "lead others".into() },
                knowledge: false,
                transversal: false,
                language: false,
                labels: String::new(),
            })
            .collect();
        assert_eq!(generic_verbs(&rows).into_iter().collect::<Vec<_>>(), ["manage"]);
    }

    #[test]
    fn initialisms() {
        for (label, name, expected) in [
            ("GIS", "geographic information systems", true),
            ("ICs", "integrated circuits", true),
            ("VBA", "Visual Basic for Applications", true),
            ("GPS", "geographic information systems", false),
            ("G", "geographic", false),
        ] {
            assert_eq!(is_initialism(label, name), expected, "{label} / {name}");
        }
        // A crafted name of many skippable words must not take exponential time.
        assert!(!is_initialism(&"A".repeat(40), &"a ".repeat(400)));
    }

    #[test]
    fn fast_fold_agrees_with_fold() {
        for label in
            ["  Python (Computer  Programming) ", "C++\tand C#", "Node.js\r\nCI/CD", "", "  ", "Résumé", "a\u{00A0}b"]
        {
            assert_eq!(fold(label), fold_text(label), "{label:?}");
        }
    }

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
        assert_eq!(records[4].broader, ["u:m"], "a link to a skill is a broader skill");
        assert!(m.broader.is_empty(), "the later link, which would close a cycle, is dropped");
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

    const ONET_HEAD: &str = "O*NET-SOC Code\tExample\tCommodity Code\tCommodity Title\tHot Technology\tIn Demand\n";

    #[test]
    fn onet_aliases_and_fields() {
        let text = format!(
            "{ONET_HEAD}1\tMicrosoft Excel\t1\tSpreadsheet software\tY\tN\n2\tMicrosoft Excel\t1\tSpreadsheet software\tN\tN\n\
             1\tMicrosoft Word\t2\tWord processing software\tN\tN\n1\tMicrosoft Visual Basic for Applications VBA\t3\tDevelopment environment software\tN\tN\n\
             1\tAmazon Web Services AWS software\t4\tPlatform interconnectivity software\tY\tN\n1\tTranscription software\t5\tWord processing software\tN\tN\n\
             1\tC++\t3\tObject or component oriented development software\tN\tN\n1\tC#\t3\tObject or component oriented development software\tN\tN\n"
        );
        let records = onet_records("tech.txt", &text).unwrap();
        let got: Vec<(&str, &str, &[String], bool)> =
            records.iter().map(|r| (r.id.as_str(), r.family.as_str(), r.aliases.as_slice(), r.hot)).collect();
        let strings = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        let expected = [
            ("onet-microsoft-excel", "spreadsheet-software", strings(&["?Excel"]), true),
            ("onet-microsoft-word", "word-processing-software", strings(&[]), false),
            (
                "onet-microsoft-visual-basic-for-applications-vba",
                "development-environment-software",
                strings(&["^VBA", "Microsoft Visual Basic for Applications", "Visual Basic for Applications"]),
                false,
            ),
            (
                "onet-amazon-web-services-aws-software",
                "platform-interconnectivity-software",
                strings(&["Amazon Web Services AWS", "^AWS", "Amazon Web Services"]),
                true,
            ),
            ("onet-transcription-software", "word-processing-software", strings(&["?Transcription"]), false),
            ("onet-c-plus-plus", "object-or-component-oriented-development-software", strings(&[]), false),
            ("onet-c-sharp", "object-or-component-oriented-development-software", strings(&[]), false),
        ];
        assert_eq!(got.len(), expected.len());
        for (g, e) in got.iter().zip(&expected) {
            assert_eq!((g.0, g.1, g.2, g.3), (e.0, e.1, e.2.as_slice(), e.3));
        }
        assert!(records.iter().all(|r| r.kind == Some(Kind::Tool)));
        assert_eq!(records[1].line, 4);
    }

    #[test]
    fn onet_errors() {
        let e = onet_records("tech.txt", &format!("{ONET_HEAD}1\tExcel\t1\n")).unwrap_err();
        assert_eq!((e.kind(), e.line(), e.column()), (ErrorKind::Csv, Some(2), Some(4)));
        let e = onet_records("tech.txt", "O*NET-SOC Code,Example,Commodity Title,Hot Technology\n").unwrap_err();
        assert_eq!((e.kind(), e.line(), e.column()), (ErrorKind::Header, Some(1), Some(1)));
        assert!(e.message().contains("tab"), "{e}");
        let e = onet_records("tech.txt", "Example\tHot Technology\n").unwrap_err();
        assert!(e.message().contains("Commodity Title"), "{e}");
        let e =
            onet_records("tech.txt", &format!("{ONET_HEAD}1\tExcel\t1\tSpreadsheet software\tmaybe\tN\n")).unwrap_err();
        assert_eq!((e.kind(), e.line(), e.column()), (ErrorKind::Field, Some(2), Some(5)));
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in ["", "\u{FEFF}", "\n\n", "a", "\"", "conceptUri,preferredLabel,altLabels\n\"", "é,ü\n\u{0}"] {
            let _ = esco(text);
            let _ = onet_records("t", text);
        }
    }
}
