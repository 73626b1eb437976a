//! The journal of applications: what keeps coming up across rejections.
//!
//! One rejection says little; over five or ten of them the pattern shows: the skill every hired person had, the
//! question that keeps catching you out. The CLI keeps the journal in a file; this module holds its logic, as pure
//! functions over records:
//!
//! - [`gap_records`]: an entry's comparison, as the journal stores it (one row per skill that was a gap);
//! - [`recurring_gaps`]: the gaps that recur across rejections, ranked with [`compare`](crate::compare())'s
//!   importance model, aggregated over rejections the way `compare` aggregates over targets;
//! - [`split_closed`]: which of them a current CV now shows;
//! - [`feedback_themes`]: the skills and themes that the hiring managers' notes name, read by the extractor;
//! - [`open_questions`]: the questions still without an answer;
//! - [`followup_email`]: the thank-you-and-feedback email, as text for the user to edit. Nothing is sent.
//!
//! ```
//! use skillgap::{recurring_gaps, EntryRecord, GapRecord, Outcome, IMPORTANCE_SHARE};
//!
//! let gap = |skill: &str, importance| GapRecord {
//!     skill: skill.into(), name: skill.into(), importance, status: "missing".into(),
//! };
//! let entry = |id, company: &str, gaps| EntryRecord {
//!     id, company: company.into(), role: "Analyst".into(), date: format!("2026-0{id}-01"),
//!     outcome: Outcome::Rejected, compared: true, gaps,
//! };
//! let entries = [
//!     entry(1, "Acme", vec![gap("sql", 20), gap("tableau", 30)]),
//!     entry(2, "Globex", vec![gap("sql", 20)]),
//! ];
//! let recurring = recurring_gaps(&entries);
//! // SQL, in both rejections, outranks Tableau, more important in one of them.
//! assert_eq!(recurring[0].id, "sql");
//! assert_eq!(recurring[0].companies, ["Acme", "Globex"]);
//! assert_eq!(recurring[0].importance, (20 + 20 + 2 * IMPORTANCE_SHARE) / 2);
//! ```

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::compare::{
    gap_status, importance, shows, target_field, Comparison, GapStatus, SkillResult, IMPORTANCE_SHARE,
};
use crate::extract::Extractor;
use crate::profile::Profile;
use crate::report::{category, shorten};
use crate::taxonomy::Taxonomy;

/// Where an application stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Sent, no answer yet.
    Applied,
    /// Invited to interview, or interviewing.
    Interview,
    /// Turned down: the entries the report learns from.
    Rejected,
    /// An offer.
    Offer,
}

impl Outcome {
    /// Every outcome, in the order an application moves through them.
    pub const ALL: [Outcome; 4] = [Outcome::Applied, Outcome::Interview, Outcome::Rejected, Outcome::Offer];

    /// The name the journal, JSON and the command line use.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Applied => "applied",
            Outcome::Interview => "interview",
            Outcome::Rejected => "rejected",
            Outcome::Offer => "offer",
        }
    }

    /// The outcome named `s` ([`Outcome::as_str`]).
    pub fn parse(s: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.as_str() == s)
    }
}

/// One skill that was a gap in an entry's comparison, as the journal stores it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct GapRecord {
    /// The skill's taxonomy id.
    pub skill: String,
    /// Its display name when the comparison was made.
    pub name: String,
    /// Its importance in that comparison ([`importance`](crate::importance())).
    pub importance: u32,
    /// How it stood: `missing`, `related`, `in_progress` or `years_short` ([`GapStatus::as_str`]).
    pub status: String,
}

