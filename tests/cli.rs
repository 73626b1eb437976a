//! CLI tests: the real `skillgap` binary on the examples in `data/examples/`, snapshotted in every format, plus
//! the contract (JSON shapes, exit codes, broken pipes, colour).

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// The date that ends roles running "to present" in every run: the examples were written in mid-2025.
const TODAY: &str = "2025-06-15";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn skillgap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_skillgap"))
        .env("SKILLGAP_TODAY", TODAY)
        .args(args)
        .current_dir(root())
        .env_remove("NO_COLOR")
        .env_remove("SKILLGAP_TAXONOMY")
        .stdin(Stdio::null())
        .output()
        .expect("run skillgap")
}

fn stdout(args: &[&str]) -> String {
    let out = skillgap(args);
    assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8 output")
}

const FORMATS: &[&str] = &["text", "json", "csv", "md"];

/// (snapshot name, CV, targets)
const COMPARISONS: &[(&str, &str, &[&str])] = &[
    ("data_engineer_posting", "cv_data_engineer.md", &["posting_data_engineer.md"]),
    (
        "data_engineer_two_bios",
        "cv_data_engineer.md",
        &["bio_hired_data_engineer.txt", "bio_hired_data_engineer_2.txt"],
    ),
    ("analytics_engineer_html", "cv_data_engineer.md", &["posting_analytics_engineer.html"]),
    ("marketing_bio", "cv_marketing_manager.md", &["bio_hired_marketing_manager.txt"]),
    ("marketing_json_posting", "cv_marketing_manager.md", &["posting_marketing_manager.json"]),
    ("nurse", "cv_nurse.md", &["posting_nurse.txt"]),
    ("accountant", "cv_accountant.md", &["posting_accountant.txt"]),
    ("sales_rep", "cv_sales_rep.md", &["posting_sales_rep.txt"]),
];

fn example(name: &str) -> String {
    format!("data/examples/{name}")
}

#[test]
fn compare_snapshots() {
    for (name, cv, targets) in COMPARISONS {
        for format in FORMATS {
            let cv = example(cv);
            let targets: Vec<String> = targets.iter().map(|t| example(t)).collect();
            let mut args = vec!["compare", "--format", format, "--cv", cv.as_str()];
            args.extend(targets.iter().map(String::as_str));
            insta::assert_snapshot!(format!("compare_{name}_{format}"), stdout(&args));
        }
    }
}

#[test]
fn extract_snapshots() {
    insta::glob!("../data/examples", "*.*", |path| {
        let file = path.strip_prefix(root()).unwrap_or(path).to_string_lossy().replace('\\', "/");
        for format in FORMATS {
            let name = format!("extract_{}_{format}", path.file_stem().and_then(|s| s.to_str()).unwrap_or("x"));
            insta::assert_snapshot!(name, stdout(&["extract", "--format", format, &file]));
        }
    });
}

#[test]
fn extract_json_follows_the_contract() {
    for name in ["posting_data_engineer.md", "posting_analytics_engineer.html", "cv_nurse.md"] {
        let path = example(name);
        let input = std::fs::read_to_string(root().join(&path)).expect("example");
        let json: serde_json::Value =
            serde_json::from_str(&stdout(&["extract", "--format", "json", &path])).expect("json");
        let skills = json["skills"].as_array().expect("skills array");
        assert!(!skills.is_empty(), "{name}");
        for skill in skills {
            for key in ["id", "name", "category"] {
                assert!(skill[key].is_string(), "{name}: {key}");
            }
            for m in skill["mentions"].as_array().expect("mentions") {
                let (start, end) =
                    (m["start"].as_u64().expect("start") as usize, m["end"].as_u64().expect("end") as usize);
                assert_eq!(&input[start..end], m["text"].as_str().expect("text"), "{name}");
                assert!(["exact", "alias", "fuzzy"].contains(&m["match"].as_str().expect("match")));
            }
        }
    }
}

