//! Linting a user taxonomy layer against the taxonomy it will be layered on.

use std::collections::HashMap;

use serde::Serialize;

use crate::fuzzy::{FuzzyHow, FuzzyIndex};
use crate::normalize::fold;
use crate::taxonomy::{broader_cycles, parse_records, SkillRecord, Taxonomy};

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
///
/// Each kind of problem has its own step, run in this order: `check_disabled`, `check_duplicate_id`,
/// `check_new_skill`, `check_references`, then per alias `check_removed_alias`, `check_punctuation_alias`,
/// `check_alias_in_file`, `check_near_alias` and `check_alias_collision`, and last `check_broader_cycles` over
/// the whole layer.
pub fn check_layer(base: &Taxonomy, source_name: &str, text: &str) -> Vec<Problem> {
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
    let layer = Layer {
        base,
        fuzzy: FuzzyIndex::new(base),
        file_ids: records.iter().filter(|r| !r.id.starts_with('!')).map(|r| (r.id.as_str(), r.line)).collect(),
    };
    let mut problems = Vec::new();
    let mut seen_ids: HashMap<&str, u64> = HashMap::new();
    // Folded plain alias -> (id, line) within this file.
    let mut file_aliases: HashMap<String, (&str, u64)> = HashMap::new();
    for r in &records {
        if let Some(id) = r.id.strip_prefix('!') {
            check_disabled(&layer, id, r.line, &mut problems);
            continue;
        }
        check_duplicate_id(&mut seen_ids, r, &mut problems);
        check_new_skill(&layer, r, &mut problems);
        check_references(&layer, r, &mut problems);
        for raw in &r.aliases {
            if let Some(removed) = raw.strip_prefix('!') {
                check_removed_alias(&layer, r, removed, &mut problems);
                continue;
            }
            let marked = raw.starts_with(['^', '?']);
            let text = raw.trim_start_matches(['^', '?']);
            let key = fold(text);
            if key.is_empty() || !check_punctuation_alias(text, &key, r.line, &mut problems) {
                continue;
            }
            check_alias_in_file(&mut file_aliases, r, text, key, marked, &mut problems);
            if !marked {
                check_near_alias(&layer, r, text, &mut problems);
                check_alias_collision(&layer, r, text, &mut problems);
            }
        }
    }
    check_broader_cycles(base, &records, &mut problems);
    problems.sort_by_key(|p| (p.line, p.severity));
    problems
}

/// What every step needs to know about the base and the layer.
struct Layer<'a> {
    base: &'a Taxonomy,
    fuzzy: FuzzyIndex,
    /// The layer's own ids (not `!id` rows), with a line of each.
    file_ids: HashMap<&'a str, u64>,
}

impl Layer<'_> {
    fn knows(&self, id: &str) -> bool {
        self.base.get(id).is_some() || self.file_ids.contains_key(id)
    }
}

fn problem(problems: &mut Vec<Problem>, line: u64, severity: Severity, message: String) {
    problems.push(Problem { line: Some(line), severity, message });
}

/// `!id` must disable a skill of the base.
fn check_disabled(layer: &Layer<'_>, id: &str, line: u64, problems: &mut Vec<Problem>) {
    if layer.base.get(id).is_none() {
        let message = format!("`!{id}` disables a skill that does not exist; {}", did_you_mean(layer.base, id));
        problem(problems, line, Severity::Error, message);
    }
}

/// A second row for one id is merged, but is probably not meant.
fn check_duplicate_id<'a>(seen: &mut HashMap<&'a str, u64>, r: &'a SkillRecord, problems: &mut Vec<Problem>) {
    if let Some(previous) = seen.insert(&r.id, r.line) {
        let message = format!(
            "id `{}` also has a row on line {previous}; the rows are merged, but one row per skill is clearer",
            r.id
        );
        problem(problems, r.line, Severity::Warning, message);
    }
}

/// A row with an id the base lacks adds a skill, which needs a name and a kind (every such row does: a later
/// row that only adds aliases to the layer's own skill is clearer merged into the first).
fn check_new_skill(layer: &Layer<'_>, r: &SkillRecord, problems: &mut Vec<Problem>) {
    if layer.base.get(&r.id).is_none() && (r.name.is_empty() || r.kind.is_none()) {
        let message = format!(
            "`{}` is not a known skill, so this row adds one and needs a name and a kind; if you meant to amend a skill, {}",
            r.id,
            did_you_mean(layer.base, &r.id)
        );
        problem(problems, r.line, Severity::Error, message);
    }
}

/// Related and broader ids must name a skill of the base or of the layer.
fn check_references(layer: &Layer<'_>, r: &SkillRecord, problems: &mut Vec<Problem>) {
    for id in r.related.iter().chain(&r.broader) {
        if !layer.knows(id) {
            let message = format!("unknown id `{id}` in related/broader; {}", did_you_mean(layer.base, id));
            problem(problems, r.line, Severity::Error, message);
        }
    }
}

