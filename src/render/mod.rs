//! Output: every format renders the same report values ([`skillgap::CompareReport`], [`skillgap::ExtractReport`]).
//! JSON and CSV come from them through serde; text and Markdown are written here, one file per format.

pub mod batch;
pub mod csv;
pub mod md;
pub mod text;

pub use skillgap::{category, printable};
use skillgap::{CompareReport, GapReport, GapStatus, Requirement, TargetKind};

/// Terminal styling, on or off.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    }
    pub fn bold(self, s: &str) -> String {
        self.paint("1", s)
    }
    pub fn red(self, s: &str) -> String {
        self.paint("31", s)
    }
    pub fn green(self, s: &str) -> String {
        self.paint("32", s)
    }
    pub fn yellow(self, s: &str) -> String {
        self.paint("33", s)
    }
    pub fn dim(self, s: &str) -> String {
        self.paint("2", s)
    }
}

/// Pretty JSON of a report, with a final newline.
pub fn json_pretty(report: &impl serde::Serialize) -> serde_json::Result<String> {
    Ok(format!("{}\n", serde_json::to_string_pretty(report)?))
}

/// How text and Markdown name a requirement level.
fn requirement_str(r: Requirement) -> &'static str {
    match r {
        Requirement::Required => "required",
        Requirement::Preferred => "preferred",
        Requirement::Mentioned => "mentioned",
        Requirement::NotRequired => "not required",
    }
}

/// Who names a gap, counted by kind, when there are several targets: "2 of 5 postings require it; 3 of 4 hired
/// people list it". A bio is never called a posting, and a bio's years never read as asked.
fn named_by(report: &CompareReport, g: &GapReport) -> Option<String> {
    if report.targets.len() < 2 {
        return None;
    }
    let of_kind = |kind: TargetKind| report.per_target.iter().filter(|t| t.kind == kind).count();
    let mut parts = Vec::new();
    if g.postings > 0 {
        let verb = match g.requirement {
            Some(Requirement::Required) => "require",
            Some(Requirement::Preferred) => "prefer",
            _ => "mention",
        };
        parts.push(match of_kind(TargetKind::Posting) {
            1 => format!("the posting {verb}s it"),
            n => format!("{} of {n} postings {verb} it", g.postings),
        });
    }
    if g.bios > 0 {
        parts.push(match of_kind(TargetKind::Bio) {
            1 => "the hired person lists it".to_owned(),
            n => format!("{} of {n} hired people list it", g.bios),
        });
    }
    Some(parts.join("; "))
}

/// What a single target says of a gap: its requirement level for a posting, "in the bio" (and why it stands out)
/// for a bio; with several targets, [`named_by`].
fn gap_facts(report: &CompareReport, g: &GapReport) -> Vec<String> {
    let mut facts = Vec::new();
    match named_by(report, g) {
        Some(who) => facts.push(who),
        None => match g.requirement {
            Some(r) => facts.push(requirement_str(r).to_owned()),
            None => {
                let mut reasons: Vec<&str> = Vec::new();
                for p in g.evidence.iter().flat_map(|e| &e.prominence) {
                    if !reasons.contains(&p.as_str()) {
                        reasons.push(p.as_str());
                    }
                }
                facts.push(if reasons.is_empty() {
                    "in the bio".to_owned()
                } else {
                    format!("in the bio ({})", reasons.join(", ").replace('_', " "))
                });
            }
        },
    }
    match (g.status, g.years, g.years_shown) {
        (GapStatus::YearsShort, Some(asked), Some(shown)) => {
            facts.push(format!("{asked}+ years asked, you show {shown}"))
        }
        (_, Some(asked), _) => facts.push(format!("{asked}+ years")),
        _ => {}
    }
    facts
}

/// A gap's name with what a target accepts in its place and the skills collapsed into it.
fn gap_title(g: &GapReport) -> String {
    let mut name = g.name.clone();
    if !g.alternatives.is_empty() {
        let others: Vec<&str> = g.alternatives.iter().map(|a| a.name.as_str()).collect();
        name = format!("{name} (or {})", others.join(" or "));
    }
    name
}

/// The members of a collapsed gap, for a line under it.
fn gap_members(g: &GapReport) -> Option<String> {
    if g.members.is_empty() {
        return None;
    }
    let names: Vec<&str> = g.members.iter().map(|m| m.name.as_str()).collect();
    let lead = if g.named { "with" } else { "covers" };
    Some(format!("{lead}: {}", names.join(", ")))
}

/// A target's name as the score lines give it: "posting.md (posting)".
fn target_line(t: &skillgap::TargetScoreReport) -> String {
    format!("{} ({})", t.target, t.kind.as_str())
}

