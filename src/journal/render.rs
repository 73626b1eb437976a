//! The journal's output. JSON comes from the same values through serde; text and Markdown quote everything a user
//! or a web page wrote through `printable` and `md_escape`, so no note or posting can drive a terminal or a
//! Markdown viewer.

use std::fmt::Write as _;

use anyhow::{bail, Result};
use serde::Serialize;
use skillgap::{csv_safe, long_date, printable, FollowupEmail, JournalReport, Outcome, RecurringGap};

use super::store::{CvVersion, Entry};
use crate::args::Format;
use crate::render::{json_pretty, md_escape, Style};

/// One line of `journal list`.
#[derive(Debug, Clone, Serialize)]
pub struct ListRow {
    pub id: i64,
    pub date: String,
    pub company: String,
    pub role: String,
    pub outcome: Outcome,
    pub interviewer: Option<String>,
    pub score: Option<u8>,
    /// Whether the posting is kept.
    pub posting: bool,
    pub bios: usize,
    pub notes: usize,
    pub questions: usize,
    pub open_questions: usize,
    pub gaps: usize,
}

impl ListRow {
    pub fn of(e: &Entry) -> ListRow {
        ListRow {
            id: e.id,
            date: e.date.clone(),
            company: e.company.clone(),
            role: e.role.clone(),
            outcome: e.outcome,
            interviewer: e.interviewer.clone(),
            score: e.score,
            posting: e.documents.iter().any(|d| d.kind == "posting"),
            bios: e.documents.iter().filter(|d| d.kind == "bio").count(),
            notes: e.notes.len(),
            questions: e.questions.len(),
            open_questions: e.questions.iter().filter(|q| q.answer.is_none()).count(),
            gaps: e.gaps.len(),
        }
    }
}

/// `journal list`.
pub fn list(rows: &[ListRow], format: Format, style: Style) -> Result<String> {
    #[derive(Serialize)]
    struct List<'a> {
        entries: &'a [ListRow],
    }
    match format {
        Format::Json => Ok(json_pretty(&List { entries: rows })?),
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            for r in rows {
                // A listing is a report: cells a spreadsheet would run are neutralised (the export is exact).
                let mut r = r.clone();
                r.company = csv_safe(&r.company).into_owned();
                r.role = csv_safe(&r.role).into_owned();
                r.interviewer = r.interviewer.map(|i| csv_safe(&i).into_owned());
                w.serialize(r)?;
            }
            if rows.is_empty() {
                return Ok(
                    "id,date,company,role,outcome,interviewer,score,posting,bios,notes,questions,open_questions,gaps\n"
                        .to_owned(),
                );
            }
            Ok(String::from_utf8(w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?)?)
        }
        Format::Md => {
            let mut out = "# Journal\n\n".to_owned();
            if rows.is_empty() {
                out.push_str("No entries yet: add one with `skillgap journal add`.\n");
                return Ok(out);
            }
            out.push_str("| ID | Date | Company | Role | Outcome | Score | Bios | Notes | Open questions |\n");
            out.push_str("|---|---|---|---|---|---|---|---|---|\n");
            for r in rows {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                    r.id,
                    md_escape(&r.date),
                    md_escape(&r.company),
                    md_escape(&r.role),
                    r.outcome.as_str(),
                    r.score.map_or("-".to_owned(), |s| s.to_string()),
                    r.bios,
                    r.notes,
                    r.open_questions
                );
            }
            Ok(out)
        }
        Format::Text => {
            if rows.is_empty() {
                return Ok("No entries yet: add one with `skillgap journal add`.\n".to_owned());
            }
            let company_width = rows.iter().map(|r| width(&r.company)).max().unwrap_or(0).clamp(7, 28);
            let role_width = rows.iter().map(|r| width(&r.role)).max().unwrap_or(0).clamp(4, 32);
            let mut out = style.bold(&format!(
                "{:>4}  {:<10}  {:<9}  {:<cw$}  {:<rw$}  {:>5}  {:>4}  {:>5}  {:>4}\n",
                "ID",
                "Date",
                "Outcome",
                "Company",
                "Role",
                "Score",
                "Bios",
                "Notes",
                "Open",
                cw = company_width,
                rw = role_width
            ));
            for r in rows {
                let _ = writeln!(
                    out,
                    "{:>4}  {:<10}  {:<9}  {}  {}  {:>5}  {:>4}  {:>5}  {:>4}",
                    r.id,
                    printable(&r.date),
                    r.outcome.as_str(),
                    pad(&r.company, company_width),
                    pad(&r.role, role_width),
                    r.score.map_or("-".to_owned(), |s| s.to_string()),
                    r.bios,
                    r.notes,
                    r.open_questions
                );
            }
            Ok(out)
        }
    }
}

