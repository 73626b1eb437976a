//! Markdown: headings, tables and lists, with quoted text escaped.

use std::fmt::Write as _;

use skillgap::{shorten, CompareReport, ExtractReport};

use super::text::gap_name;
use super::{md_escape, requirement_str};

/// How long a gap's quote may be in the Markdown table, in characters.
const GAP_QUOTE_CHARS: usize = 80;

/// `compare`'s Markdown: the score, a table of the first `top` gaps, what is shared, near misses, suggestions.
pub fn compare(report: &CompareReport, top: usize) -> String {
    let mut out = score_header(report);
    out.push_str(&gaps_table(report, top));
    out.push_str(&shared_list(report));
    out.push_str(&near_misses_list(report));
    out.push_str(&suggestions_list(report, top));
    out
}

fn score_header(report: &CompareReport) -> String {
    let w = &report.weights;
    let centi = report.points.earned_centi;
    let mut out = format!("# Skill gap: {}\n\n", report.cv);
    let _ = writeln!(out, "**Match score: {}/100** against {}  ", report.score, report.targets.join(", "));
    let _ = writeln!(
        out,
        "{}.{:02} of {} points; required skills weigh {}, preferred {}, mentioned {}; hard skills count {}x, soft skills {}x; related skills earn {}%.\n",
        centi / 100,
        centi % 100,
        report.points.possible,
        w.required,
        w.preferred,
        w.mentioned,
        w.hard_skill_factor,
        w.soft_skill_factor,
        w.related_credit_percent,
    );
    out
}

fn gaps_table(report: &CompareReport, top: usize) -> String {
    if report.gaps.is_empty() {
        return String::new();
    }
    let mut out = "## Gaps\n\n| # | Skill | Category | Requirement | Years | Targets | Evidence |\n|---|---|---|---|---|---|---|\n".to_owned();
    for (i, r) in report.gaps.iter().take(top).enumerate() {
        let evidence = r.evidence.first().map_or(String::new(), |e| {
            format!("{} ({}:{})", md_escape(&shorten(&e.sentence, GAP_QUOTE_CHARS)), md_escape(&e.target), e.line)
        });
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {evidence} |",
            i + 1,
            md_escape(&gap_name(r)),
            r.category,
            requirement_str(r.requirement),
            r.years.map(|y| format!("{y}+")).unwrap_or_default(),
            r.targets,
        );
    }
    out.push('\n');
    out
}

fn shared_list(report: &CompareReport) -> String {
    if report.matched.is_empty() {
        return String::new();
    }
    let mut out = "## You share\n\n".to_owned();
    for r in &report.matched {
        let _ = writeln!(out, "- {} ({})", md_escape(&r.name), r.cv_text.as_deref().map(md_escape).unwrap_or_default());
    }
    out.push('\n');
    out
}

fn near_misses_list(report: &CompareReport) -> String {
    if report.related.is_empty() {
        return String::new();
    }
    let mut out = "## Near misses\n\n".to_owned();
    for r in &report.related {
        if let Some(have) = &r.have {
            let _ = writeln!(out, "- you have {}; they have {}", md_escape(&have.name), md_escape(&r.name));
        }
    }
    out.push('\n');
    out
}

fn suggestions_list(report: &CompareReport, top: usize) -> String {
    if report.suggestions.is_empty() {
        return String::new();
    }
    let mut out = "## Suggestions\n\n".to_owned();
    for (i, s) in report.suggestions.iter().take(top).enumerate() {
        let _ = writeln!(out, "{}. {}", i + 1, md_escape(&s.message));
    }
    out
}

/// `extract`'s Markdown: one table row per skill, with its first mention.
pub fn extract(report: &ExtractReport) -> String {
    let mut out = format!("# Skills in {}\n\n| Skill | Category | Mentions | Requirement | Years | First seen |\n|---|---|---|---|---|---|\n", md_escape(&report.source));
    for s in &report.skills {
        let first =
            s.mentions.first().map_or(String::new(), |m| format!("line {}: \"{}\"", m.line, md_escape(&m.text)));
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {first} |",
            md_escape(&s.name),
            s.category,
            s.mentions.len(),
            requirement_str(s.requirement),
            s.years.map(|y| format!("{y}+")).unwrap_or_default(),
        );
    }
    out
}
