//! The journal's commands: read the files first (so that a bad file changes nothing), then one transaction.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use serde::Serialize;
use skillgap::{
    compare, gap_records, journal_report, parse_date, EntryRecord, Extractor, GapRecord, Month, NoteRecord, Outcome,
    PhraseMatching, Profile, QuestionRecord, ReportInput, TargetKind, Taxonomy,
};

use super::export;
use super::render;
use super::store::{self, Document, EntryChanges, NewEntry, Question, Store};
use super::{AddArgs, EditArgs, JournalArgs, JournalCommand};
use crate::args::Format;
use crate::input;
use crate::output::Output;
use crate::render::Style;

/// The largest export `journal import` reads: far above a journal of years of applications, and a bound on what
/// one file can cost.
const IMPORT_MAX_BYTES: u64 = 512 * 1024 * 1024;

/// What every journal command needs besides its own arguments.
struct Ctx {
    path: PathBuf,
    today: String,
    phrases: PhraseMatching,
    format: Format,
    style: Style,
}

/// Runs a journal command.
pub fn run(
    taxonomy: Taxonomy,
    args: &JournalArgs,
    phrases: PhraseMatching,
    format: Format,
    style: Style,
    out: &mut Output,
) -> Result<ExitCode> {
    let path = journal_path(args.journal.as_deref())?;
    let ctx = Ctx { path, today: today()?, phrases, format, style };
    let rendered = match &args.action {
        JournalCommand::Add(a) => add(&ctx, taxonomy, a)?,
        JournalCommand::Note { id, text } => note(&ctx, *id, text.as_deref())?,
        JournalCommand::Question { id, question, answer } => add_question(&ctx, *id, question, answer.as_deref())?,
        JournalCommand::Answer { qid, answer } => answer_question(&ctx, *qid, answer)?,
        JournalCommand::Outcome { id, outcome } => {
            let changes = EntryChanges { outcome: Some((*outcome).into()), ..EntryChanges::default() };
            edit_entry(&ctx, *id, &changes)?
        }
        JournalCommand::Bio { id, file } => add_bio(&ctx, taxonomy, *id, file)?,
        JournalCommand::List => list(&ctx)?,
        JournalCommand::Show { id } => show(&ctx, *id)?,
        JournalCommand::Report { cv, since, top } => report(&ctx, taxonomy, cv.as_deref(), since.as_deref(), *top)?,
        JournalCommand::Followup { id } => followup(&ctx, *id)?,
        JournalCommand::Export { .. } => export_journal(&ctx)?,
        JournalCommand::Import { file } => import_journal(&ctx, file)?,
        JournalCommand::Edit(e) => edit(&ctx, e)?,
        JournalCommand::Delete { id, yes } => delete(&ctx, *id, *yes)?,
    };
    out.write_all(rendered.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// The journal file: `--journal`, else `$SKILLGAP_JOURNAL`, else `skillgap/journal.sqlite3` in the XDG data folder.
fn journal_path(flag: Option<&Path>) -> Result<PathBuf> {
    if let Some(path) = flag {
        return Ok(path.to_owned());
    }
    if let Some(path) = std::env::var_os("SKILLGAP_JOURNAL").filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    // The XDG spec ignores a relative XDG_DATA_HOME.
    let data = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local").join("share")));
    match data {
        Some(dir) => Ok(dir.join("skillgap").join("journal.sqlite3")),
        None => bail!("no place for the journal: set HOME or XDG_DATA_HOME, or give --journal FILE"),
    }
}

/// Today, `YYYY-MM-DD`: `SKILLGAP_TODAY` when set (a `YYYY-MM` month means its first day), else the system clock
/// (UTC).
fn today() -> Result<String> {
    if let Ok(fixed) = std::env::var("SKILLGAP_TODAY") {
        let day = if fixed.len() == 7 { format!("{fixed}-01") } else { fixed.clone() };
        if parse_date(&day).is_none() {
            bail!("SKILLGAP_TODAY={fixed:?} is not a date; write it as YYYY-MM-DD, e.g. 2026-12-07");
        }
        return Ok(day);
    }
    let seconds = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (year, month, day) = civil_from_days((seconds / 86_400) as i64);
    Ok(format!("{year:04}-{month:02}-{day:02}"))
}

/// The calendar day `days` after 1970-01-01 (Howard Hinnant's civil-from-days algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

/// A date given on the command line, checked.
fn date_arg(date: &str, flag: &str) -> Result<String> {
    match parse_date(date) {
        Some(_) => Ok(date.to_owned()),
        None => bail!("{flag} {date:?} is not a date; write it as YYYY-MM-DD, e.g. 2026-11-03"),
    }
}

/// A required text field, trimmed; empty is an error.
fn text_arg(value: &str, what: &str) -> Result<String> {
    let value = value.trim();
    if value.is_empty() {
        bail!("{what} is empty");
    }
    Ok(value.to_owned())
}

/// An optional text field: blank means none, so that an export never holds an empty string for "none".
fn optional_text(value: Option<&str>) -> Option<String> {
    value.map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned)
}

/// Text from an argument, or from standard input for `-` or nothing.
fn text_or_stdin(text: Option<&str>, what: &str) -> Result<String> {
    match text {
        Some(t) if t != "-" => text_arg(t, what),
        _ => {
            if std::io::stdin().is_terminal() {
                eprintln!("Type the {what}, then press Ctrl-D:");
            }
            let source = read_stdin().with_context(|| format!("reading the {what} from standard input"))?;
            text_arg(&source.text, what)
        }
    }
}

fn not_found(ctx: &Ctx, id: i64) -> anyhow::Error {
    anyhow::anyhow!("no entry {id} in the journal {}; `skillgap journal list` shows the ids", ctx.path.display())
}

/// The month that ends a CV's roles running "to present".
fn month_of(day: &str) -> Month {
    Month::parse_iso(day).unwrap_or_default()
}

/// An entry's comparison: its score and gaps, against `cv`. `None` when there is nothing to compare with.
fn compare_entry(
    taxonomy: Taxonomy,
    phrases: PhraseMatching,
    today: &str,
    cv: &str,
    documents: &[Document],
) -> Result<Option<(u8, Vec<GapRecord>)>> {
    if documents.is_empty() {
        return Ok(None);
    }
    let mut texts: Vec<&str> = documents.iter().map(|d| d.text.as_str()).collect();
    texts.push(cv);
    let extractor = Extractor::builder().restrict_to_words_of(&texts).phrase_matching(phrases).build(taxonomy)?;
    let profile = Profile::from_text_at(&extractor, cv, month_of(today));
    let targets: Vec<skillgap::Document> =
        documents.iter().map(|d| extractor.extract_as(&d.text, document_kind(&d.kind))).collect();
    let comparison = compare(extractor.taxonomy(), &profile, &targets);
    Ok(Some((comparison.score, gap_records(extractor.taxonomy(), &comparison))))
}

fn document_kind(kind: &str) -> TargetKind {
    if kind == "bio" {
        TargetKind::Bio
    } else {
        TargetKind::Posting
    }
}

// Every file and standard input is read through the CLI's one input reader (`src/input.rs`), here and only here.

/// A CV, posting, bio or notes file (`-`: standard input), decoded and converted as `compare` reads it.
fn read_file(path: &Path) -> Result<skillgap::Source> {
    input::read(path)
}

/// Standard input, as text.
fn read_stdin() -> Result<skillgap::Source> {
    input::read_stdin()
}

/// The bytes of an export, up to [`IMPORT_MAX_BYTES`].
fn read_export(path: &Path) -> Result<Vec<u8>> {
    input::read_bounded(path, IMPORT_MAX_BYTES)
}

/// Reads a posting or bio file as the journal keeps it: the text (HTML converted) and the file's name.
fn read_document(path: &Path, kind: &str) -> Result<Document> {
    let source = read_file(path)?;
    Ok(Document { kind: kind.to_owned(), name: source.name, text: source.text })
}

/// `journal add`.
fn add(ctx: &Ctx, taxonomy: Taxonomy, a: &AddArgs) -> Result<String> {
    let company = text_arg(&a.company, "--company")?;
    let role = text_arg(&a.role, "--role")?;
    let date = match &a.date {
        Some(d) => date_arg(d, "--date")?,
        None => ctx.today.clone(),
    };
    let interviewer = optional_text(a.interviewer.as_deref());
    let stdin_uses = [a.cv.as_deref(), a.posting.as_deref(), a.notes.as_deref()]
        .into_iter()
        .flatten()
        .chain(a.bio.iter().map(PathBuf::as_path))
        .filter(|p| p.as_os_str() == "-")
        .count();
    if stdin_uses > 1 {
        bail!("`-` (standard input) can be given only once");
    }
    // Every file is read before the journal is touched: a bad file changes nothing.
    let cv = a.cv.as_deref().map(read_file).transpose()?;
    let mut documents = Vec::new();
    if let Some(p) = &a.posting {
        documents.push(read_document(p, "posting")?);
    }
    for p in &a.bio {
        documents.push(read_document(p, "bio")?);
    }
    let notes = a.notes.as_deref().map(read_file).transpose()?;
    let mut store = Store::open(&ctx.path)?;
    let stored_cv = match &cv {
        Some(_) => None,
        None => store::latest_cv(store.conn())?,
    };
    let cv_text = cv.as_ref().map(|s| s.text.as_str()).or(stored_cv.as_ref().map(|v| v.text.as_str()));
    let comparison = match cv_text {
        Some(text) => compare_entry(taxonomy, ctx.phrases, &ctx.today, text, &documents)?,
        None => None,
    };
    let (score, gaps) = comparison.clone().map_or((None, Vec::new()), |(s, g)| (Some(s), g));
    let id = store.write(|tx| {
        let cv_id = match (&cv, &stored_cv) {
            (Some(source), _) => Some(store::store_cv(tx, &source.name, &source.text, &ctx.today)?),
            (None, Some(version)) => Some(version.id),
            (None, None) => None,
        };
        let entry = NewEntry {
            company: &company,
            role: &role,
            date: &date,
            outcome: a.outcome.into(),
            interviewer: interviewer.as_deref(),
            cv: cv_id,
            score,
        };
        let id = store::insert_entry(tx, &entry)?;
        for d in &documents {
            store::insert_document(tx, id, d)?;
        }
        if let Some(notes) = &notes {
            store::insert_note(tx, id, &ctx.today, &notes.text)?;
        }
        store::set_comparison(tx, id, cv_id, score, &gaps)?;
        Ok(id)
    })?;
    let compared = match (&comparison, cv_text) {
        (Some((score, gaps)), _) => format!("score {score}/100, {} gaps", gaps.len()),
        (None, None) => "no CV to compare with yet: give --cv".to_owned(),
        (None, Some(_)) => "nothing to compare with yet: add a bio with `journal bio`".to_owned(),
    };
    eprintln!("skillgap: entry {id} recorded in {} ({compared})", skillgap::printable(&ctx.path.display().to_string()));
    created(ctx, id)
}

/// What a command that creates something prints: the new id (`{"id": N}` in JSON).
fn created(ctx: &Ctx, id: i64) -> Result<String> {
    #[derive(Serialize)]
    struct Created {
        id: i64,
    }
    match ctx.format {
        Format::Json => crate::render::json_pretty(&Created { id }).map_err(Into::into),
        Format::Csv => Ok(format!("id\n{id}\n")),
        Format::Text | Format::Md => Ok(format!("{id}\n")),
    }
}

/// What a command that changes something prints: a line in text, the entry's id and what changed in JSON.
fn changed(ctx: &Ctx, id: i64, message: &str) -> Result<String> {
    #[derive(Serialize)]
    struct Changed<'a> {
        id: i64,
        message: &'a str,
    }
    match ctx.format {
        Format::Json => crate::render::json_pretty(&Changed { id, message }).map_err(Into::into),
        Format::Csv => Ok(crate::render::csv_row(&["id".into(), "message".into()])
            + &crate::render::csv_row(&[id.to_string(), message.to_owned()])),
        Format::Text | Format::Md => Ok(format!("{}\n", skillgap::printable(message))),
    }
}