/// Characters, as a rough terminal width.
fn width(s: &str) -> usize {
    s.chars().count()
}

/// `s` made printable, cut or padded to `w` characters.
fn pad(s: &str, w: usize) -> String {
    let s = printable(s).replace('\n', " ");
    let n = s.chars().count();
    if n > w {
        let mut cut: String = s.chars().take(w.saturating_sub(1)).collect();
        cut.push('…');
        cut
    } else {
        format!("{s}{}", " ".repeat(w - n))
    }
}

/// `journal show`.
pub fn show(entry: &Entry, cv: Option<&CvVersion>, format: Format, style: Style) -> Result<String> {
    #[derive(Serialize)]
    struct Show<'a> {
        #[serde(flatten)]
        entry: &'a Entry,
        cv_name: Option<&'a str>,
    }
    match format {
        Format::Json => Ok(json_pretty(&Show { entry, cv_name: cv.map(|v| v.name.as_str()) })?),
        Format::Csv => bail!("an entry is shown as text, md or json; `journal export --format csv` writes the data"),
        Format::Md => Ok(show_md(entry, cv)),
        Format::Text => Ok(show_text(entry, cv, style)),
    }
}

fn show_text(e: &Entry, cv: Option<&CvVersion>, style: Style) -> String {
    let p = |s: &str| printable(s).into_owned();
    let mut out = style.bold(&format!("Entry {}: {} at {}\n", e.id, p(&e.role), p(&e.company)));
    let _ = write!(out, "  Date: {}   Outcome: {}", p(&e.date), e.outcome.as_str());
    if let Some(i) = &e.interviewer {
        let _ = write!(out, "   Interviewer: {}", p(i));
    }
    out.push('\n');
    match (cv, e.score) {
        (Some(cv), Some(score)) => {
            let _ = writeln!(out, "  Compared with CV {} (version {}): score {score}/100", p(&cv.name), cv.id);
        }
        (Some(cv), None) => {
            let _ = writeln!(out, "  CV {} (version {}); nothing compared yet", p(&cv.name), cv.id);
        }
        _ => out.push_str("  No CV compared\n"),
    }
    for d in &e.documents {
        let _ = writeln!(out, "  {}: {} ({} characters)", capitalised(&d.kind), p(&d.name), d.text.chars().count());
    }
    if !e.gaps.is_empty() {
        out.push('\n');
        out.push_str(&style.bold(&format!("Gaps ({}):\n", e.gaps.len())));
        for (i, g) in e.gaps.iter().enumerate() {
            let _ = writeln!(
                out,
                "  {:>2}. {} ({}, importance {})",
                i + 1,
                p(&g.name),
                status_words(&g.status),
                g.importance
            );
        }
    }
    if !e.notes.is_empty() {
        out.push('\n');
        out.push_str(&style.bold("Notes:\n"));
        for n in &e.notes {
            let _ = writeln!(out, "  {}:", p(&n.date));
            for line in n.text.lines() {
                let _ = writeln!(out, "    {}", p(line));
            }
        }
    }
    if !e.questions.is_empty() {
        out.push('\n');
        out.push_str(&style.bold("Questions:\n"));
        for q in &e.questions {
            let _ = writeln!(out, "  [Q{}] {}", q.id, p(&q.question));
            match &q.answer {
                Some(a) => {
                    let _ = writeln!(out, "        Answer: {}", p(a).replace('\n', "\n        "));
                }
                None => out.push_str(&format!("        {}\n", style.yellow("No answer yet"))),
            }
        }
    }
    out
}

