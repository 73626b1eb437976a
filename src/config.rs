//! One function turns the command line into what the program runs: the taxonomy layers, how to match, how to
//! render, and the command's own options (after ripgrep's `hiargs.rs`).

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::{bail, Result};
use skillgap::{Month, PhraseMatching, TargetKind};

use crate::args::{Args, ColorWhen, Command, Format, FormatArg, ProfileCommand, TaxonomyCommand};
use crate::input::Inputs;
use crate::output::Destination;
use crate::render::Style;

/// Everything a run needs, decided from the arguments and the environment.
#[derive(Debug)]
pub struct Config {
    /// Taxonomy layers, in order (`builtin`, a CSV path, `esco:DIR`, `onet:FILE`).
    pub taxonomy: Vec<String>,
    /// How loosely taxonomy phrases match.
    pub phrases: PhraseMatching,
    /// The output format.
    pub format: Format,
    /// Terminal styling.
    pub style: Style,
    /// The command and its options.
    pub command: CommandConfig,
    /// The reader of every input, with its size limit (`--max-input-bytes`).
    pub inputs: Inputs,
    /// Where the report goes (`-o`); standard output for commands without the flag.
    pub output: Destination,
}

/// A command with its options.
#[derive(Debug)]
pub enum CommandConfig {
    /// `compare`.
    Compare(CompareConfig),
    /// `extract`.
    Extract(ExtractConfig),
    /// `taxonomy ...`.
    Taxonomy(TaxonomyCommand),
    /// `batch`.
    Batch(BatchConfig),
    /// `journal ...`.
    Journal(crate::journal::JournalArgs),
    /// `profile init|update`.
    Profile(ProfileConfig),
}

/// `profile`'s options.
#[derive(Debug)]
pub struct ProfileConfig {
    /// What to do.
    pub action: ProfileCommand,
    /// The date that ends roles running "to present".
    pub today: Month,
}

/// `batch`'s options.
#[derive(Debug)]
pub struct BatchConfig {
    /// The CV.
    pub cv: PathBuf,
    /// Posting files and folders, in the order given.
    pub paths: Vec<PathBuf>,
    /// How many postings the table shows; `None` shows all.
    pub top: Option<usize>,
    /// How many gaps each posting shows.
    pub gaps: usize,
    /// Postings scoring below this are left out of the table.
    pub min_score: u8,
    /// The CSV column holding the posting text, when the user names one.
    pub text_column: Option<String>,
    /// Read hidden files and folders inside folders.
    pub hidden: bool,
    /// Worker threads; `None`: one per core.
    pub jobs: Option<usize>,
    /// Today, for the CV's roles that run "to present".
    pub today: Month,
    /// The output format, JSON Lines included.
    pub format: FormatArg,
}

/// `compare`'s options.
#[derive(Debug)]
pub struct CompareConfig {
    /// The CV.
    pub cv: PathBuf,
    /// The targets, each with the kind the user gave it (`None`: read from its content), in the order: the
    /// positional targets, then `--bio` files, then `--posting` files. Empty reads standard input, as does `-`.
    pub targets: Vec<(PathBuf, Option<TargetKind>)>,
    /// Today, for roles that run "to present" (`SKILLGAP_TODAY=YYYY-MM-DD`, or the system clock).
    pub today: Month,
    /// How many gaps and suggestions text and Markdown show.
    pub top: usize,
    /// `--explain`: add the arithmetic behind the score.
    pub explain: bool,
}

/// `extract`'s options.
#[derive(Debug)]
pub struct ExtractConfig {
    /// The input; `None` reads standard input, as does `-`.
    pub file: Option<PathBuf>,
    /// Every line is its own document.
    pub lines: bool,
    /// The kind the user gave the text, if any.
    pub kind: Option<TargetKind>,
    /// Print the text read instead of the skills.
    pub show_text: bool,
}

/// What the configuration reads from the environment, gathered in one place so that tests can set it.
#[derive(Debug, Clone, Default)]
pub struct Environment {
    /// `NO_COLOR` is set to a non-empty value.
    pub no_color: bool,
    /// Standard output is a terminal.
    pub stdout_is_terminal: bool,
    /// The user's default taxonomy layer, if there is one (see [`default_user_layer`]).
    pub user_layer: Option<String>,
    /// `SKILLGAP_TODAY`, if set: the date that ends roles running "to present", for reproducible output.
    pub today: Option<String>,
}