/// `journal note`.
fn note(ctx: &Ctx, id: i64, text: Option<&str>) -> Result<String> {
    let text = text_or_stdin(text, "note")?;
    let mut store = Store::open(&ctx.path)?;
    let note_id = store.write(|tx| {
        if !store::entry_exists(tx, id)? {
            return Err(not_found(ctx, id));
        }
        store::insert_note(tx, id, &ctx.today, &text)
    })?;
    created(ctx, note_id)
}

/// `journal question`.
fn add_question(ctx: &Ctx, id: i64, question: &str, answer: Option<&str>) -> Result<String> {
    let question = text_arg(question, "the question")?;
    let answer = optional_text(answer);
    let mut store = Store::open(&ctx.path)?;
    let qid = store.write(|tx| {
        if !store::entry_exists(tx, id)? {
            return Err(not_found(ctx, id));
        }
        let answered = answer.as_ref().map(|_| ctx.today.clone());
        let q = Question { id: 0, asked: ctx.today.clone(), question, answer, answered };
        store::insert_question(tx, id, &q)
    })?;
    created(ctx, qid)
}

/// `journal answer`.
fn answer_question(ctx: &Ctx, qid: i64, answer: &str) -> Result<String> {
    let answer = text_or_stdin(Some(answer), "answer")?;
    let mut store = Store::open(&ctx.path)?;
    let entry = store.write(|tx| {
        let entry = store::question_entry(tx, qid)?.ok_or_else(|| {
            anyhow::anyhow!(
                "no question {qid} in the journal {}; `skillgap journal report` lists the open ones",
                ctx.path.display()
            )
        })?;
        store::answer_question(tx, qid, &answer, &ctx.today)?;
        Ok(entry)
    })?;
    changed(ctx, entry, &format!("Question {qid} of entry {entry} answered."))
}

