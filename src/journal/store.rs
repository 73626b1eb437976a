//! The journal's SQLite file: schema and migrations, and the queries the commands run.
//!
//! Safety comes from SQLite itself, used the careful way: every write is one `BEGIN IMMEDIATE` transaction (it
//! takes the write lock at the start, so two writers queue on the busy timeout instead of failing on a lock
//! upgrade), the journal runs in WAL mode (readers never block the writer, and a process killed mid-write leaves
//! the last committed state), and `synchronous` stays at SQLite's default, FULL, so a commit survives a power cut.

use std::path::Path;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use serde::Serialize;
use skillgap::{GapRecord, Outcome};

/// The migrations, in order: migration `i` brings the schema from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] =
    &[include_str!("migrations/001_initial.sql"), include_str!("migrations/002_extras.sql")];

/// The schema version this program writes.
pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

/// How long a command waits for another one writing the same journal before giving up: far longer than any write
/// takes, short enough that a stuck process is reported.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// An open journal.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens the journal at `path`, creating it (and its folder) if needed, and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create the folder {} for the journal", dir.display()))?;
        }
        create_private(path)?;
        let conn = Connection::open(path).with_context(|| format!("cannot open the journal {}", path.display()))?;
        Store::configure(conn, path)
    }

    /// Opens the journal at `path` to read it; a journal that does not exist yet reads as empty, and is not
    /// created.
    pub fn open_to_read(path: &Path) -> Result<Store> {
        if path.exists() {
            return Store::open(path);
        }
        let conn = Connection::open_in_memory()?;
        Store::configure(conn, path)
    }

    fn configure(conn: Connection, path: &Path) -> Result<Store> {
        let context = || format!("cannot use the journal {}; is it a skillgap journal?", path.display());
        conn.busy_timeout(BUSY_TIMEOUT).with_context(context)?;
        conn.pragma_update(None, "foreign_keys", true).with_context(context)?;
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0)).with_context(context)?;
        if !mode.eq_ignore_ascii_case("wal") && !mode.eq_ignore_ascii_case("memory") {
            bail!("{}: the journal could not switch to WAL mode (it is in {mode} mode)", path.display());
        }
        let mut store = Store { conn };
        store.migrate().with_context(context)?;
        Ok(store)
    }

    /// Applies the migrations the journal lacks, all in one transaction: a journal is at one version or the next,
    /// never between.
    fn migrate(&mut self) -> Result<()> {
        if schema_version(&self.conn)? == LATEST_VERSION {
            return Ok(());
        }
        self.write(|tx| {
            // Read again under the write lock: another process may have migrated meanwhile.
            let version = schema_version(tx)?;
            if version > LATEST_VERSION {
                bail!(
                    "the journal has schema version {version}, newer than this skillgap knows ({LATEST_VERSION}); \
                     upgrade skillgap to use it"
                );
            }
            for (i, sql) in MIGRATIONS.iter().enumerate().skip(version.max(0) as usize) {
                tx.execute_batch(sql).with_context(|| format!("migration to schema version {}", i + 1))?;
            }
            tx.pragma_update(None, "user_version", LATEST_VERSION)?;
            Ok(())
        })
    }

    /// Runs `f` in one write transaction, committed when `f` returns `Ok`, rolled back otherwise.
    pub fn write<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// The connection, for reads.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }
}

/// Creates an empty journal file readable by its owner only, if there is none: it holds notes and feedback about
/// the user's job search. SQLite gives its `-wal` and `-shm` files the same permissions.
#[cfg(unix)]
fn create_private(path: &Path) -> Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    match std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e).with_context(|| format!("cannot create the journal {}", path.display())),
    }
}

#[cfg(not(unix))]
fn create_private(_path: &Path) -> Result<()> {
    Ok(())
}

/// The schema version the journal is at (0 for a new file).
pub fn schema_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |row| row.get(0))?)
}

/// FNV-1a, 64 bits: a stable hash (std's hashers may change between Rust releases, and this one is on disk). It
/// only indexes CV texts; equal hashes are compared by text, so a collision costs a second row, never a mix-up.
pub fn text_hash(text: &str) -> i64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash as i64
}

/// A CV as the journal keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CvVersion {
    /// Its id: versions are numbered in the order they were first stored.
    pub id: i64,
    /// The file name it was read from.
    pub name: String,
    /// The day it was first stored.
    pub added: String,
    /// Its text.
    #[serde(skip)]
    pub text: String,
}

