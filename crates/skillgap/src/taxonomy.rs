//! The taxonomy: canonical skills with ids, names, categories, aliases and relations, loaded from CSV layers.
//!
//! The CSV format is documented in `docs/TAXONOMY_FORMAT.md` and in the README. The built-in taxonomy is a set
//! of such files, one per job family, embedded in the crate.

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::fmt;

use serde::Serialize;

use crate::error::{Error, ErrorKind};
use crate::normalize::fold;
use alias_keys::AliasKeys;

mod alias_keys;
mod builtin;
mod lineage;

/// The columns every taxonomy CSV starts with, in this order.
pub const HEADER: [&str; 7] = ["id", "name", "family", "kind", "aliases", "related", "broader"];

/// The built-in taxonomy: one CSV per job family, embedded at compile time.
pub const BUILTIN: &[(&str, &str)] = &[
    ("banking", include_str!("../data/taxonomy/banking.csv")),
    ("cloud", include_str!("../data/taxonomy/cloud.csv")),
    ("construction", include_str!("../data/taxonomy/construction.csv")),
    ("customer", include_str!("../data/taxonomy/customer.csv")),
    ("data", include_str!("../data/taxonomy/data.csv")),
    ("design", include_str!("../data/taxonomy/design.csv")),
    ("education", include_str!("../data/taxonomy/education.csv")),
    ("engineering", include_str!("../data/taxonomy/engineering.csv")),
    ("finance", include_str!("../data/taxonomy/finance.csv")),
    ("general", include_str!("../data/taxonomy/general.csv")),
    ("healthcare", include_str!("../data/taxonomy/healthcare.csv")),
    ("hospitality", include_str!("../data/taxonomy/hospitality.csv")),
    ("hr", include_str!("../data/taxonomy/hr.csv")),
    ("it", include_str!("../data/taxonomy/it.csv")),
    ("legal", include_str!("../data/taxonomy/legal.csv")),
    ("marketing", include_str!("../data/taxonomy/marketing.csv")),
    ("media", include_str!("../data/taxonomy/media.csv")),
    ("pharma", include_str!("../data/taxonomy/pharma.csv")),
    ("product", include_str!("../data/taxonomy/product.csv")),
    ("sales", include_str!("../data/taxonomy/sales.csv")),
    ("security", include_str!("../data/taxonomy/security.csv")),
    ("software", include_str!("../data/taxonomy/software.csv")),
    ("supply-chain", include_str!("../data/taxonomy/supply-chain.csv")),
];

/// The index of a skill inside one [`Taxonomy`]. Only meaningful for the taxonomy that produced it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SkillIdx(pub(crate) u32);

impl SkillIdx {
    /// The position of the skill in [`Taxonomy::skills`].
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// What sort of skill this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Software, equipment or a named product.
    Tool,
    /// A programming or query language.
    Language,
    /// A framework or library.
    Framework,
    /// A method or practice (Scrum, TDD, Six Sigma).
    Method,
    /// A field of knowledge or practice (accounting, wound care).
    Domain,
    /// A soft skill.
    Soft,
    /// A certification or licence.
    Certification,
    /// A degree or field of study.
    Degree,
    /// A spoken language.
    Spoken,
}

impl Kind {
    /// Every kind, in order.
    pub const ALL: [Kind; 9] = [
        Kind::Tool,
        Kind::Language,
        Kind::Framework,
        Kind::Method,
        Kind::Domain,
        Kind::Soft,
        Kind::Certification,
        Kind::Degree,
        Kind::Spoken,
    ];

    /// The name used in CSV files and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Tool => "tool",
            Kind::Language => "language",
            Kind::Framework => "framework",
            Kind::Method => "method",
            Kind::Domain => "domain",
            Kind::Soft => "soft",
            Kind::Certification => "certification",
            Kind::Degree => "degree",
            Kind::Spoken => "spoken",
        }
    }

    fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether an alias matches in any letter case or only as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CaseRule {
    /// Any case (the default).
    Insensitive,
    /// Only exactly as written (`^IT`, `^Go`): the lowercase form is an ordinary word.
    Exact,
}

/// Whether an alias stands on its own or needs context to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ContextRule {
    /// Always a skill (the default).
    Free,
    /// Also an ordinary word (`?Excel`, `?Lead`, `?design`): counts only in a skills list, after a cue such as
    /// "experience with", or beside other skills.
    Needed,
}

/// One way of writing a skill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    /// The alias as written in the taxonomy.
    pub text: String,
    /// The letter-case rule.
    pub case: CaseRule,
    /// The context rule.
    pub context: ContextRule,
}

impl Alias {
    /// Parses one alias cell entry with its markers (`^`, `?`).
    fn parse(raw: &str) -> Alias {
        let mut case = CaseRule::Insensitive;
        let mut context = ContextRule::Free;
        let mut text = raw.trim();
        loop {
            if let Some(rest) = text.strip_prefix('^') {
                case = CaseRule::Exact;
                text = rest;
            } else if let Some(rest) = text.strip_prefix('?') {
                context = ContextRule::Needed;
                text = rest;
            } else {
                break;
            }
        }
        Alias { text: text.trim().to_owned(), case, context }
    }

    /// The alias with its markers, as written in a CSV cell.
    pub fn to_cell(&self) -> String {
        let mut out = String::new();
        if self.case == CaseRule::Exact {
            out.push('^');
        }
        if self.context == ContextRule::Needed {
            out.push('?');
        }
        out.push_str(&self.text);
        out
    }

    /// Whether the alias needs neither exact case nor context.
    pub fn is_plain(&self) -> bool {
        self.case == CaseRule::Insensitive && self.context == ContextRule::Free
    }
}

/// A canonical skill.
#[derive(Debug, Clone)]
pub struct Skill {
    /// The stable id.
    pub id: String,
    /// The display name.
    pub name: String,
    /// The job family (`software`, `healthcare`, ..., `general`).
    pub family: String,
    /// The kind.
    pub kind: Kind,
    /// Every alias, the display name first.
    pub aliases: Vec<Alias>,
    /// Related skills: transferable, worth partial credit.
    pub related: Vec<SkillIdx>,
    /// Broader skills (React -> JavaScript).
    pub broader: Vec<SkillIdx>,
    /// The layer the skill came from (`builtin:software`, a file name).
    pub layer: String,
    /// Whether a source flags the skill as in high demand (O*NET's "Hot Technology"). Informational: shown by
    /// `skillgap taxonomy show`, not used in matching or scoring.
    pub hot: bool,
}

/// Where an alias leads: a skill and which of its aliases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AliasRef {
    /// The skill.
    pub skill: SkillIdx,
    /// The position in [`Skill::aliases`]; 0 is the display name.
    pub alias: u32,
}

