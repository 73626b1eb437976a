//! Dated experience in a CV: the roles it lists with their dates ("Data Analyst, Acme, Jan 2019 – Mar 2023"), and
//! how long each skill was used, counting overlapping roles once.
//!
//! A role starts at a line that holds a date range (or the line just above it, when the dates stand on a line of
//! their own) and runs to the next role or the next section that is not experience. A skill named inside a role
//! was used for that role's months. Year-only ranges count whole years between the two years ("2019 – 2023" is 4
//! years), month ranges count both end months ("Jan 2019 – Mar 2023" is 51 months): never more than the CV says.

use std::fmt;

/// A calendar month, counted as `year * 12 + (month - 1)` so that months subtract.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month(u32);

impl Month {
    /// The month `month` (1-12) of `year`, or `None` when either is out of range (years 1900 to 2199).
    pub fn new(year: u32, month: u32) -> Option<Month> {
        ((1900..2200).contains(&year) && (1..=12).contains(&month)).then(|| Month(year * 12 + month - 1))
    }

    /// Parses `YYYY-MM` or `YYYY-MM-DD` (the day is ignored), as `SKILLGAP_TODAY` is written.
    pub fn parse_iso(s: &str) -> Option<Month> {
        let mut parts = s.trim().split('-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        Month::new(year, month)
    }

    /// The year.
    pub fn year(self) -> u32 {
        self.0 / 12
    }

    /// The month of the year, 1-12.
    pub fn month(self) -> u32 {
        self.0 % 12 + 1
    }

    /// The month after this one.
    fn next(self) -> Month {
        Month(self.0 + 1)
    }
}

/// When a role ran: from its first month up to, not including, `until`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    /// The first month.
    pub from: Month,
    /// The month after the last one.
    pub until: Month,
    /// Whether the CV says the role goes on ("2021 – present"); `until` is then the month after today.
    pub ongoing: bool,
    /// The end year as written ("2019 – 2023" ends in 2023, though only whole years up to January 2023 count).
    pub end_year: u32,
}

impl Period {
    /// How many months the period covers.
    pub fn months(self) -> u32 {
        self.until.0.saturating_sub(self.from.0)
    }

    /// Its last month.
    pub fn last(self) -> Month {
        Month(self.until.0.saturating_sub(1).max(self.from.0))
    }
}

impl fmt::Display for Period {
    /// `2019–2023`, or `2021–present`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.ongoing, self.from.year() == self.end_year) {
            (true, _) => write!(f, "{}–present", self.from.year()),
            (false, true) => write!(f, "{}", self.from.year()),
            (false, false) => write!(f, "{}–{}", self.from.year(), self.end_year),
        }
    }
}

/// One dated role of a CV.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// The text the role covers, as byte offsets: its header line up to the next role or section.
    pub span: (usize, usize),
    /// Where the dates are written.
    pub dates: (usize, usize),
    /// When it ran.
    pub period: Period,
    /// The header without its dates ("Data Analyst, Acme, Denver").
    pub header: String,
    /// The employer's name, when the header names one in a recognisable slot ("Title, Employer, Place", "Title at
    /// Employer", "Title | Employer"), as byte offsets.
    pub employer: Option<(usize, usize)>,
}

/// A line of the text, as the caller's structure pass sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineInfo {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset after the last byte, line break excluded.
    pub end: usize,
    /// Whether roles may start here: experience sections and text before any heading, not education or
    /// certifications, whose dates are not time spent using a skill.
    pub dated_roles_allowed: bool,
    /// Whether the line is a heading.
    pub heading: bool,
}

/// The lines of a [`Structure`](super::Structure) as the role reader sees them: roles may start in experience
/// sections and before any heading, not under education, certifications, skills or benefits, whose dates are no
/// time spent using a skill.
pub(crate) fn line_infos(lines: &[super::Line]) -> Vec<LineInfo> {
    lines
        .iter()
        .map(|l| LineInfo {
            start: l.span.start,
            end: l.span.end,
            dated_roles_allowed: !matches!(
                l.section,
                super::SectionKind::Education
                    | super::SectionKind::Certifications
                    | super::SectionKind::Skills
                    | super::SectionKind::Benefits
            ),
            heading: l.heading,
        })
        .collect()
}

