//! Loose phrase matching for taxonomies whose labels are phrases ("manage a team", "work in teams"), such as
//! ESCO: a label is found when its content words appear, lightly stemmed, **in the label's order**, within one
//! clause, with at most a few other words between them.
//!
//! - **Content words.** Function words ([`STOPWORDS`]) are ignored on both sides; "work in teams" is
//!   `work team`.
//! - **Stems.** [`stem`] strips inflections and common derivations so that "managing the team" and
//!   "management of teams" meet "manage a team", and "communicative" meets "communication"; British and
//!   American spellings (`-ise`/`-ize`) meet too.
//! - **Order.** The stems must come in the label's order: "team development" is not "development team", and
//!   "clients and listening" is not "listen to clients".
//! - **Gaps.** Up to [`MAX_SKIPPED_WORDS`] other content words may sit between the label's words ("work in
//!   small remote teams"), and up to [`MAX_EXTRA_STOPWORDS`] function words more than the label has.
//! - **Clauses.** A match never crosses a sentence end, clause punctuation (`, ; : ( ) [ ] < > " | *`, a
//!   dash between spaces) or a word that opens a clause ([`BARRIER_WORDS`]: "is", "that", "will"), so that a
//!   list of unrelated items or two clauses do not assemble a label. A conjunction ([`CONJUNCTIONS`]) may sit
//!   between other words ("work in a friendly and multilingual team") but not right beside a label word:
//!   "marketing and communication" lists two things and is not "marketing communication".
//! - **Generic verbs.** A name that starts with a verb shared by many names ([`GENERIC_VERB_MIN_NAMES`]:
//!   "manage", "operate", "perform") is also found by its object alone ("experience in wound care" for
//!   "perform wound care"), unless another skill has the same object or a label of just those words.
//! - **Overlaps.** Where matches overlap, the one with more label words wins, then the one with fewer gaps,
//!   then a display name over an alias, then the earlier one.
//!
//! Labels with fewer than two content words are left to the exact automaton: one stemmed word alone is too
//! weak a signal. Aliases that need context (`?`) or exact case (`^`) are left to it too.
//!
//! It complements the exact automaton and is switched on per extractor ([`PhraseMatching`]); the built-in
//! taxonomy, written as names and aliases, does not need it.

use rustc_hash::FxHashMap as HashMap;

use crate::normalize::is_word_char;
use crate::taxonomy::{AliasRef, CaseRule, ContextRule, Taxonomy};

/// Whether an extractor also matches phrase labels loosely.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PhraseMatching {
    /// Only exact alias matches (the default).
    #[default]
    Off,
    /// Also content words in the label's order, stemmed, with small gaps, within one clause (for ESCO-style
    /// phrase labels).
    Loose,
}

/// Words that carry no meaning of their own in a label or a requirement: articles, prepositions,
/// conjunctions, pronouns, verb particles ("carry out"), the verb "use", which ESCO puts in front of tool
/// names, and the words that frame a skill rather than name it ("ability to lead people", "leadership skills").
pub(crate) const STOPWORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "to",
    "in",
    "for",
    "with",
    "on",
    "at",
    "by",
    "from",
    "as",
    "into",
    "about",
    "their",
    "its",
    "your",
    "our",
    "other",
    "others",
    "etc",
    "e.g",
    "i.e",
    "be",
    "use",
    "using",
    "s",
    "this",
    "these",
    "those",
    "it",
    "you",
    "we",
    "they",
    "them",
    "his",
    "her",
    "one's",
    "all",
    "any",
    "such",
    "within",
    "across",
    "through",
    "via",
    "per",
    "than",
    "also",
    "both",
    "out",
    "up",
    "ability",
    "abilities",
    "able",
    "capable",
    "skill",
    "skills",
    "competence",
    "competences",
    "competency",
    "competencies",
];

/// Words that open a new clause ("the team **is** keen on developing", "tools **that** ..."): a match
/// does not run across one, unless the label itself has one.
const BARRIER_WORDS: &[&str] = &[
    "is", "are", "was", "were", "will", "can", "must", "should", "would", "could", "may", "might", "shall", "has",
    "have", "had", "that", "which", "who", "whom", "where", "when", "while", "because", "but", "if", "whether",
];