/// A loaded, validated taxonomy. Cheap to share between threads.
///
/// Load the built-in one, look up an alias, and add a layer of your own on top:
///
/// ```
/// use skillgap::{CaseRule, ContextRule, Taxonomy};
///
/// let builtin = Taxonomy::builtin();
/// let k8s = builtin.lookup_alias("K8s");
/// assert_eq!(builtin.skill(k8s[0].skill).id, "kubernetes");
/// // "Go" is also an ordinary word: it matches only as written, and only with context.
/// let go = builtin.lookup_alias("go").iter().map(|a| builtin.alias(*a)).find(|a| a.text == "Go").unwrap();
/// assert_eq!((go.case, go.context), (CaseRule::Exact, ContextRule::Needed));
///
/// let layer = "id,name,family,kind,aliases,related,broader\n\
///     kubernetes,,,,Kubernetes engine,,\n\
///     acme-deploy,Acme Deploy,cloud,tool,acmedeploy,,kubernetes\n";
/// let mut builder = Taxonomy::builder();
/// builder.add_builtin().add_csv("mine.csv", layer)?;
/// let mine = builder.build()?;
/// assert_eq!(mine.len(), builtin.len() + 1);
/// let acme = mine.get("acme-deploy").unwrap();
/// assert_eq!(mine.skill(acme).broader, [mine.get("kubernetes").unwrap()]);
/// assert_eq!(mine.lookup_alias("kubernetes engine")[0].skill, mine.get("kubernetes").unwrap());
///
/// // A taxonomy writes itself back as a layer that loads to the same skills, markers and all.
/// let mut again = Taxonomy::builder();
/// again.add_csv("export.csv", &mine.to_csv())?;
/// assert_eq!(again.build()?.len(), mine.len());
/// # Ok::<(), skillgap::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Taxonomy {
    skills: Vec<Skill>,
    /// Id -> skill. Keys are borrowed from the precomputed built-in form when they come from it, so that a start
    /// allocates nothing per id or alias key (38,000 allocations, a tenth of a start's instructions).
    by_id: HashMap<Cow<'static, str>, SkillIdx>,
    /// Folded alias text -> every alias with that folded form, in skill order.
    by_alias: AliasKeys,
    /// Each skill's narrower skills, in taxonomy order: built on first use, since only comparison asks, for every
    /// gap (a scan of the whole taxonomy per question cost more than the rest of a comparison).
    narrower: std::sync::OnceLock<Vec<Vec<SkillIdx>>>,
    /// Each skill's broader skills at any distance, for [`Taxonomy::is_under`]: built on first use, like `narrower`.
    lineage: std::sync::OnceLock<lineage::Lineage>,
}

/// The aliases behind one folded key. Nearly every key has one, kept inline: a `Vec` per key was 25,000
/// allocations at every start.
#[derive(Debug, Clone, PartialEq, Eq)]
enum AliasRefs {
    One(AliasRef),
    Many(Vec<AliasRef>),
}

impl AliasRefs {
    fn push(&mut self, alias: AliasRef) {
        match self {
            AliasRefs::One(first) => *self = AliasRefs::Many(vec![*first, alias]),
            AliasRefs::Many(refs) => refs.push(alias),
        }
    }

    fn as_slice(&self) -> &[AliasRef] {
        match self {
            AliasRefs::One(alias) => std::slice::from_ref(alias),
            AliasRefs::Many(refs) => refs,
        }
    }
}

/// Skills seen on a walk up the broader links: a short list while the walk is short (as nearly every one is, with
/// no allocation to speak of), a hash set once it is long, so that a crafted chain of links costs linear time.
#[derive(Default)]
struct Seen {
    few: Vec<SkillIdx>,
    many: rustc_hash::FxHashSet<SkillIdx>,
}

impl Seen {
    /// Past this many skills the list becomes a set.
    const FEW: usize = 32;

    fn contains(&self, idx: SkillIdx) -> bool {
        if self.many.is_empty() {
            self.few.contains(&idx)
        } else {
            self.many.contains(&idx)
        }
    }

    /// Adds `idx`; whether it was new.
    fn insert(&mut self, idx: SkillIdx) -> bool {
        if !self.many.is_empty() {
            return self.many.insert(idx);
        }
        if self.few.contains(&idx) {
            return false;
        }
        self.few.push(idx);
        if self.few.len() > Seen::FEW {
            self.many.extend(self.few.drain(..));
        }
        true
    }
}

/// Adds `alias` under `key`.
fn index_alias(by_alias: &mut AliasKeys, key: Cow<'static, str>, alias: AliasRef) {
    by_alias.insert(key, alias);
}

impl Taxonomy {
    /// The built-in taxonomy.
    pub fn builtin() -> Taxonomy {
        let mut builder = Taxonomy::builder();
        builder.add_builtin();
        // The data tests check every built-in file, so a failure here is a bug in this crate.
        builder.build().expect("the built-in taxonomy is valid")
    }

    /// A builder for layering taxonomies.
    pub fn builder() -> TaxonomyBuilder {
        TaxonomyBuilder::default()
    }

    /// Every skill, in load order.
    pub fn skills(&self) -> &[Skill] {
        &self.skills
    }

    /// The skill at `idx`.
    ///
    /// # Panics
    ///
    /// When `idx` comes from another taxonomy with more skills.
    // A `SkillIdx` is made only by a taxonomy for one of its own skills (the field is crate-private), so it is in
    // range; an index from another taxonomy is the caller's bug, as with a slice.
    #[allow(clippy::indexing_slicing)]
    pub fn skill(&self, idx: SkillIdx) -> &Skill {
        &self.skills[idx.index()]
    }

    /// The skill with this id.
    pub fn get(&self, id: &str) -> Option<SkillIdx> {
        self.by_id.get(id).copied()
    }

    /// Every alias whose folded form equals the folded `term`.
    pub fn lookup_alias(&self, term: &str) -> &[AliasRef] {
        self.by_alias.get(&fold(term)).map_or(&[], AliasRefs::as_slice)
    }

    /// Every folded alias and where it leads, for building matchers.
    pub fn folded_aliases(&self) -> impl Iterator<Item = (&str, &[AliasRef])> {
        self.by_alias.iter().map(|(k, v)| (k, v.as_slice()))
    }

    /// The alias an [`AliasRef`] points at.
    ///
    /// # Panics
    ///
    /// When `alias` comes from another taxonomy.
    // An `AliasRef` is made by `build` for an alias of the skill it names (or by a caller from one, as with a
    // slice index), so it is in range.
    #[allow(clippy::indexing_slicing)]
    pub fn alias(&self, alias: AliasRef) -> &Alias {
        &self.skill(alias.skill).aliases[alias.alias as usize]
    }

    /// Whether `a` and `b` are related: listed as related either way, or one directly broader than the other.
    /// Siblings under one broader skill are not related by that alone (Python and Go are both languages).
    pub fn are_related(&self, a: SkillIdx, b: SkillIdx) -> bool {
        if a == b {
            return false;
        }
        let sa = self.skill(a);
        let sb = self.skill(b);
        sa.related.contains(&b) || sb.related.contains(&a) || sa.broader.contains(&b) || sb.broader.contains(&a)
    }

    /// Whether `broader` is above `skill` in the broader chain, at any distance: PostgreSQL is under SQL, a PhD under
    /// a bachelor's degree (a credential ladder: the higher rung lists the lower as broader). Each skill on the
    /// chain is visited once.
    pub fn is_under(&self, skill: SkillIdx, broader: SkillIdx) -> bool {
        if skill == broader {
            return false;
        }
        if self.skill(skill).broader.is_empty() {
            return false;
        }
        let lineage = self.lineage.get_or_init(|| lineage::Lineage::of(self));
        match lineage.above(skill) {
            Some(above) => above.contains(&broader),
            None => self.is_under_on_heap(skill, broader),
        }
    }

