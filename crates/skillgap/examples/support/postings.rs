//! A generator of realistic job postings, about 4 KB each, for benchmarks and batch runs.
//!
//! It knows nothing about how skillgap reads text: it takes plain skill terms (a name, a family, a kind and the
//! aliases people write) and fills its own templates with them. Postings come from many fields (nursing, trades,
//! sales, finance, teaching, software, ...), with the sections real postings have (About us, Responsibilities,
//! Requirements, Nice to have, Benefits), written in several heading styles, with requirement cues, either/or
//! lists, years of experience, negations ("not required"), aliases and the odd typo.
//!
//! The output is a pure function of the terms, the seed and the posting's number, so any posting can be made on
//! its own, in any order, on any thread. Shared by `examples/gen_postings.rs` and the benches (which include this
//! file with `#[path]`), so it uses nothing beyond `std`.

#![allow(dead_code)]

use std::fmt::Write as _;

/// A skill as the generator sees it.
#[derive(Debug, Clone)]
pub struct Term {
    /// The display name.
    pub name: String,
    /// The job family (`healthcare`, `sales`, ...).
    pub family: String,
    /// `tool`, `method`, `soft`, `certification`, ...
    pub kind: String,
    /// Other ways of writing it that need no context to be read as the skill.
    pub aliases: Vec<String>,
}

/// One generated posting.
#[derive(Debug, Clone)]
pub struct Posting {
    /// The job title.
    pub title: String,
    /// The employer.
    pub company: String,
    /// The posting's text.
    pub text: String,
}

/// A small, fast, well-mixed generator (SplitMix64): the same seed gives the same postings on every machine.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator for posting `n` of the run seeded with `seed`.
    pub fn new(seed: u64, n: u64) -> Rng {
        let mut rng = Rng(seed ^ n.wrapping_mul(0xA24B_AED4_963E_E407));
        rng.next();
        rng
    }

    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    /// One item of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// A field of work: which taxonomy families it draws skills from, and its own words.
struct Field {
    families: &'static [&'static str],
    titles: &'static [&'static str],
    /// Where the job is done and who it is done for.
    team: &'static str,
    people: &'static str,
    /// Sentences about the work that name no skill.
    duties: &'static [&'static str],
    /// Company name endings.
    company_kinds: &'static [&'static str],
}