/// The roles of a CV, in text order. `today` ends ongoing roles.
pub fn roles(text: &str, lines: &[LineInfo], today: Month) -> Vec<Role> {
    let mut roles: Vec<Role> = Vec::new();
    // The line after the last dated line: a role's title lines come after it.
    let mut floor = 0;
    for (i, line) in lines.iter().enumerate() {
        if !line.dated_roles_allowed {
            close_role(&mut roles, line.start);
            continue;
        }
        let Some(content) = text.get(line.start..line.end) else { continue };
        let Some((at, len, period)) = date_range(content, today) else { continue };
        let dates = (line.start + at, line.start + at + len);
        let rest = without_span(content, at, len);
        let titles = title_lines(text, lines, floor, i);
        floor = i + 1;
        let start = titles.first().map_or(line.start, |t| t.start);
        close_role(&mut roles, start);
        let mut parts: Vec<&str> = titles.iter().filter_map(|t| text.get(t.start..t.end)).collect();
        if !is_blank_header(&rest) {
            parts.push(rest.as_str());
        }
        let header = parts.iter().map(|p| tidy_header(p)).filter(|p| !p.is_empty()).collect::<Vec<_>>().join(", ");
        let employer = if is_blank_header(&rest) {
            // Dates alone under a header line ("Data Analyst, Acme" / "2019 – 2023").
            titles.last().and_then(|t| {
                let h = text.get(t.start..t.end)?;
                employer_slot(h, h.len(), 0, false).map(|(s, e)| (t.start + s, t.start + e))
            })
        } else {
            // An employer line under a title ("### Staff Accountant" / "**Acme Co.** — Denver · 2021 – Present").
            employer_slot(content, at, len, !titles.is_empty()).map(|(s, e)| (line.start + s, line.start + e))
        };
        roles.push(Role { span: (start, text.len()), dates, period, header, employer });
    }
    roles
}

/// Ends the last role before `at`, if it is still open.
fn close_role(roles: &mut [Role], at: usize) {
    if let Some(last) = roles.last_mut() {
        if last.span.1 > at && last.span.0 <= at {
            last.span.1 = at;
        }
    }
}

/// The lines just above dated line `i` (and at or after line `floor`) that name its role: up to two non-blank
/// lines that are no bullets, no sentences and not dated ("### Data Engineer — Acme, Leeds").
fn title_lines<'a>(text: &str, lines: &'a [LineInfo], floor: usize, i: usize) -> Vec<&'a LineInfo> {
    let mut out: Vec<&LineInfo> = Vec::new();
    let far = Month(u32::MAX / 2);
    for line in lines.get(floor.min(i)..i).unwrap_or_default().iter().rev() {
        let Some(content) = text.get(line.start..line.end) else { break };
        let t = content.trim();
        let bullet = t.starts_with(['-', '*', '+', '•', '·']) && !t.starts_with("**");
        let sentence = t.ends_with(['.', ';']) || t.len() > 120;
        // A heading that opens a section ("## Experience") is no role's title.
        let section = line.heading && super::SectionKind::classify(t.trim_start_matches('#').trim()).is_some();
        if t.is_empty() || bullet || sentence || section || !line.dated_roles_allowed || date_range(t, far).is_some() {
            break;
        }
        out.push(line);
        if out.len() == 2 {
            break;
        }
    }
    out.reverse();
    out
}

/// `s` without the bytes `[at, at + len)`.
fn without_span(s: &str, at: usize, len: usize) -> String {
    let mut out = String::with_capacity(s.len());
    out.push_str(s.get(..at).unwrap_or(""));
    out.push_str(s.get(at + len..).unwrap_or(""));
    out
}

/// Whether what is left of a line after its dates names nothing: punctuation, brackets and markup only.
fn is_blank_header(rest: &str) -> bool {
    !rest.chars().any(char::is_alphanumeric)
}