fn show_md(e: &Entry, cv: Option<&CvVersion>) -> String {
    let mut out = format!("# {} at {}\n\n", md_escape(&e.role), md_escape(&e.company));
    let _ = writeln!(out, "- Entry: {}", e.id);
    let _ = writeln!(out, "- Date: {}", md_escape(&e.date));
    let _ = writeln!(out, "- Outcome: {}", e.outcome.as_str());
    if let Some(i) = &e.interviewer {
        let _ = writeln!(out, "- Interviewer: {}", md_escape(i));
    }
    if let Some(cv) = cv {
        let score = e.score.map_or(String::new(), |s| format!(": score {s}/100"));
        let _ = writeln!(out, "- Compared with CV {} (version {}){score}", md_escape(&cv.name), cv.id);
    }
    for d in &e.documents {
        let _ = writeln!(out, "- {}: {}", capitalised(&d.kind), md_escape(&d.name));
    }
    out.push('\n');
    if !e.gaps.is_empty() {
        out.push_str("## Gaps\n\n| # | Gap | Status | Importance |\n|---|---|---|---|\n");
        for (i, g) in e.gaps.iter().enumerate() {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                i + 1,
                md_escape(&g.name),
                status_words(&g.status),
                g.importance
            );
        }
        out.push('\n');
    }
    if !e.notes.is_empty() {
        out.push_str("## Notes\n\n");
        for n in &e.notes {
            let _ = writeln!(out, "- {}: {}", md_escape(&n.date), md_escape(&n.text));
        }
        out.push('\n');
    }
    if !e.questions.is_empty() {
        out.push_str("## Questions\n\n");
        for q in &e.questions {
            let answer = q.answer.as_deref().map_or("*no answer yet*".to_owned(), md_escape);
            let _ = writeln!(out, "- **Q{}** {}  \n  {answer}", q.id, md_escape(&q.question));
        }
        out.push('\n');
    }
    out
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// A gap's status in words.
fn status_words(status: &str) -> &str {
    match status {
        "missing" => "missing",
        "related" => "near miss",
        "in_progress" => "in progress",
        "years_short" => "fewer years than asked",
        other => other,
    }
}

/// `journal report`.
pub fn report(report: &JournalReport, top: usize, format: Format, style: Style) -> Result<String> {
    match format {
        Format::Json => Ok(json_pretty(report)?),
        Format::Csv => bail!("the journal report is written as text, md or json"),
        Format::Md => Ok(report_md(report, top)),
        Format::Text => Ok(report_text(report, top, style)),
    }
}

fn scope(r: &JournalReport) -> String {
    let since = r.since.as_deref().map_or(String::new(), |d| format!(" since {}", long_date(d)));
    let s = |n: usize| if n == 1 { "" } else { "s" };
    format!(
        "{} rejection{} in {} entr{}{since}",
        r.rejections,
        s(r.rejections),
        r.entries,
        if r.entries == 1 { "y" } else { "ies" }
    )
}

/// "in 3 of 3 rejections (Acme, Globex, Initech), 14 September to 3 November 2026".
fn seen(g: &RecurringGap, total: usize) -> String {
    let when = if g.first_seen == g.last_seen {
        long_date(&g.first_seen)
    } else {
        format!("{} to {}", long_date(&g.first_seen), long_date(&g.last_seen))
    };
    format!("in {} of {total} rejections ({}), {when}", g.rejections, g.companies.join(", "))
}

fn report_text(r: &JournalReport, top: usize, style: Style) -> String {
    let p = |s: &str| printable(s).into_owned();
    let mut out = style.bold(&format!("Journal report: {}\n", scope(r)));
    match &r.cv {
        Some(cv) => {
            let _ = writeln!(out, "Closed gaps are judged against your CV {}.", p(cv));
        }
        None => out.push_str("No CV stored: give --cv to see which gaps your CV has closed.\n"),
    }
    if !r.uncompared.is_empty() {
        let ids: Vec<String> = r.uncompared.iter().map(i64::to_string).collect();
        let _ = writeln!(out, "Not compared (no CV, or no posting or bio): entries {}.", ids.join(", "));
    }
    out.push('\n');
    out.push_str(&style.bold("What keeps coming up across rejections\n"));
    if r.recurring.is_empty() {
        out.push_str("  Nothing yet: record rejections with the hired people's bios (`journal add --outcome rejected --bio FILE`).\n");
    }
    for (i, g) in r.recurring.iter().take(top).enumerate() {
        let near = if g.status == "missing" { String::new() } else { format!(" [{}]", status_words(&g.status)) };
        let _ = writeln!(out, "  {:>2}. {}{near}: {}", i + 1, style.red(&p(&g.name)), p(&seen(g, r.rejections)));
    }
    if r.recurring.len() > top {
        let _ = writeln!(
            out,
            "      … and {} more (--top {} or --format json shows them)",
            r.recurring.len() - top,
            r.recurring.len()
        );
    }
    if !r.closed.is_empty() {
        out.push('\n');
        out.push_str(&style.bold("Closed since: your CV now shows\n"));
        for g in &r.closed {
            let _ = writeln!(out, "  - {}: was a gap {}", style.green(&p(&g.name)), p(&seen(g, r.rejections)));
        }
    }
    out.push('\n');
    out.push_str(&style.bold("Questions still without an answer\n"));
    if r.open_questions.is_empty() {
        out.push_str("  None.\n");
    }
    for q in &r.open_questions {
        let _ = writeln!(
            out,
            "  [Q{}] {}, entry {}, {}: {}",
            q.id,
            p(&q.company),
            q.entry,
            p(&long_date(&q.asked)),
            p(&q.question)
        );
    }
    if !r.open_questions.is_empty() {
        out.push_str("  Prepare an answer: skillgap journal answer QID \"...\"\n");
    }
    out.push('\n');
    out.push_str(&style.bold("What the feedback names\n"));
    if r.feedback.is_empty() {
        out.push_str("  Nothing the taxonomy knows: read your notes with `journal show ID`.\n");
    }
    for f in r.feedback.iter().take(top) {
        let also = if f.recurring { " (also a recurring gap)" } else { "" };
        let s = if f.notes == 1 { "" } else { "s" };
        let _ = writeln!(out, "  - {}{also}: {} note{s} ({})", p(&f.name), f.notes, p(&f.companies.join(", ")));
        if let Some(q) = f.quotes.first() {
            let _ = writeln!(out, "      \"{}\"", p(q));
        }
    }
    out
}

