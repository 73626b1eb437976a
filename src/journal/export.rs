//! `journal export` and `journal import`: the journal as a data file, in JSON or CSV.
//!
//! An export is exact data, not a report: cells are never neutralised for spreadsheets, and exporting, importing
//! into an empty journal and exporting again gives the same bytes. To make that hold whatever ids a journal has
//! (deleted entries leave holes), an export carries no database ids: an entry's CV is its position in `cvs`, and in
//! CSV an entry's rows share the entry's position in the file. Import merges: an entry whose content (every field,
//! text, note, question and gap, and its CV's text) equals one already in the journal is skipped; the others get
//! new ids, in file order.

use std::collections::HashSet;

use anyhow::{bail, Context, Result};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use skillgap::{parse_date, GapRecord, Outcome};

use super::store::{self, CvVersion, Document, Entry, NewEntry, Question};

/// What a JSON export says it is.
pub const FORMAT_NAME: &str = "skillgap-journal";
/// The export format's version (independent of the database schema's).
pub const FORMAT_VERSION: u32 = 1;

/// The whole journal as data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JournalExport {
    /// [`FORMAT_NAME`].
    pub format: String,
    /// [`FORMAT_VERSION`].
    pub version: u32,
    /// The CV versions, oldest first.
    pub cvs: Vec<CvExport>,
    /// The entries, in id order.
    pub entries: Vec<EntryExport>,
}

/// A CV version.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CvExport {
    pub name: String,
    pub added: String,
    pub text: String,
}

