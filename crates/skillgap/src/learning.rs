//! Learning paths: for each true gap, the shortest way to it from a skill the CV already shows, through the
//! taxonomy's related and broader links ("Docker → Kubernetes", "Python → pandas → PySpark").
//!
//! A path only names skills and links the taxonomy holds; it never claims the user has anything the CV does not
//! show. Credentials climb their own ladder (a credential's broader links: "OSHA 10 → OSHA 30"), and soft skills
//! and spoken languages are neither gaps here nor stepping stones: they are not learned from a neighbour.

use std::collections::VecDeque;

use crate::compare::{Comparison, GapStatus, Status};
use crate::profile::Profile;
use crate::taxonomy::{Kind, SkillIdx, Taxonomy};

/// How many gaps get a learning path: the first ones of the ranked list that qualify.
pub const MAX_LEARNING_PATHS: usize = 5;
/// The longest path, in links: one skill to learn on the way is a plan, two are a guess.
pub const MAX_PATH_LINKS: usize = 2;

/// The way to one gap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LearningPath {
    /// The gap's rank in [`Comparison::gaps`].
    pub rank: usize,
    /// The gap's skill.
    pub skill: SkillIdx,
    /// From a skill the CV shows to the gap, both included; empty when nothing the CV shows leads there within
    /// [`MAX_PATH_LINKS`] links.
    pub steps: Vec<SkillIdx>,
}

/// The learning paths for the first [`MAX_LEARNING_PATHS`] true gaps (missing or near misses; not skills the CV
/// shows for too few years, nor credentials in progress), in rank order.
///
/// ```
/// use skillgap::{compare, learning_paths, Extractor, Profile, Taxonomy};
///
/// let extractor = Extractor::new(Taxonomy::builtin());
/// let profile = Profile::from_text(&extractor, "Experience\n- Shipped services in Docker containers.\n");
/// let posting = extractor.extract("Requirements\n- Kubernetes\n");
/// let comparison = compare(extractor.taxonomy(), &profile, &[posting]);
/// let paths = learning_paths(extractor.taxonomy(), &profile, &comparison);
/// let names: Vec<&str> = paths[0].steps.iter().map(|&s| extractor.taxonomy().skill(s).name.as_str()).collect();
/// assert_eq!(names, ["Docker", "Kubernetes"]);
/// ```
pub fn learning_paths(taxonomy: &Taxonomy, profile: &Profile, comparison: &Comparison) -> Vec<LearningPath> {
    let true_gap = |status: GapStatus, skill: SkillIdx| {
        matches!(status, GapStatus::Missing | GapStatus::Related)
            && !matches!(taxonomy.skill(skill).kind, Kind::Soft | Kind::Spoken)
    };
    let gaps: Vec<_> =
        comparison.gaps().iter().filter(|g| true_gap(g.status, g.skill)).take(MAX_LEARNING_PATHS).collect();
    if gaps.is_empty() {
        return Vec::new();
    }
    // What the CV shows: the skills it holds, and the broader ones they imply (usability testing shows user
    // research).
    let mut held: Vec<SkillIdx> =
        profile.document.skills.iter().map(|e| e.skill).filter(|&s| profile.holds(s)).collect();
    let mut i = 0;
    while let Some(&skill) = held.get(i) {
        for &b in &taxonomy.skill(skill).broader {
            if !held.contains(&b) {
                held.push(b);
            }
        }
        i += 1;
    }
    let links = Links::new(taxonomy);
    gaps.into_iter()
        .map(|g| {
            // A near miss starts at the skill that makes it one (the journeyman licence for the master's), not at
            // whichever neighbour comes first.
            let steps = match g.result.status {
                Status::Related(have) if g.named && links.neighbours(taxonomy, g.skill).contains(&have) => {
                    vec![have, g.skill]
                }
                // Else from that skill when no path from another is shorter.
                Status::Related(have) => {
                    let nearest = links.shortest(taxonomy, &held, g.skill);
                    let from_have = links.shortest(taxonomy, &[have], g.skill);
                    if !from_have.is_empty() && (nearest.is_empty() || from_have.len() <= nearest.len()) {
                        from_have
                    } else {
                        nearest
                    }
                }
                _ => links.shortest(taxonomy, &held, g.skill),
            };
            LearningPath { rank: g.rank, skill: g.skill, steps }
        })
        .collect()
}

/// Every skill's neighbours, both ways: related, broader and narrower.
struct Links {
    /// Skills that list the index as related or broader.
    reverse: Vec<Vec<SkillIdx>>,
}

