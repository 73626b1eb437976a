//! `batch` output: text, Markdown and CSV from the one [`BatchReport`] (JSON and JSON Lines come from serde).

use anyhow::Result;
use skillgap::{BatchCsvRow, BatchGap, BatchReport, GapStatus, PostingReport, Requirement};

use super::{md_escape, plural, printable, Style};

/// The aggregate lists this many skills in text and Markdown (JSON and CSV list every one).
const SKILLS_SHOWN: usize = 10;
/// Text and Markdown list this many duplicates, then count the rest (a job board export can repeat thousands).
const DUPLICATES_SHOWN: usize = 20;

/// "... and 12 more (every one is in --format json)", when a list was cut.
fn more_line(total: usize, shown: usize) -> Option<String> {
    (total > shown).then(|| format!("... and {} more (--format json lists every one)", total - shown))
}

/// A gap as the table gives it: "Apache Kafka (or Amazon Kinesis), required", "PostgreSQL, near miss".
fn gap_label(g: &BatchGap) -> String {
    let mut label = g.name.clone();
    if !g.alternatives.is_empty() {
        label = format!("{label} (or {})", g.alternatives.join(" or "));
    }
    let standing = match (g.status, g.requirement) {
        (GapStatus::Related, _) => Some("near miss"),
        (GapStatus::InProgress, _) => Some("in progress"),
        (GapStatus::YearsShort, _) => Some("more years asked"),
        (GapStatus::Missing, Requirement::Required) => Some("required"),
        (GapStatus::Missing, Requirement::Preferred) => Some("preferred"),
        (GapStatus::Missing, _) => None,
    };
    match standing {
        Some(s) => format!("{label}, {s}"),
        None => label,
    }
}

/// A posting's gaps on one line, with a warning when the score says little.
fn gaps_line(p: &PostingReport) -> String {
    let mut line = if p.gaps.is_empty() {
        if p.score == 0 {
            "no skill recognised; read it yourself".to_owned()
        } else {
            "none".to_owned()
        }
    } else {
        p.gaps.iter().map(gap_label).collect::<Vec<_>>().join("; ")
    };
    if p.poorly_covered {
        line.push_str(&format!(
            " (read {} of {} requirement lines: the score says little)",
            p.lines_read, p.asking_lines
        ));
    }
    line
}