/// Stores a CV text, once: the id of the version with the same text when there is one.
pub fn store_cv(conn: &Connection, name: &str, text: &str, today: &str) -> Result<i64> {
    let hash = text_hash(text);
    let existing = conn
        .query_row(
            "SELECT id FROM cv_versions WHERE hash = ?1 AND text = ?2 ORDER BY id LIMIT 1",
            params![hash, text],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = existing {
        return Ok(id);
    }
    conn.execute(
        "INSERT INTO cv_versions (hash, name, added, text) VALUES (?1, ?2, ?3, ?4)",
        params![hash, name, today, text],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Every CV version, oldest first.
pub fn cv_versions(conn: &Connection) -> Result<Vec<CvVersion>> {
    let mut stmt = conn.prepare("SELECT id, name, added, text FROM cv_versions ORDER BY id")?;
    let rows =
        stmt.query_map([], |r| Ok(CvVersion { id: r.get(0)?, name: r.get(1)?, added: r.get(2)?, text: r.get(3)? }))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The CV version with `id`.
pub fn cv_version(conn: &Connection, id: i64) -> Result<Option<CvVersion>> {
    Ok(conn
        .query_row("SELECT id, name, added, text FROM cv_versions WHERE id = ?1", [id], |r| {
            Ok(CvVersion { id: r.get(0)?, name: r.get(1)?, added: r.get(2)?, text: r.get(3)? })
        })
        .optional()?)
}

/// The CV stored last.
pub fn latest_cv(conn: &Connection) -> Result<Option<CvVersion>> {
    let id: Option<i64> = conn.query_row("SELECT max(id) FROM cv_versions", [], |r| r.get(0))?;
    match id {
        Some(id) => cv_version(conn, id),
        None => Ok(None),
    }
}

/// A posting or a bio kept with an entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Document {
    /// `posting` or `bio`.
    pub kind: String,
    /// The file name it was read from.
    pub name: String,
    /// Its text.
    pub text: String,
}

/// A note: feedback from the hiring manager.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    /// Its id.
    pub id: i64,
    /// When it was written.
    pub date: String,
    /// What it says.
    pub text: String,
}

/// A question you did not expect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Question {
    /// Its id (`journal answer ID`).
    pub id: i64,
    /// When it was recorded.
    pub asked: String,
    /// The question.
    pub question: String,
    /// The answer you prepared.
    pub answer: Option<String>,
    /// When you wrote the answer.
    pub answered: Option<String>,
}

/// One application, with everything the journal keeps of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// Its id.
    pub id: i64,
    /// The company.
    pub company: String,
    /// The role.
    pub role: String,
    /// The date of the application, `YYYY-MM-DD`.
    pub date: String,
    /// Where it stands.
    pub outcome: Outcome,
    /// Who interviewed you.
    pub interviewer: Option<String>,
    /// The CV version it was compared with.
    pub cv: Option<i64>,
    /// The comparison's score, 0-100.
    pub score: Option<u8>,
    /// The posting and bios, in the order they were added.
    pub documents: Vec<Document>,
    /// The notes, oldest first.
    pub notes: Vec<Note>,
    /// The questions, in the order they were recorded.
    pub questions: Vec<Question>,
    /// The comparison's gaps, in gap order.
    pub gaps: Vec<GapRecord>,
}

/// The fields of a new entry.
#[derive(Debug, Clone)]
pub struct NewEntry<'a> {
    pub company: &'a str,
    pub role: &'a str,
    pub date: &'a str,
    pub outcome: Outcome,
    pub interviewer: Option<&'a str>,
    pub cv: Option<i64>,
    pub score: Option<u8>,
}

