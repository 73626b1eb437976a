//! `skillgap journal`: a record of applications, kept in one SQLite file, that finds what keeps coming up across
//! rejections. The logic is the library's (`skillgap::recurring_gaps` and the rest); this module reads files,
//! keeps the store (`store.rs`), runs the commands (`cmd.rs`), renders (`render.rs`) and exports (`export.rs`).

mod cmd;
mod export;
mod render;
mod store;

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

pub use cmd::run;

/// `skillgap journal`'s arguments.
#[derive(Debug, Args)]
pub struct JournalArgs {
    /// The journal file. Default: $SKILLGAP_JOURNAL, else skillgap/journal.sqlite3 in the data folder
    /// ($XDG_DATA_HOME, or ~/.local/share).
    #[arg(long, global = true, value_name = "FILE")]
    pub journal: Option<PathBuf>,
    #[command(subcommand)]
    pub action: JournalCommand,
}

/// The journal's commands.
#[derive(Debug, Subcommand)]
pub enum JournalCommand {
    /// Record an application, with the posting and the hired people's bios themselves, and the comparison against
    /// your CV at that time. Prints the new entry's id.
    Add(AddArgs),
    /// Add a note to an entry: feedback from the hiring manager (TEXT, or `-` or nothing for standard input).
    Note {
        /// The entry's id.
        id: i64,
        /// The note; `-` or nothing reads standard input.
        text: Option<String>,
    },
    /// Record a question you did not expect, with the answer you prepare.
    Question {
        /// The entry's id.
        id: i64,
        /// The question.
        question: String,
        /// The answer you prepared (add or change it later with `journal answer`).
        #[arg(long, value_name = "TEXT")]
        answer: Option<String>,
    },
    /// Answer a question recorded earlier (QID from `journal show` or `journal report`).
    Answer {
        /// The question's id.
        qid: i64,
        /// The answer; `-` reads standard input.
        answer: String,
    },
    /// Set where an application stands.
    Outcome {
        /// The entry's id.
        id: i64,
        /// The outcome.
        #[arg(value_enum)]
        outcome: OutcomeArg,
    },
    /// Add a hired person's bio to an entry, and compare again.
    Bio {
        /// The entry's id.
        id: i64,
        /// The bio (.txt, .md, .html, .json); `-` reads standard input.
        file: PathBuf,
    },
    /// List the entries.
    List,
    /// Show one entry: its texts, comparison, notes and questions.
    Show {
        /// The entry's id.
        id: i64,
    },
    /// What keeps coming up across rejections, what your current CV has closed since, the questions still open,
    /// and what the notes say.
    Report {
        /// Your current CV (default: the latest one stored).
        #[arg(long, value_name = "FILE")]
        cv: Option<PathBuf>,
        /// Only entries dated on or after this day (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
        /// How many recurring gaps and themes text and Markdown show (all are in JSON).
        #[arg(long, default_value_t = 10)]
        top: usize,
    },
    /// Draft a short, polite email thanking the interviewer and asking for feedback. Nothing is sent.
    Followup {
        /// The entry's id.
        id: i64,
    },
    /// Write the whole journal as data (--format json, the default, or csv); `journal import` reads it back.
    Export {
        #[command(flatten)]
        output: crate::args::OutputArgs,
    },
    /// Merge an export into the journal: entries it already holds are skipped, new ones get new ids.
    Import {
        /// A file written by `journal export` (JSON or CSV).
        file: PathBuf,
    },
    /// Change an entry's fields.
    Edit(EditArgs),
    /// Delete an entry with its texts, notes and questions (only with --yes).
    Delete {
        /// The entry's id.
        id: i64,
        /// Really delete it.
        #[arg(long)]
        yes: bool,
    },
}

/// `journal add`'s options.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// The company.
    #[arg(long)]
    pub company: String,
    /// The role.
    #[arg(long)]
    pub role: String,
    /// Your CV as sent (default: the latest one stored). Each CV text is stored once.
    #[arg(long, value_name = "FILE")]
    pub cv: Option<PathBuf>,
    /// The job posting.
    #[arg(long, value_name = "FILE")]
    pub posting: Option<PathBuf>,
    /// A hired person's bio (repeatable).
    #[arg(long, value_name = "FILE")]
    pub bio: Vec<PathBuf>,
    /// Where the application stands.
    #[arg(long, value_enum, default_value_t = OutcomeArg::Applied)]
    pub outcome: OutcomeArg,
    /// The date of the application (YYYY-MM-DD; default today).
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Feedback notes from a file, or `-` for standard input.
    #[arg(long, value_name = "FILE")]
    pub notes: Option<PathBuf>,
    /// Who interviewed you (the follow-up email greets them).
    #[arg(long, value_name = "NAME")]
    pub interviewer: Option<String>,
}

/// `journal edit`'s options: the fields to change.
#[derive(Debug, Args)]
pub struct EditArgs {
    /// The entry's id.
    pub id: i64,
    /// The new company.
    #[arg(long)]
    pub company: Option<String>,
    /// The new role.
    #[arg(long)]
    pub role: Option<String>,
    /// The new date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// The new outcome.
    #[arg(long, value_enum)]
    pub outcome: Option<OutcomeArg>,
    /// Who interviewed you; an empty NAME clears it.
    #[arg(long, value_name = "NAME")]
    pub interviewer: Option<String>,
}

/// An application's outcome on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutcomeArg {
    /// Sent, no answer yet.
    Applied,
    /// Interviewing.
    Interview,
    /// Turned down.
    Rejected,
    /// An offer.
    Offer,
}

impl From<OutcomeArg> for skillgap::Outcome {
    fn from(o: OutcomeArg) -> skillgap::Outcome {
        match o {
            OutcomeArg::Applied => skillgap::Outcome::Applied,
            OutcomeArg::Interview => skillgap::Outcome::Interview,
            OutcomeArg::Rejected => skillgap::Outcome::Rejected,
            OutcomeArg::Offer => skillgap::Outcome::Offer,
        }
    }
}
