//! Positioned glyphs to lines in reading order: the layout half of PDF reading, with no PDF in it.
//!
//! Glyphs become runs (text along one baseline with no wide gap), and a page of runs is read by cutting it
//! recursively: a vertical gutter that splits it into two columns is read left column first; otherwise the page
//! is cut into horizontal bands, and the longest stretch of consecutive bands that splits into columns is read as
//! a block of its own, between what comes above and below it (so a full-width name above two columns does not stop
//! the columns from being found). A gutter whose two sides line
//! up row by row is a table, or a line with its dates on the right, and is read row by row.

/// One glyph, in PDF user space (y grows upwards), with its advance width and font size in the same units.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// The left edge of the glyph on its baseline.
    pub x: f64,
    /// The baseline.
    pub y: f64,
    /// The advance width.
    pub width: f64,
    /// The font size.
    pub size: f64,
    /// What the glyph reads as (a ligature gives several characters).
    pub text: String,
}

/// Glyphs further apart than this many ems start a new run: wider than any word space, narrower than a column
/// gutter or a table's cell padding.
const RUN_GAP_EM: f64 = 1.0;
/// A gap wider than this many ems (of the text around it) inserts a space into a run; kerning stays below it.
/// (A browser's table may set its cells a quarter em apart with no space glyph between them.)
const SPACE_GAP_EM: f64 = 0.2;
/// A bullet may stand this many ems before its text (Word puts a tab after it) and still belong to its line.
const BULLET_GAP_EM: f64 = 4.0;
/// A glyph this many ems left of the one before it on the same line still continues its run: fonts whose widths
/// the reader gets wrong set a string too wide, and the next string jumps back.
const BACKWARDS_EM: f64 = 1.5;
/// Glyphs whose baselines differ by less than this many ems are on one line.
const SAME_LINE_EM: f64 = 0.35;
/// A vertical gap at least this many ems wide, crossed by no run, may separate columns.
const GUTTER_EM: f64 = 1.0;
/// Lines further apart than this many ems (baseline to baseline) have a blank line between them.
const PARAGRAPH_EM: f64 = 1.75;
/// Runs on one line further apart than this many ems are cells (a table, dates on the right): a tab between them.
const CELL_GAP_EM: f64 = 2.0;
/// A gutter is a column break unless at least this share of the shorter side's lines lines up with the other's.
const ROW_ALIGNED_SHARE: f64 = 0.8;
/// How many candidate column ranges a block tries before it is read row by row.
const MAX_RANGE_TRIES: usize = 8;
/// Cutting deeper than this reads what is left row by row (a guard; real pages need a handful of levels).
const MAX_DEPTH: usize = 24;

/// Characters that open a list item.
const BULLETS: &[&str] = &["•", "◦", "▪", "▫", "‣", "●", "○", "■", "□", "–", "-", "*", "·", "➢", "►", "▶", "✓", "✔"];
/// Bullets that symbol fonts (Symbol, Wingdings) set in the private use area, as word processors export them:
/// read as "•".
const PRIVATE_BULLETS: &[char] = &['\u{F0B7}', '\u{F0A7}', '\u{F076}', '\u{F0D8}', '\u{F0FC}', '\u{F06E}'];

/// Text along one baseline with no wide gap.
#[derive(Debug, Clone, PartialEq)]
struct Run {
    x0: f64,
    x1: f64,
    /// Where the last glyph starts: a glyph after it belongs to the run even when a wrong width put `x1` too far.
    last_x: f64,
    y: f64,
    size: f64,
    text: String,
}

/// The text of one page: lines in reading order, paragraphs and column changes separated by a blank line.
pub fn layout_page(glyphs: &[Glyph]) -> String {
    let runs = runs(glyphs);
    let mut pieces = Vec::new();
    read_block(runs, 0, &mut pieces);
    assemble(&pieces)
}