impl Links {
    fn new(taxonomy: &Taxonomy) -> Links {
        let mut reverse: Vec<Vec<SkillIdx>> = vec![Vec::new(); taxonomy.len()];
        for (i, skill) in taxonomy.skills().iter().enumerate() {
            for &to in skill.related.iter().chain(&skill.broader) {
                if let Some(list) = reverse.get_mut(to.index()) {
                    list.push(SkillIdx(i as u32));
                }
            }
        }
        Links { reverse }
    }

    /// The neighbours a path may take from `skill`, sorted so that the search is the same on every run. A
    /// credential moves only along its ladder (broader links, either way).
    fn neighbours(&self, taxonomy: &Taxonomy, skill: SkillIdx) -> Vec<SkillIdx> {
        let s = taxonomy.skill(skill);
        let reverse = self.reverse.get(skill.index()).map_or(&[][..], Vec::as_slice);
        let mut out: Vec<SkillIdx> = if is_credential(taxonomy, skill) {
            let narrower = reverse.iter().copied().filter(|&n| taxonomy.skill(n).broader.contains(&skill));
            s.broader.iter().copied().chain(narrower).filter(|&n| is_credential(taxonomy, n)).collect()
        } else {
            s.related
                .iter()
                .chain(&s.broader)
                .chain(reverse)
                .copied()
                .filter(|&n| {
                    !is_credential(taxonomy, n) && !matches!(taxonomy.skill(n).kind, Kind::Soft | Kind::Spoken)
                })
                .collect()
        };
        out.sort();
        out.dedup();
        out
    }

    /// The shortest path from any of `held` to `gap`, as [`LearningPath::steps`].
    fn shortest(&self, taxonomy: &Taxonomy, held: &[SkillIdx], gap: SkillIdx) -> Vec<SkillIdx> {
        // Breadth first from the gap; the first held skill reached is the nearest.
        let mut came_from: Vec<(SkillIdx, SkillIdx)> = vec![(gap, gap)];
        let mut queue: VecDeque<(SkillIdx, usize)> = VecDeque::from([(gap, 0)]);
        while let Some((at, depth)) = queue.pop_front() {
            if at != gap && held.contains(&at) {
                let mut steps = vec![at];
                let mut cur = at;
                while cur != gap {
                    cur = came_from.iter().find(|(n, _)| *n == cur).map_or(gap, |&(_, from)| from);
                    steps.push(cur);
                }
                return steps;
            }
            // A step on the way is an area to learn (a domain or method), never a sibling product: no one learns
            // Salesforce by way of HubSpot.
            if depth == MAX_PATH_LINKS || (at != gap && !is_area(taxonomy, at)) {
                continue;
            }
            for next in self.neighbours(taxonomy, at) {
                if !came_from.iter().any(|(n, _)| *n == next) {
                    came_from.push((next, at));
                    queue.push_back((next, depth + 1));
                }
            }
        }
        Vec::new()
    }
}

/// The rungs of a credential ladder from `lower` up to `higher`, both included ("OSHA 10 → OSHA 30"), when
/// `higher` is above `lower` through broader links; the shortest climb.
pub fn ladder(taxonomy: &Taxonomy, lower: SkillIdx, higher: SkillIdx) -> Option<Vec<SkillIdx>> {
    let mut came_from: Vec<(SkillIdx, SkillIdx)> = vec![(higher, higher)];
    let mut queue: VecDeque<SkillIdx> = VecDeque::from([higher]);
    while let Some(at) = queue.pop_front() {
        if at == lower && at != higher {
            let mut rungs = vec![at];
            let mut cur = at;
            while cur != higher {
                cur = came_from.iter().find(|(n, _)| *n == cur).map_or(higher, |&(_, from)| from);
                rungs.push(cur);
            }
            return Some(rungs);
        }
        for &next in &taxonomy.skill(at).broader {
            if !came_from.iter().any(|(n, _)| *n == next) {
                came_from.push((next, at));
                queue.push_back(next);
            }
        }
    }
    None
}

fn is_area(taxonomy: &Taxonomy, skill: SkillIdx) -> bool {
    matches!(taxonomy.skill(skill).kind, Kind::Domain | Kind::Method) || is_credential(taxonomy, skill)
}

