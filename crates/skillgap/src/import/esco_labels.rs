//! Which of ESCO's alternative labels become aliases, and which aliases are derived from the name.
//!
//! ESCO's alternative labels (`altLabels`, and the `hiddenLabels` search terms) are noisy: "Mocha" and
//! "Escript" under JavaScript, "Subquery" under SQL, some thirty spreadsheet products under "use spreadsheets
//! software", "enjoy working" under "show commitment", whole definitions under short skills. Each label
//! becomes an alias only through these rules, in this order (the constants name the thresholds). Each rule
//! is a function of its own, listed with its number in [`LABEL_RULES`], with a table test of its own:
//!
//! 1. **Paraphrases.** A label of several words is kept only for a knowledge concept whose name is written
//!    with capitals: a tool, language or standard ("MS SQL Server" for "SQL Server", "Cascading Style Sheets"
//!    for "CSS"). Elsewhere ESCO's longer labels paraphrase the name ("enjoy working" for "show commitment",
//!    "stay focused" for "stay alert", "be responsible" for "assume responsibility"), and loose phrase
//!    matching of the name already finds its close variants. On the labelled validation sentences
//!    (`examples/eval_esco.rs`, all of them, before they were split into a tune and a check part: an
//!    in-sample figure) keeping them all lowers precision from 0.77 to 0.70 on the tech sentences
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
//!   when the bare form is ambiguous across skills); see [`bare_form`]. Names of at most [`SHORT_LABEL_CHARS`] letters get a
//!   `^?` copy too.
//! - **Subjects (rule 13).** A knowledge name that ends in a generic head ([`GENERIC_HEADS`]: "techniques",
//!   "systems", "principles") or starts with one ("principles of", "types of") is also found without it, if
//!   two words remain ("data warehousing techniques" -> "data warehousing", "principles of artificial
//!   intelligence" -> "artificial intelligence"; a hyphenated word counts its parts: "e-commerce systems" ->
//!   "e-commerce"). So is the object of a skill name that starts with a generic verb (one that starts at
//!   least [`GENERIC_VERB_MIN_NAMES`] skill names: "implement", "operate", "perform"), without its head:
//!   "implement data warehousing techniques" -> "data warehousing". The object itself ("financial services"
//!   for "offer financial services") is not added: loose phrase matching treats such a verb as optional, and
//!   its 6,700 aliases would make loading ESCO a third slower. Language skills are left alone ("understand
//!   spoken English" is about English). A subject that several skills share names none of them and is

/// Alternative labels may have this many words more than the name (rule 4). Longer labels are definitions
/// ("recognise when movement is being performed in a harmful way" for "correct potentially harmful
/// movements") that loose matching would turn into noise; three extra words still admit a tool's editions
/// ("SQL Server Developer Edition" for "SQL Server").
const MAX_EXTRA_WORDS: usize = 3;

/// This many capitalised labels under a lowercase name make them a product list (rule 5). Real variants of a
/// competence rarely carry capitals; "computer programming" lists 70 languages and "use spreadsheets
/// software" 30 products. Below five, capitals are more often acronyms or proper variants.
const PRODUCT_LIST_MIN: usize = 5;

/// One lowercase use in ESCO's prose shows a word is ordinary English ("swift", "unity", "canvas", "salt"):
/// product names are capitalised there, so even a single use is telling.
const COMMON_WORD_MIN_USES: u32 = 1;