/// An entry with everything it holds.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryExport {
    pub company: String,
    pub role: String,
    pub date: String,
    pub outcome: Outcome,
    pub interviewer: Option<String>,
    /// The CV it was compared with: its position in [`JournalExport::cvs`], from 1.
    pub cv: Option<usize>,
    pub score: Option<u8>,
    pub documents: Vec<DocumentExport>,
    pub notes: Vec<NoteExport>,
    pub questions: Vec<QuestionExport>,
    pub gaps: Vec<GapRecord>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentExport {
    pub kind: String,
    pub name: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteExport {
    pub date: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionExport {
    pub asked: String,
    pub question: String,
    pub answer: Option<String>,
    pub answered: Option<String>,
}

/// Reads the whole journal.
pub fn export(conn: &Connection) -> Result<JournalExport> {
    let cvs = store::cv_versions(conn)?;
    let entries = store::entries(conn)?;
    Ok(JournalExport {
        format: FORMAT_NAME.to_owned(),
        version: FORMAT_VERSION,
        entries: entries.iter().map(|e| entry_export(e, &cvs)).collect(),
        cvs: cvs.into_iter().map(|v| CvExport { name: v.name, added: v.added, text: v.text }).collect(),
    })
}

fn entry_export(e: &Entry, cvs: &[CvVersion]) -> EntryExport {
    EntryExport {
        company: e.company.clone(),
        role: e.role.clone(),
        date: e.date.clone(),
        outcome: e.outcome,
        interviewer: e.interviewer.clone(),
        cv: e.cv.and_then(|id| cvs.iter().position(|v| v.id == id)).map(|i| i + 1),
        score: e.score,
        documents: e
            .documents
            .iter()
            .map(|d| DocumentExport { kind: d.kind.clone(), name: d.name.clone(), text: d.text.clone() })
            .collect(),
        notes: e.notes.iter().map(|n| NoteExport { date: n.date.clone(), text: n.text.clone() }).collect(),
        questions: e
            .questions
            .iter()
            .map(|q| QuestionExport {
                asked: q.asked.clone(),
                question: q.question.clone(),
                answer: q.answer.clone(),
                answered: q.answered.clone(),
            })
            .collect(),
        gaps: e.gaps.clone(),
    }
}

/// The export as pretty JSON, with a final newline.
pub fn to_json(data: &JournalExport) -> Result<String> {
    Ok(format!("{}\n", serde_json::to_string_pretty(data)?))
}

/// One CSV row: every record kind in one table, told apart by `record`; a record leaves the columns it does not
/// use empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
struct CsvRow {
    /// `cv`, `entry`, `document`, `note`, `question` or `gap`.
    record: String,
    /// The entry's position in the file (from 1), on an entry's row and on every row it holds.
    entry: Option<usize>,
    /// A CV's position among the `cv` rows (from 1), on a `cv` row and on an entry that uses it.
    cv: Option<usize>,
    /// A CV's `added`, an entry's `date`, a note's `date`, a question's `asked`.
    date: Option<String>,
    company: Option<String>,
    role: Option<String>,
    outcome: Option<Outcome>,
    interviewer: Option<String>,
    score: Option<u8>,
    /// A document's kind: `posting` or `bio`.
    kind: Option<String>,
    /// A CV's or a document's file name, a gap's skill name.
    name: Option<String>,
    /// A CV's, a document's or a note's text, a question.
    text: Option<String>,
    answer: Option<String>,
    answered: Option<String>,
    skill: Option<String>,
    importance: Option<u32>,
    status: Option<String>,
}

/// The export as CSV with a header row. Texts are written exactly (a cell may start with `=`): this is a data
/// file to import, not a report to open in a spreadsheet.
pub fn to_csv(data: &JournalExport) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for (i, cv) in data.cvs.iter().enumerate() {
        w.serialize(CsvRow {
            record: "cv".into(),
            cv: Some(i + 1),
            date: Some(cv.added.clone()),
            name: Some(cv.name.clone()),
            text: Some(cv.text.clone()),
            ..CsvRow::default()
        })?;
    }
    for (i, e) in data.entries.iter().enumerate() {
        let entry = Some(i + 1);
        w.serialize(CsvRow {
            record: "entry".into(),
            entry,
            cv: e.cv,
            date: Some(e.date.clone()),
            company: Some(e.company.clone()),
            role: Some(e.role.clone()),
            outcome: Some(e.outcome),
            interviewer: e.interviewer.clone(),
            score: e.score,
            ..CsvRow::default()
        })?;
        for d in &e.documents {
            w.serialize(CsvRow {
                record: "document".into(),
                entry,
                kind: Some(d.kind.clone()),
                name: Some(d.name.clone()),
                text: Some(d.text.clone()),
                ..CsvRow::default()
            })?;
        }
        for n in &e.notes {
            w.serialize(CsvRow {
                record: "note".into(),
                entry,
                date: Some(n.date.clone()),
                text: Some(n.text.clone()),
                ..CsvRow::default()
            })?;
        }
        for q in &e.questions {
            w.serialize(CsvRow {
                record: "question".into(),
                entry,
                date: Some(q.asked.clone()),
                text: Some(q.question.clone()),
                answer: q.answer.clone(),
                answered: q.answered.clone(),
                ..CsvRow::default()
            })?;
        }
        for g in &e.gaps {
            w.serialize(CsvRow {
                record: "gap".into(),
                entry,
                name: Some(g.name.clone()),
                skill: Some(g.skill.clone()),
                importance: Some(g.importance),
                status: Some(g.status.clone()),
                ..CsvRow::default()
            })?;
        }
    }
    Ok(String::from_utf8(w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?)?)
}

/// Reads an export: JSON when the text starts with `{`, CSV otherwise. Errors name `name` (and the CSV line).
pub fn parse(name: &str, text: &str) -> Result<JournalExport> {
    let data = if text.trim_start_matches('\u{FEFF}').trim_start().starts_with('{') {
        let data: JournalExport = serde_json::from_str(text)
            .with_context(|| format!("{name}: not a skillgap journal export (JSON); make one with `journal export`"))?;
        if data.format != FORMAT_NAME || data.version != FORMAT_VERSION {
            bail!(
                "{name}: format {:?} version {} is not a skillgap journal export this program reads ({FORMAT_NAME} version {FORMAT_VERSION})",
                data.format,
                data.version
            );
        }
        data
    } else {
        from_csv(name, text)?
    };
    validate(name, &data)?;
    Ok(data)
}

fn from_csv(name: &str, text: &str) -> Result<JournalExport> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut data =
        JournalExport { format: FORMAT_NAME.into(), version: FORMAT_VERSION, cvs: Vec::new(), entries: Vec::new() };
    let not_export =
        || format!("{name}: not a skillgap journal export (CSV); make one with `journal export --format csv`");
    let headers = reader.headers().with_context(not_export)?.clone();
    for record in reader.records() {
        let record = record.with_context(not_export)?;
        let line = record.position().map_or(0, csv::Position::line);
        let row: CsvRow =
            record.deserialize(Some(&headers)).with_context(|| format!("{name}:{line}: not a journal export row"))?;
        let at = || format!("{name}:{line}");
        let need = |field: Option<String>, what: &str| {
            field.ok_or_else(|| anyhow::anyhow!("{}: a {} row needs `{what}`", at(), row.record))
        };
        match row.record.as_str() {
            "cv" => {
                if row.cv != Some(data.cvs.len() + 1) {
                    bail!("{}: cv rows are numbered from 1 in order", at());
                }
                let (added, name, text) = (row.date.clone(), row.name.clone(), row.text.clone());
                data.cvs.push(CvExport {
                    added: need(added, "date")?,
                    name: need(name, "name")?,
                    text: need(text, "text")?,
                });
            }
            "entry" => {
                if row.entry != Some(data.entries.len() + 1) {
                    bail!("{}: entry rows are numbered from 1 in order", at());
                }
                let outcome = row.outcome.ok_or_else(|| anyhow::anyhow!("{}: an entry row needs `outcome`", at()))?;
                let (date, company, role) = (row.date.clone(), row.company.clone(), row.role.clone());
                data.entries.push(EntryExport {
                    company: need(company, "company")?,
                    role: need(role, "role")?,
                    date: need(date, "date")?,
                    outcome,
                    interviewer: row.interviewer.clone(),
                    cv: row.cv,
                    score: row.score,
                    documents: Vec::new(),
                    notes: Vec::new(),
                    questions: Vec::new(),
                    gaps: Vec::new(),
                });
            }
            "document" => {
                let doc = DocumentExport {
                    kind: need(row.kind.clone(), "kind")?,
                    name: need(row.name.clone(), "name")?,
                    text: need(row.text.clone(), "text")?,
                };
                holder(&mut data, &row, &at())?.documents.push(doc);
            }
            "note" => {
                let note = NoteExport { date: need(row.date.clone(), "date")?, text: need(row.text.clone(), "text")? };
                holder(&mut data, &row, &at())?.notes.push(note);
            }
            "question" => {
                let q = QuestionExport {
                    asked: need(row.date.clone(), "date")?,
                    question: need(row.text.clone(), "text")?,
                    answer: row.answer.clone(),
                    answered: row.answered.clone(),
                };
                holder(&mut data, &row, &at())?.questions.push(q);
            }
            "gap" => {
                let gap = GapRecord {
                    skill: need(row.skill.clone(), "skill")?,
                    name: need(row.name.clone(), "name")?,
                    importance: row
                        .importance
                        .ok_or_else(|| anyhow::anyhow!("{}: a gap row needs `importance`", at()))?,
                    status: need(row.status.clone(), "status")?,
                };
                holder(&mut data, &row, &at())?.gaps.push(gap);
            }
            other => bail!("{}: unknown record {other:?} (cv, entry, document, note, question or gap)", at()),
        }
    }
    Ok(data)
}

