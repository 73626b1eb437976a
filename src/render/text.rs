//! Text for a terminal: wrapped to [`WIDTH`], coloured when [`Style`] says so.

use std::fmt::Write as _;

use skillgap::{
    shorten, CompareReport, ExtractStream, GapReport, GapStatus, MatchKind, MentionReport, Requirement, SkillMentions,
};

use super::{
    cap_lines, coverage_lines, gap_facts, gap_members, gap_title, path_line, plural, printable, requirement_str,
    target_line, Style,
};

/// The width text output is wrapped to.
const WIDTH: usize = 80;
/// How long a gap's name may be in the `--explain` importance table.
const IMPORTANCE_NAME_CHARS: usize = 26;
/// How long a skill's name may be in the `--explain` table.
const EXPLAIN_NAME_CHARS: usize = 36;
/// How many mentions `extract` shows per skill.
pub const MENTIONS_SHOWN: usize = 3;

/// Word-wraps `text` to `width`, indenting every line by `indent` and continuation lines by `hang` more.
fn wrap(text: &str, indent: usize, hang: usize, width: usize) -> String {
    let text = printable(text);
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
    out.push_str(&unrecognised_section(report, top, style));
    out.push_str(&shared_section(report, style));
    out.push_str(&fuzzy_section(report, style));
    out.push_str(&near_misses_section(report, style));
    out.push_str(&suggestions_section(report, top, style));
    out.push_str(&learning_section(report, style));
    out.push_str(&explain_section(report, style));
    out
}

/// The score, what it is measured against, and how it is made.
fn score_header(report: &CompareReport, style: Style) -> String {
    let against = match report.targets.as_slice() {
        [one] => one.clone(),
        targets => format!("{} targets", targets.len()),
    };
    let w = &report.weights;
    let title = format!("Match score: {}/100", report.score);
    let versus = printable(&format!("({} vs {against})", report.cv)).into_owned();
    // Long paths go on a line of their own, so the header fits in [`WIDTH`] too.
    let mut out = if title.chars().count() + 1 + versus.chars().count() <= WIDTH {
        format!("{} {}\n", style.bold(&title), style.dim(&versus))
    } else {
        format!("{}\n{}", style.bold(&title), style.dim(&wrap(&versus, 2, 1, WIDTH)))
    };
    let summary = format!(
        "{} of {} points: {} matched, {} transferable (half credit), {} missing. Required skills weigh {}, preferred {}, mentioned {}; hard skills count {}x, soft skills {}x.",
        points(report),
        report.points.possible,
        plural(report.matched.len(), "skill", "skills"),
        report.related.len(),
        report.missing.len(),
        w.required,
        w.preferred,
        w.mentioned,
        w.hard_skill_factor,
        w.soft_skill_factor,
    );
    out.push_str(&wrap(&summary, 2, 0, WIDTH));
    if report.targets.len() > 1 {
        for t in &report.per_target {
            out.push_str(&wrap(&format!("{}: {}/100", target_line(t), t.score), 2, 4, WIDTH));
        }
    }
    for line in cap_lines(report, true) {
        out.push_str(&wrap(&format!("Capped: {line}"), 2, 4, WIDTH));
    }
    for line in coverage_lines(report) {
        out.push_str(&wrap(&line, 2, 4, WIDTH));
    }
    out
}

/// The asking lines in which no skill was recognised, quoted with where they are.
fn unrecognised_section(report: &CompareReport, top: usize, style: Style) -> String {
    if report.unrecognised.is_empty() {
        return String::new();
    }
    let mut out = format!("{}\n", style.bold("Not recognised: read these yourself"));
    for u in report.unrecognised.iter().take(top) {
        out.push_str(&wrap(&format!("\"{}\" ({}:{})", u.text, u.target, u.line), 2, 3, WIDTH));
    }
    if report.unrecognised.len() > top {
        let _ = writeln!(out, "  … and {} more (--top N shows more)", report.unrecognised.len() - top);
    }
    out.push('\n');
    out
}