/// A header with its markup and dangling separators trimmed: "### Data Analyst, Acme (" -> "Data Analyst, Acme".
fn tidy_header(header: &str) -> String {
    let unmarked = header.replace("__", "").replace('*', "");
    let trimmed = unmarked.trim_matches(|c: char| {
        c.is_whitespace()
            || matches!(c, '#' | '*' | '_' | '-' | '–' | '—' | '|' | ',' | '(' | ')' | '[' | ']' | '·' | '•')
    });
    trimmed.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The employer slot of a role header, as byte offsets into `line`, whose dates sit at `[at, at + len)`. In order:
/// the name after " at " or " @ " ("Analyst at Acme"); a field ending in an organisation word ("Summit Logistics",
/// "Birch Ltd"); a field in bold ("**Acme** — Denver"); the first field when the title stands on the line
/// above (`title_above`: "Acme Co. — Denver, CO · 2021 – Present"); else the second field ("Title, Employer,
/// Place"). Fields are split at `,`, `|`, `–`, `—`, `·` and a spaced `-`. Only a slot that starts with a capital
/// counts: it is a name.
pub fn employer_slot(line: &str, at: usize, len: usize, title_above: bool) -> Option<(usize, usize)> {
    let head_end = at.min(line.len());
    let head = line.get(..head_end)?;
    let tail = line.get((at + len).min(line.len())..).unwrap_or("");
    // The header part: before the dates, or after them when they lead ("2019 – 2023: Analyst, Acme").
    let (part, offset) = if head.chars().any(char::is_alphanumeric) { (head, 0) } else { (tail, at + len) };
    let fields = split_fields(part, &[',', '|', '–', '—', '·']);
    let field_text = |&(a, b): &(usize, usize)| part.get(a..b).unwrap_or("").trim();
    let slot = if let Some(i) = find_word(part, " at ").or_else(|| part.find(" @ ")) {
        let from = i + if part.get(i..).unwrap_or_default().starts_with(" at ") { 4 } else { 3 };
        let to =
            part.get(from..).unwrap_or_default().find([',', '|', '(', '–', '—', '·']).map_or(part.len(), |e| from + e);
        (from, to)
    } else if let Some(org) = fields.iter().find(|f| {
        // A name that ends in the word ("Summit Logistics"), not the word alone ("Denver, CO").
        let text = field_text(f).trim_end_matches(['.', '*', '_']);
        let last = text.rsplit(' ').next().unwrap_or("").to_lowercase();
        // "Software" ends a company's name in a role header ("Helm Maritime Software, Dublin"), though in prose it
        // ends a product's ("HubSpot Marketing Software").
        text.contains(' ') && (crate::structure::names::is_org_suffix(&last) || last == "software")
    }) {
        // Before bold: "**DevOps Engineer** — Helm Maritime Software, Dublin" sets the title in bold.
        *org
    } else if let Some(bold) = fields.iter().find(|f| {
        let t = field_text(f);
        (t.starts_with("**") && t.ends_with("**")) || (t.starts_with("__") && t.ends_with("__"))
    }) {
        *bold
    } else if title_above {
        *fields.first()?
    } else {
        *fields.get(1)?
    };
    let (s, e) = trim_span(part, slot);
    let name = part.get(s..e)?;
    let capitalised = name.split_whitespace().next().is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    (capitalised && name.split_whitespace().count() <= 6).then_some((offset + s, offset + e))
}

/// Byte offset of `needle` in `haystack`, ASCII case-insensitively.
fn find_word(haystack: &str, needle: &str) -> Option<usize> {
    haystack.as_bytes().windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// The fields of `s` between separators, as byte ranges (a "-" separates only with spaces around it).
fn split_fields(s: &str, separators: &[char]) -> Vec<(usize, usize)> {
    let mut fields = Vec::new();
    let mut from = 0;
    for (i, c) in s.char_indices() {
        let spaced_dash = c == '-'
            && s.get(..i).unwrap_or_default().ends_with(' ')
            && s.get(i + 1..).unwrap_or_default().starts_with(' ');
        if separators.contains(&c) || spaced_dash {
            fields.push((from, i));
            from = i + c.len_utf8();
        }
    }
    fields.push((from, s.len()));
    fields.retain(|&(a, b)| s.get(a..b).unwrap_or_default().chars().any(char::is_alphanumeric));
    fields
}

/// `span` with whitespace and markup trimmed from both ends.
fn trim_span(s: &str, (mut a, mut b): (usize, usize)) -> (usize, usize) {
    let junk = |c: char| c.is_whitespace() || matches!(c, '*' | '_' | '#' | '(' | ')');
    while let Some(c) = s.get(a..b).and_then(|t| t.chars().next()).filter(|&c| junk(c)) {
        a += c.len_utf8();
    }
    while let Some(c) = s.get(a..b).and_then(|t| t.chars().next_back()).filter(|&c| junk(c)) {
        b -= c.len_utf8();
    }
    (a, b)
}

/// Months by name, in English, full and abbreviated.
const MONTH_NAMES: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("sept", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Words that end a range at today: "2021 – present".
const ONGOING_WORDS: &[&str] = &["present", "current", "currently", "now", "today", "date", "ongoing"];

/// Words and marks between the two ends of a range.
const RANGE_JOINERS: &[&str] = &["-", "–", "—", "to", "until", "till", "through", "thru", "→"];

/// One end of a range as written: a month, or a bare year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    Month(Month),
    Year(u32),
    Ongoing,
}

/// A token of a line, for the range scanner.
#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    at: usize,
    text: &'a str,
}

/// Splits a line into words, numbers and the range marks, keeping offsets.
fn tokens(line: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in line.char_indices() {
        let word = c.is_alphanumeric() || c == '/' || c == '.';
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Token { at: s, text: line.get(s..i).unwrap_or_default() });
                start = None;
            }
            _ => {}
        }
        if matches!(c, '-' | '–' | '—' | '→') {
            out.push(Token { at: i, text: line.get(i..i + c.len_utf8()).unwrap_or_default() });
        }
    }
    if let Some(s) = start {
        out.push(Token { at: s, text: line.get(s..).unwrap_or_default() });
    }
    // "2019-01" and "2019-2023" were split at their hyphen: the hyphen is a token of its own.
    out
}