/// The entry a document, note, question or gap row belongs to: the entry row just above it.
fn holder<'a>(data: &'a mut JournalExport, row: &CsvRow, at: &str) -> Result<&'a mut EntryExport> {
    let above = data.entries.len();
    match data.entries.last_mut() {
        Some(entry) if row.entry == Some(above) => Ok(entry),
        _ => bail!(
            "{at}: this {} row says entry {:?}; it must follow its entry's row (entry {above} is above it)",
            row.record,
            row.entry
        ),
    }
}

/// The checks `journal add` makes, made again on imported data: nothing the commands would refuse gets in.
fn validate(name: &str, data: &JournalExport) -> Result<()> {
    let date = |d: &str, what: &str, i: usize| -> Result<()> {
        if parse_date(d).is_none() {
            bail!("{name}: entry {i}: {what} {d:?} is not a date (YYYY-MM-DD)");
        }
        Ok(())
    };
    for (i, e) in data.entries.iter().enumerate().map(|(i, e)| (i + 1, e)) {
        if e.company.trim().is_empty() || e.role.trim().is_empty() {
            bail!("{name}: entry {i} has no company or role");
        }
        date(&e.date, "date", i)?;
        if let Some(cv) = e.cv.filter(|&cv| cv == 0 || cv > data.cvs.len()) {
            bail!("{name}: entry {i} names CV {cv}, but the file has {} CVs", data.cvs.len());
        }
        if let Some(d) = e.documents.iter().find(|d| d.kind != "posting" && d.kind != "bio") {
            bail!("{name}: entry {i}: document kind {:?} is neither posting nor bio", d.kind);
        }
        for n in &e.notes {
            date(&n.date, "a note's date", i)?;
        }
        for q in &e.questions {
            date(&q.asked, "a question's date", i)?;
        }
        if e.score.is_some_and(|s| s > 100) {
            bail!("{name}: entry {i}: a score is 0 to 100");
        }
    }
    Ok(())
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    /// Entries added, with new ids.
    pub imported: usize,
    /// Entries skipped: the journal already held the same content.
    pub skipped: usize,
    /// The first new id, when any entry was added.
    pub first_id: Option<i64>,
}