/// `journal outcome` and `journal edit`.
fn edit_entry(ctx: &Ctx, id: i64, changes: &EntryChanges) -> Result<String> {
    let mut store = Store::open(&ctx.path)?;
    store.write(|tx| if store::update_entry(tx, id, changes)? { Ok(()) } else { Err(not_found(ctx, id)) })?;
    let mut what = Vec::new();
    if let Some(o) = changes.outcome {
        what.push(format!("outcome {}", o.as_str()));
    }
    for (field, value) in [("company", &changes.company), ("role", &changes.role), ("date", &changes.date)] {
        if let Some(v) = value {
            what.push(format!("{field} {v}"));
        }
    }
    match &changes.interviewer {
        Some(Some(name)) => what.push(format!("interviewer {name}")),
        Some(None) => what.push("no interviewer".to_owned()),
        None => {}
    }
    changed(ctx, id, &format!("Entry {id}: {}.", what.join(", ")))
}

/// `journal edit`.
fn edit(ctx: &Ctx, e: &EditArgs) -> Result<String> {
    let changes = EntryChanges {
        company: e.company.as_deref().map(|v| text_arg(v, "--company")).transpose()?,
        role: e.role.as_deref().map(|v| text_arg(v, "--role")).transpose()?,
        date: e.date.as_deref().map(|v| date_arg(v, "--date")).transpose()?,
        outcome: e.outcome.map(Outcome::from),
        interviewer: e.interviewer.as_deref().map(|v| optional_text(Some(v))),
    };
    if changes.company.is_none()
        && changes.role.is_none()
        && changes.date.is_none()
        && changes.outcome.is_none()
        && changes.interviewer.is_none()
    {
        bail!("nothing to change: give --company, --role, --date, --outcome or --interviewer");
    }
    edit_entry(ctx, e.id, &changes)
}

