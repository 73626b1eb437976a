//! Command-line arguments.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Find the skills a hired candidate or a job posting shows that your CV does not, ranked by importance, with
/// honest CV suggestions.
#[derive(Debug, Parser)]
#[command(name = "skillgap", version, about, long_about = None, propagate_version = true)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,

    /// Output format.
    #[arg(long, global = true, value_enum, default_value_t = FormatArg::Text)]
    pub format: FormatArg,

    /// Taxonomy layers, applied in order: `builtin` or a CSV path. Repeatable. Default: builtin.
    #[arg(long = "taxonomy", global = true, value_name = "SPEC")]
    pub taxonomy: Vec<String>,

    /// When to use colour. `auto` colours a terminal unless NO_COLOR is set; `always` and `never` win over
    /// NO_COLOR.
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,

    /// The largest input read, in bytes: each file, standard input, and each taxonomy layer.
    #[arg(long, global = true, default_value_t = DEFAULT_MAX_INPUT_BYTES, value_name = "BYTES")]
    pub max_input_bytes: u64,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compare your CV with hired candidates' bios or job postings.
    ///
    /// Several targets are aggregated: a gap that more of them share ranks higher. With no TARGET, or `-`,
    /// the target is read from standard input.
    Compare {
        /// Your CV (.txt, .md, .html, .json, .pdf, .docx, .odt), or a profile file (.toml, see `profile init`).
        #[arg(long, value_name = "FILE")]
        cv: PathBuf,
        /// Bios or postings to compare with; `-` reads standard input. Each is read as a posting or a bio by its
        /// content; --bio and --posting say which.
        #[arg(value_name = "TARGET")]
        targets: Vec<PathBuf>,
        /// A hired person's bio or profile (repeatable): read as a bio, whatever its content suggests.
        #[arg(long, value_name = "FILE")]
        bio: Vec<PathBuf>,
        /// A job posting (repeatable): read as a posting, whatever its content suggests.
        #[arg(long, value_name = "FILE")]
        posting: Vec<PathBuf>,
        /// How many gaps to show in text and Markdown output (all are in JSON and CSV).
        #[arg(long, default_value_t = 10)]
        top: usize,
        /// Print the arithmetic behind the score: per skill its weight, credit and running sum, each target's
        /// score, and the cap when a required skill is missing.
        #[arg(long)]
        explain: bool,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Show which skills a text names, where, and how they matched.
    Extract {
        /// The file to read; `-` or nothing reads standard input.
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        /// Treat every input line as its own document (JSON Lines with --format json).
        #[arg(long)]
        lines: bool,
        /// Read the text as a posting or a bio instead of guessing from its content.
        #[arg(long, value_enum, value_name = "KIND")]
        kind: Option<KindArg>,
        /// Print the text that was read (for a PDF or Word file, the extracted text that offsets index) instead of
        /// the skills.
        #[arg(long, conflicts_with = "lines")]
        show_text: bool,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Write what your CV was read as to an editable profile file, which `--cv` then accepts in place of the CV.
    Profile {
        #[command(subcommand)]
        action: ProfileCommand,
    },
    /// Score your CV against a folder of saved job postings, rank them by fit, and find the skills that would lift
    /// the most of them.
    ///
    /// Reads .txt, .md, .html, .pdf, .docx, .odt, .json (one posting, a list, or schema.org JobPosting), .jsonl (one
    /// posting per line) and job boards' .csv exports (one posting per row). Folders are walked recursively; other files are
    /// skipped and counted. Exit code 1 when some inputs failed, 2 when all did.
    Batch {
        /// Your CV (.txt, .md, .html, .json, .pdf, .docx, .odt), or a profile file (.toml, see `profile init`).
        #[arg(long, value_name = "FILE")]
        cv: PathBuf,
        /// Posting files and folders.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// How many postings the ranked table shows (0: all of them).
        #[arg(long, default_value_t = 20, value_name = "N")]
        top: usize,
        /// How many gaps each posting shows.
        #[arg(long, default_value_t = 3, value_name = "K")]
        gaps: usize,
        /// Leave postings scoring below this out of the table (the aggregate still counts them).
        #[arg(long, default_value_t = 0, value_name = "SCORE", value_parser = clap::value_parser!(u8).range(0..=100))]
        min_score: u8,
        /// The CSV column holding the posting text (default: description, text or body).
        #[arg(long, value_name = "COLUMN")]
        text_column: Option<String>,
        /// Also read hidden files and folders (names starting with a dot) inside folders.
        #[arg(long)]
        hidden: bool,
        /// Worker threads (default: one per core). The output is the same whatever the number.
        #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        jobs: Option<u16>,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Keep a journal of applications, rejections, the hired people's bios and the feedback, and find what keeps
    /// coming up. One SQLite file; nothing is ever sent.
    Journal(crate::journal::JournalArgs),
    /// Look up, inspect, count, lint and export the taxonomy.
    Taxonomy {
        #[command(subcommand)]
        action: TaxonomyCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// Read a CV and write its skills, years, credentials and languages as an editable TOML file.
    Init {
        /// Your CV (.txt, .md, .html, .pdf, .docx, .odt).
        #[arg(long, value_name = "FILE")]
        cv: PathBuf,
        /// The profile file to write (standard output when not given).
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Read a new version of your CV into an existing profile file, keeping your edits (removed readings stay
    /// removed, years and strengths you set stay, skills you added stay).
    Update {
        /// The new CV.
        #[arg(long, value_name = "FILE")]
        cv: PathBuf,
        /// The profile file to update (rewritten in place unless -o is given).
        #[arg(value_name = "PROFILE")]
        profile: PathBuf,
        /// Write the updated profile here instead of over PROFILE.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the -o file if it exists.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum TaxonomyCommand {
    /// Find the skill a term names: exact, alias, or "did you mean".
    Lookup {
        /// Terms to look up ("k8s", "kubernets", "Postgres").
        #[arg(required = true, value_name = "TERM")]
        terms: Vec<String>,
    },
    /// Show one skill: aliases, category, related and broader skills, and the layer it came from.
    Show {
        /// The skill id (see `taxonomy lookup`).
        id: String,
    },
    /// Count skills and aliases by job family and kind.
    Stats,
    /// Lint a user taxonomy file against the loaded taxonomy; problems are reported as file:line.
    Check {
        /// The CSV file to check.
        file: PathBuf,
    },
    /// Write the merged taxonomy (CSV by default, or --format json).
    Export {
        #[command(flatten)]
        output: OutputArgs,
    },
}

/// `-o FILE` and `--force`, for the commands that write a report or an export.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct OutputArgs {
    /// Write to FILE instead of standard output (`-` is standard output). The file appears only when complete,
    /// through a temporary file beside it and a rename.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the -o file if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
}

impl OutputArgs {
    /// Where the output goes.
    pub fn destination(&self) -> crate::output::Destination {
        crate::output::Destination::from_flags(self.output.as_deref(), self.force)
    }
}

/// What a target is, when the user says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// A job posting.
    Posting,
    /// A person's bio or profile.
    Bio,
}

impl From<KindArg> for skillgap::TargetKind {
    fn from(kind: KindArg) -> skillgap::TargetKind {
        match kind {
            KindArg::Posting => skillgap::TargetKind::Posting,
            KindArg::Bio => skillgap::TargetKind::Bio,
        }
    }
}

/// The largest input read by default: 50 MB, far above any posting or CV, and a bound on what one file can cost.
pub const DEFAULT_MAX_INPUT_BYTES: u64 = 50 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Readable text for a terminal.
    Text,
    /// JSON (JSON Lines with `extract --lines`).
    Json,
    /// CSV with a header row.
    Csv,
    /// Markdown.
    Md,
}

/// The `--format` flag: the formats every command writes, and JSON Lines for the commands that stream records.
/// Commands other than `batch` take a [`Format`] (see `config.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Readable text for a terminal.
    Text,
    /// JSON (JSON Lines with `extract --lines`).
    Json,
    /// CSV with a header row.
    Csv,
    /// Markdown.
    Md,
    /// JSON Lines, one record per line as it is produced (`batch`, and `extract --lines`).
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// Colour when writing to a terminal and NO_COLOR is unset (or empty).
    Auto,
    /// Always colour, even with NO_COLOR set: the flag is the user asking for this run.
    Always,
    /// Never colour.
    Never,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn args_are_consistent() {
        Args::command().debug_assert();
    }
}