/// A verb that starts this many names is generic ("manage", "operate", "offer", "perform", down to
/// "diagnose"): it says how, not what. Here a name of three or more words that starts with one is also found
/// by its object alone ("financial services" for "offer financial services"); the ESCO importer derives
/// subject aliases from the same verbs. Below 25 come verbs that carry the skill themselves ("lead", "draw",
/// "record"). A taxonomy of a few hundred skills has none.
pub(crate) const GENERIC_VERB_MIN_NAMES: usize = 25;

/// Other content words allowed between a label's words: "work in small remote teams" still matches
/// "work in teams". Two admits an adjective pair; three starts to join unrelated words of a long sentence.
const MAX_SKIPPED_WORDS: usize = 2;

/// Function words allowed between a label's words beyond those the label itself has: "work in a team" for
/// "work in teams" (one more), but not "managing the payroll of the staff for the budget" for "manage budget"
/// (four more).
const MAX_EXTRA_STOPWORDS: usize = 2;

/// British spellings rewritten to American before stemming, so that both meet.
const SPELLINGS: &[(&str, &str)] = &[
    ("isational", "izational"),
    ("isations", "izations"),
    ("isation", "ization"),
    ("ising", "izing"),
    ("ised", "ized"),
    ("isers", "izers"),
    ("iser", "izer"),
    ("ises", "izes"),
    ("ise", "ize"),
    ("yse", "yze"),
    ("ysing", "yzing"),
    ("ysed", "yzed"),
    ("ogue", "og"),
];

/// Derivational endings mapped to a shorter canonical one (the stemmer's second step, after inflections),
/// longest first: "organizational" -> "organize", "communicator" -> "communicate".
const CANONICAL_ENDINGS: &[(&str, &str)] = &[
    ("izational", "ize"),
    ("izations", "ize"),
    ("iveness", "ive"),
    ("fulness", "ful"),
    ("ousness", "ous"),
    ("ibility", "ible"),
    ("ability", "able"),
    ("ization", "ize"),
    ("ational", "ate"),
    ("ations", "ate"),
    ("atives", "ate"),
    ("ically", "ic"),
    ("ation", "ate"),
    ("ators", "ate"),
    ("ative", "ate"),
    ("ivity", "ive"),
    ("ively", "ive"),
    ("ously", "ous"),
    ("ator", "ate"),
    ("ical", "ic"),
    ("ional", "ion"),
    ("ally", "al"),
    ("ness", ""),
    ("ship", ""),
];

/// Endings removed in the third step, longest first, when at least [`MIN_STEM`] letters remain.
const ENDINGS: &[&str] = &[
    "ement", "ment", "ance", "ence", "able", "ible", "ful", "ism", "ist", "ate", "ive", "ous", "ion", "ity", "ant",
    "ent", "ic", "al", "er", "or", "y",
];

/// Letters a derivational ending must leave: "creation" keeps "creat", not "cre"; "user" stays "user".
const MIN_STEM: usize = 4;

/// A light stemmer, after Porter's: inflections, then derivational endings, then a final `e` and doubled
/// consonant. Enough to meet "managing", "management" and "manager" with "manage", "communicator" with
/// "communication", and "teams" with "team". Words with digits or non-ASCII letters are kept as they are.
pub(crate) fn stem(word: &str) -> String {
    let mut out = String::new();
    stem_into(word, &mut out);
    out
}

fn stem_into(word: &str, out: &mut String) {
    out.clear();
    out.push_str(word);
    if !word.bytes().all(|b| b.is_ascii_lowercase()) || word.len() <= 3 {
        return;
    }
    if let Some((brit, amer)) = SPELLINGS.iter().find(|(b, _)| out.ends_with(b)) {
        replace_end(out, brit.len(), amer);
    }
    strip_inflection(out);
    // A canonical ending may leave a three-letter root ("cre-ate"); removing one outright needs four.
    let root = |canonical: &str| if canonical.is_empty() { MIN_STEM } else { MIN_STEM - 1 };
    if let Some((ending, canonical)) =
        CANONICAL_ENDINGS.iter().find(|(e, c)| out.len() >= e.len() + root(c) && out.ends_with(e))
    {
        replace_end(out, ending.len(), canonical);
    }
    let found = ENDINGS.iter().find(|e| {
        out.len() >= e.len() + MIN_STEM
            && out.ends_with(*e)
            // "-ion" only after s or t, as in Porter: "profession", "creation", but not "region".
            && (**e != "ion" || out[..out.len() - 3].ends_with(['s', 't']))
    });
    if let Some(e) = found {
        out.truncate(out.len() - e.len());
    }
    // "manage" and "manag(ing)" meet at "manag".
    if out.len() > 3 && out.ends_with('e') {
        out.pop();
    }
    collapse_double(out);
}