/// One end of a range starting at token `i`: the end and how many tokens it took.
fn parse_end(tokens: &[Token<'_>], i: usize) -> Option<(End, usize)> {
    let t = tokens.get(i)?;
    let word = t.text.trim_end_matches('.').to_ascii_lowercase();
    if ONGOING_WORDS.contains(&word.as_str()) {
        return Some((End::Ongoing, 1));
    }
    if let Some(&(_, month)) = MONTH_NAMES.iter().find(|(name, _)| *name == word) {
        let year = tokens.get(i + 1).and_then(|y| year_of(y.text))?;
        return Some((End::Month(Month::new(year, month)?), 2));
    }
    // "03/2019", "3.2019" (a sentence's full stop after "2023." is no separator)
    if let Some((m, y)) = t.text.trim_end_matches('.').split_once(['/', '.']) {
        let (m, y) = (m.parse().ok()?, year_of(y)?);
        return Some((End::Month(Month::new(y, m)?), 1));
    }
    let year = year_of(t.text)?;
    // "2019-03": a year, a hyphen, then a two-digit month.
    if let (Some(dash), Some(month)) = (tokens.get(i + 1), tokens.get(i + 2)) {
        let adjacent = dash.at == t.at + t.text.len() && month.at == dash.at + 1;
        if adjacent && dash.text == "-" && month.text.len() == 2 {
            if let Some(m) = month.text.parse().ok().and_then(|m| Month::new(year, m)) {
                return Some((End::Month(m), 3));
            }
        }
    }
    Some((End::Year(year), 1))
}

/// A four-digit year from 1950 to 2099.
fn year_of(s: &str) -> Option<u32> {
    let s = s.trim_end_matches('.');
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
        .filter(|y| (1950..2100).contains(y))
}

/// The first date range in `line`: its byte offset, its length and the period. A range whose end comes before
/// its start, or that ends after today, is not read.
pub fn date_range(line: &str, today: Month) -> Option<(usize, usize, Period)> {
    // Every range has a four-digit year: most lines have none, and are rejected without tokenising.
    if !line.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit)) {
        return None;
    }
    let toks = tokens(line);
    for i in 0..toks.len() {
        let Some((from, used)) = parse_end(&toks, i) else { continue };
        if from == End::Ongoing {
            continue;
        }
        let joiner = toks.get(i + used)?;
        if !RANGE_JOINERS.contains(&joiner.text.to_ascii_lowercase().as_str()) {
            continue;
        }
        let Some((to, used_to)) = parse_end(&toks, i + used + 1) else { continue };
        let (Some(last), Some(first)) = (toks.get(i + used + used_to), toks.get(i)) else { continue };
        let start_at = first.at;
        let end_at = last.at + last.text.len();
        if let Some(period) = period_of(from, to, today) {
            return Some((start_at, end_at - start_at, period));
        }
    }
    None
}

/// The period between two ends, or `None` when it makes no sense.
fn period_of(from: End, to: End, today: Month) -> Option<Period> {
    let (start, ongoing, until) = match (from, to) {
        (End::Month(a), End::Month(b)) => (a, false, b.next()),
        (End::Year(a), End::Year(b)) => (Month::new(a, 1)?, false, Month::new(b, 1)?),
        // "Mar 2019 – 2023": the end year counts from January, as for a bare year.
        (End::Month(a), End::Year(b)) => (a, false, Month::new(b, 1)?.max(a.next())),
        (End::Year(a), End::Month(b)) => (Month::new(a, 1)?, false, b.next()),
        (End::Month(a), End::Ongoing) => (a, true, today.next()),
        (End::Year(a), End::Ongoing) => (Month::new(a, 1)?, true, today.next()),
        (End::Ongoing, _) => return None,
    };
    let end_year = match to {
        End::Month(m) => m.year(),
        End::Year(y) => y,
        End::Ongoing => today.year(),
    };
    (start < until && start <= today).then_some(Period {
        from: start,
        until: until.min(today.next()),
        ongoing,
        end_year,
    })
}