/// `journal bio`: adds the bio and compares again, against the entry's CV (or the latest stored), all in one
/// transaction so that a bio added at the same time by another process is compared too.
fn add_bio(ctx: &Ctx, taxonomy: Taxonomy, id: i64, file: &Path) -> Result<String> {
    let bio = read_document(file, "bio")?;
    let mut store = Store::open(&ctx.path)?;
    let summary = store.write(|tx| {
        let entry = store::entry(tx, id)?.ok_or_else(|| not_found(ctx, id))?;
        store::insert_document(tx, id, &bio)?;
        let cv = match entry.cv {
            Some(cv) => store::cv_version(tx, cv)?,
            None => store::latest_cv(tx)?,
        };
        let Some(cv) = cv else {
            return Ok("no CV to compare with yet: add one with `journal add --cv` or `journal report --cv`".to_owned());
        };
        let mut documents = entry.documents;
        documents.push(bio);
        match compare_entry(taxonomy, ctx.phrases, &ctx.today, &cv.text, &documents)? {
            Some((score, gaps)) => {
                store::set_comparison(tx, id, Some(cv.id), Some(score), &gaps)?;
                Ok(format!("compared again with {}: score {score}/100, {} gaps", cv.name, gaps.len()))
            }
            None => Ok(String::new()),
        }
    })?;
    changed(ctx, id, &format!("Entry {id}: bio added; {summary}."))
}

