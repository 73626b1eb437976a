//! `-o FILE` and `--force` through the real `skillgap` binary: every command that writes a report or an export
//! writes the same bytes to the file as to standard output; an existing file is kept unless `--force` is given; a
//! failing run leaves no file and no temporary file; a missing folder is a clear error (DESIGN.md, "CLI contract").

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The date that ends roles running "to present" (as in tests/cli.rs).
const TODAY: &str = "2025-06-15";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn skillgap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_skillgap"))
        .env("SKILLGAP_TODAY", TODAY)
        .env_remove("NO_COLOR")
        .env_remove("SKILLGAP_TAXONOMY")
        .env_remove("SKILLGAP_JOURNAL")
        .args(args)
        .current_dir(root())
        .stdin(Stdio::null())
        .output()
        .expect("run skillgap")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The names in `dir`, sorted: after any run, only the files the user asked for (no `.NAME.skillgap-tmp-*`).
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        fs::read_dir(dir).expect("read dir").flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

fn with(args: &[&str], more: &[&str]) -> Vec<String> {
    args.iter().chain(more).map(|s| (*s).to_owned()).collect()
}

fn run(args: &[String]) -> Output {
    skillgap(&args.iter().map(String::as_str).collect::<Vec<_>>())
}

const CV: &str = "data/examples/cv_data_engineer.md";
const POSTING: &str = "data/examples/posting_data_engineer.md";

#[test]
fn every_report_command_writes_to_the_file_what_it_prints() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let journal = dir.path().join("journal.sqlite3").display().to_string();
    let added = skillgap(&["journal", "--journal", &journal, "add", "--company", "Acme", "--role", "Data", "--cv", CV]);
    assert!(added.status.success(), "{}", stderr(&added));
    let out_dir = dir.path().join("out");
    fs::create_dir(&out_dir).expect("mkdir");
    // Each command once or twice, and every format once (a debug binary takes a while per run).
    let runs: Vec<Vec<&str>> = vec![
        vec!["compare", "--cv", CV, POSTING, "--format", "text"],
        vec!["compare", "--cv", CV, POSTING, "--format", "json"],
        vec!["extract", POSTING, "--format", "csv"],
        vec!["extract", "--lines", POSTING, "--format", "jsonl"],
        vec!["batch", "--cv", CV, "data/examples/postings", "--format", "md"],
        vec!["batch", "--cv", CV, "data/examples/postings", "--format", "jsonl"],
        vec!["extract", "--show-text", POSTING],
        vec!["taxonomy", "export"],
        vec!["journal", "--journal", &journal, "export", "--format", "csv"],
    ];
    for (i, args) in runs.iter().enumerate() {
        let printed = skillgap(args);
        let file = out_dir.join(format!("report-{i}.out"));
        let file_arg = file.display().to_string();
        let written = run(&with(args, &["-o", &file_arg]));
        assert_eq!(written.status.code(), printed.status.code(), "{args:?}: {}", stderr(&written));
        assert!(printed.status.success(), "{args:?}: {}", stderr(&printed));
        assert!(written.stdout.is_empty(), "{args:?}: nothing on standard output with -o");
        assert!(!printed.stdout.is_empty(), "{args:?}");
        assert_eq!(fs::read(&file).expect("the -o file"), printed.stdout, "{args:?}: the file differs from stdout");
    }
    // `-o -` is standard output.
    let dashed = skillgap(&["extract", POSTING, "--format", "csv", "-o", "-"]);
    assert_eq!(dashed.stdout, skillgap(&["extract", POSTING, "--format", "csv"]).stdout, "-o -");
    let mut expected: Vec<String> = (0..runs.len()).map(|i| format!("report-{i}.out")).collect();
    expected.sort();
    assert_eq!(listing(&out_dir), expected, "no temporary file is left after a successful run");
}

#[test]
fn an_existing_file_is_kept_without_force_and_replaced_with_it() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = dir.path().join("gaps.json");
    let file_arg = file.display().to_string();
    fs::write(&file, "my notes, not a report\n").expect("write");
    let args = ["compare", "--cv", CV, POSTING, "--format", "json"];

    let refused = run(&with(&args, &["-o", &file_arg]));
    assert_eq!(refused.status.code(), Some(2), "{}", stderr(&refused));
    assert!(refused.stdout.is_empty());
    let err = stderr(&refused);
    assert!(err.contains(&format!("{file_arg} already exists; pass --force to replace it")), "{err}");
    assert_eq!(fs::read_to_string(&file).expect("read"), "my notes, not a report\n", "the file is unchanged");

    let forced = run(&with(&args, &["-o", &file_arg, "--force"]));
    assert!(forced.status.success(), "{}", stderr(&forced));
    assert_eq!(fs::read(&file).expect("read"), skillgap(&args).stdout, "replaced by the report");
    assert_eq!(listing(dir.path()), ["gaps.json"], "no temporary file is left");

    // --force alone, without -o, is a usage error.
    let alone = skillgap(&["compare", "--cv", CV, POSTING, "--force"]);
    assert_eq!(alone.status.code(), Some(2));
}

#[test]
fn a_failing_run_leaves_no_file_and_an_old_file_as_it_was() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let new_file = dir.path().join("new.txt").display().to_string();
    // An unreadable target is an input error: exit 2, nothing written anywhere.
    let out = skillgap(&["compare", "--cv", CV, "no/such/posting.txt", "-o", &new_file]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    assert!(stderr(&out).contains("no/such/posting.txt"), "{}", stderr(&out));
    assert!(listing(dir.path()).is_empty(), "no file and no temporary file: {:?}", listing(dir.path()));

    // With --force, a failure leaves the old file as it was.
    let old = dir.path().join("old.csv");
    fs::write(&old, "kept\n").expect("write");
    let old_arg = old.display().to_string();
    let out = skillgap(&["compare", "--cv", "no/such/cv.md", POSTING, "-o", &old_arg, "--force"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(&old).expect("read"), "kept\n");

    // A batch that finds no postings fails whole, and writes nothing.
    let empty = dir.path().join("empty");
    fs::create_dir(&empty).expect("mkdir");
    fs::write(empty.join("notes.rtf"), "not read").expect("write");
    let report = dir.path().join("batch.json").display().to_string();
    let out = skillgap(&["batch", "--cv", CV, &empty.display().to_string(), "-o", &report]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(listing(dir.path()), ["empty", "old.csv"]);
}

#[test]
fn a_missing_folder_or_a_folder_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let missing = dir.path().join("no-such-folder").join("gaps.txt").display().to_string();
    let out = skillgap(&["extract", POSTING, "-o", &missing]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert!(err.contains(&missing) && err.contains("does not exist") && err.contains("-o"), "{err}");

    let folder = dir.path().display().to_string();
    let out = skillgap(&["extract", POSTING, "-o", &folder, "--force"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("is a folder"), "{}", stderr(&out));
    assert!(listing(dir.path()).is_empty());
}

/// A device is written to, never replaced by a file (the tests may run as root, who could replace it).
#[cfg(unix)]
#[test]
fn a_device_is_written_to_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let out = skillgap(&["extract", POSTING, "-o", "/dev/null"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    assert!(fs::metadata("/dev/null").expect("/dev/null").file_type().is_char_device());
}
