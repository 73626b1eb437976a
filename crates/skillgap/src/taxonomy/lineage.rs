//! Every skill's broader skills at any distance, listed once per taxonomy, so that [`Taxonomy::is_under`] is a
//! search of a short list instead of a walk up the broader links.
//!
//! Comparison and batch ask `is_under` for every pair of a posting's skills, and the gap grouping and the lift
//! rescoring once more per pair: walked each time, it was a twentieth of scoring a posting.

use super::{SkillIdx, Taxonomy};

/// A skill with more skills above it than this keeps the walk instead of a list: a crafted chain of `n` links
/// would otherwise list `n²/2` skills. Real chains are a handful deep.
const LISTED_MAX: usize = 64;

/// The skills above each skill.
#[derive(Debug, Clone, Default)]
pub(super) struct Lineage {
    /// Per skill: its range in `above`, or `None` when it has more than [`LISTED_MAX`] skills above it.
    ranges: Vec<Option<(u32, u32)>>,
    /// The lists, one after another, each in the order a walk finds them.
    above: Vec<SkillIdx>,
}

impl Lineage {
    /// The lineage of every skill of `taxonomy`.
    pub(super) fn of(taxonomy: &Taxonomy) -> Lineage {
        let mut lineage = Lineage { ranges: Vec::with_capacity(taxonomy.len()), above: Vec::new() };
        let mut stack: Vec<SkillIdx> = Vec::new();
        for skill in taxonomy.skills() {
            let start = lineage.above.len();
            stack.clear();
            stack.extend(skill.broader.iter().copied());
            let mut listed = true;
            while let Some(next) = stack.pop() {
                let this = lineage.above.get(start..).unwrap_or_default();
                if this.contains(&next) {
                    continue;
                }
                if this.len() == LISTED_MAX {
                    listed = false;
                    break;
                }
                lineage.above.push(next);
                stack.extend(taxonomy.skill(next).broader.iter().copied());
            }
            if listed {
                lineage.ranges.push(Some((start as u32, lineage.above.len() as u32)));
            } else {
                lineage.above.truncate(start);
                lineage.ranges.push(None);
            }
        }
        lineage
    }

    /// Every skill above `skill`, or `None` when there are too many to list (the caller walks instead).
    pub(super) fn above(&self, skill: SkillIdx) -> Option<&[SkillIdx]> {
        let &(start, end) = self.ranges.get(skill.index())?.as_ref()?;
        self.above.get(start as usize..end as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(csv: &str) -> Taxonomy {
        let mut b = Taxonomy::builder();
        b.add_csv("t.csv", csv).expect("parses");
        b.build().expect("builds")
    }

    /// The listed answer is the walk's, for every pair of skills of a taxonomy with a diamond, a skill under two
    /// chains, and a chain longer than [`LISTED_MAX`].
    #[test]
    fn is_under_agrees_with_the_walk() {
        let mut csv = String::from("id,name,family,kind,aliases,related,broader\n");
        csv.push_str("top,Top,data,domain,,,\nleft,Left,data,domain,,,top\nright,Right,data,domain,,,top\n");
        csv.push_str("bottom,Bottom,data,tool,,,left;right\nlone,Lone,data,tool,,,\n");
        csv.push_str("c0,C0,data,domain,,,\n");
        for i in 1..LISTED_MAX + 8 {
            csv.push_str(&format!("c{i},C{i},data,domain,,,c{}\n", i - 1));
        }
        csv.push_str(&format!("leaf,Leaf,data,tool,,,c{};bottom\n", LISTED_MAX + 7));
        let t = build(&csv);
        let lineage = Lineage::of(&t);
        let leaf = t.get("leaf").expect("leaf");
        assert!(lineage.above(leaf).is_none(), "too long to list");
        assert_eq!(lineage.above(t.get("bottom").expect("bottom")).map(<[SkillIdx]>::len), Some(3));
        for a in 0..t.len() {
            for b in 0..t.len() {
                let (a, b) = (SkillIdx(a as u32), SkillIdx(b as u32));
                assert_eq!(t.is_under(a, b), t.is_under_on_heap(a, b), "{} under {}", t.skill(a).id, t.skill(b).id);
            }
        }
    }

    /// The same over the built-in taxonomy: each skill against every skill listed above it, the skills above
    /// those, and a spread of others.
    #[test]
    fn is_under_agrees_with_the_walk_on_the_builtin_taxonomy() {
        let t = Taxonomy::builtin();
        let lineage = Lineage::of(&t);
        for a in (0..t.len()).map(|a| SkillIdx(a as u32)) {
            let above = lineage.above(a).expect("built-in chains are short");
            let grand = above.iter().flat_map(|&b| t.skill(b).broader.iter().copied());
            let spread = (0..t.len()).step_by(97).map(|b| SkillIdx(b as u32));
            for b in above.iter().copied().chain(grand).chain(spread) {
                assert_eq!(t.is_under(a, b), t.is_under_on_heap(a, b), "{} under {}", t.skill(a).id, t.skill(b).id);
            }
        }
    }
}