/// Glyphs (in content order) joined into runs.
fn runs(glyphs: &[Glyph]) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    let mut space_pending = false;
    for glyph in glyphs {
        if glyph.text.trim().is_empty() {
            space_pending = true;
            continue;
        }
        let text = glyph.text.replace(|c: char| c.is_control(), "").replace(PRIVATE_BULLETS, "•");
        if text.is_empty() {
            continue;
        }
        let joins = runs.last().is_some_and(|run| {
            let em = run.size.max(glyph.size);
            let gap = glyph.x - run.x1;
            let max_gap = if BULLETS.contains(&run.text.as_str()) { BULLET_GAP_EM } else { RUN_GAP_EM };
            (glyph.y - run.y).abs() < SAME_LINE_EM * em
                && glyph.x > run.last_x - BACKWARDS_EM * em
                && gap < max_gap * em
        });
        match runs.last_mut() {
            Some(run) if joins => {
                let gap = glyph.x - run.x1;
                if (space_pending || gap > SPACE_GAP_EM * run.size.max(glyph.size)) && !run.text.ends_with(' ') {
                    run.text.push(' ');
                }
                run.text.push_str(&text);
                run.x1 = glyph.x + glyph.width.max(0.0);
                run.last_x = glyph.x;
                run.size = run.size.max(glyph.size);
            }
            // LaTeX's itemize bullet, from a math font pdf-extract reads as "‹", opens a line as a bullet.
            _ if text == "‹" => runs.push(Run {
                x0: glyph.x,
                x1: glyph.x + glyph.width.max(0.0),
                last_x: glyph.x,
                y: glyph.y,
                size: glyph.size,
                text: "•".to_owned(),
            }),
            _ => runs.push(Run {
                x0: glyph.x,
                x1: glyph.x + glyph.width.max(0.0),
                last_x: glyph.x,
                y: glyph.y,
                size: glyph.size,
                text,
            }),
        }
        space_pending = false;
    }
    runs
}

/// What a page reads as, before it becomes text.
#[derive(Debug, Clone, PartialEq)]
enum Piece {
    Line {
        y: f64,
        size: f64,
        text: String,
    },
    /// The end of a column or block: a blank line follows.
    Break,
}

/// Reads a block of runs into `out`: by columns when a gutter splits it, else by bands.
fn read_block(runs: Vec<Run>, depth: usize, out: &mut Vec<Piece>) {
    if runs.len() <= 1 || depth >= MAX_DEPTH {
        read_rows(runs, out);
        return;
    }
    if let Some((left, right)) = split_columns(&runs) {
        read_block(left, depth + 1, out);
        out.push(Piece::Break);
        read_block(right, depth + 1, out);
        out.push(Piece::Break);
        return;
    }
    let mut bands = bands(runs);
    match column_range(&bands) {
        Some((start, end)) => {
            let after: Vec<Run> = bands.drain(end..).flatten().collect();
            let range: Vec<Run> = bands.drain(start..).flatten().collect();
            let before: Vec<Run> = bands.into_iter().flatten().collect();
            for part in [before, range, after] {
                if !part.is_empty() {
                    read_block(part, depth + 1, out);
                }
            }
        }
        None => read_rows(bands.into_iter().flatten().collect(), out),
    }
}

