//! Linting a user taxonomy layer against the taxonomy it will be layered on.

use std::collections::HashMap;

use serde::Serialize;

use crate::fuzzy::{FuzzyHow, FuzzyIndex};
use crate::normalize::fold;
use crate::taxonomy::{parse_records, Taxonomy};

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// The layer will not load, or will not do what it says.
    Error,
    /// The layer loads, but something is probably not meant.
    Warning,
}

/// One problem in a layer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The 1-based line, when the problem has one.
    pub line: Option<u64>,
    /// How bad it is.
    pub severity: Severity,
    /// What is wrong and what to do.
    pub message: String,
}

/// Checks `text`, a taxonomy CSV named `source_name`, as a layer on top of `base`: broken rows, unknown ids,
/// duplicate aliases, aliases that collide with another skill's, and broader cycles. Problems come in line order.
pub fn check_layer(base: &Taxonomy, source_name: &str, text: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    let records = match parse_records(source_name, text) {
        Ok(records) => records,
        Err(e) => {
            let message = match e.column() {
                Some(c) => format!("column {c}: {}", e.message()),
                None => e.message().to_owned(),
            };
            return vec![Problem { line: e.line(), severity: Severity::Error, message }];
        }
    };
    let fuzzy = FuzzyIndex::new(base);
    let mut push =
        |line: u64, severity, message: String| problems.push(Problem { line: Some(line), severity, message });
    let file_ids: HashMap<&str, u64> =
        records.iter().filter(|r| !r.id.starts_with('!')).map(|r| (r.id.as_str(), r.line)).collect();
    let known = |id: &str| base.get(id).is_some() || file_ids.contains_key(id);
    let mut seen_ids: HashMap<&str, u64> = HashMap::new();
    // Folded plain alias -> (id, line) within this file.
    let mut file_aliases: HashMap<String, (&str, u64)> = HashMap::new();
    for r in &records {
        if let Some(id) = r.id.strip_prefix('!') {
            if base.get(id).is_none() {
                push(
                    r.line,
                    Severity::Error,
                    format!("`!{id}` disables a skill that does not exist; {}", did_you_mean(base, id)),
                );
            }
            continue;
        }
        if let Some(first) = seen_ids.insert(&r.id, r.line) {
            push(
                r.line,
                Severity::Warning,
                format!(
                    "id `{}` also has a row on line {first}; the rows are merged, but one row per skill is clearer",
                    r.id
                ),
            );
        }
        let existing = base.get(&r.id);
        if existing.is_none() && (r.name.is_empty() || r.kind.is_none()) && seen_ids.get(r.id.as_str()) == Some(&r.line)
        {
            let message = format!(
                "`{}` is not a known skill, so this row adds one and needs a name and a kind; if you meant to amend a skill, {}",
                r.id,
                did_you_mean(base, &r.id)
            );
            push(r.line, Severity::Error, message);
        }
        for id in r.related.iter().chain(&r.broader) {
            if !known(id) {
                push(
                    r.line,
                    Severity::Error,
                    format!("unknown id `{id}` in related/broader; {}", did_you_mean(base, id)),
                );
            }
        }
        for raw in &r.aliases {
            if let Some(removed) = raw.strip_prefix('!') {
                let present =
                    existing.is_some_and(|s| base.skill(s).aliases.iter().any(|a| fold(&a.text) == fold(removed)));
                if !present {
                    push(
                        r.line,
                        Severity::Warning,
                        format!("`!{removed}` removes an alias that `{}` does not have", r.id),
                    );
                }
                continue;
            }
            let marked = raw.starts_with(['^', '?']);
            let text = raw.trim_start_matches(['^', '?']);
            let key = fold(text);
            if key.is_empty() {
                continue;
            }
            if !key.chars().any(char::is_alphanumeric) {
                push(
                    r.line,
                    Severity::Error,
                    format!(
                        "alias `{text}` has no letters or digits, so it would match punctuation anywhere; remove it"
                    ),
                );
                continue;
            }
            if let Some(&(other, line)) = file_aliases.get(&key) {
                if other != r.id {
                    push(r.line, Severity::Warning, format!("alias `{text}` is also given to `{other}` on line {line}; keep it on one skill or mark both `?`"));
                }
            } else if !marked {
                file_aliases.insert(key.clone(), (r.id.as_str(), r.line));
            }
            if marked {
                continue;
            }
            if base.lookup_alias(text).is_empty() {
                // One edit from another skill's alias: a typo, or two names too close to tell apart.
                let near = fuzzy.lookup(base, text, 1).into_iter().find(|m| m.how == FuzzyHow::Typo && m.edits == 1);
                if let Some(m) = near.filter(|m| base.skill(m.alias.skill).id != r.id) {
                    let owner = base.skill(m.alias.skill);
                    push(
                        r.line,
                        Severity::Warning,
                        format!(
                            "alias `{text}` is one edit from `{}`, an alias of `{}` ({}); fix the spelling if it is a typo, or mark it `^` so that only this exact form matches",
                            base.alias(m.alias).text, owner.id, owner.name
                        ),
                    );
                }
            }
            for target in base.lookup_alias(text) {
                let owner = base.skill(target.skill);
                if owner.id != r.id && base.alias(*target).is_plain() {
                    push(
                        r.line,
                        Severity::Warning,
                        format!(
                            "alias `{text}` already means `{}` ({}); the same words would name two skills. Remove it, mark it `?`, or remove it from `{}` with `!{text}`",
                            owner.id, owner.name, owner.id
                        ),
                    );
                }
            }
        }
    }
    // Broader cycles across base and layer: follow broader links from each of the layer's rows.
    let mut broader: HashMap<&str, Vec<&str>> = HashMap::new();
    for skill in base.skills() {
        broader.entry(&skill.id).or_default().extend(skill.broader.iter().map(|b| base.skill(*b).id.as_str()));
    }
    for r in records.iter().filter(|r| !r.id.starts_with('!')) {
        broader.entry(&r.id).or_default().extend(r.broader.iter().map(String::as_str));
    }
    let mut reported: Vec<&str> = Vec::new();
    for r in records.iter().filter(|r| !r.broader.is_empty()) {
        if let Some(path) = cycle_from(&broader, &r.id) {
            if !path.iter().any(|id| reported.contains(id)) {
                problems.push(Problem {
                    line: Some(r.line),
                    severity: Severity::Error,
                    message: format!("broader links form a cycle: {}; remove one of the links", path.join(" -> ")),
                });
                reported.extend(path);
            }
        }
    }
    problems.sort_by_key(|p| (p.line, p.severity));
    problems
}