/// An entry's comparison as records: every skill of every gap (a collapsed gap's members too, each with its own
/// importance), in gap order. A skill is listed once.
pub fn gap_records(taxonomy: &Taxonomy, comparison: &Comparison) -> Vec<GapRecord> {
    let mut out: Vec<GapRecord> = Vec::new();
    let all: Vec<&SkillResult> =
        comparison.missing.iter().chain(&comparison.related).chain(&comparison.matched).collect();
    let field = target_field(taxonomy, &all);
    for gap in comparison.gaps() {
        let head = gap.named.then_some(&gap.result);
        for result in head.into_iter().chain(&gap.members) {
            let Some(status) = gap_status(result) else { continue };
            let skill = taxonomy.skill(result.skill);
            if out.iter().any(|g| g.skill == skill.id) {
                continue;
            }
            out.push(GapRecord {
                skill: skill.id.clone(),
                name: skill.name.clone(),
                importance: importance(taxonomy, result, comparison.targets, status, field),
                status: status.as_str().to_owned(),
            });
        }
    }
    out
}

/// One application, as the report reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryRecord {
    /// The entry's id in the journal.
    pub id: i64,
    /// The company.
    pub company: String,
    /// The role applied for.
    pub role: String,
    /// The application's date, `YYYY-MM-DD`.
    pub date: String,
    /// Where it stands.
    pub outcome: Outcome,
    /// Whether it was compared with a CV (a comparison that found no gap is one too).
    pub compared: bool,
    /// Its comparison's gaps ([`gap_records`]); empty when it was compared with nothing.
    pub gaps: Vec<GapRecord>,
}

/// A gap that recurs across rejections.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecurringGap {
    /// The skill's taxonomy id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// In how many rejections it was a gap.
    pub rejections: usize,
    /// The companies of those rejections, in date order, each once.
    pub companies: Vec<String>,
    /// The ids of those entries, in date order.
    pub entries: Vec<i64>,
    /// The date of the first of those rejections.
    pub first_seen: String,
    /// The date of the last of them.
    pub last_seen: String,
    /// How it stood in the last of them (`missing`, `related`, `in_progress`, `years_short`).
    pub status: String,
    /// Its importance across rejections (see [`recurring_gaps`]); the list is sorted by it.
    pub importance: u32,
}

/// The gaps that recur across the rejected entries of `entries` (others are ignored), most important first.
///
/// The importance is [`compare`](crate::compare())'s model one level up: each rejection is a target, its level is
/// the gap's importance in that entry's comparison, and [`IMPORTANCE_SHARE`] is added per rejection that has the
/// gap; the sum is averaged over all rejections (rounded), so a gap 3 of 3 hired people share outranks one that
/// only one of them had, however prominent there. Ties break on more rejections, then the more recent, then the
/// skill id.
pub fn recurring_gaps(entries: &[EntryRecord]) -> Vec<RecurringGap> {
    let mut rejected: Vec<&EntryRecord> = entries.iter().filter(|e| e.outcome == Outcome::Rejected).collect();
    rejected.sort_by(|a, b| a.date.cmp(&b.date).then(a.id.cmp(&b.id)));
    let total = rejected.len() as u32;
    let mut order: Vec<String> = Vec::new();
    let mut by_skill: HashMap<String, (RecurringGap, u32)> = HashMap::new();
    for entry in rejected {
        let mut seen_here: Vec<&str> = Vec::new();
        for gap in &entry.gaps {
            if seen_here.contains(&gap.skill.as_str()) {
                continue;
            }
            seen_here.push(&gap.skill);
            let (item, sum) = by_skill.entry(gap.skill.clone()).or_insert_with(|| {
                order.push(gap.skill.clone());
                let item = RecurringGap {
                    id: gap.skill.clone(),
                    name: gap.name.clone(),
                    rejections: 0,
                    companies: Vec::new(),
                    entries: Vec::new(),
                    first_seen: entry.date.clone(),
                    last_seen: entry.date.clone(),
                    status: gap.status.clone(),
                    importance: 0,
                };
                (item, 0)
            });
            item.rejections += 1;
            if !item.companies.contains(&entry.company) {
                item.companies.push(entry.company.clone());
            }
            item.entries.push(entry.id);
            item.last_seen.clone_from(&entry.date);
            item.status.clone_from(&gap.status);
            *sum += gap.importance + IMPORTANCE_SHARE;
        }
    }
    let mut out: Vec<RecurringGap> = order
        .into_iter()
        .filter_map(|skill| by_skill.remove(&skill))
        .map(|(mut item, sum)| {
            item.importance = (sum + total / 2) / total.max(1);
            item
        })
        .collect();
    out.sort_by(|a, b| {
        b.importance
            .cmp(&a.importance)
            .then(b.rejections.cmp(&a.rejections))
            .then(b.last_seen.cmp(&a.last_seen))
            .then(a.id.cmp(&b.id))
    });
    out
}