    /// [`Taxonomy::is_under`] by a walk up the links, for a skill with too many skills above it to list.
    fn is_under_on_heap(&self, skill: SkillIdx, broader: SkillIdx) -> bool {
        let mut seen = Seen::default();
        let mut stack: Vec<SkillIdx> = self.skill(skill).broader.clone();
        while let Some(next) = stack.pop() {
            if next == broader {
                return true;
            }
            if seen.insert(next) {
                stack.extend(self.skill(next).broader.iter().copied().filter(|b| !seen.contains(*b)));
            }
        }
        false
    }

    /// The skills whose broader skills include `idx` (PostgreSQL and MySQL for SQL), in taxonomy order.
    pub fn narrower(&self, idx: SkillIdx) -> impl Iterator<Item = SkillIdx> + '_ {
        let narrower = self.narrower.get_or_init(|| {
            let mut narrower = vec![Vec::new(); self.skills.len()];
            for (i, skill) in self.skills.iter().enumerate() {
                for b in &skill.broader {
                    let Some(list) = narrower.get_mut(b.index()) else { continue };
                    // A skill that lists one broader skill twice is still one narrower skill.
                    if list.last() != Some(&SkillIdx(i as u32)) {
                        list.push(SkillIdx(i as u32));
                    }
                }
            }
            narrower
        });
        narrower.get(idx.index()).into_iter().flatten().copied()
    }

    /// Every skill as a canonical record, in taxonomy order: the layer that, loaded alone, gives this taxonomy
    /// back. Aliases keep their markers, and so does the name: a name that needs exact case or context (`Go`,
    /// `R`) is written as a marked copy (`^?Go`), which the builder applies to the name.
    pub fn records(&self) -> impl Iterator<Item = SkillRecord> + '_ {
        (0..self.skills.len()).map(|i| self.record(SkillIdx(i as u32)))
    }

    /// The skill at `idx` as a canonical record (see [`Taxonomy::records`]).
    pub fn record(&self, idx: SkillIdx) -> SkillRecord {
        let ids = |v: &[SkillIdx]| v.iter().map(|&i| self.skill(i).id.clone()).collect::<Vec<_>>();
        let skill = self.skill(idx);
        let (name_alias, others) = skill.aliases.split_first().map_or((None, &[][..]), |(n, o)| (Some(n), o));
        // The name is written as an alias only when it says more than the name cell does.
        let marked_name = name_alias.filter(|a| !a.is_plain() || a.text != skill.name);
        SkillRecord {
            id: skill.id.clone(),
            name: skill.name.clone(),
            family: skill.family.clone(),
            kind: Some(skill.kind),
            aliases: marked_name.into_iter().chain(others).map(Alias::to_cell).collect(),
            related: ids(&skill.related),
            broader: ids(&skill.broader),
            hot: skill.hot,
            // The line the row has in `to_csv`, after the header.
            line: idx.index() as u64 + 2,
        }
    }

    /// The taxonomy as one CSV layer in the documented format ([`HEADER`]), from [`Taxonomy::records`]: exact
    /// data, for `skillgap taxonomy export`, that loads back to the same skills. Rows stay in taxonomy order,
    /// so that skill indices, and so every tie broken by them, stay the same too.
    pub fn to_csv(&self) -> String {
        let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new());
        // Writing to a Vec cannot fail.
        let _ = writer.write_record(HEADER);
        for record in self.records() {
            let _ = writer.write_record([
                record.id.as_str(),
                &record.name,
                &record.family,
                record.kind.map(Kind::as_str).unwrap_or_default(),
                &record.aliases.join(";"),
                &record.related.join(";"),
                &record.broader.join(";"),
            ]);
        }
        writer.into_inner().ok().and_then(|bytes| String::from_utf8(bytes).ok()).unwrap_or_default()
    }

    /// The number of skills.
    pub fn len(&self) -> usize {
        self.skills.len()
    }

    /// Whether there are no skills.
    pub fn is_empty(&self) -> bool {
        self.skills.is_empty()
    }
}

/// One skill as a layer states it: a CSV row, or a record from an importer (ESCO, O*NET).
///
/// Aliases are written as in the CSV cell, with markers: `^` exact case, `?` needs context, `!` removes the
/// alias from an existing skill. An id written `!id` disables that skill.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SkillRecord {
    /// The id (a new one adds a skill; an existing one amends it).
    pub id: String,
    /// The display name; empty keeps an existing skill's name.
    pub name: String,
    /// The job family or category; empty keeps an existing skill's.
    pub family: String,
    /// The kind; `None` keeps an existing skill's.
    pub kind: Option<Kind>,
    /// Aliases with their markers.
    pub aliases: Vec<String>,
    /// Related skill ids.
    pub related: Vec<String>,
    /// Broader skill ids.
    pub broader: Vec<String>,
    /// Whether the source flags the skill as in high demand (O*NET's "Hot Technology"). Kept as [`Skill::hot`];
    /// the CSV format has no column for it.
    pub hot: bool,
    /// The 1-based line in the source, for error messages (0 when there is none).
    pub line: u64,
}

/// One parsed row, before references are resolved.
#[derive(Debug, Clone)]
struct RawSkill {
    id: String,
    name: String,
    family: String,
    kind: Kind,
    aliases: Vec<Alias>,
    related: Vec<String>,
    broader: Vec<String>,
    layer: String,
    hot: bool,
    /// 1-based line, for errors in references.
    line: u64,
    /// The layer and line of the last row that added broader links to this skill after the row that made it (a
    /// user's layer amending a built-in skill): a cycle those links close is blamed on that row.
    broader_added_at: Option<(String, u64)>,
}

/// Layers taxonomies: later layers add skills, add aliases to existing skills, or disable them.
#[derive(Debug, Default, Clone)]
pub struct TaxonomyBuilder {
    skills: Vec<RawSkill>,
    by_id: HashMap<String, usize>,
    disabled: Vec<bool>,
    /// The built-in taxonomy was asked for first and not yet parsed. While nothing else is added, `build` reads
    /// its precomputed form ([`builtin`]) instead of parsing and resolving the CSV files at every start.
    builtin_pending: bool,
    /// For skills with many aliases, an index of them: adding or removing an alias is then a look-up instead of a
    /// walk over the list (a layer adding 100,000 aliases to one skill took 32 s; removing them, one per row, as
    /// long again).
    alias_sets: HashMap<usize, AliasIndex>,
    /// Alias comparisons made while adding aliases to existing skills: counted for the linearity test.
    alias_comparisons: u64,
}

/// Past this many aliases, a skill's duplicate check and removals use an index ([`TaxonomyBuilder::alias_sets`]).
const ALIAS_SET_AFTER: usize = 32;

/// The aliases of one skill with many, indexed. A removed alias stays in the skill's list with its text emptied
/// (no alias added has an empty text), so that positions hold; the list is compacted when half of it is
/// removed, so each removal costs O(1) amortised.
#[derive(Debug, Default, Clone)]
struct AliasIndex {
    /// The live aliases' texts in ASCII lower case: the duplicate check on adding.
    lower: rustc_hash::FxHashSet<String>,
    /// Folded text -> positions in the list of the aliases with that folded form: removal.
    by_fold: HashMap<String, Vec<usize>>,
    /// Removed aliases still in the list.
    dead: usize,
}

