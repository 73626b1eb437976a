//! `FuzzyScan`: a brute-force oracle for `skillgap::FuzzyIndex`. It answers the same lookup by comparing the
//! term with every alias of the taxonomy, with `strsim`, and no candidate pruning.
//!
//! It is written again from the rules in the `FuzzyIndex` and `FuzzyMatch` docs, over public data only (the
//! aliases, their case and context flags, and `fold`), and shares no code with the index: a disagreement is a bug
//! in one of the two. The `fuzzy_oracle` test holds the index to it, and `benches/fuzzy.rs` measures the index
//! against it. Keep it plain: it is the reference, not a second index.

use std::cmp::Reverse;

use skillgap::{fold, AliasRef, CaseRule, ContextRule, FuzzyHow, FuzzyMatch, Taxonomy};

/// The scores, as `FuzzyMatch::score` documents them.
const EXACT: u8 = 100;
const VARIANT: u8 = 96;
const TYPO_MAX: u8 = 85;
const STEP_PENALTY: u8 = 2;

/// Vendor words, by group: words of one group name one vendor.
const VENDORS: &[&[&str]] = &[
    &["adobe"],
    &["amazon", "aws"],
    &["apache"],
    &["atlassian"],
    &["autodesk"],
    &["google"],
    &["ibm"],
    &["microsoft", "ms"],
    &["oracle"],
    &["sap"],
];

/// One key of an alias: as written, or with its leading vendor word dropped.
#[derive(Debug, Clone)]
struct Form {
    key: Key,
    /// The plural-stemmed key.
    stem: String,
    /// The vendor group dropped.
    vendor: Option<usize>,
}

#[derive(Debug, Clone)]
struct ScanAlias {
    alias: AliasRef,
    folded: String,
    forms: Vec<Form>,
    typo_ok: bool,
    /// The vendor groups named by any alias of the skill.
    skill_vendors: Vec<usize>,
}

/// A token list, compact (its tokens back to back) and split.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Key {
    text: String,
    tokens: Vec<String>,
    chars: usize,
    /// The set of characters in `text`, hashed to 64 bits (see [`typo`]).
    signature: u64,
}

impl Key {
    fn new<S: AsRef<str>>(tokens: &[S]) -> Key {
        let tokens: Vec<String> = tokens.iter().map(|t| t.as_ref().to_owned()).collect();
        let text = tokens.concat();
        let signature = text.chars().fold(0, |signature, c| signature | 1 << (c as u32 % 64));
        Key { chars: text.chars().count(), signature, text, tokens }
    }
}

/// One key the term is looked up by.
#[derive(Debug, Clone)]
struct TermKey {
    key: Key,
    stemmed: bool,
    steps: u8,
    vendor: Option<usize>,
    typo: bool,
}

/// The brute-force fuzzy lookup.
#[derive(Debug, Clone)]
pub struct FuzzyScan {
    aliases: Vec<ScanAlias>,
}

impl FuzzyScan {
    /// Folds and splits every alias of `taxonomy`, in taxonomy order.
    pub fn new(taxonomy: &Taxonomy) -> FuzzyScan {
        let mut aliases = Vec::new();
        for skill in taxonomy.skills() {
            let skill_idx = taxonomy.get(&skill.id).expect("a skill's id leads to it");
            let first = aliases.len();
            for (alias, alias_idx) in skill.aliases.iter().zip(0u32..) {
                let folded = fold(&alias.text);
                let tokens = tokenize(&folded);
                let mut forms = Vec::new();
                if !tokens.is_empty() {
                    forms.push(Form { key: Key::new(&tokens), stem: stemmed(&tokens), vendor: None });
                }
                if let (Some(group), [_, rest @ ..]) = (tokens.first().and_then(|t| vendor_of(t)), &tokens[..]) {
                    if !rest.is_empty() {
                        forms.push(Form { key: Key::new(rest), stem: stemmed(rest), vendor: Some(group) });
                    }
                }
                aliases.push(ScanAlias {
                    alias: AliasRef { skill: skill_idx, alias: alias_idx },
                    folded,
                    forms,
                    typo_ok: alias.case == CaseRule::Insensitive && alias.context == ContextRule::Free,
                    skill_vendors: Vec::new(),
                });
            }
            let vendors: Vec<usize> = aliases[first..].iter().flat_map(|a| &a.forms).filter_map(|f| f.vendor).collect();
            for alias in &mut aliases[first..] {
                alias.skill_vendors.clone_from(&vendors);
            }
        }
        FuzzyScan { aliases }
    }

