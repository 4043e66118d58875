//! What the score and the policies take from the user: the policy, the
//! points of each signal, the non-person threshold, the allow and deny
//! lists and the recruiter's headline words. `config.toml` fills them in.

use super::{Lists, Points, Policy, RecruiterWords};

const DEFAULT_THRESHOLD: u8 = 60;

/// Everything the score and the policies take from the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub policy: Policy,
    pub points: Points,
    /// At or above this score an account is taken for a non-person (1–100).
    pub non_person_threshold: u8,
    pub allow: Lists,
    pub deny: Lists,
    pub recruiter: RecruiterWords,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            policy: Policy::default(),
            points: Points::default(),
            non_person_threshold: DEFAULT_THRESHOLD,
            allow: Lists::default(),
            deny: Lists::default(),
            recruiter: RecruiterWords::default(),
        }
    }
}