impl Environment {
    /// The process's environment.
    pub fn current() -> Environment {
        Environment {
            no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
            stdout_is_terminal: std::io::stdout().is_terminal(),
            user_layer: default_user_layer(),
            today: std::env::var("SKILLGAP_TODAY").ok(),
        }
    }
}

impl Config {
    /// The configuration for `args` in this process's environment.
    pub fn from_args(args: Args) -> Result<Config> {
        Config::from_args_in(args, &Environment::current())
    }

    /// The configuration for `args` in `env`.
    pub fn from_args_in(args: Args, env: &Environment) -> Result<Config> {
        let phrases = phrase_matching(&args.taxonomy);
        let taxonomy = taxonomy_layers(args.taxonomy, env.user_layer.as_deref());
        let output = destination(&args.command);
        // A file named with -o is not the terminal, whatever standard output is.
        let to_terminal = env.stdout_is_terminal && output == Destination::Stdout;
        let style = Style { color: color_enabled(args.color, env.no_color, to_terminal) };
        let command = match args.command {
            Command::Compare { cv, targets, bio, posting, top, explain, output: _ } => {
                let targets: Vec<(PathBuf, Option<TargetKind>)> = targets
                    .into_iter()
                    .map(|t| (t, None))
                    .chain(bio.into_iter().map(|t| (t, Some(TargetKind::Bio))))
                    .chain(posting.into_iter().map(|t| (t, Some(TargetKind::Posting))))
                    .collect();
                check_stdin_once(&cv, &targets)?;
                let today = today(env.today.as_deref())?;
                CommandConfig::Compare(CompareConfig { cv, targets, today, top, explain })
            }
            Command::Extract { file, lines, kind, show_text, output: _ } => {
                CommandConfig::Extract(ExtractConfig { file, lines, kind: kind.map(TargetKind::from), show_text })
            }
            Command::Profile { action } => {
                CommandConfig::Profile(ProfileConfig { action, today: today(env.today.as_deref())? })
            }
            Command::Taxonomy { action } => CommandConfig::Taxonomy(action),
            Command::Journal(journal) => CommandConfig::Journal(journal),
            Command::Batch { cv, paths, top, gaps, min_score, text_column, hidden, jobs, output: _ } => {
                CommandConfig::Batch(BatchConfig {
                    cv,
                    paths,
                    top: (top > 0).then_some(top),
                    gaps,
                    min_score,
                    text_column,
                    hidden,
                    jobs: jobs.map(usize::from),
                    today: today(env.today.as_deref())?,
                    format: args.format,
                })
            }
        };
        let format = command_format(args.format, &command)?;
        Ok(Config {
            taxonomy,
            phrases,
            format,
            style,
            command,
            inputs: Inputs { max_bytes: args.max_input_bytes },
            output,
        })
    }
}

/// Where a command's report goes: `-o` on the commands that write a report or an export, else standard output.
/// (`profile init|update` write their own file, see `profile_cmd.rs`.)
fn destination(command: &Command) -> Destination {
    match command {
        Command::Compare { output, .. } | Command::Extract { output, .. } | Command::Batch { output, .. } => {
            output.destination()
        }
        Command::Taxonomy { action: TaxonomyCommand::Export { output } } => output.destination(),
        Command::Journal(journal) => match &journal.action {
            crate::journal::JournalCommand::Export { output } => output.destination(),
            _ => Destination::Stdout,
        },
        Command::Taxonomy { .. } | Command::Profile { .. } => Destination::Stdout,
    }
}

/// Standard input can be read once: as the CV (`--cv -`), as one target (`-`), or as the target when none is given.
fn check_stdin_once(cv: &std::path::Path, targets: &[(PathBuf, Option<TargetKind>)]) -> Result<()> {
    let cv_stdin = cv.as_os_str() == "-";
    let target_stdins = targets.iter().filter(|(t, _)| t.as_os_str() == "-").count();
    if cv_stdin && targets.is_empty() {
        bail!("`--cv -` reads the CV from standard input, so give the targets as files: with no TARGET, standard input would be read twice");
    }
    if usize::from(cv_stdin) + target_stdins > 1 {
        bail!("`-` (standard input) can be given only once: it cannot be both the CV and a target, or two targets; save one of them to a file");
    }
    Ok(())
}