fn replace_end(out: &mut String, len: usize, with: &str) {
    out.truncate(out.len() - len);
    out.push_str(with);
}

/// Plurals and verb endings: "policies" -> "policy", "processes" -> "process", "teams" -> "team",
/// "managing" -> "manag", "automated" -> "automate", "planning" -> "plan".
fn strip_inflection(out: &mut String) {
    let n = out.len();
    if out.ends_with("sses") {
        out.truncate(n - 2);
    } else if (out.ends_with("ies") || out.ends_with("ied")) && n > 4 {
        replace_end(out, 3, "y");
    } else if out.ends_with("es") && ["ss", "x", "z", "ch", "sh"].iter().any(|e| out[..n - 2].ends_with(e)) {
        out.truncate(n - 2);
    } else if out.ends_with('s') && n > 3 && !out.ends_with("ss") && !out.ends_with("us") && !out.ends_with("is") {
        out.pop();
    }
    for ending in ["ing", "ed"] {
        let n = out.len();
        let stem = &out[..n.saturating_sub(ending.len())];
        if out.ends_with(ending) && stem.len() >= 3 && stem.contains(['a', 'e', 'i', 'o', 'u', 'y']) {
            out.truncate(stem.len());
            if out.ends_with("at") || out.ends_with("iz") || out.ends_with("bl") {
                out.push('e');
            } else {
                collapse_double(out);
            }
            break;
        }
    }
}

/// "programm" -> "program", "plann" -> "plan"; "skill" and "process" keep theirs.
fn collapse_double(out: &mut String) {
    let doubled = match out.as_bytes() {
        [_, _, .., before, last] if before == last => {
            !matches!(last, b'l' | b's' | b'z' | b'e' | b'o' | b'a' | b'i' | b'u')
        }
        _ => false,
    };
    if doubled {
        out.pop();
    }
}

/// Stem id of a function word in the text.
const STOP: u32 = u32::MAX;
/// Stem id of a content word that no label has.
const UNKNOWN: u32 = u32::MAX - 1;
/// Stem id of a word in [`BARRIER_WORDS`].
const BARRIER: u32 = u32::MAX - 2;
/// Stem id of a word in [`CONJUNCTIONS`].
const CONJUNCTION: u32 = u32::MAX - 3;

/// Words that join two items of a list (and a free-standing "&", which is no word character): a match may skip
/// one only between words that are not the label's
/// ("work in a friendly and multilingual team"), not right beside a label word ("marketing and communication"
/// is not "marketing communication", "retail and online banking" not "retail banking").
const CONJUNCTIONS: &[&str] = &["and", "or", "nor"];

/// A phrase label: its content stems in order.
#[derive(Debug, Clone)]
struct Phrase {
    alias: AliasRef,
    stems: Box<[u32]>,
    /// Where the key (rarest) stem sits in `stems`.
    key: u8,
    /// Function words inside the label, which the text may repeat for free.
    stopwords: u8,
    /// Whether the label has a word of [`BARRIER_WORDS`], so that the text may have them too.
    barriers: bool,
    /// Whether the label has a word of [`CONJUNCTIONS`] ("leadership and decision-making").
    conjunctions: bool,
}

/// One word of the text being searched.
#[derive(Debug, Clone, Copy)]
struct Token {
    start: usize,
    end: usize,
    stem: u32,
    /// The clause the word sits in.
    clause: u32,
}

/// The state of a walk from a phrase's key word outwards, one token at a time.
#[derive(Debug, Default)]
struct Walk {
    clause: u32,
    /// Other content words passed.
    skipped: usize,
    /// Function words passed.
    stopwords: usize,
    /// Whether the token just passed was a label word (the key, at the start of each direction).
    beside_label_word: bool,
    /// Whether the token just passed was a conjunction.
    beside_conjunction: bool,
}

