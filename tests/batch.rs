//! `skillgap batch`: the real binary over the example postings and over folders made for each case (input shapes,
//! failures, duplicates, hidden files, symlink loops), plus the contract (exit codes, JSON shape, the same bytes
//! for any `--jobs`).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use proptest::prelude::*;
use serde_json::Value;

#[path = "../crates/skillgap/tests/support/text_gen.rs"]
mod text_gen;

/// The date that ends roles running "to present" (as in tests/cli.rs).
const TODAY: &str = "2025-06-15";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn cv() -> String {
    root().join("data/examples/cv_data_engineer.md").display().to_string()
}

/// Runs `skillgap` in `dir`.
fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_skillgap"))
        .env("SKILLGAP_TODAY", TODAY)
        .env_remove("NO_COLOR")
        .env_remove("SKILLGAP_TAXONOMY")
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("run skillgap")
}

/// `batch --cv CV ARGS...` in `dir`.
fn batch_in(dir: &Path, args: &[&str]) -> Output {
    let cv = cv();
    let mut all = vec!["batch", "--cv", cv.as_str()];
    all.extend_from_slice(args);
    run_in(dir, &all)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("utf-8")
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", text(&out.stdout)))
}

/// A fresh folder for one test, with `files` (path, content) written in it.
fn folder(name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("batch").join(name);
    let _ = fs::remove_dir_all(&dir);
    for (path, content) in files {
        let path = dir.join(path);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, content).expect("write");
    }
    fs::create_dir_all(&dir).expect("mkdir");
    dir
}

fn names(report: &Value, list: &str) -> Vec<String> {
    report[list].as_array().expect(list).iter().map(|p| p["name"].as_str().expect("name").to_owned()).collect()
}

const DATA_POSTING: &str = "Data Engineer\nCompany: Acme Rail\n\nRequirements\n- Python\n- SQL\n- Terraform\n";
const SALES_POSTING: &str = "Account Executive\n\nRequirements\n- Salesforce\n- Cold calling\n";

