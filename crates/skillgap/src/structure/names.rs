//! Names that are not skills: organisations and schools whose names hold a skill word ("Summit Logistics",
//! "Oakridge High School", "Precision Welding Ltd", "University of Leeds School of Nursing").
//!
//! A name here is a run of capitalised words on one line that ends in a word organisations end their names with
//! (Inc, Ltd, School, Hospital, Logistics...), starts with one followed by "of" ("University of ..."), or follows
//! "at" or "@" ("Designer @ Canvas Health"). A skill
//! mention that lies inside such a run, and is not the whole run, names the organisation, not a skill.

/// Last words that only a company's name ends with: a legal form or a trading word.
const COMPANY_SUFFIXES: &[&str] = &[
    "inc",
    "incorporated",
    "ltd",
    "limited",
    "llc",
    "llp",
    "plc",
    "gmbh",
    "corp",
    "corporation",
    "company",
    "technologies",
    "solutions",
    "systems",
];

/// Last words of organisation names.
const ORG_SUFFIXES: &[&str] = &[
    "inc",
    "inc.",
    "incorporated",
    "ltd",
    "ltd.",
    "limited",
    "llc",
    "llp",
    "plc",
    "gmbh",
    "ag",
    "corp",
    "corp.",
    "corporation",
    "co",
    "co.",
    "company",
    "group",
    "holdings",
    "partners",
    "associates",
    "school",
    "academy",
    "college",
    "university",
    "institute",
    "hospital",
    "hospitals",
    "clinic",
    "infirmary",
    "hospice",
    "home",
    "logistics",
    "freight",
    "foundation",
    "trust",
    "council",
    "agency",
    "studio",
    "studios",
    "center",
    "centre",
    "district",
    "ministries",
    "collective",
    "cooperative",
    "co-op",
    "electric",
    "solutions",
    "technologies",
    "labs",
    "consulting",
    "enterprises",
    "industries",
    "contractors",
    "builders",
];

/// Whether `word` (lowercased) is a word organisations end their names with ("ltd", "logistics", "school").
pub fn is_org_suffix(word: &str) -> bool {
    ORG_SUFFIXES.contains(&word)
}

/// Legal forms written after a comma ("Acme Welding, LLC", "Ridge Data, Inc.").
const LEGAL_FORMS: &[&str] = &["inc", "llc", "ltd", "llp", "plc", "gmbh", "corp", "co", "lp", "pllc", "pc"];

/// First words of organisation names written "X of Y" ("University of Leeds", "School of Nursing").
const ORG_PREFIXES: &[&str] =
    &["university", "college", "school", "institute", "academy", "bank", "hospital", "society", "association", "board"];

/// Words after a would-be name that show its last word opens a label instead ("Company size: 200", "Company type:
/// Private", "Company description").
const LABEL_WORDS: &[&str] =
    &["size", "type", "description", "overview", "profile", "name", "culture", "benefits", "values", "information"];

/// Small words that may sit inside a name ("Bank of America", "Johnson & Johnson", "Tower and Crane Ltd").
/// "for" and "the" are left out: they join a sentence's verb to a name more often than they sit inside one ("Worked
/// for Harper Associates").
const CONNECTORS: &[&str] = &["of", "and", "&", "de", "du", "la", "y"];

