//! `skillgap journal`: the real binary on a temporary journal. Every command, the JSON shapes scripts rely on,
//! exit codes, the `--yes` guard, the export/import round trip, a migration from schema version 1, concurrent
//! writers, and writers killed mid-write.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use rusqlite::Connection;
use serde_json::Value;

/// The day every run takes for today.
const TODAY: &str = "2026-12-07";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The walk-through's files, in `data/examples/journal/`.
fn example(name: &str) -> String {
    format!("data/examples/journal/{name}")
}

/// A temporary folder holding a journal that does not exist yet.
struct Journal {
    dir: tempfile::TempDir,
}

impl Journal {
    fn new() -> Journal {
        Journal { dir: tempfile::tempdir().expect("temporary folder") }
    }

    fn path(&self) -> PathBuf {
        self.dir.path().join("journal.sqlite3")
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_skillgap"));
        cmd.arg("journal")
            .args(args)
            .env("SKILLGAP_JOURNAL", self.path())
            .env("SKILLGAP_TODAY", TODAY)
            .env_remove("SKILLGAP_TAXONOMY")
            .env_remove("XDG_DATA_HOME")
            .env_remove("NO_COLOR")
            .current_dir(root())
            .stdin(Stdio::null());
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("run skillgap")
    }

    /// Runs `args`, which must succeed, and returns standard output.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).expect("utf-8 output")
    }

    fn json(&self, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.extend(["--format", "json"]);
        serde_json::from_str(&self.ok(&all)).expect("JSON output")
    }

    /// Runs `args`, which must fail with exit code 2, and returns standard error.
    fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(out.stdout.is_empty(), "{args:?} printed {}", String::from_utf8_lossy(&out.stdout));
        String::from_utf8(out.stderr).expect("utf-8 errors")
    }

    /// Adds an entry and returns its id, from the JSON the contract promises.
    fn add(&self, args: &[&str]) -> i64 {
        let mut all = vec!["add"];
        all.extend(args);
        self.json(&all)["id"].as_i64().expect("{\"id\": N}")
    }

    /// The walk-through: three rejections with their bios and notes, recorded against the first CV.
    fn walkthrough(&self) {
        let first = self.add(&[
            "--company",
            "Brightwell Foods",
            "--role",
            "Senior Data Analyst",
            "--date",
            "2026-10-14",
            "--cv",
            &example("cv.md"),
            "--bio",
            &example("bio_brightwell.txt"),
            "--notes",
            &example("notes_brightwell.md"),
            "--interviewer",
            "Maja Berg",
            "--outcome",
            "rejected",
        ]);
        assert_eq!(first, 1);
        for (company, role, date, bio, notes) in [
            ("Corvid Logistics", "Data Analyst", "2026-10-28", "bio_corvid.txt", "notes_corvid.md"),
            ("Tallis Health", "Analytics Analyst", "2026-11-16", "bio_tallis.txt", "notes_tallis.md"),
        ] {
            let (bio, notes) = (example(bio), example(notes));
            let args = ["--company", company, "--role", role, "--date", date, "--bio", &bio, "--notes", &notes];
            self.add(&[&args[..], &["--outcome", "rejected"]].concat());
        }
    }

    fn sql(&self) -> Connection {
        Connection::open(self.path()).expect("open the journal with SQLite")
    }
}

fn integrity(conn: &Connection) -> String {
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).expect("integrity_check")
}

fn ids(items: &Value, key: &str) -> Vec<String> {
    items.as_array().expect("array").iter().map(|i| i[key].as_str().unwrap_or_default().to_owned()).collect()
}