const FIELDS: &[Field] = &[
    Field {
        families: &["healthcare"],
        titles: &["Registered Nurse", "ICU Staff Nurse", "Charge Nurse", "Community Nurse", "Clinical Nurse Educator"],
        team: "ward",
        people: "patients",
        duties: &[
            "Carry a caseload of four to six patients on a busy medical ward",
            "Hand over clearly at each change of shift and escalate concerns early",
            "Support relatives through difficult conversations with kindness",
            "Take part in audits, huddles and the unit's practice council",
            "Mentor students and newly qualified colleagues on placement",
        ],
        company_kinds: &["Health", "Hospital", "Medical Centre", "Care Trust", "Clinic"],
    },
    Field {
        families: &["construction", "engineering"],
        titles: &["Electrician", "Maintenance Technician", "Site Supervisor", "HVAC Engineer", "Joiner"],
        team: "site crew",
        people: "clients",
        duties: &[
            "Read drawings and agree the day's plan with the site manager",
            "Keep the work area tidy, safe and signed off at the end of each shift",
            "Order materials ahead of time and keep stock counts honest",
            "Travel between sites across the region in a company van",
            "Fill in job sheets and snag lists before leaving each property",
        ],
        company_kinds: &["Building Services", "Contractors", "Electrical", "Facilities", "Construction"],
    },
    Field {
        families: &["sales", "customer"],
        titles: &["Account Executive", "Sales Development Representative", "Territory Manager", "Key Account Manager"],
        team: "sales team",
        people: "customers",
        duties: &[
            "Build a healthy pipeline across a patch of mid-sized accounts",
            "Run discovery calls and write up next steps the same day",
            "Hit and beat a quarterly quota alongside a friendly team",
            "Work closely with marketing on events and follow-up campaigns",
            "Visit customers on site a few days a month",
        ],
        company_kinds: &["Software", "Supplies", "Group", "Solutions", "Distribution"],
    },
    Field {
        families: &["finance", "banking"],
        titles: &["Staff Accountant", "Financial Analyst", "Accounts Payable Specialist", "Finance Manager"],
        team: "finance team",
        people: "budget holders",
        duties: &[
            "Close the books each month on a tight timetable",
            "Reconcile balance sheet accounts and chase open items",
            "Prepare packs for the board and explain the movements",
            "Support the year-end audit and answer auditors' questions",
            "Improve our processes and controls as the company grows",
        ],
        company_kinds: &["Capital", "Partners", "Holdings", "Financial", "Bank"],
    },
    Field {
        families: &["education"],
        titles: &["Secondary Science Teacher", "Primary Class Teacher", "Maths Teacher", "Learning Designer"],
        team: "department",
        people: "pupils",
        duties: &[
            "Plan and teach engaging lessons across Key Stage 3 and 4",
            "Mark work promptly and give feedback pupils can act on",
            "Keep in touch with parents and carers about progress",
            "Run a club or trip that matches your interests",
            "Take part in the school's programme of training days",
        ],
        company_kinds: &["Academy", "School", "College", "Learning Trust", "Education"],
    },
    Field {
        families: &["software", "cloud", "data"],
        titles: &["Backend Engineer", "Senior Software Engineer", "Platform Engineer", "Data Engineer"],
        team: "engineering team",
        people: "users",
        duties: &[
            "Design, build and run services that handle millions of requests a day",
            "Review code with care and help colleagues grow",
            "Take a turn on the on-call rota, about one week in six",
            "Write clear design documents before big changes",
            "Work with product managers to decide what to build next",
        ],
        company_kinds: &["Labs", "Technologies", "Software", "Systems", "Digital"],
    },
    Field {
        families: &["marketing", "media", "design"],
        titles: &["Marketing Manager", "Content Marketer", "Growth Marketer", "Brand Designer"],
        team: "marketing team",
        people: "audiences",
        duties: &[
            "Plan campaigns from brief to launch and report on what worked",
            "Write copy for the website, emails and social posts",
            "Manage a budget and a small group of agencies",
            "Work with sales to turn interest into meetings",
            "Keep our brand consistent across every channel",
        ],
        company_kinds: &["Media", "Studio", "Brands", "Creative", "Agency"],
    },
    Field {
        families: &["hr"],
        titles: &["HR Generalist", "People Partner", "Recruiter", "Payroll Administrator"],
        team: "people team",
        people: "employees",
        duties: &[
            "Be the first point of contact for managers with people questions",
            "Guide new starters through their first weeks",
            "Keep employee records and contracts accurate and up to date",
            "Support managers through difficult cases with fairness",
            "Help run our engagement survey and act on the results",
        ],
        company_kinds: &["Group", "Services", "Retail", "Foods", "Logistics"],
    },
    Field {
        families: &["legal"],
        titles: &["Paralegal", "Associate Solicitor", "Legal Counsel", "Contracts Manager"],
        team: "legal team",
        people: "clients",
        duties: &[
            "Draft and review agreements for the commercial team",
            "Keep matters moving and files in good order",
            "Research points of law and summarise them clearly",
            "Attend client meetings with partners and take notes",
            "Help keep our templates and playbooks current",
        ],
        company_kinds: &["LLP", "Legal", "Law", "Chambers", "Partners"],
    },
    Field {
        families: &["hospitality"],
        titles: &["Sous Chef", "Restaurant Manager", "Front Office Supervisor", "Events Coordinator"],
        team: "kitchen",
        people: "guests",
        duties: &[
            "Lead the team through busy lunch and dinner services",
            "Keep standards high from prep to the pass",
            "Order stock, control waste and help with rotas",
            "Welcome guests and handle feedback with grace",
            "Train new starters on our menus and service style",
        ],
        company_kinds: &["Hotels", "Kitchen", "Hospitality", "Inns", "Dining"],
    },
    Field {
        families: &["supply-chain", "product"],
        titles: &["Warehouse Supervisor", "Supply Planner", "Logistics Coordinator", "Operations Manager"],
        team: "operations team",
        people: "customers",
        duties: &[
            "Plan the week's inbound and outbound loads with the transport team",
            "Keep stock accurate and investigate variances",
            "Lead the morning briefing on the warehouse floor",
            "Work with suppliers to fix late or short deliveries",
            "Look for waste in every process and remove it",
        ],
        company_kinds: &["Logistics", "Freight", "Supply", "Distribution", "Manufacturing"],
    },
    Field {
        families: &["pharma"],
        titles: &["QA Specialist", "Clinical Research Associate", "Validation Engineer", "Regulatory Affairs Officer"],
        team: "quality team",
        people: "patients",
        duties: &[
            "Review batch records and deviations with a keen eye",
            "Support inspections and prepare responses",
            "Keep procedures current and train colleagues on them",
            "Work with manufacturing and labs to close actions on time",
            "Visit trial sites and keep study files complete",
        ],
        company_kinds: &["Pharma", "Biotech", "Therapeutics", "Life Sciences", "Laboratories"],
    },
    Field {
        families: &["it", "security"],
        titles: &["IT Support Analyst", "Systems Administrator", "Security Analyst", "Network Engineer"],
        team: "IT team",
        people: "staff",
        duties: &[
            "Resolve tickets from staff across three offices",
            "Set up laptops and accounts for new starters",
            "Keep the asset register and documentation current",
            "Take part in an out-of-hours rota, about one weekend a month",
            "Help plan upgrades and migrations with minimal disruption",
        ],
        company_kinds: &["IT", "Networks", "Managed Services", "Systems", "Group"],
    },
];

