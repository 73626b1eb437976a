//! Text for a terminal: wrapped to [`WIDTH`], coloured when [`Style`] says so.

use std::fmt::Write as _;

use skillgap::{
    shorten, CompareReport, ExtractReport, MatchKind, MentionReport, Requirement, SkillMentions, SkillReport,
};

use super::{requirement_str, Style};

/// The width text output is wrapped to.
const WIDTH: usize = 80;
/// How long a gap's quote may be, in characters.
const GAP_QUOTE_CHARS: usize = 60;
/// How many mentions `extract` shows per skill.
const MENTIONS_SHOWN: usize = 3;

/// Word-wraps `text` to `width`, indenting every line by `indent` and continuation lines by `hang` more.
fn wrap(text: &str, indent: usize, hang: usize, width: usize) -> String {
    let mut out = String::new();
    let mut line = " ".repeat(indent);
    let mut empty = true;
    for word in text.split_whitespace() {
        if !empty && line.chars().count() + 1 + word.chars().count() > width {
            out.push_str(line.trim_end());
            out.push('\n');
            line = " ".repeat(indent + hang);
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    out.push_str(line.trim_end());
    out.push('\n');
    out
}

/// `head`, then `tail` right-aligned to [`WIDTH`] (at least two spaces apart).
fn padding(head: &str, tail: &str) -> String {
    " ".repeat(WIDTH.saturating_sub(head.chars().count() + tail.chars().count()).max(2))
}

/// Earned points with two decimals.
fn points(report: &CompareReport) -> String {
    let centi = report.points.earned_centi;
    format!("{}.{:02}", centi / 100, centi % 100)
}

/// The name, with the alternatives a target offers in its place: "Apache Kafka (or Amazon Kinesis)".
pub(super) fn gap_name(r: &SkillReport) -> String {
    if r.alternatives.is_empty() {
        return r.name.clone();
    }
    let others: Vec<&str> = r.alternatives.iter().map(|a| a.name.as_str()).collect();
    format!("{} (or {})", r.name, others.join(" or "))
}

/// `compare`'s text: the score, the gaps (the first `top`), what is shared, readings to check, near misses and
/// suggestions.
pub fn compare(report: &CompareReport, top: usize, style: Style) -> String {
    let mut out = score_header(report, style);
    if report.points.possible == 0 {
        out.push_str("\nNo skills from the taxonomy were found in the target, so there is nothing to compare.\nCheck the file with `skillgap extract FILE`.\n");
        return out;
    }
    out.push('\n');
    out.push_str(&gaps_section(report, top, style));
    out.push('\n');
    out.push_str(&shared_section(report, style));
    out.push_str(&fuzzy_section(report, style));
    out.push_str(&near_misses_section(report, style));
    out.push_str(&suggestions_section(report, top, style));
    out
}

/// The score, what it is measured against, and how it is made.
fn score_header(report: &CompareReport, style: Style) -> String {
    let against = match report.targets.as_slice() {
        [one] => one.clone(),
        targets => format!("{} targets", targets.len()),
    };
    let w = &report.weights;
    let mut out = format!(
        "{} {}\n",
        style.bold(&format!("Match score: {}/100", report.score)),
        style.dim(&format!("({} vs {against})", report.cv))
    );
    let summary = format!(
        "{} of {} points: {} skills matched, {} transferable (half credit), {} missing. Required skills weigh {}, preferred {}, mentioned {}; hard skills count {}x, soft skills {}x.",
        points(report),
        report.points.possible,
        report.matched.len(),
        report.related.len(),
        report.missing.len(),
        w.required,
        w.preferred,
        w.mentioned,
        w.hard_skill_factor,
        w.soft_skill_factor,
    );
    out.push_str(&wrap(&summary, 2, 0, WIDTH));
    out
}

/// The gaps, most important first, each with its quote and any near miss.
fn gaps_section(report: &CompareReport, top: usize, style: Style) -> String {
    if report.gaps.is_empty() {
        return format!("{}\n", style.green("No gaps: your CV shows every skill the targets name."));
    }
    let mut out = format!("{}\n", style.bold("Gaps, most important first"));
    for (i, r) in report.gaps.iter().take(top).enumerate() {
        out.push_str(&gap(report, i + 1, r, style));
    }
    if report.gaps.len() > top {
        let _ =
            writeln!(out, "     … and {} more (--top N shows more; --format json shows all)", report.gaps.len() - top);
    }
    out
}

/// One gap: its number, name and facts, its first quote, and a note for near misses and progress.
fn gap(report: &CompareReport, number: usize, r: &SkillReport, style: Style) -> String {
    let mut facts = vec![requirement_str(r.requirement).to_owned()];
    if let Some(y) = r.years {
        facts.push(format!("{y}+ years"));
    }
    if report.targets.len() > 1 {
        facts.push(format!("{} of {} targets", r.targets, report.targets.len()));
    }
    let head = format!("{number:>3}. {}", gap_name(r));
    let tail = format!("{} [{}]", facts.join(", "), r.category);
    let painted = if r.is_missing() { style.red(&head) } else { style.yellow(&head) };
    let mut out = format!("{painted}{}{}\n", padding(&head, &tail), style.dim(&tail));
    if let Some(e) = r.evidence.first() {
        let quoted = format!("\"{}\" ({}:{})", shorten(&e.sentence, GAP_QUOTE_CHARS), e.target, e.line);
        out.push_str(&wrap(&quoted, 6, 1, WIDTH));
    }
    let note = match (&r.have, r.in_progress) {
        (Some(have), _) => Some(format!("near miss: you have {} (transferable, half credit)", have.name)),
        (None, true) => Some("in progress on your CV (half credit)".to_owned()),
        (None, false) => None,
    };
    if let Some(note) = note {
        out.push_str(&style.yellow(&wrap(&note, 6, 1, WIDTH)));
    }
    out
}

/// The skills the CV shares with the targets.
fn shared_section(report: &CompareReport, style: Style) -> String {
    if report.matched.is_empty() {
        return String::new();
    }
    let names: Vec<String> = report
        .matched
        .iter()
        .map(|r| match (&r.via, &r.alternative) {
            (Some(via), _) => format!("{} (via {})", r.name, via.name),
            (None, Some(other)) => format!("{} (or {}, which you have)", r.name, other.name),
            (None, None) => r.name.clone(),
        })
        .collect();
    let mut out = format!("{}\n", style.bold(&format!("You share ({})", report.matched.len())));
    out.push_str(&style.green(&wrap(&names.join(", "), 2, 0, WIDTH)));
    out.push('\n');
    out
}

/// Skills read from the CV by near spelling, for the user to check.
fn fuzzy_section(report: &CompareReport, style: Style) -> String {
    if report.fuzzy_readings.is_empty() {
        return String::new();
    }
    let readings: Vec<String> =
        report.fuzzy_readings.iter().map(|f| format!("{} → {}?", f.text, f.skill.name)).collect();
    let mut out = format!("{}\n", style.bold("Read from your CV by near spelling (check these)"));
    out.push_str(&wrap(&readings.join(", "), 2, 0, WIDTH));
    out.push('\n');
    out
}

/// Related skills the CV shows in place of the targets' ones.
fn near_misses_section(report: &CompareReport, style: Style) -> String {
    if !report.related.iter().any(|r| r.have.is_some()) {
        return String::new();
    }
    let mut out = format!("{}\n", style.bold("Near misses (transferable, not counted as matches)"));
    for r in &report.related {
        let Some(have) = &r.have else { continue };
        let line = format!("- you have {}; they have {}", have.name, r.name);
        out.push_str(&style.yellow(&wrap(&line, 2, 2, WIDTH)));
    }
    out.push('\n');
    out
}

/// The first `top` suggestions, numbered.
fn suggestions_section(report: &CompareReport, top: usize, style: Style) -> String {
    if report.suggestions.is_empty() {
        return String::new();
    }
    let mut out = format!("{}\n", style.bold("Suggestions"));
    for (i, s) in report.suggestions.iter().take(top).enumerate() {
        out.push_str(&wrap(&format!("{:>2}. {}", i + 1, s.message), 2, 4, WIDTH));
    }
    if report.suggestions.len() > top {
        let _ = writeln!(out, "  … and {} more (--top N shows more)", report.suggestions.len() - top);
    }
    out
}

/// `extract`'s text: each skill with its facts and its first mentions.
pub fn extract(report: &ExtractReport, style: Style) -> String {
    let mut out = format!("{}\n", style.bold(&format!("{} skills found in {}", report.skills.len(), report.source)));
    for skill in &report.skills {
        out.push_str(&extracted_skill(skill, style));
    }
    out
}

/// One skill found: name, mention count, requirement, years and category, then up to [`MENTIONS_SHOWN`]
/// mentions.
fn extracted_skill(skill: &SkillMentions, style: Style) -> String {
    let count = skill.mentions.len();
    let mut facts = vec![format!("{count} mention{}", if count == 1 { "" } else { "s" })];
    if skill.requirement != Requirement::Mentioned {
        facts.push(requirement_str(skill.requirement).to_owned());
    }
    if let Some(y) = skill.years {
        facts.push(format!("{y}+ years"));
    }
    let head = format!("  {}", skill.name);
    let tail = format!("{} [{}]", facts.join(", "), skill.category);
    let mut out = format!("{}{}{}\n", style.green(&head), padding(&head, &tail), style.dim(&tail));
    for m in skill.mentions.iter().take(MENTIONS_SHOWN) {
        let line = format!("line {}: \"{}\" ({})", m.line, m.text, how_matched(m, &skill.name));
        out.push_str(&wrap(&line, 6, 2, WIDTH));
    }
    if count > MENTIONS_SHOWN {
        let _ = writeln!(out, "      … {} more", count - MENTIONS_SHOWN);
    }
    out
}

/// How a mention matched, in words.
fn how_matched(m: &MentionReport, skill_name: &str) -> String {
    match m.match_kind {
        MatchKind::Exact => "exact".to_owned(),
        MatchKind::Alias => "alias".to_owned(),
        MatchKind::Fuzzy => match m.score {
            Some(score) => format!("fuzzy {score}%: {} → {skill_name}?", m.text),
            None => format!("fuzzy: the words of \"{skill_name}\", reworded"),
        },
    }
}

/// `extract --lines`: the line number and the skills on it, for lines with any.
pub fn extract_line(report: &ExtractReport) -> String {
    if report.skills.is_empty() {
        return String::new();
    }
    let names: Vec<&str> = report.skills.iter().map(|s| s.name.as_str()).collect();
    format!("{}: {}\n", report.line.unwrap_or_default(), names.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping() {
        // (name, text, indent, hang, width, expected)
        const CASES: &[(&str, &str, usize, usize, usize, &str)] = &[
            ("fits", "a b c", 2, 0, 80, "  a b c\n"),
            ("breaks with a hanging indent", "aaa bbb ccc", 0, 2, 7, "aaa bbb\n  ccc\n"),
            ("a word longer than the width stays whole", "abcdefghij", 0, 0, 5, "abcdefghij\n"),
        ];
        for &(name, text, indent, hang, width, expected) in CASES {
            assert_eq!(wrap(text, indent, hang, width), expected, "{name}");
        }
    }

    #[test]
    fn padding_right_aligns_with_a_minimum_gap() {
        const CASES: &[(usize, usize, usize)] = &[(10, 10, 60), (70, 20, 2), (79, 0, 2)];
        for &(head, tail, spaces) in CASES {
            assert_eq!(padding(&"h".repeat(head), &"t".repeat(tail)).len(), spaces, "{head}+{tail}");
        }
    }
}