/// `journal list`.
fn list(ctx: &Ctx) -> Result<String> {
    let store = Store::open_to_read(&ctx.path)?;
    let entries = store::entries(store.conn())?;
    let rows: Vec<render::ListRow> = entries.iter().map(render::ListRow::of).collect();
    render::list(&rows, ctx.format, ctx.style)
}

/// `journal show`.
fn show(ctx: &Ctx, id: i64) -> Result<String> {
    let store = Store::open_to_read(&ctx.path)?;
    let entry = store::entry(store.conn(), id)?.ok_or_else(|| not_found(ctx, id))?;
    let cv = match entry.cv {
        Some(cv) => store::cv_version(store.conn(), cv)?,
        None => None,
    };
    render::show(&entry, cv.as_ref(), ctx.format, ctx.style)
}

/// `journal report`.
fn report(ctx: &Ctx, taxonomy: Taxonomy, cv: Option<&Path>, since: Option<&str>, top: usize) -> Result<String> {
    if ctx.format == Format::Csv {
        bail!(
            "the journal report is written as text, md or json; for the data itself use `journal export --format csv`"
        );
    }
    let since = since.map(|d| date_arg(d, "--since")).transpose()?;
    let cv_source = cv.map(read_file).transpose()?;
    let store = Store::open_to_read(&ctx.path)?;
    let entries = store::entries(store.conn())?;
    let current = match cv_source {
        Some(source) => Some((source.name, source.text)),
        None => store::latest_cv(store.conn())?.map(|v| (v.name, v.text)),
    };
    let mut texts: Vec<&str> = entries.iter().flat_map(|e| e.notes.iter().map(|n| n.text.as_str())).collect();
    // Rejections recorded with no CV are compared with the current one.
    let uncompared = |e: &&store::Entry| e.cv.is_none() && e.outcome == Outcome::Rejected && !e.documents.is_empty();
    for e in entries.iter().filter(uncompared) {
        texts.extend(e.documents.iter().map(|d| d.text.as_str()));
    }
    if let Some((_, text)) = &current {
        texts.push(text);
    }
    let extractor = Extractor::builder().restrict_to_words_of(&texts).phrase_matching(ctx.phrases).build(taxonomy)?;
    let profile = current.as_ref().map(|(_, text)| Profile::from_text_at(&extractor, text, month_of(&ctx.today)));
    let records: Vec<EntryRecord> = entries
        .iter()
        .map(|e| {
            let (compared, gaps) = match &profile {
                Some(profile) if uncompared(&e) => {
                    let targets: Vec<skillgap::Document> =
                        e.documents.iter().map(|d| extractor.extract_as(&d.text, document_kind(&d.kind))).collect();
                    (true, gap_records(extractor.taxonomy(), &compare(extractor.taxonomy(), profile, &targets)))
                }
                _ => (e.score.is_some(), e.gaps.clone()),
            };
            EntryRecord {
                id: e.id,
                company: e.company.clone(),
                role: e.role.clone(),
                date: e.date.clone(),
                outcome: e.outcome,
                compared,
                gaps,
            }
        })
        .collect();
    let notes: Vec<NoteRecord> = entries
        .iter()
        .flat_map(|e| {
            e.notes.iter().map(|n| NoteRecord {
                entry: e.id,
                company: e.company.clone(),
                date: n.date.clone(),
                text: n.text.clone(),
            })
        })
        .collect();
    let questions: Vec<QuestionRecord> = entries
        .iter()
        .flat_map(|e| {
            e.questions.iter().map(|q| QuestionRecord {
                id: q.id,
                entry: e.id,
                company: e.company.clone(),
                asked: q.asked.clone(),
                question: q.question.clone(),
                answer: q.answer.clone(),
            })
        })
        .collect();
    let input = ReportInput { entries: &records, notes: &notes, questions: &questions, since: since.as_deref() };
    let cv = match (&current, &profile) {
        (Some((name, _)), Some(profile)) => Some((name.as_str(), profile)),
        _ => None,
    };
    let report = journal_report(&extractor, cv, input);
    render::report(&report, top, ctx.format, ctx.style)
}