const COMPANY_WORDS: &[&str] = &[
    "Northwind",
    "Bluebell",
    "Harbourside",
    "Kestrel",
    "Riverbend",
    "Oakfield",
    "Silverline",
    "Brightwater",
    "Maple",
    "Westbrook",
    "Lumen",
    "Fairhaven",
    "Greystone",
    "Redwood",
    "Copperleaf",
    "Ashgrove",
    "Meridian",
    "Halcyon",
];
const CITIES: &[&str] = &[
    "Leeds",
    "Manchester",
    "Bristol",
    "Glasgow",
    "Cardiff",
    "Dublin",
    "Denver",
    "Austin",
    "Toronto",
    "Melbourne",
    "Birmingham",
    "Portland",
    "Columbus",
    "Remote (UK)",
    "Hybrid, London",
];
const ABOUT: &[&str] = &[
    "{company} was founded {n} years ago by a small group of people who wanted to do things properly.",
    "Today we employ around {big} people across {few} locations, and we are still growing.",
    "Our {team} is friendly, busy and proud of the work it does for our {people}.",
    "We care about doing the right thing, even when nobody is watching.",
    "We have won several regional awards, but what matters most to us is what our {people} say.",
    "Our culture is open: people speak up, share ideas and help each other out.",
    "We invest in our people, and many of our leaders started with us in junior roles.",
    "Applications are welcome from people of every background; hiring here does not look at who you are, only at what you can do.",
    "Last year we opened a new office in {city} and moved into a bright, modern building.",
    "Our {people} come back to us because we listen, and because we keep our promises.",
    "We run on a simple idea: treat others the way you would like to be treated.",
    "Flexible working is part of how we operate, not a perk you have to ask for.",
];
const ROLE_INTRO: &[&str] = &[
    "As our new {title}, you become one of a {team} of {few}, reporting to the head of department.",
    "This is a {contract} role based in {city}, with some flexibility around hours.",
    "You'll be joining at an exciting time: we are busier than ever and want to keep our standards high.",
    "The right person takes pride in careful work and enjoys a team that helps each other out.",
];
const ROLE_MORE: &[&str] = &[
    "Most days start with a short team meeting, then you plan your own time.",
    "You will work closely with {a}, so some familiarity helps, but we will support you as you learn.",
    "The {team} uses {a} and {b} day to day, and we are always open to better ways of working.",
    "We measure success by the experience of our {people}, not by hours spent at a desk.",
    "In your first three months you will shadow experienced colleagues and get to know our {people}.",
    "There is real scope to grow: several of our {title}s have moved into senior roles within two years.",
    "You'll get regular one-to-ones with your manager and a clear development plan.",
    "The hours are mostly regular, with occasional busier periods at the end of each quarter.",
];
const DUTY_WITH_SKILL: &[&str] = &[
    "Use {a} every day to plan, track and report on your work",
    "Take ownership of {a} for your area, from planning to review",
    "Work with {a} and {b} alongside colleagues and {people}",
    "Keep records accurate and complete in {a}",
    "Apply {a} to improve how the {team} works",
    "Support colleagues with {a} and help them build confidence",
    "Lead on {a}, including training and documentation",
    "Contribute to projects involving {a}, {b} and {c}",
];
const REQUIRED: &[&str] = &[
    "{n}+ years of experience with {a}",
    "At least {n} years of hands-on {a} experience",
    "Proven experience in {a} and {b}",
    "Strong working knowledge of {a}",
    "Experience with {a} or {b}",
    "{a}, {b} or {c}",
    "Must have {a}",
    "Solid understanding of {a} ({b} or {c} also fine)",
    "Confident using {a}, {b} and {c}",
    "{a} ({n} years)",
    "Demonstrable experience of {a} in a similar role",
    "Excellent {soft} and {soft2}",
    "Good {soft} skills, with a calm and positive manner",
];
const REQUIRED_PLAIN: &[&str] = &[
    "A full driving licence and access to a vehicle",
    "The right to work in the country where the role is based",
    "A flexible attitude to shifts, including some weekends",
    "A genuine interest in learning and in helping others",
];
const NEGATED: &[&str] =
    &["{a} is not required; we will train you", "No prior {a} experience needed", "You do not need {a} to apply"];