impl Walk {
    /// Back at the key word, to walk the other way.
    fn restart(&mut self) {
        (self.beside_label_word, self.beside_conjunction) = (true, false);
    }

    /// Passes `token`: `Some(true)` when it is the `wanted` stem, `Some(false)` to go on, `None` when the match
    /// fails here (another clause, a barrier, too wide a gap, or a conjunction beside a label word:
    /// "marketing and communication" lists two things, "a friendly and multilingual team" is still one).
    fn step(&mut self, phrase: &Phrase, token: &Token, wanted: u32) -> Option<bool> {
        if token.clause != self.clause {
            return None;
        }
        if token.stem == wanted {
            if self.beside_conjunction {
                return None;
            }
            self.restart();
            return Some(true);
        }
        let conjunction = token.stem == CONJUNCTION && !phrase.conjunctions;
        if conjunction && self.beside_label_word {
            return None;
        }
        (self.beside_label_word, self.beside_conjunction) = (false, conjunction);
        if token.stem == STOP || token.stem == CONJUNCTION || (token.stem == BARRIER && phrase.barriers) {
            self.stopwords += 1;
        } else if token.stem == BARRIER {
            return None;
        } else {
            self.skipped += 1;
        }
        let allowed_stopwords = usize::from(phrase.stopwords) + MAX_EXTRA_STOPWORDS;
        (self.skipped <= MAX_SKIPPED_WORDS && self.stopwords <= allowed_stopwords).then_some(false)
    }
}

/// A loose match, before overlaps are resolved.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    first: usize,
    last: usize,
    phrase: u32,
    skipped: usize,
    extra_stopwords: usize,
}

/// An index of phrase labels by their rarest stem.
#[derive(Debug, Clone, Default)]
pub(crate) struct PhraseIndex {
    phrases: Vec<Phrase>,
    /// Stem text -> stem id.
    vocabulary: HashMap<Box<str>, u32>,
    /// Stem id -> the phrases keyed on it.
    by_key: Vec<Vec<u32>>,
}

/// Splits folded text into words: `(start, end)` byte spans of runs of word characters (with `+` and `#`, so
/// that "c++" stays one word).
fn words(folded: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = folded.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some(&(_, c)) = chars.peek() {
            if is_phrase_char(c) {
                break;
            }
            chars.next();
        }
        let &(start, _) = chars.peek()?;
        let mut end = start;
        while let Some(&(i, c)) = chars.peek() {
            if !is_phrase_char(c) {
                break;
            }
            end = i + c.len_utf8();
            chars.next();
        }
        Some((start, end))
    })
}

fn is_phrase_char(c: char) -> bool {
    is_word_char(c) || c == '+' || c == '#'
}

/// Whether the text between two words holds a free-standing "&" ("research & development").
fn has_ampersand(between: &str) -> bool {
    between.split_whitespace().any(|w| w == "&")
}

/// Whether the text between two words ends a clause.
fn is_clause_break(between: &str) -> bool {
    let mut chars = between.chars().peekable();
    let mut previous = ' ';
    while let Some(c) = chars.next() {
        let after_space = std::mem::replace(&mut previous, c).is_whitespace();
        match c {
            // A dash between spaces: a bullet, or a dash between clauses.
            '-' if after_space && chars.peek().is_some_and(|n| n.is_whitespace()) => return true,
            '!' | '?' | ';' | ':' | ',' | '(' | ')' | '[' | ']' | '{' | '}' | '<' | '>' | '"' | '|' | '*' | '\n' => {
                return true
            }
            // A full stop, not the dot of "asp.net" or "node.js" (a dot right before the next word).
            '.' if chars.peek().is_some_and(|n| n.is_whitespace()) => return true,
            _ => {}
        }
    }
    false
}