    /// The answer `FuzzyIndex::lookup` must give: the best match per skill, ordered by score (highest first),
    /// edits (fewest first) and taxonomy order, at most `limit`.
    pub fn lookup(&self, term: &str, limit: usize) -> Vec<FuzzyMatch> {
        let folded = fold(term);
        if limit == 0 || folded.is_empty() {
            return Vec::new();
        }
        let keys = term_keys(&folded);
        let typo_keys: Vec<TermKey> = keys.iter().filter(|k| k.typo).cloned().collect();
        // The byte lengths of every key, hashed to 64 bits: a form whose key and stem lengths match no key can
        // only be a typo, so only the typo keys are compared with it. A shortcut for a debug build, not pruning.
        let lengths = keys.iter().fold(0u64, |lengths, k| lengths | 1 << (k.key.text.len() % 64));
        let mut found = Vec::new();
        for a in &self.aliases {
            if a.folded == folded {
                found.push(FuzzyMatch { alias: a.alias, score: EXACT, edits: 0, how: FuzzyHow::Exact });
            }
            for form in &a.forms {
                let form_lengths = 1 << (form.key.text.len() % 64) | 1 << (form.stem.len() % 64);
                let keys = if lengths & form_lengths != 0 { &keys } else { &typo_keys };
                for key in keys {
                    let vendor_ok = match (key.vendor, form.vendor) {
                        (None, form_vendor) => form_vendor.is_none(),
                        (Some(group), None) => a.skill_vendors.contains(&group),
                        (Some(group), Some(form_vendor)) => group == form_vendor,
                    };
                    if !vendor_ok {
                        continue;
                    }
                    let target = if key.stemmed { &form.stem } else { &form.key.text };
                    if *target == key.key.text {
                        let score = VARIANT - STEP_PENALTY * key.steps;
                        found.push(FuzzyMatch { alias: a.alias, score, edits: 0, how: FuzzyHow::Variant });
                    }
                    if key.typo && a.typo_ok {
                        if let Some(typo) = typo(&key.key, &form.key) {
                            found.push(typo_match(a.alias, typo, key.key.chars.max(form.key.chars), key.steps));
                        }
                    }
                }
            }
        }
        found.sort_by_key(|m| (m.alias.skill, Reverse(m.score), m.edits, m.alias.alias));
        found.dedup_by_key(|m| m.alias.skill);
        found.sort_by_key(|m| (Reverse(m.score), m.edits, m.alias.skill, m.alias.alias));
        found.truncate(limit);
        found
    }
}

fn typo_match(alias: AliasRef, edits: usize, longer: usize, steps: u8) -> FuzzyMatch {
    let kept = (TYPO_MAX as usize * (longer - edits) / longer) as u8;
    FuzzyMatch { alias, score: kept.saturating_sub(STEP_PENALTY * steps), edits: edits as u8, how: FuzzyHow::Typo }
}

fn tokenize(folded: &str) -> Vec<&str> {
    folded.split(|c: char| c.is_whitespace() || ".-_/".contains(c)).filter(|t| !t.is_empty()).collect()
}

fn vendor_of(token: &str) -> Option<usize> {
    VENDORS.iter().position(|words| words.contains(&token))
}

/// The compact key with the last token's plural ending stemmed.
fn stemmed<S: AsRef<str>>(tokens: &[S]) -> String {
    stemmed_tokens(tokens).concat()
}

/// The tokens with the last one's plural ending stemmed (Porter's step 1a, a final `y` as `i`), if it has at
/// least four characters.
fn stemmed_tokens<S: AsRef<str>>(tokens: &[S]) -> Vec<String> {
    let mut out: Vec<String> = tokens.iter().map(|t| t.as_ref().to_owned()).collect();
    let Some(stem) = out.last_mut().filter(|last| last.chars().count() >= 4) else { return out };
    if ["sses", "xes", "ches", "shes"].iter().any(|s| stem.ends_with(s)) {
        stem.truncate(stem.len() - 2);
    } else if stem.ends_with("ies") {
        stem.truncate(stem.len() - 3);
        stem.push('y');
    } else if stem.ends_with('s') && !stem.ends_with("ss") {
        stem.pop();
    }
    if stem.ends_with('y') {
        stem.pop();
        stem.push('i');
    }
    out
}

fn is_version(token: &str) -> bool {
    let token = token.strip_suffix('+').unwrap_or(token);
    let number = token.strip_prefix('v').or(token.strip_prefix("es")).or(token.strip_prefix("cs")).unwrap_or(token);
    token == "x" || token == "cc" || (!number.is_empty() && number.chars().all(|c| c.is_ascii_digit()))
}

/// Trailing version tokens dropped (never the first), then digits glued to the last token if at least three
/// characters ending in a letter remain.
fn without_versions(tokens: &[String]) -> Option<Vec<String>> {
    let mut out = tokens.to_vec();
    while out.len() > 1 && is_version(out.last()?) {
        out.pop();
    }
    let last = out.last_mut()?;
    let trimmed = last.trim_end_matches(|c: char| c.is_ascii_digit()).to_owned();
    if trimmed.len() < last.len() && trimmed.chars().count() >= 3 && trimmed.ends_with(char::is_alphabetic) {
        *last = trimmed;
    }
    (out != tokens).then_some(out)
}