fn is_credential(taxonomy: &Taxonomy, skill: SkillIdx) -> bool {
    matches!(taxonomy.skill(skill).kind, Kind::Certification | Kind::Degree)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::compare;
    use crate::extract::Extractor;

    const TAXONOMY: &str = "id,name,family,kind,aliases,related,broader
docker,Docker,cloud,tool,,kubernetes,
helm,Helm,cloud,tool,,,kubernetes
kubernetes,Kubernetes,cloud,tool,k8s,,
osha-30,OSHA 30,construction,certification,,,osha-10;trade-school
data-engineering,Data Engineering,data,domain,,,
hubspot,HubSpot,sales,tool,,salesforce,
pyspark,PySpark,data,tool,,,data-engineering
trade-school,Trade School,construction,certification,,,
osha-10,OSHA 10,construction,certification,,,trade-school
python,Python,software,language,,data-engineering,
salesforce,Salesforce,sales,tool,,,
teamwork,Teamwork,general,soft,,kubernetes,
terraform,Terraform,cloud,tool,,,
";

    fn paths(cv: &str, posting: &str) -> Vec<(String, Vec<String>)> {
        let mut b = Taxonomy::builder();
        b.add_csv("t.csv", TAXONOMY).expect("parses");
        let ex = Extractor::new(b.build().expect("builds"));
        let profile = Profile::from_text(&ex, cv);
        let comparison = compare(ex.taxonomy(), &profile, &[ex.extract(posting)]);
        let name = |s: SkillIdx| ex.taxonomy().skill(s).name.clone();
        learning_paths(ex.taxonomy(), &profile, &comparison)
            .into_iter()
            .map(|p| (name(p.skill), p.steps.into_iter().map(name).collect()))
            .collect()
    }

    #[test]
    fn a_path_starts_at_what_the_cv_shows() {
        // One link, either way; two links through a skill to learn first.
        assert_eq!(
            paths("Docker", "Requirements\n- Kubernetes"),
            [("Kubernetes".into(), vec!["Docker".into(), "Kubernetes".into()])]
        );
        assert_eq!(
            paths("Python", "Requirements\n- PySpark"),
            [("PySpark".into(), vec!["Python".into(), "Data Engineering".into(), "PySpark".into()])]
        );
        // A broader skill the CV shows through a narrower one is a start too.
        assert_eq!(
            paths("PySpark", "Requirements\n- Python"),
            [("Python".into(), vec!["Data Engineering".into(), "Python".into()])]
        );
        // A step on the way is an area, never a sibling product.
        assert_eq!(
            paths("Kubernetes", "Requirements\n- Helm"),
            [("Helm".into(), vec!["Kubernetes".into(), "Helm".into()])]
        );
        assert_eq!(paths("Docker, HubSpot", "Requirements\n- Helm"), [("Helm".into(), Vec::<String>::new())]);
    }

    #[test]
    fn new_ground_has_no_path_and_soft_skills_are_no_stepping_stone() {
        assert_eq!(paths("Docker", "Requirements\n- Terraform"), [("Terraform".into(), Vec::<String>::new())]);
        // Teamwork is related to Kubernetes in this taxonomy, but no one learns Kubernetes from teamwork.
        assert_eq!(paths("Teamwork", "Requirements\n- Kubernetes"), [("Kubernetes".into(), Vec::<String>::new())]);
    }

    #[test]
    fn ladder_rungs() {
        let mut b = Taxonomy::builder();
        b.add_csv("t.csv", TAXONOMY).expect("parses");
        let t = b.build().expect("builds");
        let id = |id: &str| t.get(id).expect("id");
        let names = |rungs: Option<Vec<SkillIdx>>| {
            rungs.map(|r| r.into_iter().map(|s| t.skill(s).name.clone()).collect::<Vec<_>>())
        };
        assert_eq!(names(ladder(&t, id("osha-10"), id("osha-30"))), Some(vec!["OSHA 10".into(), "OSHA 30".into()]));
        assert_eq!(
            names(ladder(&t, id("trade-school"), id("osha-30"))),
            Some(vec!["Trade School".into(), "OSHA 30".into()])
        );
        assert_eq!(names(ladder(&t, id("osha-30"), id("osha-10"))), None, "down is no climb");
        assert_eq!(names(ladder(&t, id("osha-10"), id("osha-10"))), None);
    }

    #[test]
    fn credentials_climb_their_ladder() {
        assert_eq!(
            paths("OSHA 10", "Requirements\n- OSHA 30"),
            [("OSHA 30".into(), vec!["OSHA 10".into(), "OSHA 30".into()])]
        );
        // From the highest rung the CV shows, though a lower one comes first.
        assert_eq!(
            paths("Trade School, OSHA 10", "Requirements\n- OSHA 30"),
            [("OSHA 30".into(), vec!["OSHA 10".into(), "OSHA 30".into()])]
        );
        // A tool is no rung of a ladder.
        assert_eq!(paths("Docker", "Requirements\n- OSHA 30"), [("OSHA 30".into(), Vec::<String>::new())]);
    }
}