/// The organisation names in `text`, as byte ranges, in text order.
pub fn organisation_names(text: &str) -> Vec<(usize, usize)> {
    let mut names = Vec::new();
    let mut run: Vec<(usize, usize)> = Vec::new();
    let mut flush = |run: &mut Vec<(usize, usize)>| {
        // "At Tableau Street I manage…": a sentence that opens with "At" names where the writer works, and the
        // "I" after the name is not part of it.
        let word_of = |&(s, e): &(usize, usize)| text.get(s..e).unwrap_or_default();
        let led_by_at = run.len() >= 3 && run.first().is_some_and(|w| matches!(word_of(w), "At" | "AT"));
        if led_by_at {
            run.remove(0);
            while run.last().is_some_and(|w| matches!(word_of(w), "I" | "We")) {
                run.pop();
            }
        }
        // Most runs are one capitalised word, which names nothing: flushed once per word of the text.
        if run.len() < 2 {
            run.clear();
            return;
        }
        // Connectors may not end a run ("Acme and"). They are ASCII, and no other character lowercases to ASCII
        // letters of theirs, so an ASCII comparison reads them as lowercasing would.
        while run.last().is_some_and(|&(s, e)| {
            CONNECTORS.iter().any(|c| text.get(s..e).unwrap_or_default().eq_ignore_ascii_case(c))
        }) {
            run.pop();
        }
        let label = run.last().is_some_and(|&(_, e)| {
            let next = text.get(e..).unwrap_or_default().trim_start_matches([' ', '\t']);
            let word = next.find(|c: char| !c.is_alphabetic()).map_or(next, |end| next.get(..end).unwrap_or_default());
            LABEL_WORDS.contains(&word)
        });
        // "Lead Designer @ Canvas Health", "Analyst at Harvest Robotics", "joined Harvest Robotics": a name right
        // after "at", "@" or "joined" is where someone works, whatever its last word.
        let after_at = || {
            let before = text.get(..run.first().map_or(0, |&(s, _)| s)).unwrap_or_default();
            let before = before.trim_end_matches([' ', '\t']).as_bytes();
            before.ends_with(b"@") || ["at", "joined"].iter().any(|w| ends_with_word(before, w.as_bytes()))
        };
        // "Ironwood CNC Machining, LLC": a legal form after a comma ends the name.
        let legal_form_after = || {
            let after = run.last().and_then(|&(_, e)| text.get(e..)).unwrap_or_default();
            let Some(rest) = after.strip_prefix(',') else { return false };
            let rest = rest.trim_start_matches([' ', '\t']);
            let word = rest
                .find(|c: char| !c.is_alphanumeric() && c != '.')
                .map_or(rest, |end| rest.get(..end).unwrap_or_default());
            // "Fort Collins, CO" is a place: Colorado's code, not "Co.".
            word != "CO" && LEGAL_FORMS.contains(&word.trim_end_matches('.').to_lowercase().as_str())
        };
        if let (Some(first), Some(last)) = (run.first(), run.last()) {
            if run.len() >= 2 && !label && (is_org_name(text, run) || led_by_at || after_at() || legal_form_after()) {
                names.push((first.0, last.1));
            }
        }
        run.clear();
    };
    let mut last_end = 0;
    for (start, end) in words(text) {
        let word = text.get(start..end).unwrap_or_default();
        let between = text.get(last_end..start).unwrap_or_default();
        // A run lives on one line and is not broken by punctuation other than the "." of an abbreviation.
        let joined = !run.is_empty() && between.bytes().all(|b| b == b' ' || b == b'\t');
        // A run of one word or none names nothing and is just dropped: most words of a text end such a run.
        if !joined && run.len() >= 2 {
            flush(&mut run);
        } else if !joined {
            run.clear();
        }
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        let connector = || CONNECTORS.iter().any(|c| word.eq_ignore_ascii_case(c));
        if capitalised || (!run.is_empty() && connector()) {
            run.push((start, end));
        } else if run.len() >= 2 {
            flush(&mut run);
        } else {
            run.clear();
        }
        last_end = end;
    }
    flush(&mut run);
    names.extend(after_a_title(text));
    names.extend(places(text));
    names.sort_unstable();
    names.dedup();
    names
}

/// Last words of job titles: a header that names a title and then, after a dash or bar, where it is held
/// ("Mechanical Design Engineer — Python Fluid Controls", "Store Manager – Greenway Pharmacy & Market").
const TITLE_WORDS: &[&str] = &[
    "engineer",
    "manager",
    "designer",
    "developer",
    "technician",
    "nurse",
    "specialist",
    "analyst",
    "director",
    "officer",
    "adjuster",
    "coordinator",
    "assistant",
    "lead",
    "consultant",
    "administrator",
    "supervisor",
    "representative",
    "accountant",
    "teacher",
    "therapist",
    "pharmacist",
    "electrician",
    "plumber",
    "welder",
    "mechanic",
    "driver",
    "operator",
    "scientist",
    "architect",
    "planner",
    "producer",
    "editor",
    "writer",
    "reporter",
    "chef",
    "agent",
    "advisor",
    "adviser",
    "counselor",
    "counsellor",
    "worker",
    "clerk",
    "paralegal",
    "attorney",
    "hygienist",
    "founder",
    "owner",
    "president",
    "executive",
    "strategist",
    "buyer",
    "recruiter",
    "generalist",
    "instructor",
    "trainer",
    "pilot",
    "firefighter",
    "paramedic",
    "emt",
    "fundraiser",
    "librarian",
    "dietitian",
];