const PREFERRED: &[&str] = &[
    "{a} is a plus",
    "Exposure to {a} would be great",
    "Ideally some experience with {a} or {b}",
    "Knowledge of {a} is desirable but not essential",
    "Bonus points for {a}",
    "Any background in {a}",
];
const BENEFITS: &[&str] = &[
    "{leave} days of annual leave plus bank holidays",
    "A matched pension of up to {pension}%",
    "Private health cover for you and your family",
    "A yearly learning budget and paid time for study",
    "Cycle to work scheme and season ticket loans",
    "Flexible and hybrid working where the role allows",
    "An employee assistance programme, available around the clock",
    "Enhanced parental leave and a sabbatical after five years",
    "Free parking on site and subsidised meals",
];
const APPLY: &[&str] = &[
    "To apply, send your CV and a short note about why this role appeals to you.",
    "Applications close on the {day}th of next month; we may close early if we find the right person.",
    "We review every application and aim to reply within two weeks.",
    "If you need any adjustments during the process, just let us know.",
    "Salary: {low},000 - {high},000 per annum, depending on experience.",
];

/// Heading texts for each section, in several wordings.
const ABOUT_HEADINGS: &[&str] = &["About us", "About the company", "Who we are", "Our company"];
const ROLE_HEADINGS: &[&str] = &["The role", "Your role", "About the role"];
const DUTY_HEADINGS: &[&str] = &["Responsibilities", "What you'll do", "Key responsibilities", "Duties"];
const REQUIRED_HEADINGS: &[&str] =
    &["Requirements", "What we're looking for", "What you'll bring", "Essential criteria", "Qualifications"];
