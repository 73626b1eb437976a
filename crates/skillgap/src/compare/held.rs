//! The CV's side of a comparison, read once: its held skills with their broader chains, and, per skill, where the
//! skill stands against the CV and whether the CV shows it.

use std::sync::OnceLock;

use super::{held_chains, shows_with, status_with, HeldChain, Status};
use crate::profile::Profile;
use crate::taxonomy::{SkillIdx, Taxonomy};

/// What a comparison asks of the CV, remembered per skill.
///
/// A skill's [`Status`] against the CV and whether the CV shows it depend on the skill alone, and batch asks them
/// of the same few hundred skills in every posting: worked out afresh, they were a quarter of scoring a posting
/// once extraction was done. Each answer is worked out on first ask, from any thread, and kept for the life of
/// the index (one per CV).
#[derive(Debug, Clone)]
pub(crate) struct HeldIndex<'a> {
    taxonomy: &'a Taxonomy,
    profile: &'a Profile,
    /// The CV's held skills with every skill above each.
    chains: Vec<HeldChain>,
    /// Per skill of the taxonomy: [`status_with`].
    status: Vec<OnceLock<Status>>,
    /// Per skill of the taxonomy: [`shows_with`].
    shows: Vec<OnceLock<bool>>,
}

impl<'a> HeldIndex<'a> {
    /// The index of `profile`'s skills, with nothing worked out yet.
    pub(crate) fn new(taxonomy: &'a Taxonomy, profile: &'a Profile) -> HeldIndex<'a> {
        HeldIndex {
            taxonomy,
            profile,
            chains: held_chains(taxonomy, profile),
            status: unknown(taxonomy.len()),
            shows: unknown(taxonomy.len()),
        }
    }

    /// Where `skill` stands by the CV alone ([`status_with`]).
    pub(crate) fn status(&self, skill: SkillIdx) -> Status {
        let work_out = || status_with(self.taxonomy, self.profile, &self.chains, skill);
        self.status.get(skill.index()).map_or_else(work_out, |slot| *slot.get_or_init(work_out))
    }

    /// Whether the CV shows `skill`, itself or through a narrower skill it holds ([`shows_with`]).
    pub(crate) fn shows(&self, skill: SkillIdx) -> bool {
        let work_out = || shows_with(self.taxonomy, self.profile, &self.chains, skill);
        self.shows.get(skill.index()).map_or_else(work_out, |slot| *slot.get_or_init(work_out))
    }
}

/// `len` answers, none worked out yet.
fn unknown<T>(len: usize) -> Vec<OnceLock<T>> {
    (0..len).map(|_| OnceLock::new()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::shows;
    use crate::extract::Extractor;

    /// The remembered answers are the ones worked out afresh, for every skill, asked twice (the second answer comes
    /// from the index).
    #[test]
    fn remembered_answers_are_the_worked_out_ones() {
        let extractor = Extractor::new(Taxonomy::builtin());
        let taxonomy = extractor.taxonomy();
        let cv = "Skills: PostgreSQL, Terraform, AWS, Tableau, Python, MySQL, Kubernetes, React\n\
                  BSc in Computer Science, 2019. Currently studying for the CPA exam. OSHA 10.";
        let profile = Profile::from_text(&extractor, cv);
        let index = HeldIndex::new(taxonomy, &profile);
        let chains = held_chains(taxonomy, &profile);
        for _ in 0..2 {
            for i in 0..taxonomy.len() {
                let skill = SkillIdx(i as u32);
                assert_eq!(index.status(skill), status_with(taxonomy, &profile, &chains, skill), "{i}");
                assert_eq!(index.shows(skill), shows(taxonomy, &profile, skill), "{i}");
            }
        }
    }
}