impl PhraseIndex {
    /// Indexes every alias of two or more content words that needs neither exact case nor context.
    pub fn new(taxonomy: &Taxonomy) -> PhraseIndex {
        let mut index = PhraseIndex::default();
        let mut counts: Vec<u32> = Vec::new();
        let mut scratch = String::new();
        let mut stems: Vec<u32> = Vec::new();
        // (skill, stems) -> the phrase, so that each skill has one phrase per stem sequence.
        let mut seen: HashMap<(u32, Box<[u32]>), usize> = HashMap::default();
        // The taxonomy's aliases come folded already; in key order, so that stem ids do not depend on its hash
        // order.
        let mut keyed: Vec<(&str, &[AliasRef])> = taxonomy.folded_aliases().collect();
        keyed.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let mut word_ids: HashMap<&str, u32> = HashMap::default();
        // Per phrase: whether the label starts with a content word (a verb, in a skill's name).
        let mut leads_with_verb: Vec<bool> = Vec::new();
        for (folded, refs) in keyed {
            let plain: Vec<AliasRef> = refs
                .iter()
                .copied()
                .filter(|&r| {
                    let alias = taxonomy.alias(r);
                    alias.case != CaseRule::Exact && alias.context != ContextRule::Needed
                })
                .collect();
            if plain.is_empty() {
                continue;
            }
            stems.clear();
            let mut stopwords = 0u8;
            let mut barriers = false;
            let mut conjunctions = false;
            let mut leading_content = None;
            let mut previous_end = 0;
            for (s, e) in words(folded) {
                if has_ampersand(&folded[previous_end..s]) {
                    conjunctions = true;
                    stopwords = stopwords.saturating_add(1);
                }
                previous_end = e;
                let word = &folded[s..e];
                let barrier = BARRIER_WORDS.contains(&word);
                let conjunction = CONJUNCTIONS.contains(&word);
                let function_word = barrier || conjunction || STOPWORDS.contains(&word);
                leading_content.get_or_insert(!function_word);
                if function_word {
                    barriers |= barrier;
                    conjunctions |= conjunction;
                    stopwords = stopwords.saturating_add(1);
                    continue;
                }
                // Labels repeat their words ("manage" starts 450 of them): stem each word once.
                let id = match word_ids.get(word) {
                    Some(&id) => id,
                    None => {
                        stem_into(word, &mut scratch);
                        let id = match index.vocabulary.get(scratch.as_str()) {
                            Some(&id) => id,
                            None => {
                                let id = counts.len() as u32;
                                index.vocabulary.insert(scratch.as_str().into(), id);
                                counts.push(0);
                                id
                            }
                        };
                        word_ids.insert(word, id);
                        id
                    }
                };
                if stems.last() != Some(&id) {
                    stems.push(id);
                }
            }
            if stems.len() < 2 || stems.len() > usize::from(u8::MAX) {
                continue;
            }
            for alias in plain {
                match seen.get(&(alias.skill.0, stems.as_slice().into())) {
                    // The earliest alias of the skill wins: the name, when it is one.
                    Some(&p) => {
                        if let Some(phrase) = index.phrases.get_mut(p).filter(|phrase| alias.alias < phrase.alias.alias)
                        {
                            *phrase = Phrase {
                                alias,
                                stems: phrase.stems.clone(),
                                key: 0,
                                stopwords,
                                barriers,
                                conjunctions,
                            };
                        }
                    }
                    None => {
                        seen.insert((alias.skill.0, stems.as_slice().into()), index.phrases.len());
                        leads_with_verb.push(leading_content == Some(true));
                        for &id in &stems {
                            if let Some(n) = counts.get_mut(id as usize) {
                                *n += 1;
                            }
                        }
                        index.phrases.push(Phrase {
                            alias,
                            stems: stems.as_slice().into(),
                            key: 0,
                            stopwords,
                            barriers,
                            conjunctions,
                        });
                    }
                }
            }
        }
        index.add_objects(&leads_with_verb, &mut counts);
        index.by_key = vec![Vec::new(); counts.len()];
        for (p, phrase) in index.phrases.iter_mut().enumerate() {
            // Every stem id indexes `counts` and `by_key`, which are as long as there are stems.
            let count = |k: usize| phrase.stems.get(k).and_then(|&s| counts.get(s as usize)).copied();
            let key = (0..phrase.stems.len()).min_by_key(|&k| (count(k), k)).unwrap_or(0);
            phrase.key = key as u8;
            if let Some(phrases) = phrase.stems.get(key).and_then(|&s| index.by_key.get_mut(s as usize)) {
                phrases.push(p as u32);
            }
        }
        index
    }

