//! Where each invitation stands, by id, without a copy of any id: a hash of
//! the id leads to the invitation, whose own id is checked, and the rare id
//! whose hash another id already has is kept whole beside. At a million
//! invitations that is a million allocations fewer than a map of strings.

use std::hash::BuildHasher;

use foldhash::HashMap;
use foldhash::fast::FixedState;

use crate::model::Invitation;

#[derive(Debug, Default)]
pub struct Ids {
    by_hash: HashMap<u64, usize>,
    clashes: HashMap<String, usize>,
    hasher: FixedState,
}

impl Ids {
    pub fn with_capacity(capacity: usize) -> Ids {
        Ids {
            by_hash: HashMap::with_capacity_and_hasher(capacity, Default::default()),
            ..Ids::default()
        }
    }

    /// The invitation at `index` has `id`, which no other has.
    pub fn insert(&mut self, id: &str, index: usize) {
        let hash = self.hasher.hash_one(id);
        if let Some(&taken) = self.by_hash.get(&hash)
            && taken != index
        {
            self.clashes.insert(id.to_string(), index);
        } else {
            self.by_hash.insert(hash, index);
        }
    }

    /// The index of the invitation with `id` in `invitations`.
    pub fn get(&self, id: &str, invitations: &[Invitation]) -> Option<usize> {
        self.by_hash
            .get(&self.hasher.hash_one(id))
            .copied()
            .filter(|&index| invitations.get(index).is_some_and(|i| i.id == id))
            .or_else(|| self.clashes.get(id).copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn invitations(ids: &[&str]) -> Vec<Invitation> {
        ids.iter()
            .map(|id| Invitation {
                id: (*id).into(),
                ..Invitation::default()
            })
            .collect()
    }

    #[test]
    fn each_id_leads_to_its_invitation_and_no_other_id_does() {
        let all = invitations(&["a", "b", "c"]);
        let mut ids = Ids::with_capacity(3);
        for (index, invitation) in all.iter().enumerate() {
            ids.insert(&invitation.id, index);
        }
        assert_eq!(ids.get("b", &all), Some(1));
        assert_eq!(ids.get("d", &all), None);
    }

    #[test]
    fn ids_whose_hashes_clash_are_both_found() {
        let all = invitations(&["a", "b"]);
        let mut ids = Ids::default();
        ids.insert("a", 0);
        // As if "b" hashed as "a" does: it goes beside.
        let hash = ids.hasher.hash_one("a");
        ids.clashes.insert("b".into(), 1);
        assert_eq!(ids.by_hash.get(&hash), Some(&0));
        assert_eq!(ids.get("a", &all), Some(0));
        assert_eq!(ids.get("b", &all), Some(1));
    }
}