/// "Title · Company", or the file when there is no title.
fn posting_label(title: Option<&str>, company: Option<&str>, name: &str) -> String {
    let label = match (title, company) {
        (Some(t), Some(c)) => format!("{t} · {c}"),
        (Some(t), None) => t.to_owned(),
        (None, Some(c)) => format!("{name} · {c}"),
        (None, None) => name.to_owned(),
    };
    // One line, whatever a title's field held.
    label.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The counts in one sentence.
fn summary_line(report: &BatchReport) -> String {
    let s = &report.summary;
    let mut parts =
        vec![format!("{} scored from {}", plural(s.scored, "posting", "postings"), plural(s.files, "file", "files"))];
    if s.duplicates > 0 {
        parts.push(format!("{} scored once", plural(s.duplicates, "duplicate", "duplicates")));
    }
    if s.skipped > 0 {
        parts.push(format!(
            "{} skipped (not .txt .md .html .json .jsonl .csv, or not a regular file)",
            plural(s.skipped, "file", "files")
        ));
    }
    if s.windows_1252 > 0 {
        parts.push(format!("{} not UTF-8, read as Windows-1252", plural(s.windows_1252, "file", "files")));
    }
    if s.failed > 0 {
        parts.push(format!("{} failed", s.failed));
    }
    format!("{}.", parts.join("; "))
}

/// What the table shows of the scored postings, when it does not show them all.
fn table_note(report: &BatchReport) -> Option<String> {
    let s = &report.summary;
    if s.shown == s.scored {
        return None;
    }
    let filtered = s.above_min_score < s.scored;
    Some(match (filtered, s.shown < s.above_min_score) {
        (true, true) => format!("the best {} of {} at or above --min-score", s.shown, s.above_min_score),
        (true, false) => format!("{} at or above --min-score", s.shown),
        _ => format!("the best {} of {}", s.shown, s.scored),
    })
}

/// Readable text for a terminal.
pub fn text(report: &BatchReport, style: Style) -> String {
    let s = &report.summary;
    let mut out = String::new();
    out.push_str(&style.bold(&format!("Postings ranked by fit with {}", printable(&report.cv))));
    out.push('\n');
    out.push_str(&summary_line(report));
    out.push('\n');
    out.push_str(&format!("{} of {} scored {} or more: a good fit.\n", s.good_fits, s.scored, s.good_fit));
    if let Some(note) = table_note(report) {
        out.push_str(&format!("Showing {note}.\n"));
    }
    out.push('\n');
    let width = report.postings.iter().filter_map(|p| p.rank).max().unwrap_or(1).to_string().len();
    for p in &report.postings {
        let score = format!("{:>3}", p.score);
        let score = if p.score >= s.good_fit {
            style.green(&score)
        } else if p.score >= s.good_fit / 2 {
            style.yellow(&score)
        } else {
            style.red(&score)
        };
        let rank = format!("{:>width$}.", p.rank.unwrap_or(0));
        let label = printable(&posting_label(p.title.as_deref(), p.company.as_deref(), &p.name)).into_owned();
        let file = if p.title.is_some() {
            format!("  {}", style.dim(&format!("({})", printable(&p.name))))
        } else {
            String::new()
        };
        out.push_str(&format!("{rank} {score}  {}{file}\n", style.bold(&label)));
        out.push_str(&format!("{:indent$}gaps: {}\n", "", printable(&gaps_line(p)), indent = width + 7));
    }
    let lifting: Vec<_> = report.skills.iter().filter(|k| k.lifts > 0).take(SKILLS_SHOWN).collect();
    if !lifting.is_empty() {
        out.push('\n');
        out.push_str(&style.bold("Skills that would lift the most postings"));
        out.push('\n');
        for k in lifting {
            out.push_str(&format!("  {} (a gap in {})\n", printable(&capitalise(&k.sentence(s.scored))), k.gap_in));
        }
    }
    if !report.one_skill_away.is_empty() {
        out.push('\n');
        out.push_str(&style.bold(&format!("One skill away from a good fit ({}+)", s.good_fit)));
        out.push('\n');
        for o in &report.one_skill_away {
            let label = printable(&posting_label(o.title.as_deref(), o.company.as_deref(), &o.name)).into_owned();
            let skills: Vec<String> =
                o.skills.iter().map(|l| format!("{} ({} → {})", l.skill.name, o.score, l.score)).collect();
            let file = if o.title.is_some() {
                format!(" {}", style.dim(&format!("({})", printable(&o.name))))
            } else {
                String::new()
            };
            out.push_str(&format!("  {label}{file}: learn {}\n", printable(&skills.join(" or "))));
        }
    }
    if !report.duplicates.is_empty() {
        out.push('\n');
        out.push_str(&style.bold("Duplicates (the same text, scored once)"));
        out.push('\n');
        for d in report.duplicates.iter().take(DUPLICATES_SHOWN) {
            out.push_str(&printable(&format!("  {}: same text as {}\n", d.name, d.duplicate_of)));
        }
        if let Some(more) = more_line(report.duplicates.len(), DUPLICATES_SHOWN) {
            out.push_str(&format!("  {more}\n"));
        }
    }
    if !report.failures.is_empty() {
        out.push('\n');
        out.push_str(&style.bold("Not read"));
        out.push('\n');
        for f in &report.failures {
            out.push_str(&printable(&format!("  {}: {}\n", f.name, f.reason)));
        }
    }
    out
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// Markdown.
pub fn md(report: &BatchReport) -> String {
    let s = &report.summary;
    let mut out = format!("# Postings ranked by fit with {}\n\n", md_escape(&report.cv));
    out.push_str(&md_escape(&summary_line(report)));
    out.push_str(&format!(" {} of {} scored {} or more: a good fit.", s.good_fits, s.scored, s.good_fit));
    if let Some(note) = table_note(report) {
        out.push_str(&format!(" Showing {}.", md_escape(&note)));
    }
    out.push_str("\n\n");
    if !report.postings.is_empty() {
        out.push_str("| # | Score | Posting | Company | Top gaps | File |\n|---:|---:|---|---|---|---|\n");
        for p in &report.postings {
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} |\n",
                p.rank.unwrap_or(0),
                p.score,
                md_escape(p.title.as_deref().unwrap_or("")),
                md_escape(p.company.as_deref().unwrap_or("")),
                md_escape(&gaps_line(p)),
                md_escape(&p.name),
            ));
        }
        out.push('\n');
    }
    let lifting: Vec<_> = report.skills.iter().filter(|k| k.lifts > 0).take(SKILLS_SHOWN).collect();
    if !lifting.is_empty() {
        out.push_str("## Skills that would lift the most postings\n\n");
        for k in lifting {
            out.push_str(&format!("- {} (a gap in {})\n", md_escape(&capitalise(&k.sentence(s.scored))), k.gap_in));
        }
        out.push('\n');
    }
    if !report.one_skill_away.is_empty() {
        out.push_str(&format!("## One skill away from a good fit ({}+)\n\n", s.good_fit));
        for o in &report.one_skill_away {
            let label = posting_label(o.title.as_deref(), o.company.as_deref(), &o.name);
            let skills: Vec<String> =
                o.skills.iter().map(|l| format!("{} ({} → {})", l.skill.name, o.score, l.score)).collect();
            out.push_str(&format!(
                "- {} ({}): learn {}\n",
                md_escape(&label),
                md_escape(&o.name),
                md_escape(&skills.join(" or "))
            ));
        }
        out.push('\n');
    }
    if !report.duplicates.is_empty() {
        out.push_str("## Duplicates (the same text, scored once)\n\n");
        for d in report.duplicates.iter().take(DUPLICATES_SHOWN) {
            out.push_str(&format!("- {}: same text as {}\n", md_escape(&d.name), md_escape(&d.duplicate_of)));
        }
        if let Some(more) = more_line(report.duplicates.len(), DUPLICATES_SHOWN) {
            out.push_str(&format!("- {}\n", md_escape(&more)));
        }
        out.push('\n');
    }
    if !report.failures.is_empty() {
        out.push_str("## Not read\n\n");
        for f in &report.failures {
            out.push_str(&format!("- {}: {}\n", md_escape(&f.name), md_escape(&f.reason)));
        }
        out.push('\n');
    }
    out
}

/// CSV: a header, then one row per table posting, aggregate skill, posting one skill away, duplicate and failure,
/// with cells neutralised against formula injection.
pub fn csv(report: &BatchReport) -> Result<String> {
    let mut w = csv::WriterBuilder::new().has_headers(false).from_writer(Vec::new());
    w.write_record(BatchCsvRow::HEADER)?;
    for row in report.csv_rows() {
        w.serialize(row)?;
    }
    let bytes = w.into_inner().map_err(|e| anyhow::anyhow!("cannot write CSV: {}", e.error()))?;
    Ok(String::from_utf8(bytes)?)
}