/// Splits `recurring` into the gaps still open and those the CV of `profile` now shows (itself, or a narrower
/// skill that implies it), keeping their order. A skill shown for fewer years than asked stays open: the CV showed
/// it then too, and the journal keeps no years to judge it by. A skill the taxonomy no longer knows stays open.
pub fn split_closed(
    taxonomy: &Taxonomy,
    profile: &Profile,
    recurring: Vec<RecurringGap>,
) -> (Vec<RecurringGap>, Vec<RecurringGap>) {
    recurring.into_iter().partition(|gap| {
        let closed = gap.status != GapStatus::YearsShort.as_str()
            && taxonomy.get(&gap.id).is_some_and(|skill| shows(taxonomy, profile, skill));
        !closed
    })
}

/// A note on an entry: the hiring manager's feedback.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteRecord {
    /// The entry it belongs to.
    pub entry: i64,
    /// That entry's company.
    pub company: String,
    /// When it was written, `YYYY-MM-DD`.
    pub date: String,
    /// What it says.
    pub text: String,
}

/// A skill or theme the notes name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FeedbackTheme {
    /// The skill's taxonomy id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// `family/kind` ([`category`]): a soft skill or a domain reads as a theme, a tool as a skill.
    pub category: String,
    /// How many notes name it.
    pub notes: usize,
    /// The companies of those notes, in the order the notes are given, each once.
    pub companies: Vec<String>,
    /// The sentence of its first mention in each note, shortened to [`FEEDBACK_QUOTE_CHARS`].
    pub quotes: Vec<String>,
    /// Whether it is also one of the recurring gaps: the manager said it, and the hired people had it.
    pub recurring: bool,
}

/// The longest quote of a note kept for a theme, in characters.
pub const FEEDBACK_QUOTE_CHARS: usize = 160;

/// The skills and themes the notes name, read with `extractor`: named by more notes first, then more often, then
/// in the order they first appear. `recurring` marks those that are also recurring gaps.
pub fn feedback_themes(extractor: &Extractor, notes: &[NoteRecord], recurring: &[RecurringGap]) -> Vec<FeedbackTheme> {
    let taxonomy = extractor.taxonomy();
    // (theme, mentions, first appearance)
    let mut themes: Vec<(FeedbackTheme, usize, usize)> = Vec::new();
    for note in notes {
        let document = extractor.extract(&note.text);
        for evidence in &document.skills {
            let Some(first) = evidence.mentions.first() else { continue };
            let skill = taxonomy.skill(evidence.skill);
            let sentence = note.text.get(first.sentence.range()).unwrap_or(&first.text);
            // Whitespace folded and a leading bullet dropped: the quote is the sentence, not the list it sits in.
            let folded = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
            let quote = shorten(folded.trim_start_matches(['-', '*', '•', ' ']), FEEDBACK_QUOTE_CHARS);
            let at = themes.len();
            let (theme, mentions, _) = match themes.iter_mut().find(|(t, _, _)| t.id == skill.id) {
                Some(found) => found,
                None => {
                    themes.push((
                        FeedbackTheme {
                            id: skill.id.clone(),
                            name: skill.name.clone(),
                            category: category(taxonomy, evidence.skill),
                            notes: 0,
                            companies: Vec::new(),
                            quotes: Vec::new(),
                            recurring: recurring.iter().any(|r| r.id == skill.id),
                        },
                        0,
                        at,
                    ));
                    let Some(theme) = themes.last_mut() else { continue };
                    theme
                }
            };
            theme.notes += 1;
            *mentions += evidence.mentions.len();
            if !theme.companies.contains(&note.company) {
                theme.companies.push(note.company.clone());
            }
            theme.quotes.push(quote);
        }
    }
    themes.sort_by(|a, b| b.0.notes.cmp(&a.0.notes).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    themes.into_iter().map(|(theme, _, _)| theme).collect()
}

/// A question you did not expect, with the answer you prepared, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionRecord {
    /// The question's id in the journal.
    pub id: i64,
    /// The entry it belongs to.
    pub entry: i64,
    /// That entry's company.
    pub company: String,
    /// When it was recorded, `YYYY-MM-DD`.
    pub asked: String,
    /// The question.
    pub question: String,
    /// The prepared answer.
    pub answer: Option<String>,
}