/// `!alias` must remove an alias the skill has.
fn check_removed_alias(layer: &Layer<'_>, r: &SkillRecord, removed: &str, problems: &mut Vec<Problem>) {
    let base = layer.base;
    let present = base.get(&r.id).is_some_and(|s| base.skill(s).aliases.iter().any(|a| fold(&a.text) == fold(removed)));
    if !present {
        let message = format!("`!{removed}` removes an alias that `{}` does not have", r.id);
        problem(problems, r.line, Severity::Warning, message);
    }
}

/// An alias of punctuation alone would match punctuation anywhere. Returns whether the alias has a letter or
/// digit (and the other alias steps apply).
fn check_punctuation_alias(text: &str, key: &str, line: u64, problems: &mut Vec<Problem>) -> bool {
    if key.chars().any(char::is_alphanumeric) {
        return true;
    }
    let message = format!("alias `{text}` has no letters or digits, so it would match punctuation anywhere; remove it");
    problem(problems, line, Severity::Error, message);
    false
}

/// One plain alias given to two skills of the file would name both.
fn check_alias_in_file<'a>(
    file_aliases: &mut HashMap<String, (&'a str, u64)>,
    r: &'a SkillRecord,
    text: &str,
    key: String,
    marked: bool,
    problems: &mut Vec<Problem>,
) {
    if let Some(&(other, line)) = file_aliases.get(&key) {
        if other != r.id {
            let message = format!(
                "alias `{text}` is also given to `{other}` on line {line}; keep it on one skill or mark both `?`"
            );
            problem(problems, r.line, Severity::Warning, message);
        }
    } else if !marked {
        file_aliases.insert(key, (r.id.as_str(), r.line));
    }
}

/// A new plain alias one edit from another skill's alias is a typo, or two names too close to tell apart.
fn check_near_alias(layer: &Layer<'_>, r: &SkillRecord, text: &str, problems: &mut Vec<Problem>) {
    let base = layer.base;
    if !base.lookup_alias(text).is_empty() {
        return;
    }
    let near = layer.fuzzy.lookup(base, text, 1).into_iter().find(|m| m.how == FuzzyHow::Typo && m.edits == 1);
    if let Some(m) = near.filter(|m| base.skill(m.alias.skill).id != r.id) {
        let owner = base.skill(m.alias.skill);
        let message = format!(
            "alias `{text}` is one edit from `{}`, an alias of `{}` ({}); fix the spelling if it is a typo, or mark it `^` so that only this exact form matches",
            base.alias(m.alias).text, owner.id, owner.name
        );
        problem(problems, r.line, Severity::Warning, message);
    }
}

/// A plain alias that is already another skill's plain alias would name two skills.
fn check_alias_collision(layer: &Layer<'_>, r: &SkillRecord, text: &str, problems: &mut Vec<Problem>) {
    let base = layer.base;
    for target in base.lookup_alias(text) {
        let owner = base.skill(target.skill);
        if owner.id != r.id && base.alias(*target).is_plain() {
            let message = format!(
                "alias `{text}` already means `{}` ({}); the same words would name two skills. Remove it, mark it `?`, or remove it from `{}` with `!{text}`",
                owner.id, owner.name, owner.id
            );
            problem(problems, r.line, Severity::Warning, message);
        }
    }
}

/// Broader cycles across base and layer, each reported once, on the first line of the layer that takes part,
/// as the path from that row's skill back to itself.
fn check_broader_cycles(base: &Taxonomy, records: &[SkillRecord], problems: &mut Vec<Problem>) {
    // Nodes: the base's skills, then the layer's new ids; links: the base's, then the layer's.
    let mut ids: Vec<&str> = base.skills().iter().map(|s| s.id.as_str()).collect();
    let mut index: HashMap<&str, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let mut broader: Vec<Vec<usize>> =
        base.skills().iter().map(|s| s.broader.iter().map(|b| b.index()).collect()).collect();
    // The first line of each layer row with broader links.
    let mut lines: HashMap<usize, u64> = HashMap::new();
    for r in records.iter().filter(|r| !r.id.starts_with('!')) {
        let from = node(&r.id, &mut index, &mut ids, &mut broader);
        for parent in &r.broader {
            let to = node(parent, &mut index, &mut ids, &mut broader);
            if let Some(links) = broader.get_mut(from) {
                links.push(to);
            }
        }
        if !r.broader.is_empty() {
            lines.entry(from).or_insert(r.line);
        }
    }
    for mut cycle in broader_cycles(ids.len(), |n, k| broader.get(n).and_then(|links| links.get(k)).copied()) {
        cycle.pop();
        let Some((at, line)) =
            cycle.iter().enumerate().filter_map(|(i, n)| Some((i, *lines.get(n)?))).min_by_key(|p| p.1)
        else {
            continue;
        };
        cycle.rotate_left(at);
        let mut path: Vec<&str> = cycle.iter().filter_map(|&n| ids.get(n).copied()).collect();
        path.extend(path.first().copied());
        let message = format!("broader links form a cycle: {}; remove one of the links", path.join(" -> "));
        problem(problems, line, Severity::Error, message);
    }
}