/// The longest run of consecutive bands that splits into columns, as a range of band indices: a full-width name
/// above two columns, or a footer below them, stays out of it.
fn column_range(bands: &[Vec<Run>]) -> Option<(usize, usize)> {
    let all: Vec<&Run> = bands.iter().flatten().collect();
    let em = median_size_of(&all);
    let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
    for start in 0..bands.len() {
        let mut union: Vec<Run> = Vec::new();
        let mut best_end = None;
        for (end, band) in bands.iter().enumerate().skip(start) {
            union.extend(band.iter().cloned());
            let (x0, x1) = extent(&union);
            let interior = gaps_within(&union, x0, x1, GUTTER_EM * em).into_iter().any(|(a, b)| a > x0 && b < x1);
            match (interior, best_end) {
                (true, _) => best_end = Some(end + 1),
                // Runs only cover gaps as they are added: once the gutter is gone it stays gone.
                (false, Some(_)) => break,
                (false, None) => {}
            }
        }
        if let Some(end) = best_end {
            let size = bands.get(start..end).unwrap_or_default().iter().map(Vec::len).sum();
            candidates.push((size, start, end));
        }
    }
    // Largest first; among equals, the topmost.
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    // A stretch whose gutter turned out to be rows (a table, dates on the right) is read as rows: no part of it is
    // tried again as columns.
    let mut rows: Vec<(usize, usize)> = Vec::new();
    for (size, start, end) in candidates.into_iter().take(MAX_RANGE_TRIES) {
        // The whole block again would not make progress: its columns were refused already.
        if size == all.len() || rows.iter().any(|&(s, e)| start < e && s < end) {
            continue;
        }
        let range: Vec<Run> = bands.get(start..end).unwrap_or_default().iter().flatten().cloned().collect();
        if split_columns(&range).is_some() {
            return Some((start, end));
        }
        rows.push((start, end));
    }
    None
}

/// The runs split at the widest gutter that separates columns (not the cells of rows), left side first.
fn split_columns(runs: &[Run]) -> Option<(Vec<Run>, Vec<Run>)> {
    let em = median_size(runs);
    let (x0, x1) = extent(runs);
    let mut gaps: Vec<(f64, f64)> =
        gaps_within(runs, x0, x1, GUTTER_EM * em).into_iter().filter(|&(a, b)| a > x0 && b < x1).collect();
    gaps.sort_by(|a, b| (b.1 - b.0).total_cmp(&(a.1 - a.0)));
    gaps.into_iter().find_map(|(start, _)| {
        let (left, right): (Vec<Run>, Vec<Run>) = runs.iter().cloned().partition(|r| r.x1 <= start);
        (!left.is_empty() && !right.is_empty() && !rows_line_up(&left, &right)).then_some((left, right))
    })
}

/// Whether two sides of a gutter are the cells of rows (a table, or lines with their dates on the right) rather
/// than two columns: the shorter side's lines line up with the other side's, and either stand apart (a date on
/// each role line) or are as many as the other side's (a table).
fn rows_line_up(left: &[Run], right: &[Run]) -> bool {
    let (a, b) = (baselines(left), baselines(right));
    let (few, many) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    let em = median_size(left).max(median_size(right));
    let partner = |y: f64| many.iter().position(|&m| (m - y).abs() < SAME_LINE_EM * em);
    let partners: Vec<Option<usize>> = few.iter().map(|&y| partner(y)).collect();
    let aligned = partners.iter().filter(|p| p.is_some()).count();
    if (aligned as f64) < ROW_ALIGNED_SHARE * few.len() as f64 {
        return false;
    }
    let found: Vec<usize> = partners.into_iter().flatten().collect();
    // One line beside a line is one line with a gap in it.
    if found.len() == few.len() && few.len() <= 1 {
        return true;
    }
    let apart = found.windows(2).filter(|w| matches!(w, [a, b] if *b > a + 1)).count();
    // Dates on the right: most of the short side's lines have lines of the other side between them.
    if found.len() >= 2 && apart * 2 >= found.len() - 1 {
        return true;
    }
    many.len() <= few.len() + 1
}

/// Distinct baselines, top first.
fn baselines(runs: &[Run]) -> Vec<f64> {
    let em = median_size(runs);
    let mut ys: Vec<f64> = runs.iter().map(|r| r.y).collect();
    ys.sort_by(|a, b| b.total_cmp(a));
    ys.dedup_by(|a, b| (*a - *b).abs() < SAME_LINE_EM * em);
    ys
}