/// An entry's content key: the entry with its CV's text in place of the CV's position, which differs from file to
/// file. Two entries are the same when their keys are equal (compared in full, so no hash can collide).
fn content_key(e: &EntryExport, cvs: &[CvExport]) -> Result<String> {
    let cv_text = e.cv.and_then(|i| cvs.get(i - 1)).map(|cv| cv.text.as_str());
    let entry = EntryExport { cv: None, ..e.clone() };
    Ok(serde_json::to_string(&(entry, cv_text))?)
}

/// Merges `data` into the journal, in the caller's transaction.
pub fn import(tx: &Connection, data: &JournalExport) -> Result<ImportSummary> {
    let existing = export(tx)?;
    let mut known: HashSet<String> =
        existing.entries.iter().map(|e| content_key(e, &existing.cvs)).collect::<Result<_>>()?;
    // Every CV version first, in file order (each text once): a round trip keeps their order, and a CV no entry
    // uses is data too.
    let cv_ids: Vec<i64> =
        data.cvs.iter().map(|v| store::store_cv(tx, &v.name, &v.text, &v.added)).collect::<Result<_>>()?;
    let mut summary = ImportSummary { imported: 0, skipped: 0, first_id: None };
    for e in &data.entries {
        let key = content_key(e, &data.cvs)?;
        if !known.insert(key) {
            summary.skipped += 1;
            continue;
        }
        let cv = e.cv.map(|i| cv_ids[i - 1]);
        let id = store::insert_entry(
            tx,
            &NewEntry {
                company: &e.company,
                role: &e.role,
                date: &e.date,
                outcome: e.outcome,
                interviewer: e.interviewer.as_deref(),
                cv,
                score: e.score,
            },
        )?;
        for d in &e.documents {
            store::insert_document(
                tx,
                id,
                &Document { kind: d.kind.clone(), name: d.name.clone(), text: d.text.clone() },
            )?;
        }
        for n in &e.notes {
            store::insert_note(tx, id, &n.date, &n.text)?;
        }
        for q in &e.questions {
            let question = Question {
                id: 0,
                asked: q.asked.clone(),
                question: q.question.clone(),
                answer: q.answer.clone(),
                answered: q.answered.clone(),
            };
            store::insert_question(tx, id, &question)?;
        }
        store::set_comparison(tx, id, cv, e.score, &e.gaps)?;
        summary.imported += 1;
        summary.first_id.get_or_insert(id);
    }
    Ok(summary)
}