/// A question still without an answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OpenQuestion {
    /// The question's id (`journal answer ID` answers it).
    pub id: i64,
    /// The entry it belongs to.
    pub entry: i64,
    /// That entry's company.
    pub company: String,
    /// When it was recorded.
    pub asked: String,
    /// The question.
    pub question: String,
}

/// The questions with no answer (an empty or blank answer is none), oldest first, then by id.
pub fn open_questions(questions: &[QuestionRecord]) -> Vec<OpenQuestion> {
    let mut open: Vec<OpenQuestion> = questions
        .iter()
        .filter(|q| q.answer.as_deref().is_none_or(|a| a.trim().is_empty()))
        .map(|q| OpenQuestion {
            id: q.id,
            entry: q.entry,
            company: q.company.clone(),
            asked: q.asked.clone(),
            question: q.question.clone(),
        })
        .collect();
    open.sort_by(|a, b| a.asked.cmp(&b.asked).then(a.id.cmp(&b.id)));
    open
}

/// What the journal report reads.
#[derive(Debug, Clone, Copy)]
pub struct ReportInput<'a> {
    /// Every entry, with its gaps.
    pub entries: &'a [EntryRecord],
    /// Every note.
    pub notes: &'a [NoteRecord],
    /// Every question.
    pub questions: &'a [QuestionRecord],
    /// Only entries dated on or after this day (`YYYY-MM-DD`), and their notes and questions.
    pub since: Option<&'a str>,
}

/// The journal report: what keeps coming up across rejections, what the current CV has closed since, the
/// questions still open, and what the notes say.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JournalReport {
    /// The first day counted, when the report is limited.
    pub since: Option<String>,
    /// The CV that `closed` is judged against, by name; `None` when there is none.
    pub cv: Option<String>,
    /// How many entries the report covers.
    pub entries: usize,
    /// How many of them are rejections.
    pub rejections: usize,
    /// Rejected entries with no comparison (recorded without a CV or without a bio or posting, and none to compare
    /// with now).
    pub uncompared: Vec<i64>,
    /// The gaps that recur across rejections and the CV still lacks, most important first ([`recurring_gaps`]).
    pub recurring: Vec<RecurringGap>,
    /// The gaps of those rejections that the CV now shows.
    pub closed: Vec<RecurringGap>,
    /// Questions without an answer.
    pub open_questions: Vec<OpenQuestion>,
    /// The skills and themes the notes name.
    pub feedback: Vec<FeedbackTheme>,
}