/// The months covered by `periods`, counting overlaps once.
pub fn union_months(periods: impl IntoIterator<Item = Period>) -> u32 {
    let mut spans: Vec<(u32, u32)> = periods.into_iter().map(|p| (p.from.0, p.until.0)).collect();
    spans.sort_unstable();
    let mut total = 0;
    let mut current: Option<(u32, u32)> = None;
    for (a, b) in spans {
        current = match current {
            Some((ca, cb)) if a <= cb => Some((ca, cb.max(b))),
            Some((ca, cb)) => {
                total += cb - ca;
                Some((a, b))
            }
            None => Some((a, b)),
        };
    }
    total + current.map_or(0, |(a, b)| b - a)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Month {
        Month::new(2026, 12).unwrap()
    }

    struct RangeCase {
        name: &'static str,
        line: &'static str,
        expected: Option<(&'static str, u32, bool)>,
    }

    const RANGES: &[RangeCase] = &[
        RangeCase {
            name: "years", line: "Analyst, Acme — 2019 – 2023", expected: Some(("2019 – 2023", 48, false))
        },
        RangeCase {
            name: "months",
            line: "Analyst, Acme, Jan 2019 – Mar 2023",
            expected: Some(("Jan 2019 – Mar 2023", 51, false)),
        },
        RangeCase {
            name: "full month names and to",
            line: "September 2020 to June 2022",
            expected: Some(("September 2020 to June 2022", 22, false)),
        },
        RangeCase {
            name: "present",
            line: "Lead Nurse | St Mary's | 2021 – Present",
            expected: Some(("2021 – Present", 72, true)),
        },
        RangeCase {
            name: "numeric months",
            line: "03/2018 - 02/2020",
            expected: Some(("03/2018 - 02/2020", 24, false)),
        },
        RangeCase {
            name: "iso months", line: "2018-03 – 2020-02", expected: Some(("2018-03 – 2020-02", 24, false))
        },
        RangeCase { name: "hyphenated years", line: "Teacher (2015-2019)", expected: Some(("2015-2019", 48, false)) },
        RangeCase { name: "no range", line: "Managed budgets of £2m in 2019", expected: None },
        RangeCase {
            name: "full stop after the year",
            line: "Analyst from 2019 to 2023.",
            expected: Some(("2019 to 2023.", 48, false)),
        },
        RangeCase { name: "backwards", line: "2023 – 2019", expected: None },
        RangeCase { name: "phone numbers", line: "Call 0207 - 1234 567", expected: None },
        RangeCase { name: "future start", line: "2030 – present", expected: None },
    ];

    #[test]
    fn date_ranges() {
        for case in RANGES {
            let got =
                date_range(case.line, today()).map(|(at, len, p)| (&case.line[at..at + len], p.months(), p.ongoing));
            assert_eq!(got, case.expected, "{}", case.name);
        }
    }

    fn lines_of(text: &str) -> Vec<LineInfo> {
        let mut out = Vec::new();
        let mut start = 0;
        let mut allowed = true;
        for raw in text.split_inclusive('\n') {
            let content = raw.trim_end_matches(['\n', '\r']);
            let heading = content.starts_with('#');
            if heading {
                allowed = !content.to_lowercase().contains("education");
            }
            out.push(LineInfo { start, end: start + content.len(), dated_roles_allowed: allowed, heading });
            start += raw.len();
        }
        out
    }

    #[test]
    fn roles_cover_their_bullets_and_stop_at_other_sections() {
        let cv = "## Experience\nData Analyst, Acme Corp, Denver, Jan 2019 – Mar 2023\n- Tableau dashboards\n\
                  Senior Analyst at Birch Ltd\n2023 – present\n- SQL\n## Education\nBSc, 2012 – 2015\n";
        let roles = roles(cv, &lines_of(cv), today());
        assert_eq!(roles.len(), 2);
        let first = &roles[0];
        assert!(cv[first.span.0..first.span.1].contains("Tableau"));
        assert!(!cv[first.span.0..first.span.1].contains("Birch"));
        assert_eq!(first.header, "Data Analyst, Acme Corp, Denver");
        assert_eq!(first.employer.map(|(s, e)| &cv[s..e]), Some("Acme Corp"));
        assert_eq!(first.period.to_string(), "2019–2023");
        let years_only = date_range("2019 – 2023", today()).map(|(_, _, p)| p.to_string());
        assert_eq!(years_only.as_deref(), Some("2019–2023"), "a year-only range shows the years written");
        let second = &roles[1];
        assert_eq!(second.header, "Senior Analyst at Birch Ltd");
        assert_eq!(second.employer.map(|(s, e)| &cv[s..e]), Some("Birch Ltd"));
        assert!(second.period.ongoing);
        assert!(!cv[second.span.0..second.span.1].contains("BSc"), "education dates are not a role");
    }

    struct SlotCase {
        line: &'static str,
        expected: Option<&'static str>,
    }

    const SLOTS: &[SlotCase] = &[
        SlotCase { line: "Warehouse Supervisor, Summit Logistics, Reno, NV", expected: Some("Summit Logistics") },
        SlotCase { line: "Science Teacher at Oakridge High School", expected: Some("Oakridge High School") },
        SlotCase { line: "Electrician | Precision Welding Ltd", expected: Some("Precision Welding Ltd") },
        SlotCase { line: "Freelance work in data analysis", expected: None },
        SlotCase { line: "Analyst, various clients", expected: None },
        SlotCase { line: "**Front Range Supply Co.** — Denver, CO · ", expected: Some("Front Range Supply Co.") },
        // A title in bold: the field ending in an organisation word is the employer.
        SlotCase {
            line: "**DevOps Engineer** — Helm Maritime Software, Dublin",
            expected: Some("Helm Maritime Software"),
        },
        // A state code is not a company: "CO" alone does not make a name.
        SlotCase {
            line: "Staff Accountant, Alpine Ridge Property Management, Denver, CO",
            expected: Some("Alpine Ridge Property Management"),
        },
    ];

    #[test]
    fn employer_slots() {
        for case in SLOTS {
            let got = employer_slot(case.line, case.line.len(), 0, false).map(|(s, e)| &case.line[s..e]);
            assert_eq!(got, case.expected, "{}", case.line);
        }
    }

    #[test]
    fn titles_above_the_dates_open_their_role() {
        let cv = "## Experience\n### Staff Accountant\n**Pine Supply Co.** — Denver, CO · *Aug 2021 – Present*\n\
                  - Month-end close\n### Accounting Assistant\n**Ridge Lettings** — Lakewood · *Jan 2020 – Jul 2021*\n\
                  - Bank reconciliations\n";
        let roles = roles(cv, &lines_of(cv), today());
        assert_eq!(roles.len(), 2);
        assert!(cv[roles[0].span.0..roles[0].span.1].starts_with("### Staff Accountant"));
        assert!(!cv[roles[0].span.0..roles[0].span.1].contains("Accounting Assistant"));
        assert!(cv[roles[1].span.0..roles[1].span.1].starts_with("### Accounting Assistant"));
        assert_eq!(roles[0].employer.map(|(s, e)| &cv[s..e]), Some("Pine Supply Co."));
        assert_eq!(roles[1].header, "Accounting Assistant, Ridge Lettings — Lakewood");
    }

    #[test]
    fn overlapping_roles_count_once() {
        let p = |a: (u32, u32), b: (u32, u32)| Period {
            from: Month::new(a.0, a.1).unwrap(),
            until: Month::new(b.0, b.1).unwrap(),
            ongoing: false,
            end_year: b.0,
        };
        // 2019-2022 and 2021-2024 overlap for a year: 5 years in all, not 6.
        assert_eq!(union_months([p((2019, 1), (2022, 1)), p((2021, 1), (2024, 1))]), 60);
        assert_eq!(union_months([p((2019, 1), (2020, 1)), p((2021, 1), (2022, 1))]), 24);
        assert_eq!(union_months([]), 0);
    }

    #[test]
    fn odd_text_does_not_panic() {
        for s in ["– 2019", "2019 –", "Jan", "é2019–2020é", "2019-", "-2019-2020-", "12/ - 13/2020", "🙂 2019 — now"]
        {
            let _ = date_range(s, today());
            let _ = employer_slot(s, s.len() / 2, 0, true);
        }
    }
}