/// The format a command other than `batch` writes: JSON Lines is `extract --lines --format json`, and no other
/// command streams records. (`batch` reads its format from [`BatchConfig::format`].)
fn command_format(format: FormatArg, command: &CommandConfig) -> Result<Format> {
    Ok(match format {
        FormatArg::Text => Format::Text,
        FormatArg::Json => Format::Json,
        FormatArg::Csv => Format::Csv,
        FormatArg::Md => Format::Md,
        FormatArg::Jsonl => match command {
            CommandConfig::Batch(_) | CommandConfig::Extract(ExtractConfig { lines: true, .. }) => Format::Json,
            _ => bail!("--format jsonl streams one record per line; it is for `batch` and `extract --lines`. Use --format json here"),
        },
    })
}

/// Today's month: `SKILLGAP_TODAY` (`YYYY-MM-DD` or `YYYY-MM`) when set, else the system clock (UTC).
fn today(fixed: Option<&str>) -> Result<Month> {
    if let Some(fixed) = fixed {
        return Month::parse_iso(fixed).ok_or_else(|| {
            anyhow::anyhow!("SKILLGAP_TODAY={fixed:?} is not a date; write it as YYYY-MM-DD, e.g. 2026-12-07")
        });
    }
    let seconds = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    Ok(month_of_unix_day((seconds / 86_400) as i64))
}

/// The month holding a day counted from 1970-01-01 (Howard Hinnant's civil-from-days algorithm).
fn month_of_unix_day(days: i64) -> Month {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Month::new(year as u32, month as u32).unwrap_or_default()
}

/// Whether to colour output. An explicit `--color always` or `--color never` wins; `auto` colours a terminal
/// unless `NO_COLOR` is set. (`NO_COLOR` asks programs not to colour by default; a flag given on the command
/// line is the user asking for this run, as in ripgrep and most tools that honour `NO_COLOR`.)
pub fn color_enabled(when: ColorWhen, no_color: bool, stdout_is_terminal: bool) -> bool {
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => stdout_is_terminal && !no_color,
    }
}

/// The layers named by `--taxonomy`, in order; with none, `builtin` and the user's default layer, if any.
fn taxonomy_layers(specs: Vec<String>, user_layer: Option<&str>) -> Vec<String> {
    if !specs.is_empty() {
        return specs;
    }
    std::iter::once("builtin".to_owned()).chain(user_layer.map(str::to_owned)).collect()
}

/// Loose phrase matching is for taxonomies whose labels are phrases (ESCO); the built-in one is written as
/// names and aliases and matches them exactly.
fn phrase_matching(specs: &[String]) -> PhraseMatching {
    if specs.iter().any(|s| s.starts_with("esco:")) {
        PhraseMatching::Loose
    } else {
        PhraseMatching::Off
    }
}