/// The gaps, most important first, each with its quote and any near miss.
fn gaps_section(report: &CompareReport, top: usize, style: Style) -> String {
    if report.gaps.is_empty() {
        if report.per_target.iter().any(|t| t.poorly_covered()) {
            return "No gaps among the skills recognised, but much was not read (see above).\n".to_owned();
        }
        return format!("{}\n", style.green("No gaps: your CV shows every skill the targets name."));
    }
    let mut out = format!("{}\n", style.bold("Gaps, most important first"));
    for g in report.gaps.iter().take(top) {
        out.push_str(&gap(report, g, style));
    }
    if report.gaps.len() > top {
        let _ =
            writeln!(out, "     … and {} more (--top N shows more; --format json shows all)", report.gaps.len() - top);
    }
    out
}

/// One gap: its number, name and facts (on one line when they fit in [`WIDTH`], else wrapped), its first quote,
/// the skills collapsed into it, and for a near miss, progress or a years shortfall, where the CV shows it.
fn gap(report: &CompareReport, g: &GapReport, style: Style) -> String {
    let head = printable(&format!("{:>3}. {}", g.rank, gap_title(g))).into_owned();
    let tail = printable(&format!("{} [{}]", gap_facts(report, g).join(", "), g.category)).into_owned();
    let paint = |s: &str| if g.status == GapStatus::Missing { style.red(s) } else { style.yellow(s) };
    let mut out = if head.chars().count() + 2 + tail.chars().count() <= WIDTH {
        format!("{}{}{}\n", paint(&head), padding(&head, &tail), style.dim(&tail))
    } else {
        // The number keeps its column: continuation lines start under the name.
        let number = format!("{}.", g.rank);
        let lead = 4usize.saturating_sub(number.len());
        let mut lines = paint(&wrap(&format!("{number} {}", gap_title(g)), lead, 5 - lead, WIDTH));
        lines.push_str(&style.dim(&wrap(&tail, 6, 1, WIDTH)));
        lines
    };
    if let Some(e) = g.evidence.first() {
        out.push_str(&wrap(&format!("\"{}\" ({}:{})", e.quote, e.target, e.line), 6, 1, WIDTH));
    }
    if let Some(members) = gap_members(g) {
        out.push_str(&wrap(&members, 6, 2, WIDTH));
    }
    let note = match (g.status, &g.have) {
        (GapStatus::Related, Some(have)) => {
            Some(format!("near miss: you have {} (transferable, half credit)", have.name))
        }
        (GapStatus::InProgress, _) => Some("in progress on your CV (half credit)".to_owned()),
        (GapStatus::YearsShort, _) => Some("your CV shows the skill, for fewer years than asked".to_owned()),
        _ => None,
    };
    if let Some(note) = note {
        out.push_str(&style.yellow(&wrap(&note, 6, 1, WIDTH)));
    }
    if let Some(cv) = &g.cv_evidence {
        out.push_str(&wrap(&format!("your CV: \"{}\" ({}:{})", cv.quote, report.cv, cv.line), 6, 1, WIDTH));
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

/// The learning paths, by gap rank.
fn learning_section(report: &CompareReport, style: Style) -> String {
    if report.learning_path.is_empty() {
        return String::new();
    }
    let mut out = format!("\n{}\n", style.bold("Learning path (from what your CV shows)"));
    for p in &report.learning_path {
        out.push_str(&wrap(&format!("{:>2}. {}", p.rank, path_line(p)), 2, 6, WIDTH));
    }
    out
}

/// With `--explain`: per skill its weight, credit and running sums, then the score and any cap.
fn explain_section(report: &CompareReport, style: Style) -> String {
    let Some(explain) = &report.explain else { return String::new() };
    let centi = |c: u32| format!("{}.{:02}", c / 100, c % 100);
    let mut out = format!("\n{}\n", style.bold("How the score is made (--explain)"));
    let _ = writeln!(out, "  {:<36} {:>6} {:>7} {:>8} {:>8} {:>6}", "skill", "weight", "credit", "earned", "sum", "of");
    for row in &explain.rows {
        let _ = writeln!(
            out,
            "  {:<36} {:>6} {:>6}% {:>8} {:>8} {:>6}",
            printable(&shorten(&row.name, EXPLAIN_NAME_CHARS)),
            row.weight,
            row.credit_percent,
            centi(row.earned),
            centi(row.sum),
            row.possible
        );
    }
    let total =
        format!("Score: {} of {} points, rounded: {}/100.", points(report), report.points.possible, explain.uncapped);
    out.push_str(&wrap(&total, 2, 4, WIDTH));
    for t in &report.per_target {
        let line = format!(
            "{}: {} of {} points: {}/100",
            target_line(t),
            centi(t.points.earned_centi),
            t.points.possible,
            t.uncapped.unwrap_or(t.score)
        );
        out.push_str(&wrap(&line, 2, 4, WIDTH));
    }
    for line in cap_lines(report, false) {
        out.push_str(&wrap(&format!("Cap: {line}"), 2, 4, WIDTH));
    }
    if let Some(cap) = explain.cap {
        out.push_str(&wrap(&format!("The aggregate is capped at {cap}: {}/100.", report.score), 2, 4, WIDTH));
    }
    out.push_str(&importance_section(report, style));
    out
}

/// With `--explain`: how each gap's importance, which orders the list, is made.
fn importance_section(report: &CompareReport, style: Style) -> String {
    let Some(explain) = report.explain.as_ref().filter(|e| !e.importance.is_empty()) else { return String::new() };
    let mut out = format!("\n{}\n", style.bold("How the gaps are ranked (--explain)"));
    out.push_str(&wrap("= ((level + share) / tg × spec% + years) × stand% + membr", 2, 4, WIDTH));
    let _ = writeln!(
        out,
        "  {:>3} {:<26} {:>5} {:>5} {:>3} {:>5} {:>5} {:>5} {:>5} {:>5}",
        "#", "gap", "level", "share", "tg", "spec", "years", "stand", "membr", "="
    );
    for row in &explain.importance {
        let p = &row.parts;
        let _ = writeln!(
            out,
            "  {:>3} {:<26} {:>5} {:>5} {:>3} {:>4}% {:>5} {:>4}% {:>5} {:>5}",
            row.rank,
            printable(&shorten(&row.name, IMPORTANCE_NAME_CHARS)),
            p.level,
            p.share,
            p.targets,
            p.specificity_percent,
            p.years_points,
            p.standing_percent,
            p.member_points,
            p.total
        );
    }
    out
}

/// `extract`'s text starts with this line; then comes each skill ([`extracted_skill`]).
pub fn extract_header(skills: usize, source: &str, style: Style) -> String {
    format!("{}\n", style.bold(&printable(&format!("{skills} skills found in {source}"))))
}

/// One skill found: name, mention count, requirement, years and category, then up to [`MENTIONS_SHOWN`]
/// mentions.
pub fn extracted_skill(skill: &SkillMentions, style: Style) -> String {
    let count = skill.mention_count;
    let mut facts = vec![format!("{count} mention{}", if count == 1 { "" } else { "s" })];
    if skill.requirement != Requirement::Mentioned {
        facts.push(requirement_str(skill.requirement).to_owned());
    }
    if let Some(y) = skill.years {
        facts.push(format!("{y}+ years"));
    }
    let head = printable(&format!("  {}", skill.name)).into_owned();
    let tail = printable(&format!("{} [{}]", facts.join(", "), skill.category)).into_owned();
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
pub fn extract_line(report: &ExtractStream<'_>) -> String {
    if report.is_empty() {
        return String::new();
    }
    let names: Vec<String> = report.skills(0).map(|s| s.name).collect();
    format!("{}: {}\n", report.line().unwrap_or_default(), names.join(", "))
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