#[test]
fn report_ranks_first_the_skill_most_hired_people_share_and_a_later_cv_closes_it() {
    let j = Journal::new();
    j.walkthrough();
    let report = j.json(&["report"]);
    let top = &report["recurring"][0];
    assert_eq!(top["id"], "python", "{report:#}");
    assert_eq!(top["name"], "Python");
    assert_eq!(top["rejections"], 3);
    assert_eq!(top["companies"], serde_json::json!(["Brightwell Foods", "Corvid Logistics", "Tallis Health"]));
    assert_eq!((top["first_seen"].as_str(), top["last_seen"].as_str()), (Some("2026-10-14"), Some("2026-11-16")));
    assert_eq!(report["recurring"][1]["id"], "ab-testing", "shared by two of three: {report:#}");
    assert_eq!(report["rejections"], 3);
    assert_eq!(report["closed"], serde_json::json!([]));
    // The notes name Python three times, and it is also the top recurring gap.
    let feedback = &report["feedback"][0];
    assert_eq!((feedback["id"].as_str(), feedback["notes"].as_u64()), (Some("python"), Some(3)));
    assert_eq!(feedback["recurring"], true);
    assert!(report["open_questions"].as_array().is_some_and(Vec::is_empty));

    let later = j.json(&["report", "--cv", &example("cv_v2.md")]);
    assert!(ids(&later["closed"], "id").contains(&"python".to_owned()), "{later:#}");
    assert!(!ids(&later["recurring"], "id").contains(&"python".to_owned()));
    assert_eq!(later["recurring"][0]["id"], "ab-testing");
    assert_eq!(later["cv"], example("cv_v2.md"));

    // Text and Markdown say the same.
    let text = j.ok(&["report"]);
    assert!(
        text.contains("1. Python: in 3 of 3 rejections (Brightwell Foods, Corvid Logistics, Tallis Health)"),
        "{text}"
    );
    let md = j.ok(&["report", "--cv", &example("cv_v2.md"), "--format", "md"]);
    assert!(md.contains("## Closed since") && md.contains("- [x] Python"), "{md}");
    // --since leaves the earlier rejections out.
    let since = j.json(&["report", "--since", "2026-11-01"]);
    assert_eq!(since["rejections"], 1);
    assert_eq!(since["recurring"][0]["companies"], serde_json::json!(["Tallis Health"]));
}

#[test]
fn add_prints_the_new_id_and_stores_the_comparison() {
    let j = Journal::new();
    let out = j.ok(&["add", "--company", "Acme", "--role", "Analyst", "--cv", &example("cv.md")]);
    assert_eq!(out, "1\n");
    let id = j.add(&["--company", "Brightwell Foods", "--role", "Analyst", "--bio", &example("bio_brightwell.txt")]);
    assert_eq!(id, 2);
    // No --cv: compared with the latest CV stored, which is kept once.
    let shown = j.json(&["show", "2"]);
    assert_eq!(shown["cv_name"], example("cv.md"));
    assert_eq!(shown["outcome"], "applied");
    assert_eq!(shown["date"], TODAY);
    assert!(shown["score"].as_u64().is_some());
    assert!(ids(&shown["gaps"], "skill").contains(&"python".to_owned()), "{shown:#}");
    assert_eq!(shown["documents"][0]["kind"], "bio");
    assert!(shown["documents"][0]["text"].as_str().is_some_and(|t| t.contains("Jonas Ekberg")));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(j.path()).expect("journal").permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "the journal is private to its owner");
    }
    j.add(&["--company", "C", "--role", "R", "--cv", &example("cv.md")]);
    let cvs: i64 = j.sql().query_row("SELECT count(*) FROM cv_versions", [], |r| r.get(0)).expect("count");
    assert_eq!(cvs, 1, "the same CV text is stored once");
}

