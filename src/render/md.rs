//! Markdown: headings, tables and lists, with quoted text escaped.

use std::fmt::Write as _;

use skillgap::{CompareReport, GapStatus, SkillMentions};

use super::{
    cap_lines, coverage_lines, gap_facts, gap_members, gap_title, md_escape, path_line, requirement_str, target_line,
};

/// `compare`'s Markdown: a CV improvement plan to keep and work through. The score, then the plan (the first `top`
/// suggestions) and the learning paths as checklists, then the evidence: the ranked gaps, lines to read yourself,
/// readings to check, what is shared and the near misses.
pub fn compare(report: &CompareReport, top: usize) -> String {
    let mut out = score_header(report);
    out.push_str(&plan_list(report, top));
    out.push_str(&learning_list(report));
    out.push_str(&gaps_table(report, top));
    out.push_str(&unrecognised_list(report, top));
    out.push_str(&fuzzy_list(report));
    out.push_str(&shared_list(report));
    out.push_str(&near_misses_list(report));
    out.push_str(&explain_table(report));
    out
}

fn score_header(report: &CompareReport) -> String {
    let w = &report.weights;
    let centi = report.points.earned_centi;
    let mut out = format!("# CV improvement plan: {}\n\n", md_escape(&report.cv));
    let targets: Vec<String> = report.targets.iter().map(|t| md_escape(t)).collect();
    let _ = writeln!(out, "**Match score: {}/100** against {}  ", report.score, targets.join(", "));
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
    if report.targets.len() > 1 {
        for t in &report.per_target {
            let _ = writeln!(out, "- {}: {}/100", md_escape(&target_line(t)), t.score);
        }
        out.push('\n');
    }
    for line in cap_lines(report, true) {
        let _ = writeln!(out, "Capped: {}\n", md_escape(&line));
    }
    for line in coverage_lines(report) {
        let _ = writeln!(out, "{}\n", md_escape(&line));
    }
    out
}

/// The asking lines in which no skill was recognised, as a checklist to read.
fn unrecognised_list(report: &CompareReport, top: usize) -> String {
    if report.unrecognised.is_empty() {
        return String::new();
    }
    let mut out = "## Not recognised: read these yourself\n\n".to_owned();
    for u in report.unrecognised.iter().take(top) {
        let _ = writeln!(out, "- [ ] \"{}\" ({}:{})", md_escape(&u.text), md_escape(&u.target), u.line);
    }
    out.push('\n');
    out
}