#[test]
fn extract_lines_writes_json_lines_with_line_numbers() {
    let path = example("posting_data_engineer.md");
    let input = std::fs::read_to_string(root().join(&path)).expect("example");
    let out = stdout(&["extract", "--lines", "--format", "json", &path]);
    let lines: Vec<&str> = input.lines().collect();
    let mut seen = 0;
    for (i, row) in out.lines().enumerate() {
        let v: serde_json::Value = serde_json::from_str(row).expect("one JSON object per line");
        assert_eq!(v["line"].as_u64(), Some(i as u64 + 1));
        for skill in v["skills"].as_array().expect("skills") {
            for m in skill["mentions"].as_array().expect("mentions") {
                let (s, e) = (m["start"].as_u64().unwrap_or(0) as usize, m["end"].as_u64().unwrap_or(0) as usize);
                assert_eq!(&lines[i][s..e], m["text"].as_str().unwrap_or_default());
                seen += 1;
            }
        }
    }
    assert_eq!(out.lines().count(), lines.len());
    assert!(seen > 10);
}

#[test]
fn stdin_is_a_target() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_skillgap"))
        .env("SKILLGAP_TODAY", TODAY)
        .args(["compare", "--format", "json", "--cv", "data/examples/cv_data_engineer.md", "-"])
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    child.stdin.take().expect("stdin").write_all(b"We need Terraform and Python.").expect("write");
    let out = child.wait_with_output().expect("wait");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["targets"][0], "stdin");
    assert!(v["missing"].as_array().expect("missing").iter().any(|m| m["id"] == "terraform"));
}