/// Builds the [`JournalReport`]: `cv` is the current CV's name and profile, against which gaps count as closed.
pub fn journal_report(extractor: &Extractor, cv: Option<(&str, &Profile)>, input: ReportInput<'_>) -> JournalReport {
    let in_range = |date: &str| input.since.is_none_or(|since| date >= since);
    let entries: Vec<EntryRecord> = input.entries.iter().filter(|e| in_range(&e.date)).cloned().collect();
    let kept = |entry: i64| entries.iter().any(|e| e.id == entry);
    let notes: Vec<NoteRecord> = input.notes.iter().filter(|n| kept(n.entry)).cloned().collect();
    let questions: Vec<QuestionRecord> = input.questions.iter().filter(|q| kept(q.entry)).cloned().collect();
    let rejected = || entries.iter().filter(|e| e.outcome == Outcome::Rejected);
    let all = recurring_gaps(&entries);
    let (recurring, closed) = match cv {
        Some((_, profile)) => split_closed(extractor.taxonomy(), profile, all),
        None => (all, Vec::new()),
    };
    let feedback = feedback_themes(extractor, &notes, &recurring);
    JournalReport {
        since: input.since.map(str::to_owned),
        cv: cv.map(|(name, _)| name.to_owned()),
        entries: entries.len(),
        rejections: rejected().count(),
        uncompared: rejected().filter(|e| !e.compared).map(|e| e.id).collect(),
        recurring,
        closed,
        open_questions: open_questions(&questions),
        feedback,
    }
}

/// What the follow-up email is filled with.
#[derive(Debug, Clone, Copy)]
pub struct FollowupFields<'a> {
    /// The company.
    pub company: &'a str,
    /// The role.
    pub role: &'a str,
    /// Who interviewed you, if you recorded it.
    pub interviewer: Option<&'a str>,
    /// The date of the application or interview, `YYYY-MM-DD`.
    pub date: &'a str,
    /// Where the application stands: a rejection asks what would have made the difference.
    pub outcome: Outcome,
}

/// A drafted email: the user's to edit and send, or not. Nothing is ever sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FollowupEmail {
    /// Who it greets: the interviewer, or the hiring team.
    pub to: String,
    /// The subject line.
    pub subject: String,
    /// The body, with a `[Your name]` placeholder to sign.
    pub body: String,
}

/// Drafts a short, polite email thanking the interviewer and asking for feedback.
pub fn followup_email(f: FollowupFields<'_>) -> FollowupEmail {
    let to = match f.interviewer.map(str::trim).filter(|n| !n.is_empty()) {
        Some(name) => name.to_owned(),
        None => format!("the hiring team at {}", f.company),
    };
    let greeting = match f.interviewer.map(str::trim).filter(|n| !n.is_empty()) {
        Some(name) => format!("Dear {name},"),
        None => "Dear hiring team,".to_owned(),
    };
    let when = long_date(f.date);
    let (subject, ask) = match f.outcome {
        Outcome::Rejected => (
            format!("Thank you, and a request for feedback: {} at {}", f.role, f.company),
            "I understand that you have chosen another candidate, and I respect the decision. Would you be willing \
             to share a few words of feedback? I would like to know which skills or experience would have made me \
             a stronger candidate, and anything in my interview I could do better. Even a short reply would help \
             me a great deal."
                .to_owned(),
        ),
        _ => (
            format!("Thank you: {} at {}", f.role, f.company),
            "I remain very interested in the role. If you have any feedback on my application or interview, I \
             would be glad to hear it, whatever the outcome."
                .to_owned(),
        ),
    };
    let body = format!(
        "{greeting}\n\n\
         Thank you for your time and for considering me for the {role} role at {company} (my application of \
         {when}). I enjoyed learning about the team and the work.\n\n\
         {ask}\n\n\
         Thank you again, and I hope our paths cross again.\n\n\
         Kind regards,\n\
         [Your name]\n",
        role = f.role,
        company = f.company,
    );
    FollowupEmail { to, subject, body }
}

/// `YYYY-MM-DD` as `3 November 2026`; any other text as it is.
pub fn long_date(date: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match parse_date(date) {
        Some((year, month, day)) => match (month as usize).checked_sub(1).and_then(|m| MONTHS.get(m)) {
            Some(name) => format!("{day} {name} {year}"),
            None => date.to_owned(),
        },
        None => date.to_owned(),
    }
}