/// The runs cut into horizontal bands (no run of one band overlaps another vertically), top first.
fn bands(mut runs: Vec<Run>) -> Vec<Vec<Run>> {
    runs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0)));
    let mut bands: Vec<(f64, Vec<Run>)> = Vec::new();
    for run in runs {
        // A run covers from its descent to its ascent.
        let top = run.y + 0.8 * run.size;
        match bands.last_mut() {
            Some((bottom, band)) if top > *bottom => {
                *bottom = bottom.min(run.y - 0.2 * run.size);
                band.push(run);
            }
            _ => bands.push((run.y - 0.2 * run.size, vec![run])),
        }
    }
    bands.into_iter().map(|(_, runs)| runs).collect()
}

/// The gaps at least `min` wide between `x0` and `x1` that no run covers.
fn gaps_within(runs: &[Run], x0: f64, x1: f64, min: f64) -> Vec<(f64, f64)> {
    let mut spans: Vec<(f64, f64)> = runs.iter().map(|r| (r.x0, r.x1)).collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut gaps = Vec::new();
    let mut covered = x0;
    for (start, end) in spans {
        if start - covered >= min {
            gaps.push((covered, start));
        }
        covered = covered.max(end);
    }
    if x1 - covered >= min {
        gaps.push((covered, x1));
    }
    gaps
}

/// Reads runs as lines, top to bottom, each left to right.
fn read_rows(mut runs: Vec<Run>, out: &mut Vec<Piece>) {
    runs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0)));
    let mut lines: Vec<Vec<Run>> = Vec::new();
    for run in runs {
        match lines.last_mut() {
            Some(line) if line.first().is_some_and(|f| (f.y - run.y).abs() < SAME_LINE_EM * f.size.max(run.size)) => {
                line.push(run)
            }
            _ => lines.push(vec![run]),
        }
    }
    for mut line in lines {
        line.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        // Every line starts with a run; the line's height is its leftmost run's.
        let Some(y) = line.first().map(|r| r.y) else { continue };
        let mut text = String::new();
        let mut end = f64::NEG_INFINITY;
        for run in &line {
            if !text.is_empty() {
                text.push(if run.x0 - end > CELL_GAP_EM * run.size { '\t' } else { ' ' });
            }
            text.push_str(run.text.trim());
            end = run.x1;
        }
        let size = line.iter().map(|r| r.size).fold(0.0, f64::max);
        out.push(Piece::Line { y, size, text });
    }
}

/// The pieces as text: a blank line at each break, before a wide vertical gap and before a larger-type heading.
fn assemble(pieces: &[Piece]) -> String {
    let mut text = String::new();
    let mut previous: Option<(f64, f64)> = None;
    let mut blank = false;
    for piece in pieces {
        match piece {
            Piece::Break => {
                blank = true;
                previous = None;
            }
            Piece::Line { y, size, text: line } => {
                if let Some((py, psize)) = previous {
                    let gap = py - y;
                    if gap > PARAGRAPH_EM * psize.max(*size) || gap < 0.0 || *size > psize * 1.15 {
                        blank = true;
                    }
                }
                if !text.is_empty() {
                    text.push('\n');
                    if blank {
                        text.push('\n');
                    }
                }
                text.push_str(line);
                previous = Some((*y, *size));
                blank = false;
            }
        }
    }
    if !text.is_empty() {
        text.push('\n');
    }
    text
}

fn extent(runs: &[Run]) -> (f64, f64) {
    let x0 = runs.iter().map(|r| r.x0).fold(f64::INFINITY, f64::min);
    let x1 = runs.iter().map(|r| r.x1).fold(f64::NEG_INFINITY, f64::max);
    (x0, x1)
}

fn median_size(runs: &[Run]) -> f64 {
    median_size_of(&runs.iter().collect::<Vec<_>>())
}