/// `journal followup`.
fn followup(ctx: &Ctx, id: i64) -> Result<String> {
    let store = Store::open_to_read(&ctx.path)?;
    let entry = store::entry(store.conn(), id)?.ok_or_else(|| not_found(ctx, id))?;
    let email = skillgap::followup_email(skillgap::FollowupFields {
        company: &entry.company,
        role: &entry.role,
        interviewer: entry.interviewer.as_deref(),
        date: &entry.date,
        outcome: entry.outcome,
    });
    render::followup(id, &email, ctx.format)
}

/// `journal export`.
fn export_journal(ctx: &Ctx) -> Result<String> {
    let store = Store::open_to_read(&ctx.path)?;
    let data = export::export(store.conn())?;
    match ctx.format {
        Format::Json | Format::Text => export::to_json(&data),
        Format::Csv => export::to_csv(&data),
        Format::Md => bail!("an export is data: use --format json (the default) or --format csv"),
    }
}

/// `journal import`.
fn import_journal(ctx: &Ctx, file: &Path) -> Result<String> {
    let name = file.display().to_string();
    let bytes = read_export(file)?;
    let text = skillgap::decode_text(&name, bytes)?;
    let data = export::parse(&name, &text)?;
    let mut store = Store::open(&ctx.path)?;
    let summary = store.write(|tx| export::import(tx, &data)).with_context(|| format!("importing {name}"))?;
    match ctx.format {
        Format::Json => Ok(crate::render::json_pretty(&summary)?),
        _ => {
            let ids = match summary.first_id {
                Some(first) if summary.imported > 1 => {
                    format!(" (ids {first}-{})", first + summary.imported as i64 - 1)
                }
                Some(first) => format!(" (id {first})"),
                None => String::new(),
            };
            Ok(format!(
                "Imported {} entries{ids}; skipped {} the journal already holds.\n",
                summary.imported, summary.skipped
            ))
        }
    }
}

/// `journal delete`: only with `--yes`.
fn delete(ctx: &Ctx, id: i64, yes: bool) -> Result<String> {
    if !yes {
        let store = Store::open_to_read(&ctx.path)?;
        let entry = store::entry(store.conn(), id)?.ok_or_else(|| not_found(ctx, id))?;
        bail!(
            "nothing deleted: entry {id} ({}, {}) holds {} texts, {} notes and {} questions; add --yes to delete it",
            entry.company,
            entry.role,
            entry.documents.len(),
            entry.notes.len(),
            entry.questions.len()
        );
    }
    let mut store = Store::open(&ctx.path)?;
    store.write(|tx| if store::delete_entry(tx, id)? { Ok(()) } else { Err(not_found(ctx, id)) })?;
    changed(ctx, id, &format!("Entry {id} deleted."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_to_dates() {
        // (days since 1970-01-01, date)
        const CASES: &[(i64, (i64, u32, u32))] = &[
            (0, (1970, 1, 1)),
            (31, (1970, 2, 1)),
            (11_016, (2000, 2, 29)),
            (11_017, (2000, 3, 1)),
            (20_794, (2026, 12, 7)),
        ];
        for &(days, expected) in CASES {
            assert_eq!(civil_from_days(days), expected, "day {days}");
        }
    }
}
