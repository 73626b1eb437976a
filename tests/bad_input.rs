//! Bad input through the real `skillgap` binary: every input is read with a bound, and each bad input gets a clear
//! message that names it, exit code 2 and nothing on standard output (DESIGN.md, "Bad input").

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn command(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_skillgap"));
    command
        .env("SKILLGAP_TODAY", "2025-06-15")
        .env_remove("SKILLGAP_TAXONOMY")
        .env_remove("NO_COLOR")
        .args(args)
        .current_dir(root());
    command
}

fn skillgap(args: &[&str]) -> Output {
    command(args).stdin(Stdio::null()).output().expect("run skillgap")
}

/// Runs `args` with `stdin` on standard input.
fn skillgap_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child =
        command(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("spawn");
    let mut pipe = child.stdin.take().expect("stdin");
    let bytes = stdin.to_vec();
    // The program may stop reading early: a broken pipe here is expected.
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&bytes);
    });
    let out = child.wait_with_output().expect("wait");
    let _ = writer.join();
    out
}

/// A fresh folder for one test's files.
fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("skillgap-bad-input-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create dir");
    dir
}

/// The run failed as an input error: exit 2, nothing on stdout, and a message holding every one of `parts`.
#[track_caller]
fn assert_input_error(out: &Output, parts: &[&str]) -> String {
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "exit code; stderr: {err}");
    assert!(out.stdout.is_empty(), "nothing on stdout, got {:?}", String::from_utf8_lossy(&out.stdout));
    assert!(!err.contains("panicked"), "{err}");
    for part in parts {
        assert!(err.contains(part), "{part:?} not in {err:?}");
    }
    err
}

#[cfg(unix)]
#[test]
fn a_device_that_never_ends_stops_at_the_limit() {
    let out = skillgap(&["extract", "/dev/zero", "--max-input-bytes", "100000"]);
    assert_input_error(&out, &["/dev/zero", "larger than 100000 bytes", "--max-input-bytes"]);
    // The default limit holds too (50 MB): the read ends instead of growing without bound.
    let out = skillgap(&["extract", "/dev/zero"]);
    assert_input_error(&out, &["/dev/zero", &format!("larger than {} bytes", 50 * 1024 * 1024), "--max-input-bytes"]);
}

#[test]
fn an_endless_stdin_stops_at_the_limit() {
    // Standard input larger than the limit stands for a stream that never ends: the program must stop reading.
    let big = vec![b'a'; 300_000];
    for args in [&["extract", "--max-input-bytes", "100000"][..], &["extract", "-", "--max-input-bytes", "100000"]] {
        let out = skillgap_with_stdin(args, &big);
        assert_input_error(&out, &["stdin", "larger than 100000 bytes", "--max-input-bytes"]);
    }
    let out =
        skillgap_with_stdin(&["compare", "--cv", "data/examples/cv_nurse.md", "--max-input-bytes", "100000"], &big);
    assert_input_error(&out, &["stdin", "--max-input-bytes"]);
}

#[test]
fn every_file_input_has_the_limit() {
    let dir = scratch_dir("limit");
    let big = dir.join("big.txt");
    std::fs::write(&big, "Python and SQL. ".repeat(1000)).expect("write");
    let big = big.display().to_string();
    let small = dir.join("small.txt");
    std::fs::write(&small, "Skills: Python, SQL\n").expect("write");
    let small = small.display().to_string();
    let cases: &[&[&str]] = &[
        &["extract", &big],
        &["compare", "--cv", &big, &small],
        &["compare", "--cv", &small, &big],
        &["compare", "--cv", &small, "--bio", &big],
        &["batch", "--cv", &big, &small],
    ];
    for args in cases {
        let mut args = args.to_vec();
        args.extend(["--max-input-bytes", "1000"]);
        let out = skillgap(&args);
        assert_input_error(&out, &[&big, "larger than 1000 bytes", "--max-input-bytes"]);
    }
}