fn median_size_of(runs: &[&Run]) -> f64 {
    let mut sizes: Vec<f64> = runs.iter().map(|r| r.size).collect();
    sizes.sort_by(f64::total_cmp);
    sizes.get(sizes.len() / 2).copied().unwrap_or(10.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line of text set at (x, y) in a monospaced 10-point font, 5 points a character, as glyphs.
    fn line(x: f64, y: f64, text: &str) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, c)| Glyph { x: x + 5.0 * i as f64, y, width: 5.0, size: 10.0, text: c.to_string() })
            .collect()
    }

    fn page(lines: &[(f64, f64, &str)]) -> String {
        let glyphs: Vec<Glyph> = lines.iter().flat_map(|&(x, y, t)| line(x, y, t)).collect();
        layout_page(&glyphs)
    }

    struct Case {
        name: &'static str,
        lines: &'static [(f64, f64, &'static str)],
        expected: &'static str,
    }

    const CASES: &[Case] = &[
        Case {
            name: "one column, a paragraph gap becomes a blank line",
            lines: &[(50.0, 700.0, "Experience"), (50.0, 686.0, "Built dashboards"), (50.0, 650.0, "Skills")],
            expected: "Experience\nBuilt dashboards\n\nSkills\n",
        },
        Case {
            name: "two columns of different lengths are read one after the other",
            lines: &[
                (50.0, 760.0, "Ana Souza"),
                (50.0, 730.0, "Skills"),
                (300.0, 730.0, "Experience"),
                (50.0, 716.0, "Python, SQL"),
                (300.0, 716.0, "Analyst at Acme"),
                (300.0, 702.0, "Built ETL in Airflow"),
                (300.0, 688.0, "Led a team of four"),
            ],
            expected: "Ana Souza\n\nSkills\nPython, SQL\n\nExperience\nAnalyst at Acme\nBuilt ETL in Airflow\nLed a team of four\n",
        },
        Case {
            name: "dates on the right stay on their role line",
            lines: &[
                (50.0, 700.0, "Analyst, Acme"),
                (400.0, 700.0, "2019 - 2023"),
                (50.0, 686.0, "- Tableau dashboards"),
                (50.0, 672.0, "Clerk, Beta"),
                (400.0, 672.0, "2017 - 2019"),
                (50.0, 658.0, "- Excel reports"),
            ],
            expected: "Analyst, Acme\t2019 - 2023\n- Tableau dashboards\nClerk, Beta\t2017 - 2019\n- Excel reports\n",
        },
        Case {
            name: "a table is read row by row",
            lines: &[
                (50.0, 700.0, "Python"),
                (200.0, 700.0, "5 years"),
                (50.0, 686.0, "SQL"),
                (200.0, 686.0, "3 years"),
                (50.0, 672.0, "Tableau"),
                (200.0, 672.0, "2 years"),
            ],
            expected: "Python\t5 years\nSQL\t3 years\nTableau\t2 years\n",
        },
        Case {
            name: "a bullet set a tab before its text stays on its line",
            lines: &[(50.0, 700.0, "•"), (68.0, 700.0, "Kubernetes"), (50.0, 686.0, "•"), (68.0, 686.0, "Terraform")],
            expected: "• Kubernetes\n• Terraform\n",
        },
    ];

    #[test]
    fn reading_order() {
        for case in CASES {
            assert_eq!(page(case.lines), case.expected, "{}", case.name);
        }
    }

    #[test]
    fn a_latex_bullet_reads_as_a_bullet() {
        let mut glyphs = line(50.0, 700.0, "‹");
        glyphs.extend(line(62.0, 700.0, "SQL reports"));
        assert_eq!(layout_page(&glyphs), "• SQL reports\n");
    }

    #[test]
    fn glyphs_in_one_string_join_with_spaces_from_gaps_or_space_glyphs() {
        let mut glyphs = line(50.0, 700.0, "Data");
        glyphs.push(Glyph { x: 70.0, y: 700.0, width: 2.5, size: 10.0, text: " ".into() });
        glyphs.extend(line(72.5, 700.0, "engineer"));
        glyphs.extend(line(117.5, 700.0, "II"));
        assert_eq!(layout_page(&glyphs), "Data engineer II\n");
    }
}