impl AliasIndex {
    /// The index of `aliases`, which has no removed entries.
    fn new(aliases: &[Alias]) -> AliasIndex {
        let mut index = AliasIndex::default();
        for (at, alias) in aliases.iter().enumerate() {
            index.lower.insert(alias.text.to_ascii_lowercase());
            index.by_fold.entry(fold(&alias.text)).or_default().push(at);
        }
        index
    }

    /// Adds `alias` to `aliases` unless an alias the same in ASCII lower case is there; whether it was added.
    fn add(&mut self, aliases: &mut Vec<Alias>, alias: Alias) -> bool {
        if !self.lower.insert(alias.text.to_ascii_lowercase()) {
            return false;
        }
        self.by_fold.entry(fold(&alias.text)).or_default().push(aliases.len());
        aliases.push(alias);
        true
    }

    /// Removes the aliases whose folded form is `key`. Returns the number of aliases the list and index were
    /// rebuilt from (0 unless this removal compacted them), for the linearity test.
    fn remove(&mut self, aliases: &mut Vec<Alias>, key: &str) -> u64 {
        for at in self.by_fold.remove(key).unwrap_or_default() {
            if let Some(alias) = aliases.get_mut(at).filter(|a| !a.text.is_empty()) {
                self.lower.remove(&alias.text.to_ascii_lowercase());
                alias.text.clear();
                self.dead += 1;
            }
        }
        if self.dead * 2 <= aliases.len() {
            return 0;
        }
        aliases.retain(|a| !a.text.is_empty());
        *self = AliasIndex::new(aliases);
        aliases.len() as u64
    }
}

impl TaxonomyBuilder {
    /// Adds the built-in taxonomy.
    pub fn add_builtin(&mut self) -> &mut TaxonomyBuilder {
        if self.skills.is_empty() && !self.builtin_pending {
            self.builtin_pending = true;
        } else {
            self.parse_pending_builtin();
            self.parse_builtin_csv();
        }
        self
    }

    /// Parses the built-in CSV files into the builder: what `add_builtin` stands for once another layer goes on
    /// top, since layering works on parsed rows.
    fn parse_pending_builtin(&mut self) {
        if std::mem::take(&mut self.builtin_pending) {
            self.parse_builtin_csv();
        }
    }

    fn parse_builtin_csv(&mut self) {
        for (family, text) in BUILTIN {
            // Checked by the data tests; a broken built-in file is a bug in this crate.
            self.add_csv(&format!("builtin:{family}"), text).expect("the built-in taxonomy parses");
        }
    }

    /// Adds a layer in the CSV format. `source_name` names it in errors and in [`Skill::layer`].
    ///
    /// A row whose id is new adds a skill. A row whose id exists adds its aliases and relations to that skill,
    /// and replaces its name, family and kind where those cells are not empty. An alias written `!text` removes
    /// that alias from the skill; an id written `!id` disables the whole skill.
    pub fn add_csv(&mut self, source_name: &str, text: &str) -> Result<&mut TaxonomyBuilder, Error> {
        self.add_records(source_name, parse_records(source_name, text)?)
    }

    /// Adds records from an importer, as one layer named `source_name`. The same rules as
    /// [`TaxonomyBuilder::add_csv`] apply.
    pub fn add_records(
        &mut self,
        source_name: &str,
        records: impl IntoIterator<Item = SkillRecord>,
    ) -> Result<&mut TaxonomyBuilder, Error> {
        for record in records {
            self.add_record(source_name, record)?;
        }
        Ok(self)
    }

    fn add_record(&mut self, source_name: &str, row: SkillRecord) -> Result<(), Error> {
        self.parse_pending_builtin();
        let line = (row.line > 0).then_some(row.line);
        let err = |kind, msg: String, column| Error::new(kind, source_name, msg).at(line, column);
        if let Some(id) = row.id.strip_prefix('!') {
            let Some(disabled) = self.by_id.get(id).and_then(|&i| self.disabled.get_mut(i)) else {
                return Err(err(ErrorKind::UnknownId, format!("cannot disable unknown skill id `{id}`"), Some(1)));
            };
            *disabled = true;
            return Ok(());
        }
        let (add, remove): (Vec<&String>, Vec<&String>) = row.aliases.iter().partition(|a| !a.starts_with('!'));
        let aliases: Vec<Alias> = add.into_iter().map(|a| Alias::parse(a)).filter(|a| !a.text.is_empty()).collect();
        let (related, broader) = (row.related, row.broader);
        // `by_id` and `skills` grow together, so an id found has its skill.
        if let Some((i, existing)) = self.by_id.get(&row.id).and_then(|&i| Some((i, self.skills.get_mut(i)?))) {
            if !row.name.is_empty() {
                existing.name = row.name;
            }
            if !row.family.is_empty() {
                existing.family = row.family;
            }
            if let Some(kind) = row.kind {
                existing.kind = kind;
            }
            for alias in aliases {
                if let Some(index) = self.alias_sets.get_mut(&i) {
                    self.alias_comparisons += 1;
                    index.add(&mut existing.aliases, alias);
                    continue;
                }
                self.alias_comparisons += existing.aliases.len() as u64;
                if existing.aliases.iter().any(|a| a.text.eq_ignore_ascii_case(&alias.text)) {
                    continue;
                }
                existing.aliases.push(alias);
                if existing.aliases.len() > ALIAS_SET_AFTER {
                    self.alias_comparisons += existing.aliases.len() as u64;
                    self.alias_sets.insert(i, AliasIndex::new(&existing.aliases));
                }
            }
            let removed: rustc_hash::FxHashSet<String> =
                remove.iter().filter_map(|r| r.strip_prefix('!')).map(fold).collect();
            if let Some(index) = self.alias_sets.get_mut(&i) {
                // A look-up per removal, however long the list.
                for key in &removed {
                    self.alias_comparisons += 1 + index.remove(&mut existing.aliases, key);
                }
            } else if !removed.is_empty() {
                // A short list: one pass over it, however many removals.
                self.alias_comparisons += existing.aliases.len() as u64;
                existing.aliases.retain(|a| !removed.contains(&fold(&a.text)));
            }
            existing.related.extend(related);
            if !broader.is_empty() {
                existing.broader_added_at = Some((source_name.to_owned(), row.line));
            }
            existing.broader.extend(broader);
            existing.hot |= row.hot;
            if let Some(disabled) = self.disabled.get_mut(i) {
                *disabled = false;
            }
            return Ok(());
        }
        if !is_valid_id(&row.id) {
            return Err(err(
                ErrorKind::Field,
                format!("invalid id `{}`: an id is one word, without spaces, commas or semicolons", row.id),
                Some(1),
            ));
        }
        if row.name.is_empty() {
            return Err(err(ErrorKind::Field, format!("skill `{}` has no name", row.id), Some(2)));
        }
        let Some(kind) = row.kind else {
            return Err(err(
                ErrorKind::Field,
                format!("skill `{}` has no kind; use one of: {}", row.id, kind_list()),
                Some(4),
            ));
        };
        self.by_id.insert(row.id.clone(), self.skills.len());
        self.disabled.push(false);
        self.skills.push(RawSkill {
            id: row.id,
            name: row.name,
            family: row.family,
            kind,
            aliases,
            related,
            broader,
            layer: source_name.to_owned(),
            hot: row.hot,
            line: row.line,
            broader_added_at: None,
        });
        Ok(())
    }

