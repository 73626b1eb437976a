//! Typo rules: how many edits a term may carry, and the guards that keep an edit from turning one skill into
//! another (Java/JavaScript, C/C++/C#, React/React Native, SQL/NoSQL, Python 2/Python 3).

use super::keys::Compact;
use crate::taxonomy::{Alias, CaseRule, ContextRule};

/// Compact terms up to this many characters get no typo budget: in "SQL", "Go", "C#" or "AWS" a single edit
/// makes another word or another skill ("NoSQL", "Golf", "C++", "AWK").
pub(super) const NO_TYPO_MAX_CHARS: usize = 3;

/// Compact terms up to this many characters get one edit ("Pyhton", "Kotiln"); longer ones get
/// [`MAX_TYPO_EDITS`]. Two edits in a seven-letter word change almost a third of it.
pub(super) const ONE_TYPO_MAX_CHARS: usize = 7;

/// The typo budget of long terms ("Kuberentes", "Javascirpt", "Postgressql"). A third edit lets unrelated long
/// names meet ("Salesforce" and "Salesforge"-like product names are common).
pub(super) const MAX_TYPO_EDITS: usize = 2;

/// A compact key that extends another by this many characters or more, at either end, adds a word ("NoSQL" and
/// "SQL", "AngularJS" and "Angular"): that is another skill, not a typo. One character is still a typo
/// ("Kubernete").
const GLUED_WORD_MIN_CHARS: usize = 2;

/// The typo budget of a compact term of `chars` characters.
pub(super) const fn typo_budget(chars: usize) -> usize {
    if chars <= NO_TYPO_MAX_CHARS {
        0
    } else if chars <= ONE_TYPO_MAX_CHARS {
        1
    } else {
        MAX_TYPO_EDITS
    }
}

/// Whether an alias may be reached by a typo. Aliases that need exact case (`^IT`) or context (`?Excel`) are
/// short or ordinary words: a near spelling of them is more likely another word than a misspelt skill.
pub(super) fn allows_typos(alias: &Alias) -> bool {
    alias.case == CaseRule::Insensitive && alias.context == ContextRule::Free
}

/// The typo guards, beyond the edit budget: whether `query` may be a misspelling of the alias key `alias`
/// (whose tokens start at the bits of `alias_starts`).
pub(super) fn typo_allowed(query: &Compact, alias: &str, alias_starts: u64) -> bool {
    same_numbers(&query.text, alias)
        && same_signs(&query.text, alias)
        && !differs_by_glued_word(&query.text, alias)
        && !differs_by_whole_tokens(query, alias, alias_starts)
}

/// Version and number tokens never count as typos: "Python 2" is not "Python 3", "OSHA 10" is not "OSHA 30".
fn same_numbers(a: &str, b: &str) -> bool {
    digit_runs(a).eq(digit_runs(b))
}

fn digit_runs(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_ascii_digit()).filter(|run| !run.is_empty())
}

/// "C", "C++" and "C#" are three languages: an edit may not add or drop a `+` or a `#`.
fn same_signs(a: &str, b: &str) -> bool {
    a.matches('+').count() == b.matches('+').count() && a.matches('#').count() == b.matches('#').count()
}

/// "SQL" and "NoSQL", "Angular" and "AngularJS": one key is the other with a word glued to an end.
fn differs_by_glued_word(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long.chars().count() >= short.chars().count() + GLUED_WORD_MIN_CHARS
        && (long.starts_with(short) || long.ends_with(short))
}

/// "React" and "React Native", "Objective C" and "Objective": one side is the other with whole tokens added.
fn differs_by_whole_tokens(query: &Compact, alias: &str, alias_starts: u64) -> bool {
    let a = tokens_of(&query.text, query.starts);
    let b = tokens_of(alias, alias_starts);
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() == long.len() {
        return false;
    }
    let mut rest = long.iter();
    short.iter().all(|token| rest.any(|t| t == token))
}