#[test]
fn taxonomy_layers_have_the_limit() {
    let dir = scratch_dir("taxonomy");
    let layer = dir.join("big.csv");
    let mut text = String::from("id,name,family,kind,aliases,related,broader\n");
    text.push_str(&"acme,Acme,software,tool,,,\n".repeat(100));
    std::fs::write(&layer, &text).expect("write");
    let layer = layer.display().to_string();
    for args in [
        &["--taxonomy", &layer, "taxonomy", "stats"][..],
        &["--taxonomy", &format!("onet:{layer}"), "taxonomy", "stats"],
        &["taxonomy", "check", &layer],
    ] {
        let mut args = args.to_vec();
        args.extend(["--max-input-bytes", "1000"]);
        let out = skillgap(&args);
        assert_input_error(&out, &[&layer, "larger than 1000 bytes", "--max-input-bytes"]);
    }
    // The user's default layer, from the environment, is read with the same bound.
    let out = command(&["taxonomy", "stats", "--max-input-bytes", "1000"])
        .env("SKILLGAP_TAXONOMY", &layer)
        .stdin(Stdio::null())
        .output()
        .expect("run");
    assert_input_error(&out, &[&layer, "--max-input-bytes"]);
}

#[cfg(unix)]
#[test]
fn a_taxonomy_layer_that_never_ends_stops_at_the_limit() {
    let out = command(&["taxonomy", "stats", "--max-input-bytes", "100000"])
        .env("SKILLGAP_TAXONOMY", "/dev/zero")
        .stdin(Stdio::null())
        .output()
        .expect("run");
    assert_input_error(&out, &["/dev/zero", "larger than 100000 bytes", "--max-input-bytes"]);
}

#[test]
fn stdin_given_twice_is_a_usage_error() {
    let cv = "data/examples/cv_nurse.md";
    let cases: &[&[&str]] =
        &[&["compare", "--cv", "-", "-"], &["compare", "--cv", "-"], &["compare", "--cv", cv, "-", "--bio", "-"]];
    for args in cases {
        let out = skillgap_with_stdin(args, b"Registered nurse with ICU experience.\n");
        let err = assert_input_error(&out, &["standard input"]);
        assert!(!err.contains("empty"), "{args:?}: {err}");
    }
}

#[test]
fn encodings_are_named_or_decoded() {
    let dir = scratch_dir("encodings");
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.join(name);
        std::fs::write(&path, bytes).expect("write");
        path.display().to_string()
    };
    let utf16 = |text: &str| -> Vec<u8> { text.encode_utf16().flat_map(u16::to_le_bytes).collect() };
    // UTF-16 without a byte-order mark was "a binary file"; it is read.
    let plain16 = write("utf16.txt", &utf16("Skills: Python, SQL and Kubernetes\n"));
    let out = skillgap(&["extract", "--format", "json", &plain16]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"kubernetes\""));
    // ...and with a lone surrogate, the message says UTF-16.
    let broken16 =
        write("broken16.txt", &[utf16("Skills: Python, SQL"), vec![0x00, 0xD8], utf16(" and more")].concat());
    assert_input_error(&skillgap(&["extract", &broken16]), &[&broken16, "UTF-16", "lone surrogate"]);
    // UTF-32 with a byte-order mark was read as UTF-16 and scored 0 without a word; it is read as UTF-32.
    let mut utf32 = vec![0xFF, 0xFE, 0, 0];
    utf32.extend("Skills: Kubernetes\n".chars().flat_map(|c| u32::from(c).to_le_bytes()));
    let utf32 = write("utf32.txt", &utf32);
    let out = skillgap(&["extract", "--format", "json", &utf32]);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("\"kubernetes\""),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A JSON posting with a UTF-8 byte-order mark failed with "expected value at line 1 column 1".
    let json = write("posting.json", b"\xEF\xBB\xBF{\"title\":\"Nurse\",\"description\":\"Kubernetes and SQL\"}");
    let out = skillgap(&["extract", "--format", "json", &json]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"kubernetes\""));
    // A CV in Windows-1252 was refused; it is read, with a warning that names it.
    let cv = write("cv.txt", b"Caf\xe9 manager \x96 Skills: Kubernetes, SQL\n");
    let posting = write("posting.txt", b"We need Kubernetes and SQL.\n");
    let out = skillgap(&["compare", "--cv", &cv, &posting]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains(&format!("warning: {cv}: not UTF-8, so read as Windows-1252")), "{err}");
}