#[test]
fn bad_input_exits_2_with_a_clear_message() {
    let dir = std::env::temp_dir().join(format!("skillgap-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let cases: &[(&str, &[u8], &str)] = &[
        ("empty.txt", b"", "is empty"),
        ("binary.txt", b"\x00\x01\x02PK", "binary"),
        // Latin-1 and Windows-1252 are read (with a warning, see tests/bad_input.rs); a byte neither defines is not.
        ("latin1.txt", b"caf\x81 and Python", "not valid UTF-8"),
        ("doc.pdf", b"%PDF-1.4 stuff", "PDF"),
    ];
    for (name, bytes, message) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).expect("write");
        let out = skillgap(&["compare", "--cv", "data/examples/cv_nurse.md", path.to_str().expect("path")]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {err}");
        assert!(err.contains(message) && err.contains(name), "{name}: {err}");
    }
    let out = skillgap(&["compare", "--cv", "no/such/cv.md", "data/examples/posting_nurse.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/cv.md"));
    let out = skillgap(&["compare"]);
    assert_eq!(out.status.code(), Some(2), "usage errors exit 2");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn broken_pipe_exits_0() {
    let big: String = "Python, SQL, Kubernetes and Terraform on AWS.\n".repeat(20_000);
    let mut child = Command::new(env!("CARGO_BIN_EXE_skillgap"))
        .env("SKILLGAP_TODAY", TODAY)
        .args(["extract", "--lines", "--format", "json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(big.as_bytes());
    });
    let mut first = [0u8; 16];
    child.stdout.take().expect("stdout").read_exact(&mut first).expect("some output");
    // Dropping stdout closes the pipe while the program is still writing.
    let out = child.wait_with_output().expect("wait");
    let _ = writer.join();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn color_follows_the_flag_and_no_color() {
    let args = ["compare", "--cv", "data/examples/cv_nurse.md", "data/examples/posting_nurse.txt"];
    assert!(!stdout(&args).contains('\x1b'), "no colour when piped");
    let mut always = args.to_vec();
    always.extend(["--color", "always"]);
    assert!(stdout(&always).contains('\x1b'));
    let out = Command::new(env!("CARGO_BIN_EXE_skillgap"))
        .env("SKILLGAP_TODAY", TODAY)
        .args(args)
        .args(["--color", "never"])
        .current_dir(root())
        .env("NO_COLOR", "1")
        .output()
        .expect("run");
    assert!(!String::from_utf8_lossy(&out.stdout).contains('\x1b'));
    // An explicit `--color always` beats NO_COLOR: the flag is the user asking for this run.
    let out = Command::new(env!("CARGO_BIN_EXE_skillgap"))
        .env("SKILLGAP_TODAY", TODAY)
        .args(args)
        .args(["--color", "always"])
        .current_dir(root())
        .env("NO_COLOR", "1")
        .output()
        .expect("run");
    assert!(String::from_utf8_lossy(&out.stdout).contains('\x1b'));
}

/// Runs `skillgap ARGS` on a pseudo-terminal (through util-linux `script`), with NO_COLOR as given, and returns
/// what the terminal showed; `None` when `script` is not installed.
fn on_a_terminal(args: &str, no_color: Option<&str>) -> Option<String> {
    let probe = Command::new("script").arg("--version").output();
    if !probe.is_ok_and(|o| o.status.success()) {
        return None;
    }
    let command = format!("'{}' {args}", env!("CARGO_BIN_EXE_skillgap"));
    let mut script = Command::new("script");
    script.args(["-q", "-e", "-c", &command, "/dev/null"]).current_dir(root()).env_remove("NO_COLOR");
    if let Some(value) = no_color {
        script.env("NO_COLOR", value);
    }
    let out = script.stdin(Stdio::null()).output().expect("run script");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn no_color_alone_turns_colour_off_on_a_terminal() {
    // Regression: the NO_COLOR test also passed `--color never`, so NO_COLOR on its own was never tested. On a
    // terminal, `--color auto` colours unless NO_COLOR is set (to anything but the empty string).
    let args = "compare --cv data/examples/cv_nurse.md data/examples/posting_nurse.txt";
    let Some(coloured) = on_a_terminal(args, None) else {
        eprintln!("skipped: util-linux `script` is not installed (colour_enabled's unit test still runs)");
        return;
    };
    assert!(coloured.contains('\x1b'), "a terminal is coloured by default: {coloured}");
    let plain = on_a_terminal(args, Some("1")).unwrap_or_default();
    assert!(plain.contains("Match score") && !plain.contains('\x1b'), "NO_COLOR=1: {plain}");
    let empty = on_a_terminal(args, Some("")).unwrap_or_default();
    assert!(empty.contains('\x1b'), "an empty NO_COLOR counts as unset");
    let forced = on_a_terminal(&format!("{args} --color always"), Some("1")).unwrap_or_default();
    assert!(forced.contains('\x1b'), "--color always beats NO_COLOR");
}

#[test]
fn json_weights_name_every_credit() {
    // Regression: `weights` left out the in-progress credit, so a half-credit certification's points could not
    // be explained from the JSON alone.
    let out = stdout(&[
        "compare",
        "--format",
        "json",
        "--cv",
        "data/examples/cv_nurse.md",
        "data/examples/posting_nurse.txt",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let weights = &v["weights"];
    assert_eq!(weights["in_progress_credit_percent"], skillgap::IN_PROGRESS_CREDIT_PERCENT);
    assert_eq!(weights["related_credit_percent"], skillgap::RELATED_CREDIT_PERCENT);
    assert_eq!(weights["required"], skillgap::REQUIRED_WEIGHT);
}

#[test]
fn output_is_deterministic() {
    let args = [
        "compare",
        "--format",
        "json",
        "--cv",
        "data/examples/cv_data_engineer.md",
        "data/examples/bio_hired_data_engineer.txt",
        "data/examples/posting_data_engineer.md",
    ];
    assert_eq!(stdout(&args), stdout(&args));
}

#[test]
fn a_user_layer_adds_an_alias_and_disables_one() {
    let dir = std::env::temp_dir().join(format!("skillgap-layer-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let layer = dir.join("mine.csv");
    std::fs::write(
        &layer,
        "id,name,family,kind,aliases,related,broader\nkubernetes,,,,Kube8;Kubey,,\nleadership,,,,!Lead,,\nacme-deploy,Acme Deploy,software,tool,acmedeploy,kubernetes,\n",
    )
    .expect("write layer");
    let layer = layer.to_str().expect("utf-8 path");
    let text = "Skills: Kubey, Lead, Acme Deploy";
    let dir_text = dir.join("cv.txt");
    std::fs::write(&dir_text, text).expect("write text");
    let found = |args: &[&str]| -> Vec<String> {
        let out = stdout(args);
        let v: serde_json::Value = serde_json::from_str(&out).expect("json");
        v["skills"]
            .as_array()
            .expect("skills")
            .iter()
            .map(|s| s["id"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    let file = dir_text.to_str().expect("utf-8 path");
    assert_eq!(found(&["extract", "--format", "json", file]), ["leadership"]);
    let layered = found(&["extract", "--format", "json", "--taxonomy", "builtin", "--taxonomy", layer, file]);
    assert_eq!(layered, ["kubernetes", "acme-deploy"]);
    // The default user file is picked up, and --taxonomy replaces it.
    let with_default = Command::new(env!("CARGO_BIN_EXE_skillgap"))
        .env("SKILLGAP_TODAY", TODAY)
        .args(["extract", "--format", "json", file])
        .env("SKILLGAP_TAXONOMY", layer)
        .output()
        .expect("run");
    assert!(String::from_utf8_lossy(&with_default.stdout).contains("acme-deploy"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn taxonomy_commands() {
    let lookup = stdout(&["taxonomy", "lookup", "--format", "json", "k8s", "kubernets", "Postgre SQL", "zzzzqqq"]);
    let rows: Vec<serde_json::Value> = lookup.lines().map(|l| serde_json::from_str(l).expect("json line")).collect();
    assert_eq!(rows[0]["match"]["id"], "kubernetes");
    assert_eq!(rows[0]["match"]["kind"], "alias");
    assert_eq!(rows[1]["match"]["id"], "kubernetes");
    assert_eq!(rows[1]["match"]["kind"], "fuzzy");
    assert_eq!(rows[2]["match"]["id"], "postgresql");
    assert!(rows[3]["match"].is_null());
    let show = stdout(&["taxonomy", "show", "postgresql"]);
    assert!(show.contains("PostgreSQL") && show.contains("broader:") && show.contains("builtin:data"), "{show}");
    let stats = stdout(&["taxonomy", "stats", "--format", "json"]);
    let stats: serde_json::Value = serde_json::from_str(&stats).expect("json");
    assert!(stats["skills"].as_u64().unwrap_or(0) >= 3000);
    let export = stdout(&["taxonomy", "export"]);
    assert!(export.starts_with("id,name,family,kind,aliases,related,broader\n"));
    assert!(export.lines().count() > 3000);
    // check: a clean file passes, a broken one exits 2 with file:line.
    let dir = std::env::temp_dir().join(format!("skillgap-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let bad = dir.join("bad.csv");
    std::fs::write(&bad, "id,name,family,kind,aliases,related,broader\nacme,Acme,software,tool,k8s,kubernets,\n")
        .expect("write");
    let out = skillgap(&["taxonomy", "check", bad.to_str().expect("path")]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(
        text.contains("bad.csv:2: error: unknown id `kubernets`") && text.contains("did you mean `kubernetes`"),
        "{text}"
    );
    assert!(text.contains("already means `kubernetes`"), "{text}");
    let semicolons = dir.join("semi.csv");
    std::fs::write(&semicolons, "id;name;family;kind;aliases;related;broader\n").expect("write");
    let out = skillgap(&["extract", "--taxonomy", semicolons.to_str().expect("path"), "-"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("semi.csv:1"), "{}", String::from_utf8_lossy(&out.stderr));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn html_entities_and_lines_mode() {
    let dir = std::env::temp_dir().join(format!("skillgap-html-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    // Regression (review): an entity window cut inside "é" panicked; a span ending in an entity was cut short.
    let page = dir.join("page.html");
    std::fs::write(&page, "<ul><li>C&#43;&#43; and Python &aaaaaaaaaa\u{e9}</li></ul>").expect("write");
    let page = page.to_str().expect("path");
    let json: serde_json::Value = serde_json::from_str(&stdout(&["extract", "--format", "json", page])).expect("json");
    let html = std::fs::read_to_string(page).expect("read");
    let texts: Vec<&str> = json["skills"]
        .as_array()
        .expect("skills")
        .iter()
        .flat_map(|s| s["mentions"].as_array().expect("mentions"))
        .map(|m| {
            let (s, e) = (m["start"].as_u64().unwrap_or(0) as usize, m["end"].as_u64().unwrap_or(0) as usize);
            assert_eq!(&html[s..e], m["text"].as_str().unwrap_or_default());
            m["text"].as_str().unwrap_or_default()
        })
        .collect();
    assert_eq!(texts, ["C&#43;&#43;", "Python"]);
    let out = skillgap(&["extract", "--lines", page]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--lines reads plain text"));
    let _ = std::fs::remove_dir_all(&dir);
}