#[test]
fn every_command_works_on_an_entry() {
    let j = Journal::new();
    j.walkthrough();
    // note: from an argument and from standard input.
    let note = j.json(&["note", "2", "Second call: they would reconsider in spring."]);
    assert!(note["id"].as_i64().is_some());
    let mut child = j.command(&["note", "2"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().expect("spawn");
    std::io::Write::write_all(&mut child.stdin.take().expect("stdin"), b"Piped note.\n").expect("write");
    assert!(child.wait_with_output().expect("wait").status.success());
    // question, with and without an answer; answer later.
    let q = j.json(&["question", "1", "How did you pick the sample size?"])["id"].as_i64().expect("qid");
    j.ok(&["question", "1", "Why this company?", "--answer", "Their supplier analytics."]);
    let open = j.json(&["report"]);
    assert_eq!(open["open_questions"][0]["id"], q);
    assert_eq!(open["open_questions"][0]["company"], "Brightwell Foods");
    assert_eq!(open["open_questions"].as_array().map(Vec::len), Some(1));
    j.ok(&["answer", &q.to_string(), "A power calculation on last quarter's conversion rate."]);
    assert!(j.json(&["report"])["open_questions"].as_array().is_some_and(Vec::is_empty));
    // outcome, edit, bio.
    j.ok(&["outcome", "3", "interview"]);
    j.ok(&["edit", "3", "--interviewer", "Dr. Owen Hale", "--role", "Senior Analytics Analyst"]);
    let bio = j.ok(&["bio", "3", &example("bio_corvid.txt")]);
    assert!(bio.contains("bio added"), "{bio}");
    let shown = j.json(&["show", "3"]);
    assert_eq!(
        (shown["outcome"].as_str(), shown["role"].as_str()),
        (Some("interview"), Some("Senior Analytics Analyst"))
    );
    assert_eq!(shown["interviewer"], "Dr. Owen Hale");
    assert_eq!(shown["documents"].as_array().map(Vec::len), Some(2));
    assert!(ids(&shown["gaps"], "skill").contains(&"airflow".to_owned()), "compared again: {shown:#}");
    // list.
    let list = j.json(&["list"]);
    let first = &list["entries"][0];
    assert_eq!((first["id"].as_i64(), first["company"].as_str()), (Some(1), Some("Brightwell Foods")));
    assert_eq!((first["questions"].as_u64(), first["open_questions"].as_u64()), (Some(2), Some(0)));
    assert_eq!(list["entries"][1]["notes"], 3);
    let text = j.ok(&["list"]);
    assert!(text.contains("Corvid Logistics") && text.lines().count() == 4, "{text}");
    let csv = j.ok(&["list", "--format", "csv"]);
    assert!(csv.starts_with("id,date,company,role,outcome"), "{csv}");
    // show in text and Markdown.
    let text = j.ok(&["show", "1"]);
    assert!(text.contains("Senior Data Analyst at Brightwell Foods") && text.contains("[Q1]"), "{text}");
    assert!(j.ok(&["show", "1", "--format", "md"]).starts_with("# Senior Data Analyst at Brightwell Foods"));
}

#[test]
fn followup_drafts_the_email_and_sends_nothing() {
    let j = Journal::new();
    j.walkthrough();
    let text = j.ok(&["followup", "1"]);
    for part in [
        "To: Maja Berg",
        "Subject: Thank you, and a request for feedback: Senior Data Analyst at Brightwell Foods",
        "Dear Maja Berg,",
        "Senior Data Analyst role at Brightwell Foods",
        "14 October 2026",
        "feedback",
        "[Your name]",
    ] {
        assert!(text.contains(part), "{part}:\n{text}");
    }
    let json = j.json(&["followup", "2"]);
    assert_eq!(json["id"], 2);
    assert_eq!(json["to"], "the hiring team at Corvid Logistics");
    assert!(json["body"].as_str().is_some_and(|b| b.starts_with("Dear hiring team,")));
}

#[test]
fn exit_codes_and_errors_change_nothing() {
    let j = Journal::new();
    j.walkthrough();
    let before = j.ok(&["export"]);
    let err = j.fails(&["show", "99"]);
    assert!(err.contains("no entry 99") && err.contains("journal list"), "{err}");
    j.fails(&["note", "99", "text"]);
    j.fails(&["answer", "99", "text"]);
    j.fails(&["bio", "99", &example("bio_tallis.txt")]);
    j.fails(&["outcome", "99", "offer"]);
    let err = j.fails(&["add", "--company", "A", "--role", "R", "--date", "2026-02-30"]);
    assert!(err.contains("YYYY-MM-DD"), "{err}");
    // An unreadable bio is an input error, and nothing is recorded.
    let err = j.fails(&["add", "--company", "A", "--role", "R", "--bio", "no/such/bio.txt"]);
    assert!(err.contains("no/such/bio.txt"), "{err}");
    j.fails(&["add", "--company", " ", "--role", "R"]);
    j.fails(&["add", "--role", "R"]);
    j.fails(&["note", "1", "  "]);
    j.fails(&["edit", "1"]);
    j.fails(&["report", "--format", "csv"]);
    j.fails(&["report", "--since", "last week"]);
    j.fails(&["export", "--format", "md"]);
    j.fails(&["outcome", "1", "ghosted"]);
    assert_eq!(j.ok(&["export"]), before, "failed commands changed the journal");
}

#[test]
fn nothing_is_deleted_without_yes() {
    let j = Journal::new();
    j.walkthrough();
    let err = j.fails(&["delete", "2"]);
    assert!(err.contains("nothing deleted") && err.contains("--yes"), "{err}");
    assert_eq!(j.json(&["list"])["entries"].as_array().map(Vec::len), Some(3));
    j.ok(&["delete", "2", "--yes"]);
    let ids: Vec<i64> =
        j.json(&["list"])["entries"].as_array().expect("entries").iter().filter_map(|e| e["id"].as_i64()).collect();
    assert_eq!(ids, [1, 3]);
    let notes: i64 = j.sql().query_row("SELECT count(*) FROM notes WHERE entry_id = 2", [], |r| r.get(0)).expect("n");
    assert_eq!(notes, 0, "an entry's notes go with it");
    j.fails(&["delete", "2", "--yes"]);
}

#[test]
fn export_and_import_round_trip_exactly() {
    let j = Journal::new();
    j.walkthrough();
    // Text that a CSV or JSON writer must carry exactly: quotes, commas, line breaks (CRLF too), a formula, Unicode.
    j.ok(&["note", "1", "She said: \"=SUM(A1:A9)\", then\r\nlisted: Python, SQL; naïve Bayes — 日本語"]);
    j.ok(&["question", "2", "+1 or -1?", "--answer", "@mention\ttab"]);
    j.add(&["--company", "Gone", "--role", "Deleted later"]);
    j.ok(&["delete", "4", "--yes"]);
    j.ok(&["edit", "3", "--interviewer", "Dr. Owen Hale"]);
    for format in ["json", "csv"] {
        let exported = j.ok(&["export", "--format", format]);
        let file = j.dir.path().join(format!("export.{format}"));
        std::fs::write(&file, &exported).expect("write export");
        let file = file.to_str().expect("utf-8 path");

        let copy = Journal::new();
        let summary = copy.json(&["import", file]);
        assert_eq!((summary["imported"].as_u64(), summary["skipped"].as_u64()), (Some(3), Some(0)), "{format}");
        assert_eq!(copy.ok(&["export", "--format", format]), exported, "{format} round trip");
        assert_eq!(copy.ok(&["export"]), j.ok(&["export"]), "{format} import, JSON export");
        // Importing again merges nothing new.
        let again = copy.json(&["import", file]);
        assert_eq!((again["imported"].as_u64(), again["skipped"].as_u64()), (Some(0), Some(3)), "{format}");
        assert_eq!(copy.ok(&["export", "--format", format]), exported);
        // The report reads the imported journal as it read the original.
        assert_eq!(copy.ok(&["report", "--format", "json"]), j.ok(&["report", "--format", "json"]));
    }
    // Into a journal with entries of its own: new entries get new ids after them.
    let other = Journal::new();
    other.add(&["--company", "Own", "--role", "Entry"]);
    let file = j.dir.path().join("export.json");
    other.ok(&["import", file.to_str().expect("path")]);
    let companies = ids(&other.json(&["list"])["entries"], "company");
    assert_eq!(companies, ["Own", "Brightwell Foods", "Corvid Logistics", "Tallis Health"]);
    // A file that is not an export is refused, naming it.
    let bad = j.dir.path().join("bad.json");
    std::fs::write(&bad, "{\"format\": \"something else\"}").expect("write");
    let err = other.fails(&["import", bad.to_str().expect("path")]);
    assert!(err.contains("bad.json"), "{err}");
}

#[test]
fn a_version_1_journal_is_migrated() {
    let j = Journal::new();
    {
        let conn = j.sql();
        conn.execute_batch(include_str!("../src/journal/migrations/001_initial.sql")).expect("v1 schema");
        conn.execute_batch(
            "PRAGMA user_version = 1;
             INSERT INTO cv_versions (id, hash, name, added, text) VALUES (1, 0, 'old_cv.md', '2025-01-02', 'Skills: SQL');
             INSERT INTO entries (id, company, role, date, outcome, cv_id, score)
                 VALUES (1, 'Oldco', 'Analyst', '2025-01-03', 'rejected', 1, 40);
             INSERT INTO documents (entry_id, kind, name, text) VALUES (1, 'bio', 'bio.txt', 'Analyst with Python and SQL.');
             INSERT INTO notes (entry_id, date, text) VALUES (1, '2025-01-10', 'More Python, please.');
             INSERT INTO questions (entry_id, asked, question, answer) VALUES (1, '2025-01-10', 'Why us?', NULL);
             INSERT INTO gaps (entry_id, position, skill, name, importance, status) VALUES (1, 1, 'python', 'Python', 40, 'missing');",
        )
        .expect("v1 rows");
    }
    let shown = j.json(&["show", "1"]);
    assert_eq!(shown["company"], "Oldco");
    assert_eq!(shown["interviewer"], Value::Null, "a column version 2 added");
    assert_eq!(shown["questions"][0]["answered"], Value::Null);
    assert_eq!(shown["gaps"][0]["skill"], "python");
    let version: i64 = j.sql().query_row("PRAGMA user_version", [], |r| r.get(0)).expect("version");
    assert_eq!(version, 2);
    // Version 2's fields work on the migrated journal.
    j.ok(&["edit", "1", "--interviewer", "Kim Lee"]);
    assert!(j.ok(&["followup", "1"]).contains("Dear Kim Lee,"));
    assert_eq!(j.json(&["report"])["recurring"][0]["companies"], serde_json::json!(["Oldco"]));
    // A journal from a newer skillgap is refused, not damaged.
    j.sql().pragma_update(None, "user_version", 99).expect("set version");
    let err = j.fails(&["list"]);
    assert!(err.contains("newer"), "{err}");
}

#[test]
fn concurrent_adds_all_land() {
    let j = Journal::new();
    // One CV stored first, so that every writer also compares (the slow part runs outside the transaction).
    j.add(&["--company", "First", "--role", "R", "--cv", &example("cv.md")]);
    const WRITERS: usize = 8;
    let bio = example("bio_corvid.txt");
    let children: Vec<_> = (0..WRITERS)
        .map(|i| {
            let company = format!("Company {i}");
            j.command(&["add", "--company", &company, "--role", "R", "--bio", &bio, "--outcome", "rejected"])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn")
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().expect("wait");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let entries = j.json(&["list"])["entries"].as_array().map(Vec::len);
    assert_eq!(entries, Some(WRITERS + 1));
    assert_eq!(j.json(&["report"])["recurring"][0]["rejections"], WRITERS);
    let conn = j.sql();
    assert_eq!(integrity(&conn), "ok");
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).expect("mode");
    assert_eq!(mode, "wal");

    // Writers that race to create a journal, and so to migrate it and switch it to WAL, all land too.
    let fresh = Journal::new();
    let children: Vec<_> = (0..WRITERS)
        .map(|i| {
            let company = format!("Company {i}");
            fresh.command(&["add", "--company", &company, "--role", "R"]).stderr(Stdio::piped()).spawn().expect("spawn")
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().expect("wait");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    assert_eq!(fresh.json(&["list"])["entries"].as_array().map(Vec::len), Some(WRITERS));
}

#[test]
fn a_writer_killed_at_any_point_leaves_a_readable_journal() {
    let j = Journal::new();
    // A large posting makes a write long enough to be interrupted in the middle.
    let posting = j.dir.path().join("posting.txt");
    let line = "- SQL and reporting experience across many teams\n";
    std::fs::write(&posting, format!("Requirements\n{}", line.repeat(200_000))).expect("write posting");
    let posting = posting.to_str().expect("path").to_owned();
    let mut completed = 0;
    for round in 0..16u64 {
        // Every fourth round starts a new journal, so that creation and migration are interrupted too.
        let fresh = Journal::new();
        let target = if round % 4 == 0 { &fresh } else { &j };
        let mut child = target
            .command(&["add", "--company", "Killed", "--role", "R", "--posting", &posting])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        // From before the journal is opened to after the commit: in a debug build the write runs from about 0.2 s
        // to 0.5 s after the start.
        std::thread::sleep(Duration::from_millis(round * 40));
        let _ = child.kill();
        if child.wait().expect("wait").success() && round % 4 != 0 {
            completed += 1;
        }
        if !target.path().exists() {
            continue;
        }
        let conn = target.sql();
        assert_eq!(integrity(&conn), "ok", "round {round}");
        // Every entry that is there is whole: its posting went in with it.
        let partial: i64 = conn
            .query_row(
                "SELECT count(*) FROM entries WHERE id NOT IN (SELECT entry_id FROM documents WHERE kind = 'posting')",
                [],
                |r| r.get(0),
            )
            .unwrap_or(0);
        assert_eq!(partial, 0, "round {round}");
        drop(conn);
        target.ok(&["list"]);
    }
    eprintln!("{completed} of 12 adds to the shared journal finished before the kill");
    // The journal still takes writes, and holds every add that finished.
    let listed = j.json(&["list"])["entries"].as_array().map_or(0, Vec::len);
    assert!(listed >= completed, "listed {listed}, but {completed} adds finished");
    j.add(&["--company", "After", "--role", "R"]);
}

#[test]
fn the_journal_file_follows_the_flag_the_variable_and_xdg() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let run = |args: &[&str], env: &[(&str, &Path)]| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_skillgap"));
        cmd.arg("journal").args(args).env("SKILLGAP_TODAY", TODAY).env_remove("SKILLGAP_JOURNAL").current_dir(root());
        cmd.env("HOME", dir.path().join("home")).env_remove("XDG_DATA_HOME");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.stdin(Stdio::null()).output().expect("run");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    };
    let add = ["add", "--company", "A", "--role", "R"];
    run(&add, &[]);
    assert!(dir.path().join("home/.local/share/skillgap/journal.sqlite3").is_file());
    let xdg = dir.path().join("xdg");
    run(&add, &[("XDG_DATA_HOME", &xdg)]);
    assert!(xdg.join("skillgap/journal.sqlite3").is_file());
    let var = dir.path().join("var.sqlite3");
    run(&add, &[("XDG_DATA_HOME", &xdg), ("SKILLGAP_JOURNAL", &var)]);
    assert!(var.is_file());
    let flag = dir.path().join("flag.sqlite3");
    let flag_arg = flag.to_str().expect("path");
    run(&["add", "--company", "A", "--role", "R", "--journal", flag_arg], &[("SKILLGAP_JOURNAL", &var)]);
    run(&["--journal", flag_arg, "list"], &[]);
    assert!(flag.is_file());
}

#[test]
fn reading_a_journal_that_does_not_exist_creates_nothing() {
    let j = Journal::new();
    assert!(j.ok(&["list"]).contains("No entries yet"));
    assert_eq!(j.json(&["report"])["recurring"], serde_json::json!([]));
    assert!(!j.path().exists());
}

#[test]
fn nothing_from_a_note_or_a_posting_drives_the_terminal_or_a_markdown_viewer() {
    let j = Journal::new();
    let posting = j.dir.path().join("posting.txt");
    std::fs::write(&posting, "Requirements\n- Python \u{1b}]0;pwned\u{7}\n").expect("write");
    j.add(&[
        "--company",
        "Evil\u{1b}[2J Corp",
        "--role",
        "<script>alert(1)</script>",
        "--posting",
        posting.to_str().expect("p"),
    ]);
    j.ok(&["note", "1", "Clear the screen\u{1b}[2J and [click](javascript:alert(1))"]);
    j.ok(&["question", "1", "Bell\u{7} question?"]);
    for args in [&["list"][..], &["show", "1"], &["report"], &["followup", "1"]] {
        for format in ["text", "md"] {
            let out = j.ok(&[args, &["--format", format]].concat());
            assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{args:?} {format}: {out:?}");
            if format == "md" {
                assert!(!out.contains("<script>") && !out.contains("[click]("), "{args:?}: {out}");
            }
        }
    }
}

#[test]
fn a_rejection_recorded_without_a_cv_is_compared_with_the_current_one() {
    let j = Journal::new();
    j.add(&[
        "--company",
        "Corvid Logistics",
        "--role",
        "Data Analyst",
        "--bio",
        &example("bio_corvid.txt"),
        "--outcome",
        "rejected",
    ]);
    let report = j.json(&["report"]);
    assert_eq!(report["uncompared"], serde_json::json!([1]), "{report:#}");
    assert_eq!(report["recurring"], serde_json::json!([]));
    assert!(j.ok(&["report"]).contains("Not compared"));
    let report = j.json(&["report", "--cv", &example("cv.md")]);
    assert_eq!(report["uncompared"], serde_json::json!([]));
    assert_eq!(report["recurring"][0]["id"], "python", "{report:#}");
    // A report reads; it stores nothing.
    assert_eq!(j.json(&["show", "1"])["gaps"], serde_json::json!([]));
}