#[test]
fn layer_errors_blame_the_users_file_and_line() {
    let dir = scratch_dir("layers");
    let cycle = dir.join("cycle.csv");
    std::fs::write(&cycle, "id,name,family,kind,aliases,related,broader\nsql,,,,,,postgresql\n").expect("write");
    let cycle = cycle.display().to_string();
    let out = skillgap(&["--taxonomy", "builtin", "--taxonomy", &cycle, "taxonomy", "stats"]);
    let err = assert_input_error(&out, &[&format!("{cycle}:2:7: broader links form a cycle through `sql`")]);
    assert!(!err.contains("builtin:"), "{err}");
    let quote = dir.join("quote.csv");
    std::fs::write(
        &quote,
        "id,name,family,kind,aliases,related,broader\nacme,\"Acme,software,tool,,,\nb,B,general,soft,,,\n",
    )
    .expect("write");
    let quote = quote.display().to_string();
    let out = skillgap(&["--taxonomy", &quote, "taxonomy", "stats"]);
    let err = assert_input_error(&out, &[&format!("{quote}:2:2: a quote opened on line 2"), "not closed"]);
    assert!(!err.contains("commas"), "{err}");
    let out = skillgap(&["taxonomy", "check", &quote]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).contains("a quote opened on line 2"));
}

/// A text file of more than one block is read as a stream (never whole), and gives the same report as the same
/// bytes read whole from standard input; a byte that is not UTF-8 after the first block sends it back to the whole
/// reading, which decodes it as Windows-1252 with a warning.
#[test]
fn a_large_text_file_reads_as_the_same_text_read_whole() {
    let posting = "Data Engineer\n\nRequirements:\n- 3+ years of Python and SQL\n- Airflow, Dagster or Prefect\n\n\
                   Nice to have: Kubernetes (not required), Spark\n\nWe are a friendly team near the river.\n\n";
    let dir = scratch_dir("large_text");
    let mut text = posting.repeat(1_200_000 / posting.len()).into_bytes();
    let utf8 = dir.join("many.txt");
    std::fs::write(&utf8, &text).expect("write");
    let utf8 = utf8.display().to_string();
    for format in ["json", "csv"] {
        let streamed = skillgap(&["extract", &utf8, "--format", format]);
        let whole = skillgap_with_stdin(&["extract", "-", "--format", format], &text);
        assert!(streamed.status.success(), "{}", String::from_utf8_lossy(&streamed.stderr));
        assert!(
            String::from_utf8_lossy(&streamed.stdout).matches("Python").count() > 1000,
            "{format}: every block read"
        );
        assert_eq!(streamed.stdout, whole.stdout, "{format}");
    }
    // "Café" in Windows-1252, past the first block.
    text.extend_from_slice(b"Caf\xe9 culture and SQL\n");
    let latin = dir.join("many-1252.txt");
    std::fs::write(&latin, &text).expect("write");
    let latin = latin.display().to_string();
    let streamed = skillgap(&["extract", &latin, "--format", "json"]);
    let whole = skillgap_with_stdin(&["extract", "-", "--format", "json"], &text);
    assert!(String::from_utf8_lossy(&streamed.stderr).contains("Windows-1252"));
    assert_eq!(streamed.stdout, whole.stdout);
}