/// The user's default taxonomy layer: `$SKILLGAP_TAXONOMY`, else `skillgap/taxonomy.csv` in the config folder
/// (`$XDG_CONFIG_HOME`, or `~/.config`), when it exists. `--taxonomy` on the command line replaces it.
fn default_user_layer() -> Option<String> {
    if let Some(path) = std::env::var_os("SKILLGAP_TAXONOMY").filter(|v| !v.is_empty()) {
        return Some(path.to_string_lossy().into_owned());
    }
    let config = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    let path = config.join("skillgap").join("taxonomy.csv");
    path.is_file().then(|| path.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[test]
    fn colour_decision() {
        // (when, NO_COLOR set, stdout a terminal, colour)
        const CASES: &[(ColorWhen, bool, bool, bool)] = &[
            (ColorWhen::Auto, false, true, true),
            (ColorWhen::Auto, true, true, false),
            (ColorWhen::Auto, false, false, false),
            (ColorWhen::Auto, true, false, false),
            (ColorWhen::Always, true, false, true),
            (ColorWhen::Always, false, false, true),
            (ColorWhen::Never, false, true, false),
            (ColorWhen::Never, true, true, false),
        ];
        for &(when, no_color, terminal, expected) in CASES {
            assert_eq!(
                color_enabled(when, no_color, terminal),
                expected,
                "{when:?} NO_COLOR={no_color} tty={terminal}"
            );
        }
    }

    #[test]
    fn days_to_months() {
        // (days since 1970-01-01, year, month)
        const CASES: &[(i64, u32, u32)] = &[
            (0, 1970, 1),
            (31, 1970, 2),
            (11_016, 2000, 2),
            (11_017, 2000, 3),
            (20_794, 2026, 12),
            (20_818, 2026, 12),
        ];
        for &(days, year, month) in CASES {
            assert_eq!(month_of_unix_day(days), Month::new(year, month).unwrap(), "day {days}");
        }
        assert_eq!(today(Some("2026-12-07")).unwrap(), Month::new(2026, 12).unwrap());
        assert!(today(Some("next week")).is_err());
    }

    #[test]
    fn target_kinds_from_flags() {
        let env = Environment { today: Some("2026-12-07".into()), ..Environment::default() };
        let c =
            config(&["skillgap", "compare", "--cv", "cv.md", "p.txt", "--bio", "b.txt", "--posting", "q.txt"], &env)
                .unwrap();
        let CommandConfig::Compare(compare) = c.command else { panic!("compare") };
        let kinds: Vec<(&str, Option<TargetKind>)> =
            compare.targets.iter().map(|(p, k)| (p.to_str().unwrap(), *k)).collect();
        assert_eq!(kinds, [("p.txt", None), ("b.txt", Some(TargetKind::Bio)), ("q.txt", Some(TargetKind::Posting))]);
    }

    fn config(argv: &[&str], env: &Environment) -> Result<Config> {
        Config::from_args_in(Args::try_parse_from(argv)?, env)
    }

    #[test]
    fn taxonomy_layers_and_phrase_matching() {
        let env = Environment { user_layer: Some("mine.csv".into()), ..Environment::default() };
        // (argv, layers, phrase matching)
        let cases: &[(&[&str], &[&str], PhraseMatching)] = &[
            (&["skillgap", "extract"], &["builtin", "mine.csv"], PhraseMatching::Off),
            (&["skillgap", "extract", "--taxonomy", "builtin"], &["builtin"], PhraseMatching::Off),
            (&["skillgap", "extract", "--taxonomy", "esco:dl"], &["esco:dl"], PhraseMatching::Loose),
        ];
        for (argv, layers, phrases) in cases {
            let c = config(argv, &env).expect("config");
            assert_eq!(c.taxonomy, *layers, "{argv:?}");
            assert_eq!(c.phrases, *phrases, "{argv:?}");
        }
    }

    #[test]
    fn commands_and_their_options() {
        let env = Environment { stdout_is_terminal: true, ..Environment::default() };
        let c = config(&["skillgap", "compare", "--cv", "cv.md", "a.txt", "--top", "3"], &env).expect("config");
        assert!(c.style.color, "a terminal with NO_COLOR unset");
        let CommandConfig::Compare(compare) = c.command else { panic!("compare expected") };
        assert_eq!((compare.cv, compare.targets, compare.top), ("cv.md".into(), vec![("a.txt".into(), None)], 3));
        let err = config(&["skillgap", "compare", "--cv", "cv.md", "-", "-"], &env).expect_err("two stdins");
        assert!(err.to_string().contains("only once"));
        let c = config(&["skillgap", "extract", "--lines", "--format", "json"], &env).expect("config");
        assert_eq!(c.format, Format::Json);
        assert!(matches!(c.command, CommandConfig::Extract(ExtractConfig { file: None, lines: true, kind: None, .. })));
        let c = config(&["skillgap", "extract", "--lines", "--format", "jsonl"], &env).expect("config");
        assert_eq!(c.format, Format::Json);
        let err = config(&["skillgap", "compare", "--cv", "cv.md", "--format", "jsonl"], &env).expect_err("no jsonl");
        assert!(err.to_string().contains("for `batch` and `extract --lines`"), "{err}");
        let c =
            config(&["skillgap", "batch", "--cv", "cv.md", "postings", "--top", "0", "-j", "2"], &env).expect("config");
        let CommandConfig::Batch(batch) = c.command else { panic!("batch expected") };
        assert_eq!((batch.top, batch.gaps, batch.jobs, batch.min_score), (None, 3, Some(2), 0));
        assert!(config(&["skillgap", "batch", "--cv", "cv.md", "p", "--min-score", "101"], &env).is_err());
        assert!(config(&["skillgap", "batch", "--cv", "cv.md"], &env).is_err(), "a PATH is required");
    }
}