/// Ordinary English words that are also product names in ESCO but that ESCO's prose happens never to use in
/// lowercase, so that the data cannot reveal them (found by reading every capitalised one-word label).
const ORDINARY_WORDS: &[&str] = &[
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

/// Last words that name a kind of knowledge rather than its subject (rule 13): "cloud technologies",
/// "e-commerce systems", "pricing strategies", "data warehousing techniques". "Products", "equipment" and
/// "management" are left out: "dairy products", "medical equipment" and "risk management" name their own
/// thing.
const GENERIC_HEADS: &[&str] = &[
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

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::esco::{split_labels, EscoRow};
use super::{initials_match, strip_parenthetical, Markers, SHORT_LABEL_CHARS};
use crate::normalize::fold;
use crate::phrase::{stem, GENERIC_VERB_MIN_NAMES};

/// Words shorter than this are not looked for inside another ("a", "of", "it"), by [`is_variant`].
const MIN_CONTAINED_CHARS: usize = 3;

/// One label rule: its number in the module docs, what it catches, and the function that applies it.
struct LabelRule {
    // The number and name are for the reader of this list, and the tests check them.
    #[cfg_attr(not(test), allow(dead_code))]
    number: u8,
    #[cfg_attr(not(test), allow(dead_code))]
    name: &'static str,
    apply: Apply,
}

/// A rule takes a label and its markers so far, and returns its markers, changed or not, or `None` to drop it.
/// Rules 1 to 6 look at one skill; rules 7 to 11 at the whole taxonomy, after rules 1 to 6 have run on every
/// skill (the ordinary words of rules 9 and 10 are counted over the labels that survive those).
#[derive(Clone, Copy)]
enum Apply {
    Skill(fn(&SkillContext<'_>, &Label<'_>, Markers) -> Option<Markers>),
    Taxonomy(fn(&TaxonomyContext<'_>, &Label<'_>, Markers) -> Option<Markers>),
}

/// Every label rule, in the order applied: the place to look for why a label was kept or dropped. Rule 12
/// ([`keep_least_restrictive`]) merges what is left; rule 13 ([`subject_forms`]) and [`bare_form`] derive
/// aliases from the name, which then pass through these rules too.
const LABEL_RULES: &[LabelRule] = &[
    LabelRule { number: 1, name: "paraphrase of a competence", apply: Apply::Skill(paraphrase) },
    LabelRule { number: 2, name: "empty once its markers are stripped", apply: Apply::Skill(empty_label) },
    LabelRule { number: 3, name: "the skill's own name", apply: Apply::Skill(own_name) },
    LabelRule { number: 4, name: "too many words beyond the name's", apply: Apply::Skill(overlong) },
    LabelRule { number: 5, name: "a product in a product list", apply: Apply::Skill(listed_product) },
    LabelRule { number: 6, name: "short: an initialism or a fragment", apply: Apply::Skill(short_label) },
    LabelRule { number: 7, name: "another skill's name", apply: Apply::Taxonomy(another_skills_name) },
    LabelRule { number: 8, name: "a word unrelated to the name", apply: Apply::Taxonomy(unrelated_word) },
    LabelRule { number: 9, name: "a truncation to an ordinary word", apply: Apply::Taxonomy(ordinary_truncation) },
    LabelRule { number: 10, name: "an ordinary word written as a name", apply: Apply::Taxonomy(common_word) },
    LabelRule { number: 11, name: "a label several skills claim", apply: Apply::Taxonomy(shared_label) },
];

/// What rules 1 to 6 know about the skill.
struct SkillContext<'a> {
    row: &'a EscoRow,
    name_folded: &'a str,
    /// The name without a parenthesised qualifier.
    bare_name: String,
    /// Words of the bare name.
    name_words: usize,
    /// Whether the labels are a product list (rule 5).
    product_list: bool,
}

impl<'a> SkillContext<'a> {
    fn new(row: &'a EscoRow, name_folded: &'a str) -> SkillContext<'a> {
        let bare_name = strip_parenthetical(&row.name);
        let product_list = is_product_list(&row.name, &bare_name, split_labels(&row.labels));
        SkillContext { row, name_folded, name_words: bare_name.split_whitespace().count(), bare_name, product_list }
    }
}

/// What rules 7 to 11 know about the taxonomy.
struct TaxonomyContext<'a> {
    /// The skill's position among the rows.
    skill: usize,
    row: &'a EscoRow,
    /// Folded name -> the skill that has it.
    names: &'a HashMap<&'a str, usize>,
    /// Ordinary words (rules 9 and 10).
    common: &'a HashSet<String>,
    /// Folded label -> how many skills claim it (rule 11).
    claims: &'a HashMap<&'a str, u32>,
}

/// A label under the rules.
struct Label<'a> {
    /// As ESCO writes it, markers and all.
    raw: &'a str,
    /// Without leading markers (rule 2).
    text: &'a str,
    folded: &'a str,
    origin: Origin,
}

/// A label that survived rules 1 to 6, before the rules across skills.
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