/// A calendar date written `YYYY-MM-DD` (a real day: no 31 April, 29 February only in a leap year), as
/// `(year, month, day)`.
pub fn parse_date(s: &str) -> Option<(u32, u32, u32)> {
    let bytes = s.as_bytes();
    if !matches!(bytes, [_, _, _, _, b'-', _, _, b'-', _, _]) {
        return None;
    }
    let number = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        part.bytes().all(|b| b.is_ascii_digit()).then(|| part.parse().ok())?
    };
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (year >= 1 && (1..=days).contains(&day)).then_some((year, month, day))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{compare, IMPORTANCE_BIO_BASE, IMPORTANCE_PER_PROMINENCE, SPECIFIC_PERCENT};

    fn gap(skill: &str, importance: u32) -> GapRecord {
        GapRecord { skill: skill.into(), name: skill.to_uppercase(), importance, status: "missing".into() }
    }

    fn entry(id: i64, company: &str, date: &str, outcome: Outcome, gaps: Vec<GapRecord>) -> EntryRecord {
        let role = "Data Engineer".into();
        EntryRecord { id, company: company.into(), role, date: date.into(), outcome, compared: true, gaps }
    }

    /// A bio's plain mention and a headline mention, as compare scores them for one bio (specific skills, missing).
    const PLAIN: u32 = (IMPORTANCE_BIO_BASE + IMPORTANCE_SHARE) * SPECIFIC_PERCENT / 100;
    const HEADLINE: u32 = (IMPORTANCE_BIO_BASE + IMPORTANCE_PER_PROMINENCE + IMPORTANCE_SHARE) * SPECIFIC_PERCENT / 100;

    /// A gap in one of two rejections that ties with a gap of importance 5 in both: `2 × 5 + 2 × share = TIED +
    /// share`.
    const TIED: u32 = 2 * 5 + IMPORTANCE_SHARE;

    /// A sum averaged over `n` rejections, rounded half up, as `compare` averages over targets.
    fn avg(sum: u32, n: u32) -> u32 {
        (sum + n / 2) / n
    }

    #[test]
    fn recurring_ranking() {
        struct Case {
            name: &'static str,
            entries: Vec<EntryRecord>,
            /// (skill, rejections, importance), in order.
            expected: Vec<(&'static str, usize, u32)>,
        }
        let r = Outcome::Rejected;
        let cases = [
            Case {
                name: "shared by three outranks a headline in one",
                entries: vec![
                    entry(1, "Acme", "2026-01-10", r, vec![gap("dbt", PLAIN), gap("spark", HEADLINE)]),
                    entry(2, "Globex", "2026-02-10", r, vec![gap("dbt", PLAIN)]),
                    entry(3, "Initech", "2026-03-10", r, vec![gap("dbt", PLAIN)]),
                ],
                expected: vec![
                    ("dbt", 3, avg(3 * PLAIN + 3 * IMPORTANCE_SHARE, 3)),
                    ("spark", 1, avg(HEADLINE + IMPORTANCE_SHARE, 3)),
                ],
            },
            Case {
                name: "only rejections count",
                entries: vec![
                    entry(1, "Acme", "2026-01-10", r, vec![gap("dbt", PLAIN)]),
                    entry(2, "Globex", "2026-02-10", Outcome::Offer, vec![gap("spark", HEADLINE)]),
                    entry(3, "Initech", "2026-03-10", Outcome::Interview, vec![gap("spark", HEADLINE)]),
                ],
                expected: vec![("dbt", 1, PLAIN + IMPORTANCE_SHARE)],
            },
            Case {
                name: "equal importance: more rejections, then more recent, then id",
                entries: vec![
                    entry(1, "Acme", "2026-01-10", r, vec![gap("b", TIED), gap("a", 5), gap("c", 5)]),
                    entry(2, "Globex", "2026-02-10", r, vec![gap("a", 5), gap("d", TIED)]),
                ],
                expected: vec![
                    ("a", 2, avg(5 + 5 + 2 * IMPORTANCE_SHARE, 2)),
                    ("d", 1, avg(TIED + IMPORTANCE_SHARE, 2)),
                    ("b", 1, avg(TIED + IMPORTANCE_SHARE, 2)),
                    ("c", 1, avg(5 + IMPORTANCE_SHARE, 2)),
                ],
            },
            Case {
                name: "a skill listed twice in one entry counts once",
                entries: vec![entry(1, "Acme", "2026-01-10", r, vec![gap("dbt", 20), gap("dbt", 20)])],
                expected: vec![("dbt", 1, 20 + IMPORTANCE_SHARE)],
            },
            Case { name: "no rejections", entries: vec![], expected: vec![] },
        ];
        for case in cases {
            let recurring = recurring_gaps(&case.entries);
            let got: Vec<(&str, usize, u32)> =
                recurring.iter().map(|g| (g.id.as_str(), g.rejections, g.importance)).collect();
            assert_eq!(got, case.expected, "{}", case.name);
        }
    }

    #[test]
    fn recurring_names_companies_and_dates() {
        let r = Outcome::Rejected;
        // Entered out of date order: the dates decide first and last seen.
        let entries = [
            entry(7, "Initech", "2026-03-10", r, vec![gap("dbt", 20)]),
            entry(3, "Acme", "2026-01-10", r, vec![gap("dbt", 20)]),
            entry(5, "Acme", "2026-02-10", r, vec![gap("dbt", 20)]),
        ];
        let got = &recurring_gaps(&entries)[0];
        assert_eq!(got.companies, ["Acme", "Initech"]);
        assert_eq!(got.entries, [3, 5, 7]);
        assert_eq!((got.first_seen.as_str(), got.last_seen.as_str()), ("2026-01-10", "2026-03-10"));
    }

    fn extractor() -> Extractor {
        Extractor::new(Taxonomy::builtin())
    }

    #[test]
    fn gap_records_follow_compare() {
        let ex = extractor();
        let profile = Profile::from_text(&ex, "Skills: Python, SQL");
        let bios = [
            ex.extract_as("Platform engineer. Skills: Python, Kubernetes, Terraform.", crate::TargetKind::Bio),
            ex.extract_as("Infrastructure engineer running Kubernetes.", crate::TargetKind::Bio),
        ];
        let comparison = compare(ex.taxonomy(), &profile, &bios);
        let records = gap_records(ex.taxonomy(), &comparison);
        let ids: Vec<&str> = records.iter().map(|g| g.skill.as_str()).collect();
        // Shared by both bios first; the CV's Python is no gap.
        assert_eq!(ids, ["kubernetes", "terraform"], "{records:?}");
        let gaps = comparison.gaps();
        assert_eq!(records[0].importance, gaps[0].importance);
        assert_eq!(records[0].status, "missing");
    }

    #[test]
    fn closed_when_the_cv_shows_it() {
        let ex = extractor();
        let rec = |id: &str, status: &str| RecurringGap {
            id: id.into(),
            name: id.into(),
            rejections: 1,
            companies: vec!["Acme".into()],
            entries: vec![1],
            first_seen: "2026-01-01".into(),
            last_seen: "2026-01-01".into(),
            status: status.into(),
            importance: 10,
        };
        let profile = Profile::from_text(&ex, "Skills: PostgreSQL, dbt, Python");
        let recurring = vec![
            rec("dbt", "missing"),
            rec("sql", "related"),
            rec("python", "years_short"),
            rec("kafka", "missing"),
            rec("no-such-skill", "missing"),
        ];
        let (open, closed) = split_closed(ex.taxonomy(), &profile, recurring);
        let ids = |v: &[RecurringGap]| v.iter().map(|g| g.id.clone()).collect::<Vec<_>>();
        // PostgreSQL implies SQL; a years shortfall and an unknown skill stay open.
        assert_eq!(ids(&closed), ["dbt", "sql"]);
        assert_eq!(ids(&open), ["python", "kafka", "no-such-skill"]);
    }

    #[test]
    fn feedback_names_skills_across_notes() {
        let ex = extractor();
        let note = |entry, company: &str, text: &str| NoteRecord {
            entry,
            company: company.into(),
            date: "2026-01-01".into(),
            text: text.into(),
        };
        let notes = [
            note(1, "Acme", "- They wanted more Kubernetes.\n- Stakeholder management came up as well."),
            note(2, "Globex", "The other candidate had run Kubernetes in production."),
            note(3, "Initech", "Nothing specific."),
        ];
        let themes = feedback_themes(&ex, &notes, &[]);
        let first = &themes[0];
        assert_eq!((first.id.as_str(), first.notes), ("kubernetes", 2), "{themes:?}");
        assert_eq!(first.companies, ["Acme", "Globex"]);
        assert_eq!(first.quotes[0], "They wanted more Kubernetes.");
        assert_eq!(themes[1].id, "stakeholder-management");
        assert!(!first.recurring);
    }

    #[test]
    fn open_questions_are_unanswered() {
        let q = |id, asked: &str, answer: Option<&str>| QuestionRecord {
            id,
            entry: 1,
            company: "Acme".into(),
            asked: asked.into(),
            question: format!("q{id}"),
            answer: answer.map(str::to_owned),
        };
        let questions = [
            q(1, "2026-02-01", None),
            q(2, "2026-01-01", Some("prepared")),
            q(3, "2026-01-15", Some("  ")),
            q(4, "2026-01-15", None),
        ];
        let ids: Vec<i64> = open_questions(&questions).iter().map(|q| q.id).collect();
        assert_eq!(ids, [3, 4, 1]);
    }

    #[test]
    fn followup_is_filled_in() {
        let fields = FollowupFields {
            company: "Acme",
            role: "Data Engineer",
            interviewer: Some("Dana Reyes"),
            date: "2026-11-03",
            outcome: Outcome::Rejected,
        };
        let email = followup_email(fields);
        assert_eq!(email.to, "Dana Reyes");
        assert!(email.body.starts_with("Dear Dana Reyes,\n"));
        for part in ["Data Engineer role at Acme", "3 November 2026", "feedback", "[Your name]"] {
            assert!(email.body.contains(part), "{part}: {}", email.body);
        }
        assert!(email.subject.contains("feedback"));
        let email = followup_email(FollowupFields { interviewer: None, outcome: Outcome::Interview, ..fields });
        assert_eq!(email.to, "the hiring team at Acme");
        assert!(email.body.starts_with("Dear hiring team,\n"));
        assert!(!email.body.contains("another candidate"));
    }

    #[test]
    fn dates() {
        type Ymd = (u32, u32, u32);
        const CASES: &[(&str, Option<Ymd>)] = &[
            ("2026-11-03", Some((2026, 11, 3))),
            ("2024-02-29", Some((2024, 2, 29))),
            ("2026-02-29", None),
            ("2026-04-31", None),
            ("2026-13-01", None),
            ("2026-1-01", None),
            ("2026-01-0x", None),
            ("+026-01-01", None),
            ("yesterday", None),
        ];
        for &(input, expected) in CASES {
            assert_eq!(parse_date(input), expected, "{input}");
        }
        assert_eq!(long_date("2026-11-03"), "3 November 2026");
        assert_eq!(long_date("soon"), "soon");
    }

    #[test]
    fn outcomes_round_trip() {
        for outcome in Outcome::ALL {
            assert_eq!(Outcome::parse(outcome.as_str()), Some(outcome));
        }
        assert_eq!(Outcome::parse("ghosted"), None);
    }
}