/// US state, district and Canadian province codes, as written after a city ("Ankeny, IA", "Guelph, ON").
const REGION_CODES: &[&str] = &[
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
    "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR",
    "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "AB", "BC", "MB", "NB", "NL", "NS",
    "NT", "NU", "ON", "PE", "QC", "SK", "YT",
];

/// Places written "City, ST": a capitalised word, a comma and a region code that ends the word ("Ankeny, IA ·",
/// "Fort Collins, CO)"). The code is the place's, not a skill's abbreviation (IA, PA, OR, MA).
fn places(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let bytes = line.as_bytes();
    // Commas are found with std's memchr-backed search; the bytes after each are then checked.
    let commas = line.match_indices(',').map(|(i, _)| i).filter(|&i| {
        bytes.get(i + 1) == Some(&b' ')
            && bytes.get(i + 2).is_some_and(u8::is_ascii_uppercase)
            && bytes.get(i + 3).is_some_and(u8::is_ascii_uppercase)
    });
    for at in commas {
        let code_start = at + 2;
        let code = line.get(code_start..code_start + 2).unwrap_or_default();
        let ends = !line.get(code_start + 2..).and_then(|r| r.chars().next()).is_some_and(char::is_alphanumeric);
        if !ends || !REGION_CODES.contains(&code) {
            continue;
        }
        let before = line.get(..at).unwrap_or_default();
        let word_start = |end: usize| {
            let head = before.get(..end).unwrap_or_default();
            head.rfind(|c: char| !(c.is_alphabetic() || c == '.' || c == '\'')).map_or(0, |i| i + 1)
        };
        let capitalised = |from: usize, to: usize| {
            let word = before.get(from..to).unwrap_or_default();
            word.len() >= 2 && word.chars().next().is_some_and(char::is_uppercase)
        };
        let mut city_start = word_start(before.len());
        if !capitalised(city_start, before.len()) {
            continue;
        }
        // "Fort Collins", "St. John's": earlier capitalised words of the city's name.
        while city_start > 1 && before.get(city_start - 1..city_start) == Some(" ") {
            let start = word_start(city_start - 1);
            if !capitalised(start, city_start - 1) {
                break;
            }
            city_start = start;
        }
        out.push((city_start, code_start + 2));
    }
    out
}

/// Separators between the parts of a header line.
const HEADER_SEPARATORS: &[&str] = &[" — ", " – ", " | ", " · ", " - "];

/// Names that follow a job title across a header separator: the capitalised words that open the next part.
fn after_a_title(line: &str) -> Vec<(usize, usize)> {
    // Most lines hold no separator: std's fast single searches for each (a byte loop cost 4 instructions a byte
    // on long lines) before the positions are gathered.
    let maybe = ['—', '–', '·'].iter().any(|&c| line.contains(c)) || line.contains(" | ") || line.contains(" - ");
    if !maybe {
        return Vec::new();
    }
    let mut cuts: Vec<(usize, usize)> = HEADER_SEPARATORS
        .iter()
        .flat_map(|sep| line.match_indices(sep).map(|(at, sep)| (at, at + sep.len())))
        .collect();
    if cuts.is_empty() {
        return Vec::new();
    }
    cuts.sort_unstable();
    let mut names = Vec::new();
    let mut part_start = 0;
    for &(cut, next) in &cuts {
        let part = line.get(part_start..cut).unwrap_or_default().trim_end_matches(['*', '_', ' ']);
        let last = part.rsplit([' ', '*', '_', '#']).next().unwrap_or_default();
        if in_lowercase_list(last, TITLE_WORDS) {
            let mut run: Vec<(usize, usize)> = Vec::new();
            let rest = line.get(next..).unwrap_or_default();
            for (s, e) in words(rest) {
                let word = rest.get(s..e).unwrap_or_default();
                let between = rest.get(run.last().map_or(0, |&(_, e)| e)..s).unwrap_or_default();
                let capitalised = word.chars().next().is_some_and(char::is_uppercase);
                let connector = !run.is_empty() && CONNECTORS.iter().any(|c| word.eq_ignore_ascii_case(c));
                let joined = run.is_empty() && between.trim_start_matches(['*', '_']).is_empty()
                    || between.bytes().all(|b| b == b' ');
                if !(joined && (capitalised || connector)) {
                    break;
                }
                run.push((s, e));
            }
            while run.last().is_some_and(|&(s, e)| CONNECTORS.iter().any(|c| rest.get(s..e) == Some(*c))) {
                run.pop();
            }
            // A second title ("Master Electrician | Industrial Maintenance Lead at …") is no employer.
            let titled =
                run.last().is_some_and(|&(s, e)| in_lowercase_list(rest.get(s..e).unwrap_or_default(), TITLE_WORDS));
            if let (true, false, Some(&(s, _)), Some(&(_, e))) = (run.len() >= 2, titled, run.first(), run.last()) {
                names.push((next + s, next + e));
            }
        }
        part_start = next;
    }
    names
}