/// A `.com` or `js` token dropped (not the only token), or `js` cut from the last token if three characters
/// remain.
fn without_suffix(tokens: &[String]) -> Option<Vec<String>> {
    let (last, rest) = tokens.split_last()?;
    if !rest.is_empty() && (last == "com" || last == "js") {
        return Some(rest.to_vec());
    }
    let stem = last.strip_suffix("js").filter(|s| s.chars().count() >= 3)?;
    Some(rest.iter().cloned().chain([stem.to_owned()]).collect())
}

/// Every rewriting of the term: each combination of a vendor word, versions and a suffix dropped (where they
/// apply), each also plural-stemmed. Typos are searched on the term as written and with every rewriting that
/// applies, not stemmed.
fn term_keys(folded: &str) -> Vec<TermKey> {
    let tokens: Vec<String> = tokenize(folded).into_iter().map(str::to_owned).collect();
    if tokens.is_empty() {
        return Vec::new();
    }
    let mut keys = Vec::new();
    let written = Key::new(&tokens);
    for drop_vendor in [false, true] {
        let (mut shape, mut vendor, mut steps, mut all) = (tokens.clone(), None, 0, true);
        if drop_vendor {
            match vendor_of(&shape[0]) {
                Some(group) if shape.len() >= 2 => {
                    (shape, vendor, steps) = (shape[1..].to_vec(), Some(group), 1);
                }
                _ => continue,
            }
        } else {
            all = vendor_of(&shape[0]).is_none() || shape.len() < 2;
        }
        for drop_versions in [false, true] {
            let (mut shape, mut steps, mut all) = (shape.clone(), steps, all);
            match (drop_versions, without_versions(&shape)) {
                (true, Some(stripped)) => (shape, steps) = (stripped, steps + 1),
                (true, None) => continue,
                (false, stripped) => all &= stripped.is_none(),
            }
            for drop_suffix in [false, true] {
                let (mut shape, mut steps, mut all) = (shape.clone(), steps, all);
                match (drop_suffix, without_suffix(&shape)) {
                    (true, Some(stripped)) => (shape, steps) = (stripped, steps + 1),
                    (true, None) => continue,
                    (false, stripped) => all &= stripped.is_none(),
                }
                let key = Key::new(&shape);
                let typo = steps == 0 || (all && key.text != written.text);
                let stem = Key::new(&stemmed_tokens(&shape));
                let stem = TermKey { key: stem, stemmed: true, steps: steps + 1, vendor, typo: false };
                keys.push(TermKey { key, stemmed: false, steps, vendor, typo });
                keys.push(stem);
            }
        }
    }
    keys
}

/// The edits from `term` to `alias` when they are a typo: within the term's budget (none up to 3 characters, 1
/// up to 7, then 2), and past the guards that keep skills apart.
fn typo(term: &Key, alias: &Key) -> Option<usize> {
    let budget = match term.chars {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    };
    if budget == 0 || term.chars.abs_diff(alias.chars) > budget {
        return None;
    }
    // Each edit adds at most one character the other side lacks and removes at most one, so characters on one
    // side only bound the distance from below (hashed to 64 bits, which only lowers the bound). It skips most
    // aliases before the distance, which keeps the scan to seconds in a debug build.
    let (only_term, only_alias) = (term.signature & !alias.signature, alias.signature & !term.signature);
    if only_term.count_ones().max(only_alias.count_ones()) as usize > budget {
        return None;
    }
    let edits = strsim::osa_distance(&term.text, &alias.text);
    if edits == 0 || edits > budget {
        return None;
    }
    let numbers = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_ascii_digit()).filter(|r| !r.is_empty()).map(str::to_owned).collect()
    };
    let count = |text: &str, sign: char| text.chars().filter(|&c| c == sign).count();
    let (short, long) = if term.text.len() <= alias.text.len() { (term, alias) } else { (alias, term) };
    // "NoSQL" and "SQL": a word of two or more characters glued to an end.
    let glued =
        long.chars >= short.chars + 2 && (long.text.starts_with(&short.text) || long.text.ends_with(&short.text));
    // "React Native" and "React": whole tokens added, the rest in order.
    let (few, many) = if term.tokens.len() <= alias.tokens.len() { (term, alias) } else { (alias, term) };
    let mut rest = many.tokens.iter();
    let whole_tokens = few.tokens.len() < many.tokens.len() && few.tokens.iter().all(|t| rest.any(|u| u == t));
    let allowed = numbers(&term.text) == numbers(&alias.text)
        && count(&term.text, '+') == count(&alias.text, '+')
        && count(&term.text, '#') == count(&alias.text, '#')
        && !glued
        && !whole_tokens;
    allowed.then_some(edits)
}