/// Splits a compact key at the token starts in `starts` (tokens past character 63 stay joined).
fn tokens_of(text: &str, starts: u64) -> Vec<&str> {
    let mut tokens = Vec::new();
    let mut rest = text;
    let mut cut = 0;
    for (i, (at, _)) in text.char_indices().enumerate() {
        if i > 0 && i < 64 && starts & (1 << i) != 0 {
            if let Some((token, tail)) = rest.split_at_checked(at - cut) {
                tokens.push(token);
                (rest, cut) = (tail, at);
            }
        }
    }
    tokens.push(rest);
    tokens
}

#[cfg(test)]
mod tests {
    use super::super::keys::{compact, tokenize};
    use super::*;

    struct GuardCase {
        name: &'static str,
        query: &'static str,
        alias: &'static str,
        allowed: bool,
    }

    /// Each guard on its own: every blocked row is blocked by one guard only.
    const TYPO_GUARDS: &[GuardCase] = &[
        GuardCase { name: "same shape", query: "kubernets", alias: "kubernetes", allowed: true },
        GuardCase { name: "one glued letter is a typo", query: "kubernete", alias: "kubernetes", allowed: true },
        GuardCase { name: "numbers differ", query: "python 2", alias: "python 3", allowed: false },
        GuardCase { name: "number added", query: "python", alias: "python 3", allowed: false },
        GuardCase { name: "equal numbers", query: "pyhton 3", alias: "python 3", allowed: true },
        GuardCase { name: "plus signs", query: "c++builder", alias: "cbuilder", allowed: false },
        GuardCase { name: "sharp sign", query: "f#script", alias: "fscript", allowed: false },
        GuardCase { name: "glued word at the start", query: "nosql", alias: "sql", allowed: false },
        GuardCase { name: "glued word at the end", query: "angularjs", alias: "angular", allowed: false },
        GuardCase { name: "whole one-letter word", query: "x ray", alias: "ray", allowed: false },
        GuardCase { name: "whole word in the middle", query: "data q science", alias: "data science", allowed: false },
        GuardCase { name: "words split differently", query: "power bi", alias: "powerbi", allowed: true },
        GuardCase {
            name: "multibyte tokens",
            query: "gestión de proyectos",
            alias: "gestión proyectos",
            allowed: false,
        },
    ];

    #[test]
    fn typo_guards() {
        for case in TYPO_GUARDS {
            let query = compact(tokenize(case.query));
            let alias = compact(tokenize(case.alias));
            assert_eq!(typo_allowed(&query, &alias.text, alias.starts), case.allowed, "{}", case.name);
        }
    }

    #[test]
    fn tokens_split_at_their_starts() {
        const SPLITS: &[(&str, &[&str])] = &[
            ("react native", &["react", "native"]),
            ("gestión de proyectos", &["gestión", "de", "proyectos"]),
            ("日本語 テスト", &["日本語", "テスト"]),
            ("kubernetes", &["kubernetes"]),
        ];
        for &(folded, expected) in SPLITS {
            let key = compact(tokenize(folded));
            assert_eq!(tokens_of(&key.text, key.starts), expected, "{folded:?}");
        }
    }

    #[test]
    fn budgets() {
        const BUDGETS: &[(usize, usize)] = &[(0, 0), (3, 0), (4, 1), (7, 1), (8, 2), (40, 2)];
        for &(chars, budget) in BUDGETS {
            assert_eq!(typo_budget(chars), budget, "{chars}");
        }
    }

    #[test]
    fn flagged_aliases_take_no_typos() {
        const FLAGS: &[(CaseRule, ContextRule, bool)] = &[
            (CaseRule::Insensitive, ContextRule::Free, true),
            (CaseRule::Exact, ContextRule::Free, false),
            (CaseRule::Insensitive, ContextRule::Needed, false),
            (CaseRule::Exact, ContextRule::Needed, false),
        ];
        for &(case, context, allowed) in FLAGS {
            let alias = Alias { text: "Kubernetes".to_owned(), case, context };
            assert_eq!(allows_typos(&alias), allowed, "{case:?} {context:?}");
        }
    }
}