/// The node of `id` in the cycle search, added without links if new.
fn node<'a>(
    id: &'a str,
    index: &mut HashMap<&'a str, usize>,
    ids: &mut Vec<&'a str>,
    broader: &mut Vec<Vec<usize>>,
) -> usize {
    *index.entry(id).or_insert_with(|| {
        ids.push(id);
        broader.push(Vec::new());
        ids.len() - 1
    })
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

    struct Case {
        name: &'static str,
        layer: &'static str,
        /// (line, severity, part of the message) of every problem, in order.
        expected: &'static [(u64, Severity, &'static str)],
    }

    /// One row per step of `check_layer`; the layer's rows start on line 2.
    const CASES: &[Case] = &[
        Case { name: "clean layer", layer: "kubernetes,,,,Kube,,\n", expected: &[] },
        Case {
            name: "check_disabled",
            layer: "!kubernets,,,,,,\n",
            expected: &[(2, Severity::Error, "did you mean `kubernetes`")],
        },
        Case {
            name: "check_duplicate_id",
            layer: "kubernetes,,,,Kube,,\nkubernetes,,,,Kubes,,\n",
            expected: &[(3, Severity::Warning, "also has a row on line 2")],
        },
        Case {
            name: "check_new_skill",
            layer: "acme,,,,,,\n",
            expected: &[(2, Severity::Error, "needs a name and a kind")],
        },
        Case {
            name: "check_references",
            layer: "acme,Acme,software,tool,,leadershipp,\n",
            expected: &[(2, Severity::Error, "unknown id `leadershipp`")],
        },
        Case {
            name: "check_removed_alias",
            layer: "kubernetes,,,,!Kube,,\n",
            expected: &[(2, Severity::Warning, "`!Kube` removes an alias")],
        },
        Case {
            name: "check_punctuation_alias",
            layer: "acme,Acme,software,tool,++,,\n",
            expected: &[(2, Severity::Error, "no letters or digits")],
        },
        Case {
            name: "check_alias_in_file",
            layer: "acme,Acme,software,tool,roadrunner,,\nwile,Wile,software,tool,Roadrunner,,\n",
            expected: &[(3, Severity::Warning, "also given to `acme` on line 2")],
        },
        Case {
            name: "check_near_alias",
            layer: "acme,Acme,software,tool,Kubernetis,,\n",
            expected: &[(2, Severity::Warning, "one edit from `Kubernetes`")],
        },
        Case {
            name: "check_alias_collision",
            layer: "acme,Acme,software,tool,k8s,,\n",
            expected: &[(2, Severity::Warning, "already means `kubernetes`")],
        },
        Case {
            name: "check_broader_cycles, through the base",
            layer: "kubernetes,,,,,,acme\nacme,Acme,software,tool,,,kubernetes\n",
            expected: &[(2, Severity::Error, "cycle: kubernetes -> acme -> kubernetes")],
        },
        Case {
            name: "check_broader_cycles, two apart",
            layer: "a,A,general,soft,,,b\nb,B,general,soft,,,a\nc,C,general,soft,,,d\nd,D,general,soft,,,c\n",
            expected: &[(2, Severity::Error, "cycle: a -> b -> a"), (4, Severity::Error, "cycle: c -> d -> c")],
        },
    ];

    #[test]
    fn each_step_finds_its_problem() {
        let mut b = Taxonomy::builder();
        b.add_csv("base", BASE).expect("parses");
        let base = b.build().expect("builds");
        for case in CASES {
            let layer = format!("id,name,family,kind,aliases,related,broader\n{}", case.layer);
            let problems = check_layer(&base, "mine.csv", &layer);
            let got: Vec<(Option<u64>, Severity)> = problems.iter().map(|p| (p.line, p.severity)).collect();
            let want: Vec<(Option<u64>, Severity)> = case.expected.iter().map(|e| (Some(e.0), e.1)).collect();
            assert_eq!(got, want, "{}: {problems:#?}", case.name);
            for (p, e) in problems.iter().zip(case.expected) {
                assert!(p.message.contains(e.2), "{}: {}", case.name, p.message);
            }
        }
    }

    #[test]
    fn broken_files_are_one_problem_with_a_line() {
        let base = Taxonomy::builder().build().expect("empty builds");
        let problems = check_layer(&base, "x.csv", "id,name,family,kind,aliases,related,broader\na,\"A,general\n");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].severity, Severity::Error);
    }
}