/// The alias cells of every row: rules 1 to 6 per skill ([`skill_candidates`]), then rules 7 to 12 across the
/// taxonomy.
pub(super) fn esco_aliases(rows: &[EscoRow], prose: &str) -> Vec<Vec<String>> {
    let folded_names: Vec<String> = rows.iter().map(|r| fold(&r.name)).collect();
    let names: HashMap<&str, usize> = folded_names.iter().enumerate().map(|(i, f)| (f.as_str(), i)).collect();
    let verbs = generic_verbs(rows);
    let candidates: Vec<Vec<Candidate>> = rows
        .iter()
        .zip(&folded_names)
        .map(|(row, folded)| skill_candidates(&SkillContext::new(row, folded), &verbs))
        .collect();
    let common = common_words(&ordinary_word_candidates(rows, &candidates), prose);
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
        let context = TaxonomyContext { skill: i, row, names: &names, common: &common, claims: &claims };
        // (text, folded, markers); a handful per skill, so a linear search beats a map.
        let mut kept: Vec<(&str, &str, Markers)> = Vec::new();
        if let (Some(markers), Some(folded)) = (name_markers(row, &common), folded_names.get(i)) {
            kept.push((row.name.as_str(), folded.as_str(), markers));
        }
        for c in cands {
            let label = Label { raw: &c.text, text: &c.text, folded: &c.folded, origin: c.origin };
            let markers = LABEL_RULES.iter().try_fold(c.markers, |markers, rule| match rule.apply {
                Apply::Skill(_) => Some(markers),
                Apply::Taxonomy(apply) => apply(&context, &label, markers),
            });
            if let Some(markers) = markers {
                keep_least_restrictive(&mut kept, (&c.text, &c.folded, markers));
            }
        }
        out.push(kept.into_iter().map(|(text, _, markers)| markers.cell(text)).collect());
    }
    out
}

/// Rules 1 to 6 for one skill, over its labels and the aliases derived from its name ([`bare_form`], and the
/// subject forms of rule 13).
fn skill_candidates(context: &SkillContext<'_>, verbs: &HashSet<&str>) -> Vec<Candidate> {
    let row = context.row;
    let mut derived: Vec<(String, Origin)> = Vec::new();
    if let Some(bare) = bare_form(&row.name) {
        derived.push((bare, Origin::Bare));
    }
    // "understand spoken English" is about English, not "spoken English".
    if !row.language {
        let subjects = subject_forms(&context.bare_name, row.knowledge, verbs);
        derived.extend(subjects.into_iter().map(|s| (s, Origin::Subject)));
    }
    let labels = split_labels(&row.labels).map(|l| (l, Origin::Label));
    let mut out = Vec::new();
    for (raw, origin) in derived.iter().map(|(t, o)| (t.as_str(), *o)).chain(labels) {
        let text = strip_markers(raw);
        let folded = fold(text);
        let label = Label { raw, text, folded: &folded, origin };
        let markers = LABEL_RULES.iter().try_fold(Markers::Plain, |markers, rule| match rule.apply {
            Apply::Skill(apply) => apply(context, &label, markers),
            Apply::Taxonomy(_) => Some(markers),
        });
        if let Some(markers) = markers {
            out.push(Candidate { text: text.to_owned(), folded, markers, origin });
        }
    }
    out
}

/// Rule 2's first half: leading alias markers (`!`, `^`, `?`) are not part of the label.
fn strip_markers(label: &str) -> &str {
    label.trim_start_matches(['!', '^', '?']).trim()
}

/// Rule 1: a label of several words is kept only for a knowledge concept whose name has capitals (a tool, a
/// language, a standard); elsewhere it paraphrases the name.
fn paraphrase(context: &SkillContext<'_>, label: &Label<'_>, markers: Markers) -> Option<Markers> {
    let row = context.row;
    let named_knowledge = row.knowledge && row.name.chars().any(char::is_uppercase);
    let paraphrase = label.origin == Origin::Label && !named_knowledge && !is_one_word(label.raw);
    (!paraphrase).then_some(markers)
}

/// Rule 2: a label that is empty once its markers are stripped.
fn empty_label(_: &SkillContext<'_>, label: &Label<'_>, markers: Markers) -> Option<Markers> {
    (!label.folded.is_empty()).then_some(markers)
}

/// Rule 3: a label that folds to the skill's own name adds nothing.
fn own_name(context: &SkillContext<'_>, label: &Label<'_>, markers: Markers) -> Option<Markers> {
    (label.folded != context.name_folded).then_some(markers)
}

/// Rule 4: a label with more than [`MAX_EXTRA_WORDS`] words beyond the name's is a definition.
fn overlong(context: &SkillContext<'_>, label: &Label<'_>, markers: Markers) -> Option<Markers> {
    (label.text.split_whitespace().count() <= context.name_words + MAX_EXTRA_WORDS).then_some(markers)
}

/// Rule 5: under a lowercase name whose labels are a product list, the products go.
fn listed_product(context: &SkillContext<'_>, label: &Label<'_>, markers: Markers) -> Option<Markers> {
    let listed = label.origin == Origin::Label && context.product_list && is_product(label.text, &context.bare_name);
    (!listed).then_some(markers)
}

/// Whether a lowercase name's labels list [`PRODUCT_LIST_MIN`] or more products (rule 5).
fn is_product_list<'l>(name: &str, bare_name: &str, labels: impl Iterator<Item = &'l str>) -> bool {
    !name.chars().any(char::is_uppercase) && labels.filter(|l| is_product(l, bare_name)).count() >= PRODUCT_LIST_MIN
}