const PREFERRED_HEADINGS: &[&str] = &["Nice to have", "Bonus points", "Preferred qualifications", "Desirable"];
const BENEFIT_HEADINGS: &[&str] = &["Benefits", "What we offer", "Perks", "Why join us"];
const APPLY_HEADINGS: &[&str] = &["How to apply", "Next steps"];

/// Makes postings from a list of terms.
#[derive(Debug)]
pub struct Generator {
    terms: Vec<Term>,
    pools: Vec<(Vec<usize>, Vec<usize>)>,
}

impl Generator {
    /// A generator over `terms`. Fields whose families have no terms fall back to every term.
    pub fn new(terms: Vec<Term>) -> Generator {
        let soft: Vec<usize> = (0..terms.len()).filter(|&i| terms[i].kind == "soft").collect();
        let all_hard: Vec<usize> = (0..terms.len()).filter(|&i| terms[i].kind != "soft").collect();
        // A field's hard skills come from its families; soft skills from anywhere. An empty pool falls back to
        // every hard skill, so that any list of terms makes postings.
        let pools = FIELDS
            .iter()
            .map(|field| {
                let hard: Vec<usize> =
                    all_hard.iter().copied().filter(|&i| field.families.contains(&terms[i].family.as_str())).collect();
                let hard = if hard.is_empty() { all_hard.clone() } else { hard };
                let soft = if soft.is_empty() { all_hard.clone() } else { soft.clone() };
                (hard, soft)
            })
            .collect();
        Generator { terms, pools }
    }

    /// Posting number `n` of the run seeded with `seed`.
    pub fn posting(&self, seed: u64, n: u64) -> Posting {
        let mut rng = Rng::new(seed, n);
        let field_at = rng.below(FIELDS.len());
        let field = &FIELDS[field_at];
        let (hard, soft) = &self.pools[field_at];
        let title = (*rng.pick(field.titles)).to_owned();
        let company = format!("{} {}", rng.pick(COMPANY_WORDS), rng.pick(field.company_kinds));
        let city = *rng.pick(CITIES);
        // The posting's own short list of skills, so that some repeat, as they do in real postings.
        let own: Vec<usize> = (0..rng.range(14, 22)).map(|_| *rng.pick(hard)).collect();
        let mut w = Writer { rng, out: String::with_capacity(4600), style: 0, used: Vec::new() };
        w.style = w.rng.below(4);
        let fill = Fill { gen: self, field, own: &own, soft, title: &title, company: &company, city };

        match w.rng.below(3) {
            0 => writeln!(w.out, "{title}\n{company} - {city}"),
            1 => writeln!(
                w.out,
                "# {title}\n\n{company} | {city} | {}",
                w.rng.pick(&["Full-time", "Part-time", "Contract"])
            ),
            _ => writeln!(w.out, "{title} ({city})\nEmployer: {company}"),
        }
        .unwrap_or_default();

        w.heading(ABOUT_HEADINGS);
        let about_at = w.out.len();
        w.paragraph(&fill, ABOUT, 3, 5);
        w.heading(ROLE_HEADINGS);
        let role_at = w.out.len();
        w.paragraph(&fill, ROLE_INTRO, 2, 3);
        w.heading(DUTY_HEADINGS);
        let duties = w.rng.range(7, 11);
        for _ in 0..duties {
            if w.rng.chance(65) {
                let line = w.filled(&fill, DUTY_WITH_SKILL);
                w.bullet(&line);
            } else {
                let line = w.rng_pick_str(field.duties).to_owned();
                w.bullet(&line);
            }
        }
        w.heading(REQUIRED_HEADINGS);
        let required = w.rng.range(8, 12);
        for _ in 0..required {
            let line = match w.rng.below(100) {
                0..=9 => w.rng_pick_str(REQUIRED_PLAIN).to_owned(),
                10..=16 => w.filled(&fill, NEGATED),
                _ => w.filled(&fill, REQUIRED),
            };
            w.bullet(&line);
        }
        w.heading(PREFERRED_HEADINGS);
        for _ in 0..w.rng.range(3, 5) {
            let line = w.filled(&fill, PREFERRED);
            w.bullet(&line);
        }
        w.heading(BENEFIT_HEADINGS);
        for _ in 0..w.rng.range(5, 8) {
            let line = w.filled(&fill, BENEFITS);
            w.bullet(&line);
        }
        w.heading(APPLY_HEADINGS);
        w.paragraph(&fill, APPLY, 2, 4);

        // Grow the About and role paragraphs to bring the posting to its length: about 4 KB, like a real one.
        let target = w.rng.range(3800, 4400);
        let (mut about, mut role) = (String::new(), String::new());
        while w.out.len() + about.len() + role.len() < target {
            if w.rng.chance(50) {
                let sentence = w.filled(&fill, ABOUT);
                write!(about, " {sentence}").unwrap_or_default();
            } else if w.rng.chance(50) {
                let sentence = w.filled(&fill, ROLE_MORE);
                write!(role, " {sentence}").unwrap_or_default();
            } else {
                let duty = w.rng_pick_str(field.duties);
                write!(role, " You will also {}{}.", duty[..1].to_lowercase(), &duty[1..]).unwrap_or_default();
            }
        }
        // Insert before each paragraph's line break, the later one first.
        let end_of = |out: &str, at: usize| out[at..].find('\n').map_or(out.len(), |i| at + i);
        let end_of_role = end_of(&w.out, role_at + 1);
        w.out.insert_str(end_of_role, &role);
        let end_of_about = end_of(&w.out, about_at + 1);
        w.out.insert_str(end_of_about, &about);
        Posting { title, company, text: w.out }
    }
}