/// Whether `text` ends with the word `word` (ASCII, any case), standing alone or after a space.
fn ends_with_word(text: &[u8], word: &[u8]) -> bool {
    let Some(at) = text.len().checked_sub(word.len()) else { return false };
    text.get(at..).is_some_and(|end| end.eq_ignore_ascii_case(word))
        && (at == 0 || text.get(at - 1).is_some_and(|&b| b == b' ' || b == b'\t' || b == b'\n'))
}

/// Whether a run of capitalised words reads as an organisation's name.
fn is_org_name(text: &str, run: &[(usize, usize)]) -> bool {
    let word = |&(s, e): &(usize, usize)| text.get(s..e).unwrap_or_default();
    run.last().is_some_and(|last| in_lowercase_list(word(last), ORG_SUFFIXES))
        || run.windows(3).any(|w| {
            matches!(w, [prefix, of, _] if in_lowercase_list(word(prefix), ORG_PREFIXES)
                && in_lowercase_list(word(of), &["of"]))
        })
}

/// Whether `word`, lowercased, is one of `list` (lowercase ASCII words). An ASCII word is compared in any ASCII case
/// without a lowercased copy; only another word needs one (the Kelvin sign lowercases to an ASCII "k").
fn in_lowercase_list(word: &str, list: &[&str]) -> bool {
    if word.is_ascii() {
        list.iter().any(|w| w.eq_ignore_ascii_case(word))
    } else {
        list.contains(&word.to_lowercase().as_str())
    }
}

/// The words of `text`, as byte ranges: letters, digits and the marks that sit inside names (`'`, `-`, `.`, `&`).
fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = loop {
            let (word, len) = word_char_at(text, at)?;
            at += len;
            if word {
                break at - len;
            }
        };
        let mut end = text.len();
        while let Some((word, len)) = word_char_at(text, at) {
            if !word {
                end = at;
                break;
            }
            at += len;
        }
        // A sentence's full stop is not part of its last word ("... at Summit Logistics.").
        let word = text.get(start..end).unwrap_or_default().trim_end_matches(['.', '\'', '’', '-']);
        let word_end = start + word.len();
        Some((start, if word.eq_ignore_ascii_case("inc") || word.eq_ignore_ascii_case("ltd") { end } else { word_end }))
    })
    .filter(|&(s, e)| e > s)
}

/// Whether the character at byte `at` of `text` belongs to a word (see [`words`]), and its length; `None` at the
/// end. Every posting is read this way once, so ASCII is tested a byte at a time.
#[inline]
fn word_char_at(text: &str, at: usize) -> Option<(bool, usize)> {
    let byte = *text.as_bytes().get(at)?;
    if byte.is_ascii() {
        return Some((byte.is_ascii_alphanumeric() || matches!(byte, b'\'' | b'-' | b'.' | b'&'), 1));
    }
    let c = text.get(at..)?.chars().next()?;
    Some((c.is_alphanumeric() || c == '’', c.len_utf8()))
}