/// How much of each target's asking lines were read, and a plain warning where most were not: the score then says
/// little, and the fix is the user's to make with a layer. One line per target that has asking lines.
fn coverage_lines(report: &CompareReport) -> Vec<String> {
    let single = report.targets.len() == 1;
    let mut out = Vec::new();
    for t in report.per_target.iter().filter(|t| t.asking_lines > 0 || t.poorly_covered()) {
        let what = match t.kind {
            TargetKind::Posting => "requirement lines",
            TargetKind::Bio => "certification lines",
        };
        let whose = if single { String::new() } else { format!("{}: ", t.target) };
        let read = if t.asking_lines > 0 {
            format!("{whose}read {} of {} {what}.", t.lines_read, t.asking_lines)
        } else {
            let skills = if t.skills_found == 1 { "skill" } else { "skills" };
            format!("{whose}only {} {skills} recognised in its {} words.", t.skills_found, t.words)
        };
        out.push(capitalise_first(&read));
        if t.poorly_covered() && t.asking_lines == 0 {
            out.push(format!(
                "{whose}Most of it was not read, so this score (and any \"no gaps\") says little: the built-in taxonomy covers this field poorly. Read it yourself, and add the skills it names with a taxonomy layer (docs/TAXONOMY_FORMAT.md)."
            ));
        } else if t.poorly_covered() {
            out.push(format!(
                "{whose}Most of what it asks was not recognised, so this score says little: the built-in taxonomy covers this field poorly. Read the lines listed under \"Not recognised\" yourself, and add the skills they name with a taxonomy layer (docs/TAXONOMY_FORMAT.md)."
            ));
        }
    }
    out
}

fn capitalise_first(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// The cap, in words, when it lowered a score: which required skill is missing, and from which target.
/// With `only_lowered`, only where the cap lowered the score.
fn cap_lines(report: &CompareReport, only_lowered: bool) -> Vec<String> {
    let single = report.targets.len() == 1;
    report
        .per_target
        .iter()
        .filter_map(|t| {
            let skill = t.capped_by.as_ref()?;
            if only_lowered && t.uncapped.is_none() {
                return None;
            }
            let who = if single { "the posting".to_owned() } else { t.target.clone() };
            let from = t.uncapped.map(|u| format!(" (from {u})")).unwrap_or_default();
            Some(format!(
                "{who} requires {}, which your CV does not show: its score is at most {}{from}.",
                skill.name, report.weights.score_cap_with_missing_required
            ))
        })
        .collect()
}

/// One learning path in words: "Kubernetes: from your Docker → Kubernetes".
fn path_line(p: &skillgap::LearningPathReport) -> String {
    let names: Vec<&str> = p.steps.iter().map(|s| s.name.as_str()).collect();
    match names.as_slice() {
        [from, middle @ .., _] if !middle.is_empty() => format!(
            "{}: from your {from} → {} → {}; start with {}",
            p.name,
            middle.join(" → "),
            p.name,
            middle.join(", then ")
        ),
        [from, _] => format!("{}: from your {from} → {}", p.name, p.name),
        _ => format!("{}: new ground, nothing on your CV leads there yet", p.name),
    }
}

/// Text from an input quoted into Markdown: control characters as [`printable`], line breaks as spaces, and the
/// characters that would format, link, open HTML or end a table cell escaped with a backslash, so that no HTML,
/// script, image or link from a posting reaches a Markdown viewer. An underscore inside a word (a file name) is
/// left alone: it formats nothing there; so is a `#` after the first character (C#), which starts no heading.
pub(crate) fn md_escape(s: &str) -> String {
    let chars: Vec<char> = printable(s).chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        let inside_word = |i: usize| {
            i > 0
                && chars.get(i - 1).is_some_and(|p| p.is_alphanumeric())
                && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric())
        };
        match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '_' if !inside_word(i) => out.push_str("\\_"),
            '#' if i == 0 => out.push_str("\\#"),
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// One CSV row, quoted where needed (for the taxonomy commands' hand-built rows).
pub fn csv_row(fields: &[String]) -> String {
    let mut row = String::new();
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            row.push(',');
        }
        if f.contains([',', '"', '\n', '\r']) {
            row.push('"');
            row.push_str(&f.replace('"', "\"\""));
            row.push('"');
        } else {
            row.push_str(f);
        }
    }
    row.push('\n');
    row
}

/// "1 posting", "3 postings".
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_text_is_escaped() {
        const CASES: &[(&str, &str)] = &[
            ("Data Engineer", "Data Engineer"),
            ("<script>x</script>", "\\<script\\>x\\</script\\>"),
            ("a | b", "a \\| b"),
            ("**bold** [link](x)", "\\*\\*bold\\*\\* \\[link\\](x)"),
            ("![img](javascript:alert(1))", "!\\[img\\](javascript:alert(1))"),
            ("`code`", "\\`code\\`"),
            ("C# and F#", "C# and F#"),
            ("# heading", "\\# heading"),
            ("harbourline_data_engineer.md", "harbourline_data_engineer.md"),
            ("_emphasis_", "\\_emphasis\\_"),
            ("two\nlines", "two lines"),
            ("bell\u{7}", "bell\u{2407}"),
        ];
        for &(input, expected) in CASES {
            assert_eq!(md_escape(input), expected, "{input:?}");
        }
    }
}