/// Inserts an entry's own row; its texts, notes and gaps go in with the functions below, in the same transaction.
pub fn insert_entry(conn: &Connection, e: &NewEntry<'_>) -> Result<i64> {
    conn.execute(
        "INSERT INTO entries (company, role, date, outcome, interviewer, cv_id, score) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![e.company, e.role, e.date, e.outcome.as_str(), e.interviewer, e.cv, e.score],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Adds a posting or a bio to an entry.
pub fn insert_document(conn: &Connection, entry: i64, doc: &Document) -> Result<()> {
    conn.execute(
        "INSERT INTO documents (entry_id, kind, name, text) VALUES (?1, ?2, ?3, ?4)",
        params![entry, doc.kind, doc.name, doc.text],
    )?;
    Ok(())
}

/// Adds a note to an entry; its id.
pub fn insert_note(conn: &Connection, entry: i64, date: &str, text: &str) -> Result<i64> {
    conn.execute("INSERT INTO notes (entry_id, date, text) VALUES (?1, ?2, ?3)", params![entry, date, text])?;
    Ok(conn.last_insert_rowid())
}

/// Adds a question to an entry; its id.
pub fn insert_question(conn: &Connection, entry: i64, q: &Question) -> Result<i64> {
    conn.execute(
        "INSERT INTO questions (entry_id, asked, question, answer, answered) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![entry, q.asked, q.question, q.answer, q.answered],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Sets the answer of question `id`; false when there is no such question.
pub fn answer_question(conn: &Connection, id: i64, answer: &str, today: &str) -> Result<bool> {
    let n =
        conn.execute("UPDATE questions SET answer = ?2, answered = ?3 WHERE id = ?1", params![id, answer, today])?;
    Ok(n > 0)
}

/// Replaces an entry's comparison: the CV it was made with, its score and its gaps.
pub fn set_comparison(
    conn: &Connection,
    entry: i64,
    cv: Option<i64>,
    score: Option<u8>,
    gaps: &[GapRecord],
) -> Result<()> {
    conn.execute("UPDATE entries SET cv_id = ?2, score = ?3 WHERE id = ?1", params![entry, cv, score])?;
    conn.execute("DELETE FROM gaps WHERE entry_id = ?1", [entry])?;
    let mut stmt = conn.prepare(
        "INSERT INTO gaps (entry_id, position, skill, name, importance, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (i, g) in gaps.iter().enumerate() {
        stmt.execute(params![entry, i as i64 + 1, g.skill, g.name, g.importance, g.status])?;
    }
    Ok(())
}

/// Changes to an entry's fields; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct EntryChanges {
    pub company: Option<String>,
    pub role: Option<String>,
    pub date: Option<String>,
    pub outcome: Option<Outcome>,
    /// `Some(None)` clears the interviewer.
    pub interviewer: Option<Option<String>>,
}

/// Applies `changes` to entry `id`; false when there is no such entry.
pub fn update_entry(conn: &Connection, id: i64, changes: &EntryChanges) -> Result<bool> {
    if !entry_exists(conn, id)? {
        return Ok(false);
    }
    let set = |column: &str, value: &dyn rusqlite::ToSql| -> Result<()> {
        conn.execute(&format!("UPDATE entries SET {column} = ?2 WHERE id = ?1"), params![id, value])?;
        Ok(())
    };
    if let Some(v) = &changes.company {
        set("company", v)?;
    }
    if let Some(v) = &changes.role {
        set("role", v)?;
    }
    if let Some(v) = &changes.date {
        set("date", v)?;
    }
    if let Some(v) = changes.outcome {
        set("outcome", &v.as_str())?;
    }
    if let Some(v) = &changes.interviewer {
        set("interviewer", v)?;
    }
    Ok(true)
}

/// Deletes entry `id` with everything it holds (CV versions stay: other entries may use them); false when there
/// is no such entry.
pub fn delete_entry(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn.execute("DELETE FROM entries WHERE id = ?1", [id])? > 0)
}

/// Whether entry `id` exists.
pub fn entry_exists(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn.query_row("SELECT 1 FROM entries WHERE id = ?1", [id], |_| Ok(())).optional()?.is_some())
}

/// The entry with `id`, with all it holds.
pub fn entry(conn: &Connection, id: i64) -> Result<Option<Entry>> {
    Ok(load_entries(conn, Some(id))?.pop())
}

/// Every entry, in id order, with all they hold.
pub fn entries(conn: &Connection) -> Result<Vec<Entry>> {
    load_entries(conn, None)
}

/// The entry `id`, or every entry: one query per table, grouped by entry.
fn load_entries(conn: &Connection, only: Option<i64>) -> Result<Vec<Entry>> {
    // `?1 IS NULL` selects every row: one statement serves both uses.
    let mut stmt = conn.prepare(
        "SELECT id, company, role, date, outcome, interviewer, cv_id, score FROM entries \
         WHERE ?1 IS NULL OR id = ?1 ORDER BY id",
    )?;
    let mut out: Vec<Entry> = stmt
        .query_map([only], |r| {
            let outcome: String = r.get(4)?;
            Ok(Entry {
                id: r.get(0)?,
                company: r.get(1)?,
                role: r.get(2)?,
                date: r.get(3)?,
                // The schema's CHECK allows only the four names.
                outcome: Outcome::parse(&outcome).unwrap_or(Outcome::Applied),
                interviewer: r.get(5)?,
                cv: r.get(6)?,
                score: r.get(7)?,
                documents: Vec::new(),
                notes: Vec::new(),
                questions: Vec::new(),
                gaps: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let index = |out: &[Entry], id: i64| out.binary_search_by_key(&id, |e| e.id).ok();
    let mut stmt =
        conn.prepare("SELECT entry_id, kind, name, text FROM documents WHERE ?1 IS NULL OR entry_id = ?1 ORDER BY id")?;
    let mut rows = stmt.query([only])?;
    while let Some(r) = rows.next()? {
        if let Some(i) = index(&out, r.get(0)?) {
            out[i].documents.push(Document { kind: r.get(1)?, name: r.get(2)?, text: r.get(3)? });
        }
    }
    let mut stmt =
        conn.prepare("SELECT entry_id, id, date, text FROM notes WHERE ?1 IS NULL OR entry_id = ?1 ORDER BY id")?;
    let mut rows = stmt.query([only])?;
    while let Some(r) = rows.next()? {
        if let Some(i) = index(&out, r.get(0)?) {
            out[i].notes.push(Note { id: r.get(1)?, date: r.get(2)?, text: r.get(3)? });
        }
    }
    let mut stmt = conn.prepare(
        "SELECT entry_id, id, asked, question, answer, answered FROM questions \
         WHERE ?1 IS NULL OR entry_id = ?1 ORDER BY id",
    )?;
    let mut rows = stmt.query([only])?;
    while let Some(r) = rows.next()? {
        if let Some(i) = index(&out, r.get(0)?) {
            out[i].questions.push(Question {
                id: r.get(1)?,
                asked: r.get(2)?,
                question: r.get(3)?,
                answer: r.get(4)?,
                answered: r.get(5)?,
            });
        }
    }
    let mut stmt = conn.prepare(
        "SELECT entry_id, skill, name, importance, status FROM gaps \
         WHERE ?1 IS NULL OR entry_id = ?1 ORDER BY entry_id, position",
    )?;
    let mut rows = stmt.query([only])?;
    while let Some(r) = rows.next()? {
        if let Some(i) = index(&out, r.get(0)?) {
            out[i].gaps.push(GapRecord { skill: r.get(1)?, name: r.get(2)?, importance: r.get(3)?, status: r.get(4)? });
        }
    }
    Ok(out)
}

/// The entry that question `id` belongs to.
pub fn question_entry(conn: &Connection, id: i64) -> Result<Option<i64>> {
    Ok(conn.query_row("SELECT entry_id FROM questions WHERE id = ?1", [id], |r| r.get(0)).optional()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_fnv1a() {
        // Published FNV-1a 64 test vectors: the hash is on disk, so it must never change.
        assert_eq!(text_hash("") as u64, 0xcbf2_9ce4_8422_2325);
        assert_eq!(text_hash("a") as u64, 0xaf63_dc4c_8601_ec8c);
        assert_eq!(text_hash("foobar") as u64, 0x8594_4171_f739_67e8);
    }

    #[test]
    fn cv_texts_are_stored_once() -> Result<()> {
        let mut store = Store { conn: Connection::open_in_memory()? };
        store.migrate()?;
        let (a, b, c) = store.write(|tx| {
            Ok((
                store_cv(tx, "cv.md", "Python, SQL", "2026-01-01")?,
                store_cv(tx, "renamed.md", "Python, SQL", "2026-02-01")?,
                store_cv(tx, "cv.md", "Python, SQL, dbt", "2026-03-01")?,
            ))
        })?;
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(latest_cv(store.conn())?.map(|v| v.id), Some(c));
        assert_eq!(cv_versions(store.conn())?.len(), 2);
        Ok(())
    }

    #[test]
    fn migrations_reach_the_latest_version() -> Result<()> {
        let mut store = Store { conn: Connection::open_in_memory()? };
        assert_eq!(schema_version(store.conn())?, 0);
        store.migrate()?;
        assert_eq!(schema_version(store.conn())?, LATEST_VERSION);
        // A second run changes nothing.
        store.migrate()?;
        assert_eq!(schema_version(store.conn())?, LATEST_VERSION);
        Ok(())
    }

    #[test]
    fn a_newer_journal_is_refused() -> Result<()> {
        let mut store = Store { conn: Connection::open_in_memory()? };
        store.conn.pragma_update(None, "user_version", LATEST_VERSION + 1)?;
        let err = store.migrate().expect_err("newer schema");
        assert!(err.to_string().contains("upgrade skillgap"), "{err}");
        Ok(())
    }
}