/// The mentions to drop because they name an organisation: those inside a name from [`organisation_names`] that
/// still has a proper word of its own once every mention, suffix, prefix and connector is set aside ("Summit" in
/// "Summit Logistics", "Oakridge" in "Oakridge High School"). A name made only of skills and a suffix ("Nursing
/// Home", "Warehouse Logistics") is a setting or a skill, not an employer, and keeps its mentions. `mentions` are
/// byte ranges in text order; the result holds their indices.
pub fn mentions_in_names(text: &str, names: &[(usize, usize)], mentions: &[(usize, usize)]) -> Vec<usize> {
    let mut dropped = Vec::new();
    for &(name_start, name_end) in names {
        let first = mentions.partition_point(|&(_, e)| e <= name_start);
        let inside: Vec<(usize, (usize, usize))> = (mentions.iter().copied().enumerate().skip(first))
            .take_while(|&(_, m)| m.0 < name_end)
            .filter(|&(_, m)| m.0 >= name_start && m.1 <= name_end)
            .collect();
        if inside.is_empty() || inside.iter().any(|&(_, m)| m == (name_start, name_end)) {
            continue;
        }
        let Some(name) = text.get(name_start..name_end) else { continue };
        let proper = words(name).any(|(s, e)| {
            let (s, e) = (name_start + s, name_start + e);
            let lower = text.get(s..e).unwrap_or_default().to_lowercase();
            let lower = lower.trim_end_matches('.');
            let covered = inside.iter().any(|&(_, m)| m.0 <= s && e <= m.1);
            !covered
                && !ORG_SUFFIXES.contains(&lower)
                && !ORG_PREFIXES.contains(&lower)
                && !CONNECTORS.contains(&lower)
                && !["high", "middle", "primary", "secondary", "elementary", "state", "national", "community"]
                    .contains(&lower)
        });
        // "Hyperion Freight Technologies": three words or more ending in a company's legal or trading suffix name
        // a company even when every other word is a skill's.
        let company = || {
            let words: Vec<(usize, usize)> = words(name).collect();
            let last = words.last().and_then(|&(s, e)| name.get(s..e)).unwrap_or_default().to_lowercase();
            words.len() >= 3 && COMPANY_SUFFIXES.contains(&last.trim_end_matches('.'))
        };
        if proper || company() {
            dropped.extend(inside.iter().map(|&(i, _)| i));
        }
    }
    dropped.sort_unstable();
    dropped.dedup();
    dropped
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Case {
        text: &'static str,
        names: &'static [&'static str],
    }

    const CASES: &[Case] = &[
        Case { text: "Shift lead at Summit Logistics, Reno", names: &["Summit Logistics"] },
        Case { text: "Lead Product Designer @ Canvas Health · patient experience", names: &["Canvas Health"] },
        Case { text: "Researcher at Harvest Robotics, then freelance", names: &["Harvest Robotics"] },
        Case { text: "In 2022 she joined Harvest Robotics to design dashboards.", names: &["Harvest Robotics"] },
        Case { text: "Colorado Society of CPAs member", names: &["Colorado Society of CPAs"] },
        Case { text: "Taught physics at Oakridge High School for six years.", names: &["Oakridge High School"] },
        Case { text: "Apprentice, Precision Welding Ltd.", names: &["Precision Welding Ltd."] },
        Case { text: "BSN, University of Leeds School of Nursing", names: &["University of Leeds School of Nursing"] },
        Case { text: "We use Amazon Web Services and Tableau.", names: &[] },
        Case { text: "Experience in logistics and welding is required.", names: &[] },
        Case { text: "Charge nurse, Riverside Nursing Home", names: &["Riverside Nursing Home"] },
        Case { text: "Worked for Harper and Lane Associates", names: &["Harper and Lane Associates"] },
        Case { text: "Sector: Renewable Energy Storage Company size: 200", names: &[] },
        Case { text: "Department of Physics and Astronomy", names: &[] },
        Case {
            text: "Hanover Plumbing & Electric · Columbus, OH",
            names: &["Hanover Plumbing & Electric", "Columbus, OH"],
        },
        Case { text: "Welder at a shop — Ironwood CNC Machining, LLC, Erie", names: &["Ironwood CNC Machining"] },
        Case { text: "Skills: CNC Machining, Welding", names: &[] },
        Case { text: "Data engineer at a Series B, Ledgerline Technologies", names: &["Ledgerline Technologies"] },
        Case { text: "At Tableau Street I manage a portfolio of donors.", names: &["Tableau Street"] },
        Case { text: "At Python Fluid Controls we build valves.", names: &["Python Fluid Controls"] },
        Case { text: "At Scale I work with Python.", names: &[] },
        Case { text: "Mechanical Design Engineer — Python Fluid Controls", names: &["Python Fluid Controls"] },
        Case {
            text: "Store Manager – Greenway Pharmacy & Market (Store #27, Fort Collins, CO)",
            names: &["Greenway Pharmacy & Market", "Fort Collins, CO"],
        },
        Case { text: "**Support Lead** | Atlas HR Cloud", names: &["Atlas HR Cloud"] },
        Case { text: "Python · SQL · Tableau Desktop", names: &[] },
        Case { text: "Ankeny, IA · 515-555-0128", names: &["Ankeny, IA"] },
        Case { text: "Worked in Pittsburgh, PA and Guelph, ON.", names: &["Pittsburgh, PA", "Guelph, ON"] },
        Case { text: "Python, SQL, Excel", names: &[] },
        Case {
            text: "Master Electrician | Industrial Maintenance Lead at Precision Welding Ltd",
            names: &["Precision Welding Ltd"],
        },
        Case { text: "Skills — Python and Tableau Desktop", names: &[] },
    ];

    #[test]
    fn lists_are_lowercase_ascii() {
        for list in [ORG_SUFFIXES, ORG_PREFIXES, COMPANY_SUFFIXES, LEGAL_FORMS, CONNECTORS] {
            for word in list {
                assert!(word.is_ascii() && *word == word.to_lowercase(), "{word}");
            }
        }
    }

    #[test]
    fn list_lookup_lowercases_as_to_lowercase_does() {
        for word in ["School", "SCHOOL", "school", "Schoo", "Co.", "\u{212A}", "Ltd.", "Inc", "Of", "oF", "Ünïversity"]
        {
            for list in [ORG_SUFFIXES, ORG_PREFIXES, &["of", "k"][..]] {
                assert_eq!(in_lowercase_list(word, list), list.contains(&word.to_lowercase().as_str()), "{word}");
            }
        }
    }

    #[test]
    fn finds_organisation_names() {
        for case in CASES {
            let got: Vec<&str> = organisation_names(case.text).iter().map(|&(s, e)| &case.text[s..e]).collect();
            assert_eq!(got, case.names, "{}", case.text);
        }
    }

    #[test]
    fn mentions_inside_names_are_dropped_only_when_the_name_has_a_word_of_its_own() {
        let find = |text: &str, word: &str| {
            let s = text.find(word).unwrap();
            (s, s + word.len())
        };
        let text = "Summit Logistics uses Amazon Web Services";
        let names = organisation_names(text);
        let mentions = [find(text, "Logistics"), find(text, "Amazon Web Services")];
        assert_eq!(mentions_in_names(text, &names, &mentions), [0]);

        let text = "Night shifts in a Nursing Home; Warehouse Logistics";
        let names = organisation_names(text);
        let mentions = [find(text, "Nursing"), find(text, "Warehouse"), find(text, "Logistics")];
        assert_eq!(mentions_in_names(text, &names, &mentions), Vec::<usize>::new());

        let text = "Teacher, Oakridge High School";
        let mentions = [find(text, "Teacher"), find(text, "High School")];
        assert_eq!(mentions_in_names(text, &organisation_names(text), &mentions), [1]);

        // A whole name that is a skill stays ("Amazon Web Services" ends in no suffix, but "Studio" could).
        let text = "Built in Android Studio";
        let mentions = [find(text, "Android Studio")];
        assert_eq!(mentions_in_names(text, &organisation_names(text), &mentions), Vec::<usize>::new());
    }

    #[test]
    fn odd_text_does_not_panic() {
        for s in ["", "Ltd", "Of Of Of", "É École Supérieure", "A & B & Co", "'' -- ..", "Inc. Inc. Inc."] {
            let names = organisation_names(s);
            assert!(names.iter().all(|&(a, b)| a <= b && b <= s.len()));
        }
    }
}