    /// Adds, for each name that starts with a generic verb, its object as a phrase of its own ("offer
    /// financial services" is also found as "financial services"), unless another skill has the same object or
    /// a label with the same words.
    fn add_objects(&mut self, leads_with_verb: &[bool], counts: &mut [u32]) {
        let is_verb_name =
            |p: &Phrase, i: usize| p.alias.alias == 0 && p.stems.len() >= 3 && leads_with_verb.get(i) == Some(&true);
        let mut verbs: HashMap<u32, usize> = HashMap::default();
        for (i, p) in self.phrases.iter().enumerate() {
            if let Some(&verb) = p.stems.first().filter(|_| is_verb_name(p, i)) {
                *verbs.entry(verb).or_default() += 1;
            }
        }
        // Object -> the phrases (names) it comes from; stems -> the skills whose labels have exactly those.
        let mut objects: HashMap<&[u32], Vec<usize>> = HashMap::default();
        let mut labels: HashMap<&[u32], Vec<u32>> = HashMap::default();
        for (i, p) in self.phrases.iter().enumerate() {
            labels.entry(&p.stems[..]).or_default().push(p.alias.skill.0);
            let generic_verb =
                p.stems.first().and_then(|verb| verbs.get(verb)).is_some_and(|&n| n >= GENERIC_VERB_MIN_NAMES);
            if let Some(object) = p.stems.get(1..).filter(|_| generic_verb && is_verb_name(p, i)) {
                objects.entry(object).or_default().push(i);
            }
        }
        let mut added: Vec<Phrase> = Vec::new();
        for (object, owners) in objects {
            let Some(name) = owners.first().and_then(|&o| self.phrases.get(o)) else { continue };
            let skill = name.alias.skill.0;
            let shared = owners.iter().any(|&o| self.phrases.get(o).is_some_and(|p| p.alias.skill.0 != skill))
                || labels.get(object).is_some_and(|skills| skills.iter().any(|&s| s != skill));
            if !shared {
                added.push(Phrase { stems: object.into(), key: 0, ..name.clone() });
            }
        }
        // Deterministic order, whatever the hash map's.
        added.sort_by(|a, b| a.alias.skill.cmp(&b.alias.skill).then(a.stems.cmp(&b.stems)));
        for phrase in added {
            for &id in phrase.stems.iter() {
                if let Some(n) = counts.get_mut(id as usize) {
                    *n += 1;
                }
            }
            self.phrases.push(phrase);
        }
    }

    /// Loose matches in folded text, as folded byte spans (see the module docs).
    pub fn find(&self, folded: &str, out: &mut Vec<(usize, usize, AliasRef)>) {
        if self.phrases.is_empty() {
            return;
        }
        let mut tokens: Vec<Token> = Vec::new();
        let mut clause = 0u32;
        let mut previous_end = 0;
        let mut scratch = String::new();
        for (start, end) in words(folded) {
            let between = &folded[previous_end..start];
            if is_clause_break(between) {
                clause += 1;
            } else if has_ampersand(between) {
                // "&" is no word character, but it joins like "and".
                tokens.push(Token { start: previous_end, end: start, stem: CONJUNCTION, clause });
            }
            previous_end = end;
            let word = &folded[start..end];
            let stem = if CONJUNCTIONS.contains(&word) {
                CONJUNCTION
            } else if STOPWORDS.contains(&word) {
                STOP
            } else if BARRIER_WORDS.contains(&word) {
                BARRIER
            } else {
                stem_into(word, &mut scratch);
                self.vocabulary.get(scratch.as_str()).copied().unwrap_or(UNKNOWN)
            };
            tokens.push(Token { start, end, stem, clause });
        }
        let mut found: Vec<Candidate> = Vec::new();
        for (i, token) in tokens.iter().enumerate() {
            let Some(keyed) = self.by_key.get(token.stem as usize) else { continue };
            for &p in keyed {
                if let Some(candidate) = self.match_at(&tokens, i, p) {
                    found.push(candidate);
                }
            }
        }
        // More label words, fewer gaps, a name over an alias, then text order.
        // A candidate's phrase is always in the index (`match_at` found it there).
        found.retain(|c| self.phrases.get(c.phrase as usize).is_some());
        found.sort_by_key(|c| {
            let phrase = self.phrases.get(c.phrase as usize);
            (
                std::cmp::Reverse(phrase.map_or(0, |p| p.stems.len())),
                c.skipped + c.extra_stopwords,
                phrase.is_some_and(|p| p.alias.alias != 0),
                c.first,
                phrase.map(|p| p.alias.skill),
                phrase.map(|p| p.alias.alias),
            )
        });
        let mut taken: Vec<(usize, usize)> = Vec::new();
        for c in found {
            if taken.iter().all(|&(first, last)| c.last < first || c.first > last) {
                let (Some(phrase), Some(first), Some(last)) =
                    (self.phrases.get(c.phrase as usize), tokens.get(c.first), tokens.get(c.last))
                else {
                    continue;
                };
                taken.push((c.first, c.last));
                out.push((first.start, last.end, phrase.alias));
            }
        }
    }

