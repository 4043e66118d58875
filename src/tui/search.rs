//! Search (`/`): the list's rows whose name, headline, company or note hold
//! the query, found as it is typed. Case and accents do not count: "jose"
//! finds "José Núñez", and "王" finds "王芳" through its transliteration.

use crate::model::Invitation;

/// A query folded as the text it is matched against is folded.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// As typed, for the prompt.
    pub typed: String,
    /// Folded: ASCII, lower case, trimmed.
    needle: String,
}

impl Query {
    pub fn new(typed: &str) -> Query {
        Query {
            typed: typed.to_string(),
            needle: fold(typed).trim().to_string(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.needle.is_empty()
    }

    /// Whether every row this query matches is one `earlier` matched too:
    /// typing on only narrows.
    pub fn narrows(&self, earlier: &Query) -> bool {
        !earlier.is_empty() && self.needle.contains(&earlier.needle)
    }

    pub fn matches(&self, invitation: &Invitation) -> bool {
        if self.is_empty() {
            return false;
        }
        let profile = &invitation.profile;
        [
            Some(&profile.name),
            profile.headline.as_ref(),
            profile.company.as_ref(),
            invitation.message.as_ref(),
        ]
        .into_iter()
        .flatten()
        .any(|text| holds(text, &self.needle))
    }
}

/// Text as search compares it: ASCII through transliteration, lower case.
fn fold(text: &str) -> String {
    deunicode::deunicode(text).to_ascii_lowercase()
}

/// Whether `text` holds `needle` (folded). ASCII text, most of any queue,
/// is compared in place without a copy.
fn holds(text: &str, needle: &str) -> bool {
    if needle.is_empty() {
        true
    } else if text.is_ascii() {
        text.as_bytes()
            .windows(needle.len())
            .any(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
    } else {
        fold(text).contains(needle)
    }
}

/// Search as it is being typed: the query, where the cursor stood when it
/// began (to go back to), and the matching rows of the list.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Search {
    pub query: Query,
    /// The cursor and the list's first row on screen before the search.
    pub origin: (usize, usize),
    /// Positions in the list's view that match, in order.
    pub matches: Vec<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Profile;

    fn invitation(name: &str, headline: Option<&str>, note: Option<&str>) -> Invitation {
        Invitation {
            profile: Profile {
                headline: headline.map(str::to_string),
                ..Profile::named(name)
            },
            message: note.map(str::to_string),
            ..Invitation::default()
        }
    }

    #[test]
    fn case_and_accents_do_not_count() {
        let jose = invitation("José Núñez", None, None);
        for typed in ["jose", "JOSÉ", "nunez", "é n", " jos "] {
            assert!(Query::new(typed).matches(&jose), "{typed}");
        }
        assert!(!Query::new("josef").matches(&jose));
    }

    #[test]
    fn the_headline_company_and_note_are_searched_too() {
        let ana = Invitation {
            profile: Profile {
                company: Some("Brightpath".into()),
                ..Profile::named("Ana")
            },
            ..invitation("Ana", Some("Data engineer"), Some("We met in Lisbon"))
        };
        for typed in ["engineer", "brightpath", "lisbon"] {
            assert!(Query::new(typed).matches(&ana), "{typed}");
        }
    }

    #[test]
    fn other_scripts_are_found_through_their_transliteration() {
        let wang = invitation("王芳", None, None);
        assert!(Query::new("王").matches(&wang));
        assert!(Query::new("wang").matches(&wang));
    }

    #[test]
    fn an_empty_query_matches_nothing_and_narrows_nothing() {
        let ana = invitation("Ana", None, None);
        assert!(!Query::new("  ").matches(&ana));
        assert!(!Query::new("an").narrows(&Query::new("")));
        assert!(Query::new("ana").narrows(&Query::new("an")));
        assert!(!Query::new("bn").narrows(&Query::new("an")));
    }
}