    /// Resolves references and builds the alias index.
    pub fn build(&self) -> Result<Taxonomy, Error> {
        if self.builtin_pending {
            // Nothing was added after the built-in taxonomy: its precomputed form is what the CSV files build to
            // (a test regenerates it and fails when it differs).
            return Ok(builtin::precomputed());
        }
        let mut by_id = HashMap::default();
        let mut kept = Vec::new();
        // `skills` and `disabled` grow together.
        for (raw, &disabled) in self.skills.iter().zip(&self.disabled) {
            if !disabled {
                by_id.insert(Cow::Owned(raw.id.clone()), SkillIdx(kept.len() as u32));
                kept.push(raw);
            }
        }
        let resolve = |raw: &RawSkill, ids: &[String], column: u64| -> Result<Vec<SkillIdx>, Error> {
            let mut out = Vec::with_capacity(ids.len());
            // Duplicates are dropped with a set, not a search of `out`: a row may list very many ids.
            let mut seen = Seen::default();
            for id in ids {
                match by_id.get(id.as_str()) {
                    Some(&idx) if seen.insert(idx) => out.push(idx),
                    Some(_) => {}
                    None if self.by_id.contains_key(id) => {} // points at a disabled skill
                    None => {
                        return Err(Error::new(
                            ErrorKind::UnknownId,
                            &raw.layer,
                            format!(
                                "skill `{}` refers to unknown id `{id}`; add that skill or remove the reference",
                                raw.id
                            ),
                        )
                        .at(Some(raw.line), Some(column)))
                    }
                }
            }
            Ok(out)
        };
        let mut skills = Vec::with_capacity(kept.len());
        let mut by_alias = AliasKeys::default();
        for (i, raw) in kept.iter().enumerate() {
            let mut aliases =
                vec![Alias { text: raw.name.clone(), case: CaseRule::Insensitive, context: ContextRule::Free }];
            let name_key = fold(&raw.name);
            let mut keys = vec![name_key.clone()];
            // An alias a later layer removed from a long list is left there with its text emptied.
            for alias in raw.aliases.iter().filter(|a| !a.text.is_empty()) {
                let key = fold(&alias.text);
                if key == name_key {
                    // A marked copy of the name governs how the name itself matches.
                    if let Some(name) = aliases.first_mut() {
                        *name = alias.clone();
                    }
                } else {
                    aliases.push(alias.clone());
                    keys.push(key);
                }
            }
            for (j, key) in keys.into_iter().enumerate() {
                // A key of punctuation alone would match every "." or "+" in a text.
                if key.chars().any(char::is_alphanumeric) {
                    index_alias(
                        &mut by_alias,
                        Cow::Owned(key),
                        AliasRef { skill: SkillIdx(i as u32), alias: j as u32 },
                    );
                }
            }
            skills.push(Skill {
                id: raw.id.clone(),
                name: raw.name.clone(),
                family: raw.family.clone(),
                kind: raw.kind,
                aliases,
                related: resolve(raw, &raw.related, 6)?,
                broader: resolve(raw, &raw.broader, 7)?,
                layer: raw.layer.clone(),
                hot: raw.hot,
            });
        }
        check_broader_cycles(&skills, &kept)?;
        Ok(Taxonomy {
            skills,
            by_id,
            by_alias,
            narrower: std::sync::OnceLock::new(),
            lineage: std::sync::OnceLock::new(),
        })
    }
}

fn check_broader_cycles(skills: &[Skill], raws: &[&RawSkill]) -> Result<(), Error> {
    let Some(mut cycle) = broader_cycle(skills.len(), |node, k| skills.get(node)?.broader.get(k).map(|b| b.index()))
    else {
        return Ok(());
    };
    // The cycle's nodes are positions in `skills`, and `raws` lines up with it.
    let id = |node: usize| skills.get(node).map_or("", |s| s.id.as_str());
    // Where each node's broader links were written: its own row, or the row of a later layer that added them.
    let written_at = |node: usize| {
        let Some(raw) = raws.get(node) else { return ("", 0) };
        raw.broader_added_at.as_ref().map_or((raw.layer.as_str(), raw.line), |(layer, line)| (layer.as_str(), *line))
    };
    // Blame a row of the user's layers when one takes part: the built-in taxonomy has no cycles on its own (a
    // data test keeps it so), so a user's row closed this one. Else the link that closed the search's cycle.
    cycle.pop();
    let at = cycle.iter().position(|&n| !written_at(n).0.starts_with("builtin:")).unwrap_or(cycle.len() - 1);
    cycle.rotate_left(at);
    let node = cycle.first().copied().unwrap_or_default();
    let parent = cycle.get(1).copied().unwrap_or(node);
    let (layer, line) = written_at(node);
    let mut path: Vec<&str> = cycle.iter().map(|&n| id(n)).collect();
    path.push(id(node));
    Err(Error::new(
        ErrorKind::Cycle,
        layer,
        format!(
            "broader links form a cycle through `{}` and `{}` ({}); remove one of the links",
            id(node),
            id(parent),
            path.join(" -> ")
        ),
    )
    .at(Some(line), Some(7)))
}

/// The first cycle of broader links, as nodes from the one the cycle returns to, around, and back to it
/// (`[a, b, a]`); `None` when there is none.
///
/// `nodes` is the number of nodes, `parent(node, k)` the `k`-th broader node of `node`, if it has that many.
/// The search is an iterative depth-first walk with three colours (unvisited, on the current path, done), so it
/// visits each node and follows each link once, whatever the depth: linear time, and no recursion for a crafted
/// chain of links to overflow. The taxonomy builder uses it; `check_layer` uses
/// [`broader_cycles`].
pub(crate) fn broader_cycle(nodes: usize, parent: impl Fn(usize, usize) -> Option<usize>) -> Option<Vec<usize>> {
    cycle_search(nodes, parent, Cycles::First).into_iter().next()
}

/// Cycles of broader links that share no node, each as [`broader_cycle`] writes one, in the order one walk finds
/// them. One walk, as in [`broader_cycle`]: linear time however many cycles there are (a search per cycle was
/// quadratic for a layer of many small cycles).
pub(crate) fn broader_cycles(nodes: usize, parent: impl Fn(usize, usize) -> Option<usize>) -> Vec<Vec<usize>> {
    cycle_search(nodes, parent, Cycles::Disjoint)
}

/// Which cycles [`cycle_search`] returns.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cycles {
    First,
    Disjoint,
}