    /// The phrase `p` around its key stem at token `at`: the nearest occurrence of each other stem, in order,
    /// within the clause and the gap limits.
    fn match_at(&self, tokens: &[Token], at: usize, p: u32) -> Option<Candidate> {
        let phrase = self.phrases.get(p as usize)?;
        let key = usize::from(phrase.key);
        let mut walk = Walk { clause: tokens.get(at)?.clause, ..Walk::default() };
        let mut first = at;
        walk.restart();
        for &wanted in phrase.stems.get(..key)?.iter().rev() {
            while !walk.step(phrase, tokens.get(first.checked_sub(1)?)?, wanted)? {
                first -= 1;
            }
            first -= 1;
        }
        walk.restart();
        let mut last = at;
        for &wanted in phrase.stems.get(key + 1..)? {
            while !walk.step(phrase, tokens.get(last + 1)?, wanted)? {
                last += 1;
            }
            last += 1;
        }
        let extra_stopwords = walk.stopwords.saturating_sub(usize::from(phrase.stopwords));
        Some(Candidate { first, last, phrase: p, skipped: walk.skipped, extra_stopwords })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::fold;

    #[test]
    fn stems() {
        let groups: &[&[&str]] = &[
            &["managing", "manage", "management", "manager", "managed"],
            &["develop", "developing", "development", "developer"],
            &["communication", "communicate", "communicative", "communicator", "communicating"],
            &["team", "teams"],
            &["programming", "programme", "program", "programs", "programmer"],
            &["organise", "organize", "organisation", "organization", "organisational", "organizational"],
            &["automation", "automated", "automate"],
            &["technology", "technologies"],
            &["strategy", "strategies", "strategic"],
            &["creative", "creativity", "create", "creation"],
            &["policies", "policy"],
            &["processes", "process", "processing"],
            &["planning", "plan", "plans"],
            &["leadership", "leader", "leading", "lead"],
            &["engineer", "engineering", "engineers"],
            &["professional", "profession"],
            &["statistics", "statistical"],
            &["analytics", "analytical"],
        ];
        for group in groups {
            let first = stem(group[0]);
            for word in &group[1..] {
                assert_eq!(stem(word), first, "{word} vs {}", group[0]);
            }
        }
        for (word, expected) in [
            ("analysis", "analysis"),
            ("status", "status"),
            ("skills", "skill"),
            ("c++", "c++"),
            ("apps", "app"),
            ("data", "data"),
        ] {
            assert_eq!(stem(word), expected, "{word}");
        }
        for (a, b) in [("team", "teaching"), ("process", "procedure"), ("data", "date"), ("statistical", "static")] {
            assert_ne!(stem(a), stem(b), "{a} / {b}");
        }
    }

    fn finder(rows: &str) -> impl Fn(&str) -> Vec<String> {
        let mut b = Taxonomy::builder();
        b.add_csv("t.csv", &format!("id,name,family,kind,aliases,related,broader\n{rows}")).expect("parses");
        let tax = b.build().expect("builds");
        let index = PhraseIndex::new(&tax);
        move |text: &str| {
            let mut out = Vec::new();
            index.find(&fold(text), &mut out);
            out.iter().map(|m| tax.skill(m.2.skill).id.clone()).collect()
        }
    }

    struct Case {
        name: &'static str,
        input: &'static str,
        expected: &'static [&'static str],
    }