fn gaps_table(report: &CompareReport, top: usize) -> String {
    if report.gaps.is_empty() {
        return String::new();
    }
    let mut out =
        "## Gaps\n\n| # | Gap | Status | Asked | Category | Evidence |\n|---|---|---|---|---|---|\n".to_owned();
    for g in report.gaps.iter().take(top) {
        let mut evidence = g
            .evidence
            .first()
            .map_or(String::new(), |e| format!("\"{}\" ({}:{})", md_escape(&e.quote), md_escape(&e.target), e.line));
        if let Some(cv) = &g.cv_evidence {
            evidence.push_str(&format!(
                "; your CV: \"{}\" ({}:{})",
                md_escape(&cv.quote),
                md_escape(&report.cv),
                cv.line
            ));
        }
        let mut name = md_escape(&gap_title(g));
        if let Some(members) = gap_members(g) {
            name.push_str(&format!(" ({})", md_escape(&members)));
        }
        let status = match (g.status, &g.have) {
            (GapStatus::Related, Some(have)) => format!("near miss (you have {})", md_escape(&have.name)),
            (status, _) => status.as_str().replace('_', " "),
        };
        let _ = writeln!(
            out,
            "| {} | {name} | {status} | {} | {} | {evidence} |",
            g.rank,
            md_escape(&gap_facts(report, g).join(", ")),
            md_escape(&g.category),
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
        match r.cv_text.as_deref() {
            Some(cv) => writeln!(out, "- {} ({})", md_escape(&r.name), md_escape(cv)),
            None => writeln!(out, "- {}", md_escape(&r.name)),
        }
        .unwrap_or_default();
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

/// The suggestions as a checklist, most important first.
fn plan_list(report: &CompareReport, top: usize) -> String {
    if report.suggestions.is_empty() {
        return String::new();
    }
    let mut out = "## Your plan\n\n".to_owned();
    for (i, s) in report.suggestions.iter().take(top).enumerate() {
        let _ = writeln!(out, "- [ ] **{}.** {}", i + 1, md_escape(&s.message));
    }
    if report.suggestions.len() > top {
        let _ = writeln!(out, "- … and {} more (`--top N` shows more)", report.suggestions.len() - top);
    }
    out.push('\n');
    out
}

/// The learning paths as a checklist, by gap rank.
fn learning_list(report: &CompareReport) -> String {
    if report.learning_path.is_empty() {
        return String::new();
    }
    let mut out =
        "## Learning path\n\nFor the first true gaps, the way there from what your CV already shows.\n\n".to_owned();
    for p in &report.learning_path {
        let _ = writeln!(out, "- [ ] Gap {}: {}", p.rank, md_escape(&path_line(p)));
    }
    out.push('\n');
    out
}

/// Skills read from the CV by near spelling, to check.
fn fuzzy_list(report: &CompareReport) -> String {
    if report.fuzzy_readings.is_empty() {
        return String::new();
    }
    let mut out = "## Read from your CV by near spelling (check these)\n\n".to_owned();
    for f in &report.fuzzy_readings {
        let _ = writeln!(out, "- [ ] \"{}\" read as {}", md_escape(&f.text), md_escape(&f.skill.name));
    }
    out.push('\n');
    out
}

/// With `--explain`: per skill its weight, credit and running sums.
fn explain_table(report: &CompareReport) -> String {
    let Some(explain) = &report.explain else { return String::new() };
    let centi = |c: u32| format!("{}.{:02}", c / 100, c % 100);
    let mut out =
        "\n## How the score is made\n\n| Skill | Weight | Credit | Earned | Sum | Of |\n|---|---|---|---|---|---|\n"
            .to_owned();
    for row in &explain.rows {
        let _ = writeln!(
            out,
            "| {} | {} | {}% | {} | {} | {} |",
            md_escape(&row.name),
            row.weight,
            row.credit_percent,
            centi(row.earned),
            centi(row.sum),
            row.possible
        );
    }
    let _ = writeln!(out, "\nScore before any cap: {}/100.", explain.uncapped);
    for line in cap_lines(report, false) {
        let _ = writeln!(out, "Cap: {}", md_escape(&line));
    }
    if !explain.importance.is_empty() {
        out.push_str("\n## How the gaps are ranked\n\nimportance = ((level + share) / targets × specificity% + years) × standing% + members\n\n| # | Gap | Level | Share | Targets | Specificity | Years | Standing | Members | Importance |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for row in &explain.importance {
            let p = &row.parts;
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {}% | {} | {}% | {} | {} |",
                row.rank,
                md_escape(&row.name),
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
    }
    out
}

/// `extract`'s Markdown starts with this heading and table head; then comes one row per skill ([`extract_row`]).
pub fn extract_header(source: &str) -> String {
    format!("# Skills in {}\n\n| Skill | Category | Mentions | Requirement | Years | First seen |\n|---|---|---|---|---|---|\n", md_escape(source))
}

/// One skill's table row, with its first mention (the only one it needs of [`SkillMentions::mentions`]).
pub fn extract_row(s: &SkillMentions) -> String {
    let first = s.mentions.first().map_or(String::new(), |m| format!("line {}: \"{}\"", m.line, md_escape(&m.text)));
    format!(
        "| {} | {} | {} | {} | {} | {first} |\n",
        md_escape(&s.name),
        md_escape(&s.category),
        s.mention_count,
        requirement_str(s.requirement),
        s.years.map(|y| format!("{y}+")).unwrap_or_default(),
    )
}