fn cycle_search(nodes: usize, parent: impl Fn(usize, usize) -> Option<usize>, which: Cycles) -> Vec<Vec<usize>> {
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum Colour {
        Unvisited,
        /// On the current path, at this position.
        OnPath(usize),
        Done,
    }
    /// A node on the current path: the next link to follow, and the deepest position on the path, at or below
    /// this one, of a node already in a returned cycle (so that "does this cycle share a node with one already
    /// returned?" is one comparison, not a walk around the cycle).
    struct Step {
        node: usize,
        next: usize,
        deepest_taken: Option<usize>,
    }
    let mut colour = vec![Colour::Unvisited; nodes];
    let mut stack: Vec<Step> = Vec::new();
    let mut cycles = Vec::new();
    for start in 0..nodes {
        match colour.get_mut(start) {
            Some(c @ Colour::Unvisited) => *c = Colour::OnPath(0),
            _ => continue,
        }
        stack.push(Step { node: start, next: 0, deepest_taken: None });
        while let Some(step) = stack.last_mut() {
            let Some(up) = parent(step.node, step.next) else {
                if let Some(c) = colour.get_mut(step.node) {
                    *c = Colour::Done;
                }
                stack.pop();
                continue;
            };
            step.next += 1;
            let deepest_taken = step.deepest_taken;
            match colour.get_mut(up) {
                Some(c @ Colour::Unvisited) => {
                    *c = Colour::OnPath(stack.len());
                    stack.push(Step { node: up, next: 0, deepest_taken });
                }
                Some(&mut Colour::OnPath(from)) => {
                    if deepest_taken.is_some_and(|d| d >= from) {
                        continue;
                    }
                    let mut cycle: Vec<usize> = stack.iter().skip(from).map(|s| s.node).collect();
                    cycle.push(up);
                    cycles.push(cycle);
                    if which == Cycles::First {
                        return cycles;
                    }
                    for (d, s) in stack.iter_mut().enumerate().skip(from) {
                        s.deepest_taken = Some(d);
                    }
                }
                // Done, or out of range (which no caller passes).
                _ => {}
            }
        }
    }
    cycles
}

/// One CSV row with its cells trimmed.
#[derive(Debug)]
struct CsvRow {
    line: u64,
    id: String,
    name: String,
    family: String,
    kind: Option<Kind>,
    aliases: String,
    related: String,
    broader: String,
}

fn parse_csv(source_name: &str, text: &str) -> Result<Vec<CsvRow>, Error> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut header_seen = false;
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(csv_error(source_name, &e)),
        }
        let line = record.position().map_or(0, csv::Position::line);
        if let Some(err) = unclosed_quote(source_name, &record, line) {
            return Err(err);
        }
        if record.iter().all(|cell| cell.trim().is_empty()) || record.get(0).is_some_and(|c| c.starts_with('#')) {
            continue;
        }
        if !header_seen {
            header_seen = true;
            let found: Vec<&str> = record.iter().map(str::trim).collect();
            if found != HEADER {
                let hint = if matches!(found.as_slice(), [only] if only.contains(';') || only.contains('\t')) {
                    " The file seems to use another delimiter: separate the columns with commas."
                } else {
                    ""
                };
                return Err(Error::new(
                    ErrorKind::Header,
                    source_name,
                    format!("the header must be `{}`, found `{}`.{hint}", HEADER.join(","), found.join(",")),
                )
                .at(Some(line), None));
            }
            continue;
        }
        if record.len() != HEADER.len() {
            return Err(Error::new(
                ErrorKind::Csv,
                source_name,
                format!(
                    "expected {} columns ({}), found {}; quote cells that contain commas",
                    HEADER.len(),
                    HEADER.join(","),
                    record.len()
                ),
            )
            .at(Some(line), None));
        }
        let cell = |i: usize| record.get(i).unwrap_or_default().trim().to_owned();
        let kind_cell = cell(3);
        let kind = if kind_cell.is_empty() {
            None
        } else {
            Some(Kind::parse(&kind_cell).ok_or_else(|| {
                Error::new(
                    ErrorKind::Field,
                    source_name,
                    format!("unknown kind `{kind_cell}`; use one of: {}", kind_list()),
                )
                .at(Some(line), Some(4))
            })?)
        };
        rows.push(CsvRow {
            line,
            id: cell(0),
            name: cell(1),
            family: cell(2),
            kind,
            aliases: cell(4),
            related: cell(5),
            broader: cell(6),
        });
    }
    if !header_seen {
        return Err(Error::new(
            ErrorKind::Header,
            source_name,
            format!("the file is empty; a taxonomy starts with the header `{}`", HEADER.join(",")),
        ));
    }
    Ok(rows)
}

/// A cell that runs over a line break: no taxonomy cell holds one, so a quote opened in it was never closed, and
/// the cells after it were swallowed. The error names the line where the quote opened (the record starts on
/// `line`), rather than the column count that goes wrong as a result.
fn unclosed_quote(source_name: &str, record: &csv::StringRecord, line: u64) -> Option<Error> {
    let mut opened = line;
    for (column, cell) in record.iter().enumerate() {
        let breaks = cell.matches('\n').count() as u64;
        if breaks > 0 {
            return Some(
                Error::new(
                    ErrorKind::Csv,
                    source_name,
                    format!(
                        "a quote opened on line {opened} (column {}) is not closed, so the cell runs on to line {}; close the quote (write \"\" for a quote inside a cell)",
                        column + 1,
                        opened + cell.trim_end_matches(['\r', '\n']).matches('\n').count() as u64
                    ),
                )
                .at(Some(opened), Some(column as u64 + 1)),
            );
        }
        opened += breaks;
    }
    None
}

/// Parses a taxonomy CSV into records, without applying them: for linting and tools.
pub fn parse_records(source_name: &str, text: &str) -> Result<Vec<SkillRecord>, Error> {
    Ok(parse_csv(source_name, text)?
        .into_iter()
        .map(|row| SkillRecord {
            id: row.id,
            name: row.name,
            family: row.family,
            kind: row.kind,
            aliases: split_list(&row.aliases).map(str::to_owned).collect(),
            related: split_list(&row.related).map(str::to_owned).collect(),
            broader: split_list(&row.broader).map(str::to_owned).collect(),
            hot: false,
            line: row.line,
        })
        .collect())
}

/// Rewrites a taxonomy CSV in canonical form: rows sorted by id; aliases deduplicated (the name is not repeated
/// unless it carries a marker) and sorted; related and broader ids deduplicated and sorted; minimal quoting.
/// The data tests keep the built-in files canonical with it.
pub fn canonical_csv(source_name: &str, text: &str) -> Result<String, Error> {
    let mut rows = parse_csv(source_name, text)?;
    rows.sort_by(|a, b| a.id.cmp(&b.id));
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new());
    let io = |e: csv::Error| Error::new(ErrorKind::Csv, source_name, e.to_string());
    writer.write_record(HEADER).map_err(io)?;
    for row in rows {
        let name_key = fold(&row.name);
        let mut aliases: Vec<Alias> = Vec::new();
        for raw in split_list(&row.aliases) {
            let alias = Alias::parse(raw);
            let key = fold(&alias.text);
            if alias.text.is_empty() || (alias.is_plain() && key == name_key) {
                continue;
            }
            if !aliases.iter().any(|a| fold(&a.text) == key && a.case == alias.case && a.context == alias.context) {
                aliases.push(alias);
            }
        }
        aliases.sort_by(|a, b| fold(&a.text).cmp(&fold(&b.text)).then(a.to_cell().cmp(&b.to_cell())));
        let ids = |cell: &str| {
            let mut ids: Vec<&str> = split_list(cell).collect();
            ids.sort_unstable();
            ids.dedup();
            ids.join(";")
        };
        let cells = [
            row.id.clone(),
            row.name.clone(),
            row.family.clone(),
            row.kind.map(Kind::as_str).unwrap_or_default().to_owned(),
            aliases.iter().map(Alias::to_cell).collect::<Vec<_>>().join(";"),
            ids(&row.related),
            ids(&row.broader),
        ];
        writer.write_record(&cells).map_err(io)?;
    }
    let bytes = writer.into_inner().map_err(|e| Error::new(ErrorKind::Csv, source_name, e.to_string()))?;
    Ok(String::from_utf8(bytes).unwrap_or_default())
}