/// The pieces a template is filled with.
struct Fill<'a> {
    gen: &'a Generator,
    field: &'a Field,
    own: &'a [usize],
    soft: &'a [usize],
    title: &'a str,
    company: &'a str,
    city: &'a str,
}

impl Fill<'_> {
    /// A skill as a posting writes it: mostly its name, sometimes an alias, now and then with a typo.
    fn skill(&self, rng: &mut Rng) -> String {
        let term = &self.gen.terms[*rng.pick(self.own)];
        self.written(rng, term)
    }

    fn written(&self, rng: &mut Rng, term: &Term) -> String {
        let roll = rng.below(100);
        if roll < 25 && !term.aliases.is_empty() {
            return rng.pick(&term.aliases).clone();
        }
        if roll >= 96 {
            return typo(rng, &term.name);
        }
        term.name.clone()
    }

    fn soft(&self, rng: &mut Rng) -> String {
        let term = &self.gen.terms[*rng.pick(self.soft)];
        self.written(rng, term).to_lowercase()
    }

    /// Fills `template`'s slots.
    fn sentence(&self, rng: &mut Rng, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 40);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open + rest[open..].find('}').unwrap_or(0);
            let slot = &rest[open + 1..close];
            match slot {
                "a" | "b" | "c" => out.push_str(&self.skill(rng)),
                "soft" | "soft2" => out.push_str(&self.soft(rng)),
                "n" => write!(out, "{}", rng.range(1, 8)).unwrap_or_default(),
                "few" => write!(out, "{}", rng.range(3, 12)).unwrap_or_default(),
                "big" => write!(out, "{}", rng.range(40, 900)).unwrap_or_default(),
                "leave" => write!(out, "{}", rng.range(22, 30)).unwrap_or_default(),
                "pension" => write!(out, "{}", rng.range(4, 9)).unwrap_or_default(),
                "day" => write!(out, "{}", rng.range(4, 28)).unwrap_or_default(),
                "low" => write!(out, "{}", rng.range(24, 55)).unwrap_or_default(),
                "high" => write!(out, "{}", rng.range(56, 90)).unwrap_or_default(),
                "contract" => out.push_str(rng.pick::<&str>(&["full-time", "permanent", "part-time", "fixed-term"])),
                "team" => out.push_str(self.field.team),
                "people" => out.push_str(self.field.people),
                "title" => out.push_str(self.title),
                "company" => out.push_str(self.company),
                "city" => out.push_str(self.city),
                _ => out.push_str(slot),
            }
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        out
    }
}