/// A label with capitals that is not the name's initialism reads as a product name (rule 5).
fn is_product(label: &str, bare_name: &str) -> bool {
    label.chars().any(char::is_uppercase) && !is_initialism(label, bare_name)
}

/// Rule 6: a label of at most [`SHORT_LABEL_CHARS`] letters or digits is a fragment in lowercase (dropped) and
/// an initialism in capitals (kept with `^?`).
fn short_label(_: &SkillContext<'_>, label: &Label<'_>, markers: Markers) -> Option<Markers> {
    let text = label.text;
    if text.chars().count() > SHORT_LABEL_CHARS || !text.chars().all(char::is_alphanumeric) {
        return Some(markers);
    }
    (!text.chars().any(char::is_lowercase)).then_some(Markers::CaseContext)
}

/// Rule 7: a label that is another skill's name names that skill.
fn another_skills_name(context: &TaxonomyContext<'_>, label: &Label<'_>, markers: Markers) -> Option<Markers> {
    let other = context.names.get(label.folded).is_some_and(|&owner| owner != context.skill);
    (!other).then_some(markers)
}

/// Rule 8: a one-word label that is neither a variant of a word of the name nor its initialism.
fn unrelated_word(context: &TaxonomyContext<'_>, label: &Label<'_>, markers: Markers) -> Option<Markers> {
    let name = &context.row.name;
    let unrelated = label.origin == Origin::Label
        && is_one_word(label.text)
        && !is_variant(label.text, name)
        && !is_initialism(label.text, name);
    (!unrelated).then_some(markers)
}

/// Rule 9: a one-word label of a name of several words, repeating an ordinary one of them, says much less
/// than the skill.
fn ordinary_truncation(context: &TaxonomyContext<'_>, label: &Label<'_>, markers: Markers) -> Option<Markers> {
    let name = &context.row.name;
    let truncation = label.origin == Origin::Label
        && is_one_word(label.text)
        && !is_one_word(name)
        && context.common.contains(&label.text.to_lowercase())
        && is_variant(label.text, name);
    (!truncation).then_some(markers)
}

/// Rule 10: a one-word label written as a name whose lowercase form is an ordinary word needs exact case (in
/// capitals) or context (capitalised).
fn common_word(context: &TaxonomyContext<'_>, label: &Label<'_>, markers: Markers) -> Option<Markers> {
    let text = label.text;
    if !is_one_word(text) || !is_capitalised_word(text) || !context.common.contains(&text.to_lowercase()) {
        return Some(markers);
    }
    Some(if text.chars().any(char::is_lowercase) { markers.with_context() } else { markers.max(Markers::Case) })
}

/// Rule 11: a label several skills claim needs context on each; a subject form several skills share is
/// dropped, since it names none of them.
fn shared_label(context: &TaxonomyContext<'_>, label: &Label<'_>, markers: Markers) -> Option<Markers> {
    if context.claims.get(label.folded).copied().unwrap_or(0) <= 1 {
        return Some(markers);
    }
    (label.origin != Origin::Subject).then(|| markers.with_context())
}

/// Rule 12: labels that fold alike are kept once, with the least restrictive markers, in the order first seen.
fn keep_least_restrictive<'a>(kept: &mut Vec<(&'a str, &'a str, Markers)>, label: (&'a str, &'a str, Markers)) {
    match kept.iter_mut().find(|k| k.1 == label.1) {
        Some(k) if k.2 <= label.2 => {}
        Some(k) => *k = label,
        None => kept.push(label),
    }
}

/// The bare form of a qualified name: "Python (computer programming)" -> "Python"; `None` without a
/// qualifier.
fn bare_form(name: &str) -> Option<String> {
    let bare = strip_parenthetical(name);
    (bare != name).then_some(bare)
}

/// Verbs that start at least [`GENERIC_VERB_MIN_NAMES`] skill names: "manage", "operate", "perform". The same
/// threshold makes a verb optional in loose phrase matching.
fn generic_verbs(rows: &[EscoRow]) -> HashSet<&str> {
    let mut counts: HashMap<&str, usize> = HashMap::default();
    for row in rows.iter().filter(|r| !r.knowledge) {
        let mut words = row.name.split_whitespace();
        if let (Some(first), Some(_)) = (words.next(), words.next()) {
            *counts.entry(first).or_default() += 1;
        }
    }
    counts.into_iter().filter(|&(_, n)| n >= GENERIC_VERB_MIN_NAMES).map(|(w, _)| w).collect()
}