fn csv_error(source_name: &str, e: &csv::Error) -> Error {
    let line = e.position().map(csv::Position::line);
    let message = match e.kind() {
        csv::ErrorKind::Utf8 { err, .. } => {
            format!("invalid UTF-8 in column {}; save the file as UTF-8", err.field() + 1)
        }
        _ => format!("malformed CSV ({e}); check the quoting on this line"),
    };
    let column = match e.kind() {
        csv::ErrorKind::Utf8 { err, .. } => Some(err.field() as u64 + 1),
        _ => None,
    };
    Error::new(ErrorKind::Csv, source_name, message).at(line, column)
}

fn split_list(cell: &str) -> impl Iterator<Item = &str> {
    cell.split(';').map(str::trim).filter(|s| !s.is_empty())
}

/// Ids are single tokens. The built-in files use lowercase slugs (checked by the data tests); importers use
/// their own (ESCO's concept URIs).
fn is_valid_id(id: &str) -> bool {
    !id.is_empty() && !id.starts_with('!') && !id.contains(|c: char| c.is_whitespace() || c == ',' || c == ';')
}

/// Whether `id` is a lowercase slug (`postgresql`, `six-sigma`), the form the built-in taxonomy uses.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn kind_list() -> String {
    Kind::ALL.map(Kind::as_str).join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "id,name,family,kind,aliases,related,broader\n";

    fn load(layers: &[&str]) -> Result<Taxonomy, Error> {
        let mut b = Taxonomy::builder();
        for (i, layer) in layers.iter().enumerate() {
            b.add_csv(&format!("layer{i}.csv"), &format!("{HEAD}{layer}"))?;
        }
        b.build()
    }

    /// Regression: a user layer that closes a cycle with a built-in skill blamed `builtin:data:144:7`.
    #[test]
    fn a_cycle_through_the_builtin_blames_the_users_row() {
        let mut b = Taxonomy::builder();
        b.add_builtin();
        b.add_csv("mine.csv", "id,name,family,kind,aliases,related,broader\n# a comment\nsql,,,,,,postgresql\n")
            .expect("parses");
        let e = b.build().expect_err("a cycle");
        assert_eq!((e.kind(), e.source_name(), e.line(), e.column()), (ErrorKind::Cycle, "mine.csv", Some(3), Some(7)));
        assert!(e.message().contains("through `sql` and `postgresql` (sql -> postgresql -> sql)"), "{e}");
    }

    #[test]
    fn markers_parse() {
        let tax = load(&["go,Go,software,language,^?Go;Golang,,\n"]).unwrap();
        let go = tax.skill(tax.get("go").unwrap());
        assert_eq!(go.aliases[0], Alias { text: "Go".into(), case: CaseRule::Exact, context: ContextRule::Needed });
        assert_eq!(go.aliases[1].text, "Golang");
        assert!(go.aliases[1].is_plain());
    }

    #[test]
    fn layers_add_and_disable() {
        let tax = load(&[
            "kubernetes,Kubernetes,cloud,tool,k8s,,\nleadership,Leadership,general,soft,?Lead,,\n",
            "kubernetes,,,,Kube,,\nleadership,,,,!Lead,,\n",
        ])
        .unwrap();
        assert_eq!(tax.lookup_alias("kube").len(), 1);
        assert!(tax.lookup_alias("lead").is_empty());
        let tax = load(&["a,A Skill,general,soft,,,\n", "!a,,,,,,\n"]).unwrap();
        assert!(tax.get("a").is_none());
    }

    #[test]
    fn errors_name_line_and_column() {
        let e = load(&["a,A,general,soft,,,\nb,B,general,gizmo,,,\n"]).unwrap_err();
        assert_eq!((e.kind(), e.line(), e.column()), (ErrorKind::Field, Some(3), Some(4)));
        let e = load(&["a,A,general,soft,,nope,\n"]).unwrap_err();
        assert_eq!((e.kind(), e.line(), e.column()), (ErrorKind::UnknownId, Some(2), Some(6)));
        let e = load(&["a,A,general,soft,,\n"]).unwrap_err();
        assert_eq!((e.kind(), e.line()), (ErrorKind::Csv, Some(2)));
        let e = load(&["a,A,general,soft,,,b\nb,B,general,soft,,,a\n"]).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Cycle);
        // Regression: an unclosed quote got the hint "quote cells that contain commas", pointing away from it.
        for (layer, opened) in [
            ("a,\"A,general,soft,,,\nb,B,general,soft,,,\n", 2),
            ("a,A,general,soft,,,\nb,B,general,soft,\"x;y,,\nc,C,general,soft,,,\n", 3),
            ("a,A,general,soft,,,\"b\nb,B,general,soft,,,\n", 2),
        ] {
            let e = load(&[layer]).unwrap_err();
            assert_eq!((e.kind(), e.line()), (ErrorKind::Csv, Some(opened)), "{layer:?}");
            assert!(e.message().starts_with(&format!("a quote opened on line {opened}")), "{e}");
            assert!(!e.message().contains("commas"), "{e}");
        }
        let mut b = Taxonomy::builder();
        let e = b.add_csv("semi.csv", "id;name;family;kind;aliases;related;broader\n").unwrap_err();
        assert!(e.to_string().contains("another delimiter"), "{e}");
        let e = b.add_csv("bad.csv", "").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Header);
    }

    #[test]
    fn records_keep_the_name_markers() {
        let tax = load(&[
            "go,Go,software,language,^?Go;Golang,,\nr,R,data,language,^?R;R language,go,\npg,PostgreSQL,data,tool,Postgres;postgresql,,\n",
        ])
        .unwrap();
        let got: Vec<(String, Vec<String>, Vec<String>)> =
            tax.records().map(|r| (r.id, r.aliases, r.related)).collect();
        let strings = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            got,
            [
                ("go".to_owned(), strings(&["^?Go", "Golang"]), strings(&[])),
                ("r".to_owned(), strings(&["^?R", "R language"]), strings(&["go"])),
                ("pg".to_owned(), strings(&["postgresql", "Postgres"]), strings(&[])),
            ]
        );
        let again = load(&[tax.to_csv().strip_prefix(HEAD).unwrap()]).unwrap();
        for (a, b) in tax.skills().iter().zip(again.skills()) {
            assert_eq!((&a.id, &a.aliases, &a.related, &a.broader), (&b.id, &b.aliases, &b.related, &b.broader));
        }
    }

    #[test]
    fn hot_survives_layering() {
        let mut b = Taxonomy::builder();
        let record = |id: &str, hot| SkillRecord {
            id: id.into(),
            name: "Contoso Ledger".into(),
            family: "accounting-software".into(),
            kind: Some(Kind::Tool),
            hot,
            ..SkillRecord::default()
        };
        b.add_records("onet", [record("a", true), record("b", false)]).unwrap();
        b.add_records("later", [SkillRecord { name: String::new(), ..record("a", false) }]).unwrap();
        let tax = b.build().unwrap();
        let hot: Vec<bool> = tax.skills().iter().map(|s| s.hot).collect();
        assert_eq!(hot, [true, false], "a later layer without the flag keeps it");
        assert!(tax.records().next().is_some_and(|r| r.hot));
    }

    #[test]
    fn broader_cycles() {
        /// (what, each node's broader nodes, the cycle expected)
        type Case = (&'static str, &'static [&'static [usize]], Option<&'static [usize]>);
        let cases: &[Case] = &[
            ("no links", &[&[], &[]], None),
            ("a chain", &[&[1], &[2], &[]], None),
            ("a diamond", &[&[1, 2], &[3], &[3], &[]], None),
            ("a loop on itself", &[&[0]], Some(&[0, 0])),
            ("three around", &[&[1], &[2], &[0]], Some(&[0, 1, 2, 0])),
            ("a cycle off a tail", &[&[1], &[2], &[3], &[1]], Some(&[1, 2, 3, 1])),
            ("found from a later start", &[&[], &[2], &[1]], Some(&[1, 2, 1])),
        ];
        for (name, links, expected) in cases {
            let got = broader_cycle(links.len(), |n, k| links[n].get(k).copied());
            assert_eq!(got.as_deref(), *expected, "{name}");
        }
        // A long chain is walked without recursion, each node once.
        let n = 200_000;
        let visits = std::cell::Cell::new(0usize);
        let chain = broader_cycle(n, |node, k| {
            visits.set(visits.get() + 1);
            (k == 0 && node + 1 < n).then_some(node + 1)
        });
        assert!(chain.is_none());
        assert!(visits.get() <= 2 * n, "{} parent lookups for {n} nodes", visits.get());
    }

    /// Regression: a layer adding many aliases to one skill rescanned the skill's list for every alias (100,000
    /// aliases: 32 s). Doubling the aliases now doubles the comparisons.
    #[test]
    fn alias_insertion_is_linear() {
        let comparisons = |n: usize, rows: bool| {
            let mut layer = String::from("id,name,family,kind,aliases,related,broader\nacme,Acme,software,tool,,,\n");
            if rows {
                (0..n).for_each(|i| layer.push_str(&format!("acme,,,,alias{i},,\n")));
            } else {
                let aliases: Vec<String> = (0..n).map(|i| format!("alias{i}")).collect();
                layer.push_str(&format!("acme,,,,{};alias7;!alias3,,\n", aliases.join(";")));
            }
            let mut b = Taxonomy::builder();
            b.add_csv("a.csv", "id,name,family,kind,aliases,related,broader\n").expect("header");
            b.add_csv("layer.csv", &layer).expect("layer");
            let tax = b.build().expect("builds");
            let acme = tax.skill(tax.get("acme").expect("acme"));
            // The name and n aliases, less the one a cell removes; a repeated alias7 is not added twice.
            assert_eq!(acme.aliases.len(), n + usize::from(rows), "{n} aliases");
            b.alias_comparisons
        };
        for rows in [false, true] {
            let (small, big) = (comparisons(5_000, rows), comparisons(10_000, rows));
            assert!(
                big <= 2 * small + 2 * ALIAS_SET_AFTER as u64 * ALIAS_SET_AFTER as u64,
                "rows {rows}: {small} then {big}"
            );
            assert!(big <= 4 * 10_000, "rows {rows}: {big} comparisons for 10,000 aliases");
        }
    }

    /// Regression (issue 12): removing aliases from a skill with many, one row per alias, filtered the whole list
    /// for every row. 100,000 aliases added and then removed, one row each, now cost a look-up each (plus the
    /// compactions, each paid for by the removals before it).
    #[test]
    fn alias_removal_is_linear() {
        let n = 100_000;
        let mut layer = String::from("id,name,family,kind,aliases,related,broader\nacme,Acme,software,tool,,,\n");
        (0..n).for_each(|i| layer.push_str(&format!("acme,,,,alias{i},,\n")));
        // Removed in an order unlike the adding, and the last alias kept.
        (0..n - 1).rev().for_each(|i| layer.push_str(&format!("acme,,,,!ALIAS{i},,\n")));
        let mut b = Taxonomy::builder();
        b.add_csv("layer.csv", &layer).expect("layer");
        assert!(b.alias_comparisons <= 6 * n as u64, "{} comparisons for {n} aliases", b.alias_comparisons);
        // Added again after the removals: the index still knows what is there.
        b.add_csv("again.csv", "id,name,family,kind,aliases,related,broader\nacme,,,,alias7;ALIAS99999,,\n")
            .expect("again");
        let tax = b.build().expect("builds");
        let acme = tax.skill(tax.get("acme").expect("acme"));
        let texts: Vec<&str> = acme.aliases.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(texts, ["Acme", "alias99999", "alias7"]);
    }

    #[test]
    fn is_under_walks_a_long_chain_once() {
        // A chain s0 -> s1 -> ... -> s9999: is_under walks it with a set, not a list searched at every step.
        let n = 10_000;
        let mut layer = String::new();
        for i in 0..n {
            let up = if i + 1 < n { format!("s{}", i + 1) } else { String::new() };
            layer.push_str(&format!("s{i},Skill {i},general,tool,,,{up}\n"));
        }
        let tax = load(&[&layer]).expect("chain");
        let (bottom, top) = (tax.get("s0").expect("s0"), tax.get(&format!("s{}", n - 1)).expect("top"));
        assert!(tax.is_under(bottom, top));
        assert!(!tax.is_under(top, bottom));
    }

    #[test]
    fn disjoint_cycles_in_one_walk() {
        // n two-node cycles: one walk finds them all, following each link once.
        for n in [1_000, 2_000] {
            let visits = std::cell::Cell::new(0usize);
            let cycles = super::broader_cycles(2 * n, |node, k| {
                visits.set(visits.get() + 1);
                (k == 0).then_some(node ^ 1)
            });
            assert_eq!(cycles.len(), n);
            assert_eq!(cycles[1], [2, 3, 2]);
            assert!(visits.get() <= 2 * (2 * n), "{} parent lookups for {} nodes", visits.get(), 2 * n);
        }
        // Every node links to the root of a long chain: many cycles share nodes, and only the first is returned.
        let n = 50_000;
        let visits = std::cell::Cell::new(0usize);
        let cycles = super::broader_cycles(n, |node, k| {
            visits.set(visits.get() + 1);
            match k {
                0 => Some((node + 1) % n),
                1 => Some(0),
                _ => None,
            }
        });
        assert_eq!(cycles.len(), 1);
        assert!(visits.get() <= 3 * n, "{} parent lookups for {n} nodes", visits.get());
    }

    #[test]
    fn relations() {
        let tax = load(&["mysql,MySQL,data,tool,,postgresql,sql\npostgresql,PostgreSQL,data,tool,Postgres,,sql\nsql,SQL,data,language,,,\nsqlite,SQLite,data,tool,,,sql\n"]).unwrap();
        let (m, p, s) = (tax.get("mysql").unwrap(), tax.get("postgresql").unwrap(), tax.get("sql").unwrap());
        assert_eq!(tax.narrower(s).collect::<Vec<_>>(), [m, p, tax.get("sqlite").unwrap()]);
        assert!(tax.are_related(m, p) && tax.are_related(p, m));
        assert!(!tax.are_related(tax.get("sqlite").unwrap(), p), "siblings alone are not related");
        assert!(tax.are_related(p, s));
        assert!(!tax.are_related(s, s));
    }
}