    const ROWS: &str = "manage-team,manage a team,general,soft,,,\nwork-teams,work in teams,general,soft,,,\n\
        team-building,team building,general,soft,team development,,\nmanage-budget,manage budgets,finance,method,,,\n\
        marcom,marketing communication,marketing,domain,,,\nretail-banking,retail banking,banking,domain,,,\nreview-code,conduct code review,it,method,?code review,,\n";

    const CASES: &[Case] = &[
        Case { name: "inflected", input: "You will be managing the sales team.", expected: &["manage-team"] },
        Case { name: "derived", input: "Team management experience.", expected: &[] },
        Case { name: "gap of two", input: "Able to work in small remote teams", expected: &["work-teams"] },
        Case { name: "extra function word", input: "Happy to work within a team of five", expected: &["work-teams"] },
        Case { name: "gap of three", input: "work on the big bold shiny teams", expected: &[] },
        Case { name: "wrong order", input: "Join our development team.", expected: &[] },
        Case { name: "right order", input: "Team development workshops.", expected: &["team-building"] },
        Case { name: "across sentences", input: "Manage budgets. The team is great.", expected: &["manage-budget"] },
        Case { name: "across a comma", input: "manage stock, team lunches", expected: &[] },
        Case { name: "across a bracket", input: "manage (the whole) team", expected: &[] },
        Case { name: "across a bullet dash", input: "- manage - team lunches", expected: &[] },
        Case { name: "hyphenated words", input: "manage cross-functional team", expected: &["manage-team"] },
        Case {
            name: "too many function words",
            input: "managing the payroll of the staff for the budget",
            expected: &[],
        },
        Case { name: "conjunction beside a label word", input: "marketing and communication", expected: &[] },
        Case { name: "ampersand beside a label word", input: "retail & online banking", expected: &[] },
        Case {
            name: "conjunction inside a label's word list",
            input: "retail banking and loans",
            expected: &["retail-banking"],
        },
        Case {
            name: "conjunction between other words",
            input: "work in a friendly and multilingual team",
            expected: &["work-teams"],
        },
        Case { name: "across a clause", input: "the team is keen on developing", expected: &[] },
        Case { name: "needs context is skipped", input: "code review every day", expected: &[] },
        Case { name: "past tense and singular", input: "Managed budget processes", expected: &["manage-budget"] },
        Case { name: "dotted words are not sentence ends", input: "manage asp.net team", expected: &["manage-team"] },
    ];

    #[test]
    fn finds_reworded_labels() {
        let find = finder(ROWS);
        for case in CASES {
            assert_eq!(find(case.input), case.expected, "{}: {:?}", case.name, case.input);
        }
    }

    #[test]
    fn generic_verbs_are_optional() {
        let mut rows: String =
            (0..GENERIC_VERB_MIN_NAMES).map(|i| format!("m{i},manage widget{i} stock,x,method,,,\n")).collect();
        rows.push_str("levels,manage stock levels,x,method,,,\nstock-levels,stock levels,x,domain,,,\n");
        rows.push_str("offer,offer financial services,x,method,,,\n");
        let find = finder(&rows);
        assert_eq!(find("Widget7 stock counts"), ["m7"], "the object alone");
        assert_eq!(find("managing widget7 stock"), ["m7"]);
        assert_eq!(find("stock levels"), ["stock-levels"], "another skill's label is not an object");
        assert!(find("financial services").is_empty(), "\"offer\" starts one name: not generic");
    }

    #[test]
    fn overlaps_prefer_longer_then_tighter_labels() {
        let find =
            finder("a,manage budgets,x,method,,,\nb,manage project budgets,x,method,,,\nc,project teams,x,method,,,\n");
        assert_eq!(find("manage project budgets"), ["b"]);
        assert_eq!(find("manage budgets for project teams"), ["a", "c"]);
    }

    #[test]
    fn odd_input_does_not_panic() {
        let find = finder(ROWS);
        for text in ["", " ", ".", "team", "manage", "\u{202B}manage team\u{202C}", "manage\nteam", "c++ c# .net"] {
            let _ = find(text);
        }
    }
}