/// A broader path from `start` back to itself, if there is one.
fn cycle_from<'a>(broader: &HashMap<&'a str, Vec<&'a str>>, start: &'a str) -> Option<Vec<&'a str>> {
    let mut stack: Vec<(&str, usize)> = vec![(start, 0)];
    let mut visited: Vec<&str> = vec![start];
    while let Some(&mut (node, ref mut next)) = stack.last_mut() {
        let parents = broader.get(node).map_or(&[][..], Vec::as_slice);
        if let Some(&parent) = parents.get(*next) {
            *next += 1;
            if parent == start {
                let mut path: Vec<&str> = stack.iter().map(|(n, _)| *n).collect();
                path.push(start);
                return Some(path);
            }
            if !visited.contains(&parent) {
                visited.push(parent);
                stack.push((parent, 0));
            }
        } else {
            stack.pop();
        }
    }
    None
}

/// "did you mean `kubernetes`?" for a mistyped id, or advice to add the skill.
fn did_you_mean(base: &Taxonomy, id: &str) -> String {
    let best =
        base.skills().iter().map(|s| (strsim::damerau_levenshtein(&s.id, id), &s.id)).filter(|(d, _)| *d <= 2).min();
    match best {
        Some((_, near)) => format!("did you mean `{near}`? (`skillgap taxonomy show {near}`)"),
        None => "check the id with `skillgap taxonomy lookup`, or add a row for it".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "id,name,family,kind,aliases,related,broader
kubernetes,Kubernetes,cloud,tool,k8s,,
leadership,Leadership,general,soft,?Lead,,
";

    #[test]
    fn finds_the_usual_mistakes() {
        let mut b = Taxonomy::builder();
        b.add_csv("base", BASE).expect("parses");
        let base = b.build().expect("builds");
        let layer = "id,name,family,kind,aliases,related,broader
kubernetes,,,,Kube,,
leadership,,,,!Lead,,
acme-ci,Acme CI,software,tool,k8s;acme,kubernets,
other,Other,software,tool,acme;Kubernetis,,
!nothing,,,,,,
a,A,general,soft,,,b
b,B,general,soft,,,a
";
        let problems = check_layer(&base, "mine.csv", layer);
        let lines: Vec<(Option<u64>, Severity)> = problems.iter().map(|p| (p.line, p.severity)).collect();
        assert!(lines.contains(&(Some(4), Severity::Error)), "{problems:#?}"); // unknown id kubernets
        assert!(problems.iter().any(|p| p.message.contains("did you mean `kubernetes`")));
        assert!(problems.iter().any(|p| p.line == Some(4) && p.message.contains("already means `kubernetes`")));
        assert!(problems.iter().any(|p| p.line == Some(5) && p.message.contains("also given to `acme-ci`")));
        assert!(problems.iter().any(|p| p.line == Some(6) && p.severity == Severity::Error));
        assert!(
            problems.iter().any(|p| p.line == Some(5) && p.message.contains("one edit from `Kubernetes`")),
            "{problems:#?}"
        );
        assert!(problems.iter().any(|p| p.message.contains("cycle")));
        assert!(!problems.iter().any(|p| p.line == Some(2) || p.line == Some(3)), "{problems:#?}");
    }

    #[test]
    fn broken_files_are_one_problem_with_a_line() {
        let base = Taxonomy::builder().build().expect("empty builds");
        let problems = check_layer(&base, "x.csv", "id,name,family,kind,aliases,related,broader\na,\"A,general\n");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].severity, Severity::Error);
    }
}