#[test]
fn the_example_folder_is_ranked_with_the_aggregate() {
    let out = batch_in(&root(), &["data/examples/postings/"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let shown = text(&out.stdout);
    assert!(shown.contains("12 postings scored from 8 files."), "{shown}");
    assert!(shown.contains("Skills that would lift the most postings"), "{shown}");
    assert!(shown.contains("One skill away from a good fit (75+)"), "{shown}");
    let report = json(&batch_in(&root(), &["--format", "json", "data/examples/postings/"]));
    let scores: Vec<u64> =
        report["postings"].as_array().expect("postings").iter().map(|p| p["score"].as_u64().expect("score")).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "ranked best first: {scores:?}");
    assert_eq!(report["summary"]["scored"], 12);
}

#[test]
fn snapshots_of_the_example_folder() {
    for format in ["text", "md"] {
        let args =
            ["batch", "--cv", "data/examples/cv_data_engineer.md", "--format", format, "data/examples/postings/"];
        let out = run_in(&root(), &args);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        insta::assert_snapshot!(format!("batch_examples_{format}"), text(&out.stdout));
    }
}

#[test]
fn every_input_shape_is_read_with_a_name_that_finds_it() {
    let dir = folder(
        "shapes",
        &[
            ("in/a.txt", DATA_POSTING.as_bytes()),
            ("in/b.md", b"# Analyst\n\n## Requirements\n\n- Tableau\n- SQL\n"),
            ("in/c.html", b"<nav>Jobs &rsaquo; Data</nav><h1>Platform Engineer</h1><h2>Requirements</h2><ul><li>Kubernetes</li><li>Terraform</li></ul>"),
            ("in/d.json", br#"{"@type":"JobPosting","title":"Welder","hiringOrganization":{"name":"Forge Ltd"},"description":"TIG welding required"}"#),
            ("in/e.json", br#"[{"title":"Cook","description":"Food safety"},{"title":"Baker","description":"Bread baking"}]"#),
            ("in/f.jsonl", b"{\"title\":\"Nurse\",\"description\":\"BLS required\"}\n\n{\"title\":\"Driver\",\"company\":\"Vans Co\",\"description\":\"Forklift licence\"}\n"),
            ("in/g.csv", b"title,company,url,description\nBI Developer,Kestrel,https://x.test/1,\"Power BI, SQL\"\nTeacher,School,,\"Lesson planning\"\n"),
        ],
    );
    let out = batch_in(&dir, &["--format", "jsonl", "in"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let records: Vec<Value> =
        text(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
    let postings: Vec<(&str, &str)> = records
        .iter()
        .filter(|r| r["type"] == "posting")
        .map(|r| (r["name"].as_str().unwrap_or(""), r["title"].as_str().unwrap_or("")))
        .collect();
    let sep = std::path::MAIN_SEPARATOR;
    let expected: Vec<(String, &str)> = [
        ("a.txt", "Data Engineer"),
        ("b.md", "Analyst"),
        ("c.html", "Platform Engineer"),
        ("d.json", "Welder"),
        ("e.json#1", "Cook"),
        ("e.json#2", "Baker"),
        ("f.jsonl:1", "Nurse"),
        ("f.jsonl:3", "Driver"),
        ("g.csv:2", "BI Developer"),
        ("g.csv:3", "Teacher"),
    ]
    .into_iter()
    .map(|(n, t)| (format!("in{sep}{n}"), t))
    .collect();
    let expected: Vec<(&str, &str)> = expected.iter().map(|(n, t)| (n.as_str(), *t)).collect();
    assert_eq!(postings, expected, "JSON Lines follow input order");
    let last = records.last().expect("records");
    assert_eq!(last["type"], "aggregate", "the aggregate comes last");
    assert_eq!(last["summary"]["scored"], 10);
    let by_name = |n: &str| records.iter().find(|r| r["name"].as_str().is_some_and(|x| x.ends_with(n))).expect(n);
    assert_eq!(by_name("a.txt")["company"], "Acme Rail");
    assert_eq!(by_name("d.json")["company"], "Forge Ltd");
    assert_eq!(by_name("g.csv:2")["url"], "https://x.test/1");
    assert_eq!(by_name("f.jsonl:3")["company"], "Vans Co");
}

#[test]
fn the_csv_text_column_can_be_named() {
    let dir = folder("text_column", &[("jobs.csv", b"role,posting_text\nData Engineer,\"Python, SQL, Terraform\"\n")]);
    let out = batch_in(&dir, &["jobs.csv"]);
    assert_eq!(out.status.code(), Some(2), "the only input failed");
    let err = text(&out.stderr);
    assert!(
        err.contains("jobs.csv:1: no description or text or body column (the columns are: role, posting_text)"),
        "{err}"
    );
    assert!(err.contains("--text-column"), "{err}");
    let out = batch_in(&dir, &["--format", "json", "--text-column", "posting_text", "jobs.csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report = json(&out);
    assert_eq!(names(&report, "postings"), ["jobs.csv:2"]);
    assert_eq!(report["postings"][0]["title"], "Data Engineer", "`role` is a title column");
}

#[test]
fn a_bad_file_is_reported_and_the_rest_are_scored() {
    let dir = folder(
        "failures",
        &[
            ("in/good.txt", DATA_POSTING.as_bytes()),
            ("in/broken.json", b"{\"title\": "),
            ("in/binary.txt", b"\x00\x01\x02PK"),
            ("in/lines.jsonl", b"{\"description\":\"SQL\"}\nnot json\n"),
        ],
    );
    let out = batch_in(&dir, &["--format", "json", "in"]);
    assert_eq!(out.status.code(), Some(1), "some failed: exit 1");
    let err = text(&out.stderr);
    for expected in [
        "broken.json:1:10: cannot read it as a JSON job posting",
        "binary.txt: this looks like a binary file",
        "lines.jsonl:2: cannot read it as a JSON job posting",
    ] {
        assert!(err.contains(expected), "stderr names {expected:?}: {err}");
    }
    let report = json(&out);
    assert_eq!(report["summary"]["scored"], 2);
    assert_eq!(report["summary"]["failed"], 3);
    let failures = names(&report, "failures");
    assert_eq!(failures.len(), 3, "{failures:?}");
    assert!(report["failures"]
        .as_array()
        .expect("failures")
        .iter()
        .all(|f| !f["reason"].as_str().unwrap_or("").is_empty()));
}

#[test]
fn when_every_input_fails_the_exit_code_is_2() {
    let dir = folder("all_fail", &[("a.json", b"[1, 2"), ("b.txt", b"")]);
    let out = batch_in(&dir, &["a.json", "b.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("a.json:1:5:") && err.contains("b.txt: the input is empty"), "{err}");
    assert!(err.contains("no posting could be read (2 failed)"), "{err}");
    // A folder with nothing batch reads is a usage error, with nothing on standard output.
    let dir = folder("nothing", &[("photo.png", b"\x89PNG\r\n")]);
    let out = batch_in(&dir, &["."]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(text(&out.stderr).contains("found no postings in . (1 file skipped)"), "{}", text(&out.stderr));
}

#[test]
fn a_missing_path_fails_alone() {
    let dir = folder("missing", &[("a.txt", DATA_POSTING.as_bytes())]);
    let out = batch_in(&dir, &["a.txt", "nope.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("nope.txt: cannot read it"), "{}", text(&out.stderr));
}

#[test]
fn inputs_are_read_with_a_bound() {
    let big = "Python. ".repeat(4000);
    let dir = folder("bounded", &[("small.txt", DATA_POSTING.as_bytes()), ("big.txt", big.as_bytes())]);
    // The CV (about 3 KB) is read with the same bound.
    let out = batch_in(&dir, &["--max-input-bytes", "20000", "small.txt", "big.txt"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains("big.txt: larger than 20000 bytes; raise --max-input-bytes"), "{err}");
    let out = batch_in(&dir, &["--max-input-bytes", "100", "small.txt"]);
    assert_eq!(out.status.code(), Some(2), "an unreadable CV is an input error");
    assert!(out.stdout.is_empty());
}

#[test]
fn the_same_bytes_whatever_the_thread_count() {
    for format in ["text", "json", "csv", "md", "jsonl"] {
        let one = batch_in(&root(), &["--format", format, "--jobs", "1", "data/examples/"]);
        let two = batch_in(&root(), &["--format", format, "--jobs", "2", "data/examples/"]);
        assert_eq!(one.status.code(), Some(0), "{}", text(&one.stderr));
        assert!(!one.stdout.is_empty());
        assert_eq!(text(&one.stdout), text(&two.stdout), "{format}");
    }
}

/// How a generated posting's text is wrapped into a file's bytes.
type Wrap = fn(&str) -> Vec<u8>;

/// How a generated posting is saved: (extension, how its text is wrapped).
const GENERATED_KINDS: [(&str, Wrap); 4] = [
    ("txt", |t| t.as_bytes().to_vec()),
    ("md", |t| format!("# Posting\n{t}").into_bytes()),
    ("html", |t| format!("<html><body><h1>Job</h1><p>{t}</p></body></html>").into_bytes()),
    ("json", |t| serde_json::to_vec(&serde_json::json!({"title": "Job", "description": t})).expect("json")),
];

proptest! {
    // Each case runs the binary twice, which takes seconds in a debug build; PROPTEST_CASES raises the count
    // (CONTRIBUTING.md). JSON Lines carries every record and the aggregate; the other formats render the same values
    // and are compared on the example folder above.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(2),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Issue 12, Properties: batch output is the same bytes for 1 and N threads, on generated folders of postings
    /// in every readable kind, with repeated texts (duplicates) and blank files (failures) among them.
    #[test]
    fn generated_folders_give_the_same_bytes_whatever_the_thread_count(
        postings in prop::collection::vec((text_gen::any_text(40), 0..GENERATED_KINDS.len(), 0..8u8), 1..24),
    ) {
        static CASE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let case = CASE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let texts: Vec<&String> = postings.iter().map(|(t, _, _)| t).collect();
        let files: Vec<(String, Vec<u8>)> = postings
            .iter()
            .enumerate()
            .map(|(i, (text, kind, twist))| {
                let (ext, wrap) = GENERATED_KINDS[*kind];
                // Some postings repeat an earlier one's text, and one in eight is blank.
                let text = match twist {
                    0 => String::new(),
                    1 if i > 0 => texts[i - 1].clone(),
                    _ => text.clone(),
                };
                (format!("p{i:02}.{ext}"), wrap(&text))
            })
            .collect();
        let borrowed: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
        let dir = folder(&format!("generated_{case}"), &borrowed);
        let one = batch_in(&dir, &["--format", "jsonl", "--jobs", "1", "."]);
        let three = batch_in(&dir, &["--format", "jsonl", "--jobs", "3", "."]);
        prop_assert_eq!(one.status.code(), three.status.code());
        prop_assert!(one.status.code().is_some_and(|c| c <= 2), "{}", text(&one.stderr));
        prop_assert!(!one.stdout.is_empty());
        prop_assert_eq!(text(&one.stdout), text(&three.stdout));
        prop_assert_eq!(text(&one.stderr), text(&three.stderr));
    }
}

#[test]
fn top_and_min_score_limit_the_table_not_the_aggregate() {
    let all = json(&batch_in(&root(), &["--format", "json", "data/examples/postings/"]));
    let top = json(&batch_in(&root(), &["--format", "json", "--top", "2", "data/examples/postings/"]));
    assert_eq!(top["postings"].as_array().map(Vec::len), Some(2));
    assert_eq!(top["postings"][0], all["postings"][0]);
    assert_eq!(top["postings"][1], all["postings"][1]);
    assert_eq!(top["skills"], all["skills"], "the aggregate covers every posting");
    let high = json(&batch_in(&root(), &["--format", "json", "--min-score", "80", "data/examples/postings/"]));
    let scores: Vec<u64> =
        high["postings"].as_array().expect("postings").iter().map(|p| p["score"].as_u64().unwrap_or(0)).collect();
    assert!(!scores.is_empty() && scores.iter().all(|&s| s >= 80), "{scores:?}");
    assert!(scores.len() < all["postings"].as_array().map_or(0, Vec::len));
    assert_eq!(high["skills"], all["skills"]);
    assert_eq!(high["summary"]["above_min_score"], scores.len());
    let every = json(&batch_in(&root(), &["--format", "json", "--top", "0", "data/examples/"]));
    assert_eq!(
        every["postings"].as_array().map(Vec::len),
        every["summary"]["scored"].as_u64().map(|n| n as usize),
        "--top 0 lists all"
    );
    let gaps = json(&batch_in(&root(), &["--format", "json", "--gaps", "1", "data/examples/postings/"]));
    assert!(gaps["postings"]
        .as_array()
        .expect("postings")
        .iter()
        .all(|p| p["gaps"].as_array().map_or(0, Vec::len) <= 1));
}

#[test]
fn identical_postings_are_scored_once() {
    let spaced = DATA_POSTING.replace('\n', "\r\n  ");
    let dir = folder(
        "duplicates",
        &[("a.txt", DATA_POSTING.as_bytes()), ("b.txt", spaced.as_bytes()), ("c.md", SALES_POSTING.as_bytes())],
    );
    let out = batch_in(&dir, &["--format", "json", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report = json(&out);
    assert_eq!(report["summary"]["scored"], 2);
    assert_eq!(report["summary"]["duplicates"], 1);
    let sep = std::path::MAIN_SEPARATOR;
    assert_eq!(report["duplicates"][0]["name"], format!(".{sep}b.txt"));
    assert_eq!(report["duplicates"][0]["duplicate_of"], format!(".{sep}a.txt"));
    let shown = text(&batch_in(&dir, &["."]).stdout);
    assert!(shown.contains("1 duplicate scored once") && shown.contains("b.txt: same text as"), "{shown}");
}

#[test]
fn a_posting_batch_cannot_read_ranks_after_those_it_can() {
    let unread =
        "Welder\n\nRequirements\n- Python\n- Frobnicating the quux\n- Ninth-circle wizardry\n- Reading tea leaves\n";
    let dir = folder("poorly_covered", &[("a_read.txt", DATA_POSTING.as_bytes()), ("b_unread.txt", unread.as_bytes())]);
    let report = json(&batch_in(&dir, &["--format", "json", "."]));
    let rows: Vec<(u64, bool)> = report["postings"]
        .as_array()
        .expect("postings")
        .iter()
        .map(|p| (p["score"].as_u64().unwrap_or(0), p["poorly_covered"].as_bool().unwrap_or(false)))
        .collect();
    assert_eq!(rows.len(), 2);
    assert!(
        rows[1].1 && !rows[0].1 && rows[1].0 > rows[0].0,
        "the unread posting scores higher but ranks last: {rows:?}"
    );
    let shown = text(&batch_in(&dir, &["."]).stdout);
    assert!(shown.contains(" requirement lines: the score says little)"), "{shown}");
    assert_eq!(report["summary"]["good_fits"], 0, "an unread posting is not called a good fit");
}

#[test]
fn csv_output_cells_cannot_run_as_formulas() {
    let dir = folder(
        "formula",
        &[("jobs.csv", b"title,company,description\n\"=HYPERLINK(\"\"http://evil.test\"\",\"\"x\"\")\",@corp,\"Python, SQL\"\n-Dash Ltd,+Plus,\"Terraform\"\n")],
    );
    let out = batch_in(&dir, &["--format", "csv", "jobs.csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let mut reader = csv::ReaderBuilder::new().from_reader(out.stdout.as_slice());
    let headers = reader.headers().expect("header").clone();
    let column = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let (title, company) = (column("title"), column("company"));
    let mut cells = Vec::new();
    for row in reader.records() {
        let row = row.expect("row");
        if &row[0] == "posting" {
            cells.push((row[title].to_owned(), row[company].to_owned()));
        }
    }
    cells.sort();
    assert_eq!(
        cells,
        [
            ("'-Dash Ltd".to_owned(), "'+Plus".to_owned()),
            ("'=HYPERLINK(\"http://evil.test\",\"x\")".to_owned(), "'@corp".to_owned())
        ]
    );
}

#[test]
fn hidden_files_are_skipped_unless_asked_for() {
    let dir = folder(
        "hidden",
        &[
            ("in/a.txt", DATA_POSTING.as_bytes()),
            ("in/.draft.txt", SALES_POSTING.as_bytes()),
            ("in/.cache/b.txt", SALES_POSTING.as_bytes()),
        ],
    );
    let report = json(&batch_in(&dir, &["--format", "json", "in"]));
    assert_eq!(report["summary"]["scored"], 1);
    let report = json(&batch_in(&dir, &["--format", "json", "--hidden", "in"]));
    assert_eq!(report["summary"]["scored"], 2, "the two hidden files share one text");
    assert_eq!(report["summary"]["duplicates"], 1);
}

#[test]
fn other_extensions_are_skipped_and_counted() {
    let dir =
        folder("skipped", &[("a.txt", DATA_POSTING.as_bytes()), ("b.png", b"\x89PNG\r\n"), ("c.xlsx", b"PK\x03\x04")]);
    let out = batch_in(&dir, &["--format", "json", "."]);
    assert_eq!(out.status.code(), Some(0));
    let report = json(&out);
    assert_eq!((report["summary"]["scored"].as_u64(), report["summary"]["skipped"].as_u64()), (Some(1), Some(2)));
    // PDF and Word postings are read: a broken one is a failure, not a skip.
    let dir = folder("broken_pdf", &[("a.txt", DATA_POSTING.as_bytes()), ("b.pdf", b"%PDF-1.4")]);
    let out = batch_in(&dir, &["--format", "json", "."]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("b.pdf"), "{}", text(&out.stderr));
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_not_followed() {
    let dir =
        folder("symlink_loop", &[("in/a.txt", DATA_POSTING.as_bytes()), ("in/sub/b.txt", SALES_POSTING.as_bytes())]);
    std::os::unix::fs::symlink("..", dir.join("in/sub/up")).expect("symlink");
    let out = batch_in(&dir, &["--format", "json", "in"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(json(&out)["summary"]["scored"], 2);
    assert!(text(&out.stderr).contains("a link to a folder already read; not followed"), "{}", text(&out.stderr));
}

#[test]
fn jsonl_is_only_for_streaming_commands() {
    let out =
        run_in(&root(), &["compare", "--format", "jsonl", "--cv", &cv(), "data/examples/posting_data_engineer.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

#[test]
fn a_windows_1252_posting_is_read_with_one_warning_naming_it() {
    // "Café Rail" and an en dash, saved by a word processor as Windows-1252: not UTF-8.
    let cp1252: &[u8] = b"Data Engineer \x96 Caf\xe9 Rail\n\nRequirements\n- Python\n- SQL\n";
    let dir = folder(
        "windows_1252",
        &[
            ("a.txt", DATA_POSTING.as_bytes()),
            ("cafe.txt", cp1252),
            ("copy/cafe.txt", cp1252),
            ("c.txt", SALES_POSTING.as_bytes()),
        ],
    );
    let out = batch_in(&dir, &["--format", "json", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    let warning = "cafe.txt: not UTF-8, so read as Windows-1252; if some characters look wrong, save the file as UTF-8";
    assert_eq!(err.matches(warning).count(), 2, "one warning per file, each naming it: {err}");
    assert!(err.contains("./cafe.txt: not UTF-8") && err.contains("./copy/cafe.txt: not UTF-8"), "{err}");
    let report = json(&out);
    assert_eq!(report["summary"]["windows_1252"], 2);
    assert!(names(&report, "postings").contains(&"./cafe.txt".to_owned()), "it is still scored");
    let title =
        report["postings"].as_array().expect("postings").iter().find(|p| p["name"] == "./cafe.txt").expect("cafe")
            ["title"]
            .clone();
    assert_eq!(title, "Data Engineer \u{2013} Caf\u{e9} Rail", "decoded as Windows-1252");
    let out = batch_in(&dir, &["."]);
    assert!(text(&out.stdout).contains("2 files not UTF-8, read as Windows-1252"), "{}", text(&out.stdout));
}