/// Words of a subject, a hyphenated compound counting its parts: "e-commerce" says as much as "online
/// commerce".
fn content_words(words: &[&str]) -> usize {
    words
        .iter()
        .filter(|w| !SUBJECT_PARTICLES.contains(w))
        .map(|w| w.split('-').filter(|p| !p.is_empty()).count())
        .sum()
}

/// Rule 13: the subject of a name, without a generic verb ([`object_of_generic_verb`]) and then without a
/// generic head ([`without_generic_head`]). Only a knowledge name, or the object of a generic verb, has a head
/// to drop; the object alone is not added (loose phrase matching treats such a verb as optional).
fn subject_forms(name: &str, knowledge: bool, verbs: &HashSet<&str>) -> Vec<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let object = object_of_generic_verb(&words, verbs);
    if !knowledge && object.is_none() {
        return Vec::new();
    }
    without_generic_head(object.unwrap_or(&words)).into_iter().collect()
}

/// The object of a name that starts with a generic verb, particles trimmed, if two content words remain:
/// "implement data warehousing techniques" -> "data warehousing techniques".
fn object_of_generic_verb<'w>(words: &'w [&'w str], verbs: &HashSet<&str>) -> Option<&'w [&'w str]> {
    let (verb, mut rest) = words.split_first()?;
    if words.len() < 3 || !verbs.contains(*verb) {
        return None;
    }
    while let Some((_, after)) = rest.split_first().filter(|(w, _)| SUBJECT_PARTICLES.contains(w)) {
        rest = after;
    }
    (content_words(rest) >= 2).then_some(rest)
}

/// The words without a generic head ([`GENERIC_HEADS`]: "data warehousing techniques" -> "data warehousing")
/// or lead ([`GENERIC_LEADS`]: "principles of artificial intelligence" -> "artificial intelligence"),
/// particles trimmed, if two content words remain.
fn without_generic_head(words: &[&str]) -> Option<String> {
    let lead = matches!(words, [first, "of", _, ..] if GENERIC_LEADS.contains(first));
    let subject = match words.split_last() {
        _ if lead => words.get(2..).unwrap_or_default(),
        Some((last, rest)) if !rest.is_empty() && GENERIC_HEADS.contains(last) => rest,
        _ => return None,
    };
    let subject: Vec<&str> = subject.iter().copied().skip_while(|w| SUBJECT_PARTICLES.contains(w)).collect();
    let trimmed = subject.iter().rposition(|w| !SUBJECT_PARTICLES.contains(w)).and_then(|e| subject.get(..=e));
    let trimmed = trimmed.unwrap_or_default();
    (content_words(trimmed) >= 2).then(|| trimmed.join(" "))
}

/// The markers the name itself needs, if any: rule 6 (a short name needs exact case and context) and rule 10
/// (a name that is an ordinary word), and a bare lowercase verb ("plan", "sing", "swim") names a skill only in
/// context.
fn name_markers(row: &EscoRow, common: &HashSet<String>) -> Option<Markers> {
    let name = row.name.as_str();
    if name.chars().count() <= SHORT_LABEL_CHARS && name.chars().all(char::is_alphanumeric) {
        return Some(Markers::CaseContext);
    }
    if !row.knowledge && is_one_word(name) && !name.chars().any(char::is_uppercase) && common.contains(name) {
        return Some(Markers::Context);
    }
    if is_capitalised_word(name) && common.contains(&name.to_lowercase()) {
        return Some(if name.chars().any(char::is_lowercase) { Markers::Context } else { Markers::Case });
    }
    None
}

/// The lowercase words that rules 9 and 10 may ask about: one-word names, capitalised one-word candidates, and
/// one-word labels of names of several words.
fn ordinary_word_candidates(rows: &[EscoRow], candidates: &[Vec<Candidate>]) -> HashSet<String> {
    let mut words: HashSet<String> = HashSet::default();
    for (row, cands) in rows.iter().zip(candidates) {
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
    words
}

/// Which of `words` (lowercase) ESCO's prose uses in lowercase, plus [`ORDINARY_WORDS`].
fn common_words(words: &HashSet<String>, text: &str) -> HashSet<String> {
    // Only tokens whose first two letters start some candidate are hashed: most of the prose is skipped cheaply.
    let mut starts = [false; 26 * 26];
    for w in words {
        if let Some(seen) = two_letters(w).and_then(|slot| starts.get_mut(slot)) {
            *seen = true;
        }
    }
    let mut uses: HashMap<&str, u32> = HashMap::default();
    // Tokens are runs of ASCII letters.
    for token in text.split(|c: char| !c.is_ascii_alphabetic()).filter(|t| !t.is_empty()) {
        let lowercase = token.bytes().all(|b| b.is_ascii_lowercase());
        if lowercase && two_letters(token).and_then(|slot| starts.get(slot)) == Some(&true) {
            if let Some(w) = words.get(token) {
                *uses.entry(w.as_str()).or_default() += 1;
            }
        }
    }
    let mut common: HashSet<String> =
        uses.into_iter().filter(|&(_, n)| n >= COMMON_WORD_MIN_USES).map(|(w, _)| w.to_owned()).collect();
    common.extend(ORDINARY_WORDS.iter().map(|w| (*w).to_owned()));
    common
}

/// A slot (of 26 × 26) for a word's first two letters, when both are ASCII lowercase.
fn two_letters(word: &str) -> Option<usize> {
    match word.as_bytes() {
        [a @ b'a'..=b'z', b @ b'a'..=b'z', ..] => Some(usize::from(a - b'a') * 26 + usize::from(b - b'a')),
        _ => None,
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{esco_records, EscoFiles};
    use crate::taxonomy::SkillRecord;
    use crate::Error;

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

    fn row(name: &str, knowledge: bool, labels: &str) -> EscoRow {
        EscoRow {
            line: 2,
            uri: format!("u:{name}"),
            name: name.to_owned(),
            knowledge,
            transversal: false,
            language: false,
            labels: labels.to_owned(),
        }
    }

    fn label<'a>(text: &'a str, folded: &'a str, origin: Origin) -> Label<'a> {
        Label { raw: text, text: strip_markers(text), folded, origin }
    }

    /// Runs a rule of one skill on a label of `name`.
    fn skill_rule(
        rule: fn(&SkillContext<'_>, &Label<'_>, Markers) -> Option<Markers>,
        name: &str,
        knowledge: bool,
        labels: &str,
        text: &str,
        origin: Origin,
    ) -> Option<Markers> {
        let row = row(name, knowledge, labels);
        let name_folded = fold(&row.name);
        let folded = fold(strip_markers(text));
        rule(&SkillContext::new(&row, &name_folded), &label(text, &folded, origin), Markers::Plain)
    }

    /// Runs a rule across skills on a label of `name`, with `other` as the taxonomy's other skill, `common` as
    /// the ordinary words and `claimants` as the number of skills that claim the label.
    fn taxonomy_rule(
        rule: fn(&TaxonomyContext<'_>, &Label<'_>, Markers) -> Option<Markers>,
        name: &str,
        text: &str,
        origin: Origin,
        claimants: u32,
    ) -> Option<Markers> {
        let row = row(name, false, "");
        let (own, other) = (fold(name), fold("Apache Maven"));
        let names: HashMap<&str, usize> = [(own.as_str(), 0), (other.as_str(), 1)].into_iter().collect();
        let common: HashSet<String> = ["computer", "swift", "less", "lead"].iter().map(|w| (*w).to_owned()).collect();
        let folded = fold(text);
        let claims: HashMap<&str, u32> = [(folded.as_str(), claimants)].into_iter().collect();
        let context = TaxonomyContext { skill: 0, row: &row, names: &names, common: &common, claims: &claims };
        rule(&context, &label(text, &folded, origin), Markers::Plain)
    }

    const KEEP: Option<Markers> = Some(Markers::Plain);

    #[test]
    fn rules_are_listed_in_order() {
        let numbers: Vec<u8> = LABEL_RULES.iter().map(|r| r.number).collect();
        assert_eq!(numbers, (1..=11).collect::<Vec<u8>>());
        assert!(LABEL_RULES.iter().all(|r| !r.name.is_empty()));
        // Rules of one skill run before the rules across skills.
        let first_taxonomy = LABEL_RULES.iter().position(|r| matches!(r.apply, Apply::Taxonomy(_)));
        assert!(LABEL_RULES[first_taxonomy.unwrap_or(0)..].iter().all(|r| matches!(r.apply, Apply::Taxonomy(_))));
    }

    #[test]
    fn rule_1_paraphrase() {
        for (name, knowledge, text, origin, expected) in [
            ("show commitment", false, "enjoy working", Origin::Label, None),
            ("show commitment", false, "commitment", Origin::Label, KEEP),
            ("SQL Server", true, "MS SQL Server", Origin::Label, KEEP),
            ("bookkeeping", true, "double entry bookkeeping", Origin::Label, None),
            ("bake bread", false, "bake bread loaves", Origin::Subject, KEEP),
        ] {
            assert_eq!(skill_rule(paraphrase, name, knowledge, "", text, origin), expected, "{name} / {text}");
        }
    }

    #[test]
    fn rule_2_empty_label() {
        for (text, expected) in [("^?", None), ("!", None), ("^Kotlin", KEEP), ("Kotlin", KEEP)] {
            assert_eq!(skill_rule(empty_label, "Kotlin", true, "", text, Origin::Label), expected, "{text}");
        }
    }

    #[test]
    fn rule_3_own_name() {
        for (text, expected) in [("python  (Computer Programming)", None), ("Python", KEEP), ("^?Python3", KEEP)] {
            let got = skill_rule(own_name, "Python (computer programming)", true, "", text, Origin::Label);
            assert_eq!(got, expected, "{text}");
        }
    }

    #[test]
    fn rule_4_overlong() {
        for (text, expected) in [
            ("SQL Server Developer Edition", KEEP),
            ("SQL Server edition for teams", KEEP),
            ("SQL Server edition for small and large teams", None),
        ] {
            assert_eq!(skill_rule(overlong, "SQL Server", true, "", text, Origin::Label), expected, "{text}");
        }
    }

    #[test]
    fn rule_5_listed_product() {
        let products = "CalcPro\nSheetMax\nGridly\nNumberWorks\nTabulator\nspreadsheets\nUSS";
        let few = "CalcPro\nSheetMax\nspreadsheets";
        for (name, labels, text, origin, expected) in [
            ("use spreadsheet software", products, "CalcPro", Origin::Label, None),
            ("use spreadsheet software", products, "spreadsheets", Origin::Label, KEEP),
            ("use spreadsheet software", products, "USS", Origin::Label, KEEP),
            ("use spreadsheet software", few, "CalcPro", Origin::Label, KEEP),
            ("Spreadsheet Software", products, "CalcPro", Origin::Label, KEEP),
        ] {
            assert_eq!(skill_rule(listed_product, name, false, labels, text, origin), expected, "{name} / {text}");
        }
    }

    #[test]
    fn rule_6_short_label() {
        for (text, expected) in [
            ("ML", Some(Markers::CaseContext)),
            ("R2", Some(Markers::CaseContext)),
            ("ml", None),
            ("C#", KEEP),
            ("SQL", KEEP),
        ] {
            assert_eq!(skill_rule(short_label, "machine learning", false, "", text, Origin::Label), expected, "{text}");
        }
    }

    #[test]
    fn rule_7_another_skills_name() {
        for (text, expected) in [("apache maven", None), ("Maven", KEEP), ("Gradle build tool", KEEP)] {
            assert_eq!(taxonomy_rule(another_skills_name, "Gradle", text, Origin::Label, 1), expected, "{text}");
        }
    }

    #[test]
    fn rule_8_unrelated_word() {
        for (name, text, origin, expected) in [
            ("JavaScript", "Mocha", Origin::Label, None),
            ("SQL", "Subquery", Origin::Label, None),
            ("Python (computer programming)", "Python3", Origin::Label, KEEP),
            ("troubleshoot", "troubleshooting", Origin::Label, KEEP),
            ("geographic information systems", "GIS", Origin::Label, KEEP),
            ("Python (computer programming)", "Python", Origin::Bare, KEEP),
            ("JavaScript", "client-side scripting", Origin::Label, KEEP),
        ] {
            assert_eq!(taxonomy_rule(unrelated_word, name, text, origin, 1), expected, "{name} / {text}");
        }
    }

    #[test]
    fn rule_9_ordinary_truncation() {
        for (name, text, expected) in [
            ("computer equipment", "computer", None),
            ("computer equipment", "computing", KEEP),
            ("lead others", "lead", None),
            ("Apache Maven", "Maven", KEEP),
            ("computer", "computer", KEEP),
        ] {
            assert_eq!(taxonomy_rule(ordinary_truncation, name, text, Origin::Label, 1), expected, "{name} / {text}");
        }
    }

    #[test]
    fn rule_10_common_word() {
        for (text, expected) in [
            ("Swift", Some(Markers::Context)),
            ("LESS", Some(Markers::Case)),
            ("swift", KEEP),
            ("JavaScript", KEEP),
            ("Kotlin", KEEP),
        ] {
            assert_eq!(taxonomy_rule(common_word, "Swift (computer programming)", text, Origin::Label, 1), expected);
        }
    }

    #[test]
    fn rule_11_shared_label() {
        for (origin, claimants, expected) in [
            (Origin::Label, 1, KEEP),
            (Origin::Label, 2, Some(Markers::Context)),
            (Origin::Bare, 3, Some(Markers::Context)),
            (Origin::Subject, 2, None),
        ] {
            let got = taxonomy_rule(shared_label, "Oracle Database", "Oracle DB", origin, claimants);
            assert_eq!(got, expected, "{origin:?} x{claimants}");
        }
    }

    #[test]
    fn rule_12_keep_least_restrictive() {
        let mut kept = Vec::new();
        for label in [
            ("GIS", "gis", Markers::Case),
            ("gis", "gis", Markers::Plain),
            ("GIS", "gis", Markers::CaseContext),
            ("Geo", "geo", Markers::Context),
        ] {
            keep_least_restrictive(&mut kept, label);
        }
        assert_eq!(kept, [("gis", "gis", Markers::Plain), ("Geo", "geo", Markers::Context)]);
    }

    #[test]
    fn bare_forms() {
        for (name, expected) in [
            ("Python (computer programming)", Some("Python")),
            ("Chef (tools for software configuration management)", Some("Chef")),
            ("accounting", None),
        ] {
            assert_eq!(bare_form(name).as_deref(), expected, "{name}");
        }
    }

    #[test]
    fn subject_forms_rule_13() {
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
    fn objects_of_generic_verbs() {
        let verbs: HashSet<&str> = ["carry", "operate"].into_iter().collect();
        for (name, expected) in [
            ("carry out quality audits", Some("quality audits")),
            ("operate forklift", None),
            ("operate the heavy cranes", Some("heavy cranes")),
            ("operate the cranes", None),
            ("bake sourdough bread", None),
        ] {
            let words: Vec<&str> = name.split_whitespace().collect();
            let object = object_of_generic_verb(&words, &verbs).map(|o| o.join(" "));
            assert_eq!(object.as_deref(), expected, "{name}");
        }
    }

    #[test]
    fn generic_heads() {
        for (name, expected) in [
            ("pricing strategies", None),
            ("search engine optimisation techniques", Some("search engine optimisation")),
            ("fundamentals of digital marketing", Some("digital marketing")),
            ("principles of accounting", None),
            ("dairy products", None),
            ("data for processes", None),
        ] {
            let words: Vec<&str> = name.split_whitespace().collect();
            assert_eq!(without_generic_head(&words).as_deref(), expected, "{name}");
        }
    }

    #[test]
    fn generic_verbs_are_counted() {
        let mut rows: Vec<EscoRow> =
            (0..GENERIC_VERB_MIN_NAMES).map(|i| row(&format!("manage thing {i}"), false, "")).collect();
        rows.push(row("lead others", false, ""));
        rows.push(row("lead", false, ""));
        assert_eq!(generic_verbs(&rows).into_iter().collect::<Vec<_>>(), ["manage"]);
        rows.pop();
        rows.pop();
        rows.pop();
        assert!(generic_verbs(&rows).is_empty(), "one name short of the threshold");
    }

    #[test]
    fn names_get_markers() {
        let common: HashSet<String> = ["plan", "less", "swift"].iter().map(|w| (*w).to_owned()).collect();
        for (name, knowledge, expected) in [
            ("R", true, Some(Markers::CaseContext)),
            ("plan", false, Some(Markers::Context)),
            ("plan", true, None),
            ("LESS", true, Some(Markers::Case)),
            ("Swift", true, Some(Markers::Context)),
            ("Kotlin", true, None),
        ] {
            assert_eq!(name_markers(&row(name, knowledge, ""), &common), expected, "{name}");
        }
    }

    #[test]
    fn ordinary_words_from_prose() {
        let words: HashSet<String> = ["swift", "kotlin", "chef", "unity"].iter().map(|w| (*w).to_owned()).collect();
        let common = common_words(&words, "A swift reply. Kotlin is a language. UNITY in capitals.");
        let mut found: Vec<&str> = common.iter().map(String::as_str).filter(|w| words.contains(*w)).collect();
        found.sort_unstable();
        assert_eq!(found, ["chef", "swift"], "\"chef\" is in ORDINARY_WORDS");
    }

    #[test]
    fn variants() {
        for (label, name, expected) in [
            ("Python3", "Python (computer programming)", true),
            ("troubleshooting", "troubleshoot", true),
            ("teams", "work in teams", true),
            ("Mocha", "JavaScript", false),
            ("data", "statistics", false),
        ] {
            assert_eq!(is_variant(label, name), expected, "{label} / {name}");
        }
    }

    #[test]
    fn capitalised_words() {
        for (text, expected) in
            [("Swift", true), ("LESS", true), ("JavaScript", false), ("swift", false), ("C3", false), ("", false)]
        {
            assert_eq!(is_capitalised_word(text), expected, "{text}");
        }
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
}