/// A slip of the keyboard in a word of seven letters or more: two letters swapped, or one dropped.
fn typo(rng: &mut Rng, name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    if chars.len() < 7 || !chars.iter().all(|c| c.is_alphabetic()) {
        return name.to_owned();
    }
    let at = rng.range(2, chars.len() - 3);
    let mut out = chars.clone();
    if rng.chance(50) {
        out.swap(at, at + 1);
    } else {
        out.remove(at);
    }
    out.into_iter().collect()
}

/// Builds the text, in one of several heading and bullet styles.
struct Writer {
    rng: Rng,
    out: String,
    /// 0: markdown headings and dashes, 1: plain headings and bullets, 2: capitals, 3: bold headings with colons.
    style: usize,
    /// The templates used so far.
    used: Vec<&'static str>,
}

impl Writer {
    /// One of `items`, avoiding (a few tries deep) those this posting has used already: real postings rarely
    /// say the same sentence twice.
    fn rng_pick_str(&mut self, items: &[&'static str]) -> &'static str {
        let mut pick = *self.rng.pick(items);
        for _ in 0..6 {
            if !self.used.contains(&pick) {
                break;
            }
            pick = *self.rng.pick(items);
        }
        self.used.push(pick);
        pick
    }

    /// One of `templates`, filled.
    fn filled(&mut self, fill: &Fill<'_>, templates: &[&'static str]) -> String {
        let template = self.rng_pick_str(templates);
        fill.sentence(&mut self.rng, template)
    }

    fn heading(&mut self, texts: &[&str]) {
        let text = *self.rng.pick(texts);
        let line = match self.style {
            0 => format!("## {text}"),
            1 => text.to_owned(),
            2 => text.to_uppercase(),
            _ => format!("**{text}:**"),
        };
        self.out.push('\n');
        self.out.push_str(&line);
        self.out.push('\n');
    }

    fn bullet(&mut self, line: &str) {
        let mark = match self.style {
            0 | 3 => "- ",
            1 => "• ",
            _ => "* ",
        };
        self.out.push_str(mark);
        self.out.push_str(line);
        if self.rng.chance(30) {
            self.out.push('.');
        }
        self.out.push('\n');
    }

    fn paragraph(&mut self, fill: &Fill<'_>, sentences: &[&'static str], lo: usize, hi: usize) {
        let n = self.rng.range(lo, hi);
        for i in 0..n {
            if i > 0 {
                self.out.push(' ');
            }
            let template = self.rng_pick_str(sentences);
            let sentence = fill.sentence(&mut self.rng, template);
            self.out.push_str(&sentence);
        }
        self.out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms() -> Vec<Term> {
        let term = |name: &str, family: &str, kind: &str| Term {
            name: name.to_owned(),
            family: family.to_owned(),
            kind: kind.to_owned(),
            aliases: vec![format!("{name} skills")],
        };
        vec![
            term("Triage", "healthcare", "method"),
            term("Python", "software", "language"),
            term("Teamwork", "general", "soft"),
        ]
    }

    #[test]
    fn postings_are_deterministic_and_about_4_kb() {
        let generator = Generator::new(terms());
        for n in 0..50 {
            let a = generator.posting(7, n);
            assert_eq!(a.text, generator.posting(7, n).text);
            assert!((3800..5200).contains(&a.text.len()), "{}", a.text.len());
        }
        assert_ne!(generator.posting(7, 1).text, generator.posting(8, 1).text);
    }
}