fn report_md(r: &JournalReport, top: usize) -> String {
    let mut out = format!("# Journal report\n\n{}.", md_escape(&scope(r)));
    if let Some(cv) = &r.cv {
        let _ = write!(out, " Closed gaps are judged against your CV {}.", md_escape(cv));
    }
    out.push_str("\n\n## What keeps coming up across rejections\n\n");
    if r.recurring.is_empty() {
        out.push_str("Nothing yet.\n\n");
    } else {
        out.push_str("| # | Gap | Rejections | Companies | First seen | Last seen | Importance |\n|---|---|---|---|---|---|---|\n");
        for (i, g) in r.recurring.iter().take(top).enumerate() {
            let _ = writeln!(
                out,
                "| {} | {} | {} of {} | {} | {} | {} | {} |",
                i + 1,
                md_escape(&g.name),
                g.rejections,
                r.rejections,
                md_escape(&g.companies.join(", ")),
                md_escape(&g.first_seen),
                md_escape(&g.last_seen),
                g.importance
            );
        }
        out.push('\n');
    }
    if !r.closed.is_empty() {
        out.push_str("## Closed since: your CV now shows\n\n");
        for g in &r.closed {
            let _ = writeln!(out, "- [x] {}: was a gap {}", md_escape(&g.name), md_escape(&seen(g, r.rejections)));
        }
        out.push('\n');
    }
    out.push_str("## Questions still without an answer\n\n");
    if r.open_questions.is_empty() {
        out.push_str("None.\n");
    }
    for q in &r.open_questions {
        let _ = writeln!(
            out,
            "- [ ] **Q{}** {} ({}): {}",
            q.id,
            md_escape(&q.company),
            md_escape(&q.asked),
            md_escape(&q.question)
        );
    }
    out.push_str("\n## What the feedback names\n\n");
    if r.feedback.is_empty() {
        out.push_str("Nothing the taxonomy knows.\n");
    }
    for f in r.feedback.iter().take(top) {
        let also = if f.recurring { " (also a recurring gap)" } else { "" };
        let quote = f.quotes.first().map_or(String::new(), |q| format!(": \"{}\"", md_escape(q)));
        let _ = writeln!(
            out,
            "- **{}**{also}, {} notes ({}){quote}",
            md_escape(&f.name),
            f.notes,
            md_escape(&f.companies.join(", "))
        );
    }
    out
}

/// `journal followup`: the draft, to read and edit.
pub fn followup(id: i64, email: &FollowupEmail, format: Format) -> Result<String> {
    #[derive(Serialize)]
    struct Followup<'a> {
        id: i64,
        #[serde(flatten)]
        email: &'a FollowupEmail,
    }
    match format {
        Format::Json => Ok(json_pretty(&Followup { id, email })?),
        Format::Csv => bail!("the follow-up email is written as text, md or json"),
        Format::Text => Ok(format!(
            "To: {}\nSubject: {}\n\n{}",
            printable(&email.to),
            printable(&email.subject),
            printable(&email.body)
        )),
        Format::Md => Ok(format!(
            "**To:** {}  \n**Subject:** {}\n\n{}",
            md_escape(&email.to),
            md_escape(&email.subject),
            email.body.split("\n\n").map(md_escape).collect::<Vec<_>>().join("\n\n") + "\n"
        )),
    }
}
