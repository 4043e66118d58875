//! Search (`/`): the list's rows whose name, headline, company or note hold
//! the query, found as it is typed. Case and accents do not count: "jose"
//! finds "José Núñez", and "王" finds "王芳" through its transliteration.

use std::sync::OnceLock;

use crate::cores;
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

    /// Whether `invitation` matches; `folded` keeps its text folded, made
    /// on first need, when some of it is not ASCII.
    pub fn matches(&self, invitation: &Invitation, folded: &OnceLock<Box<str>>) -> bool {
        if self.is_empty() {
            return false;
        }
        let fields = || searched(invitation).into_iter().flatten();
        if fields().all(str::is_ascii) {
            fields().any(|text| holds_ascii(text.as_bytes(), self.needle.as_bytes()))
        } else {
            folded
                .get_or_init(|| fold(&fields().collect::<Vec<_>>().join("\n")).into())
                .contains(&self.needle)
        }
    }
}

/// The text a search looks in: the name, headline, company and note.
fn searched(invitation: &Invitation) -> [Option<&str>; 4] {
    let profile = &invitation.profile;
    [
        Some(profile.name.as_str()),
        profile.headline.as_deref(),
        profile.company.as_deref(),
        invitation.message.as_deref(),
    ]
}

/// Text as search compares it: ASCII through transliteration, lower case.
fn fold(text: &str) -> String {
    deunicode::deunicode(text).to_ascii_lowercase()
}

/// Whether ASCII `text` holds `needle` (folded), whatever the case: each
/// place its first letter is, in either case, is compared in place.
fn holds_ascii(text: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), text).any(|at| {
        text.get(at + 1..at + needle.len())
            .is_some_and(|after| after.eq_ignore_ascii_case(rest))
    })
}

/// Every row's text folded, for the rows that need it: made on the first
/// search, kept for the session.
#[derive(Debug, Default)]
pub struct Folds(Vec<OnceLock<Box<str>>>);

impl Folds {
    /// A cell for each of `len` rows, each filled when first needed.
    fn of(&mut self, len: usize) -> &[OnceLock<Box<str>>] {
        if self.0.len() < len {
            self.0.resize_with(len, OnceLock::new);
        }
        &self.0
    }
}

/// The rows `query` matches of `count` list positions, `position(n)` the
/// n-th, in their order, in a list showing `view` of `invitations`. On
/// every core: a search's first key reads every row, and folds the text
/// of each that is not ASCII.
pub fn matching(
    query: &Query,
    count: usize,
    position: impl Fn(usize) -> usize + Sync,
    view: &[usize],
    invitations: &[Invitation],
    folds: &mut Folds,
) -> Vec<usize> {
    let folds = folds.of(invitations.len());
    let hits = cores::map(cores::available(), count, |n| {
        let index = view[position(n)];
        query.matches(&invitations[index], &folds[index])
    });
    (0..count)
        .zip(hits)
        .filter(|&(_, hit)| hit)
        .map(|(n, _)| position(n))
        .collect()
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
                headline: headline.map(Into::into),
                ..Profile::named(name)
            },
            message: note.map(Into::into),
            ..Invitation::default()
        }
    }

    #[test]
    fn case_and_accents_do_not_count() {
        let jose = invitation("José Núñez", None, None);
        for typed in ["jose", "JOSÉ", "nunez", "é n", " jos "] {
            assert!(
                Query::new(typed).matches(&jose, &OnceLock::new()),
                "{typed}"
            );
        }
        assert!(!Query::new("josef").matches(&jose, &OnceLock::new()));
    }

    #[test]
    fn the_headline_company_and_note_are_searched_too() {
        let mut ana = invitation("Ana", Some("Data engineer"), Some("We met in Lisbon"));
        ana.profile.company = Some("Brightpath".into());
        for typed in ["engineer", "brightpath", "lisbon"] {
            assert!(Query::new(typed).matches(&ana, &OnceLock::new()), "{typed}");
        }
    }

    #[test]
    fn other_scripts_are_found_through_their_transliteration() {
        let wang = invitation("王芳", None, None);
        assert!(Query::new("王").matches(&wang, &OnceLock::new()));
        assert!(Query::new("wang").matches(&wang, &OnceLock::new()));
    }

    #[test]
    fn matching_on_every_core_finds_what_one_row_at_a_time_finds() {
        let names = ["José Núñez", "Ana Lee", "王芳", "Joseph Ng"];
        let invitations: Vec<Invitation> = (0..5_000)
            .map(|n| invitation(names[n % 4], Some(&format!("Engineer {n}")), None))
            .collect();
        // The list shows every other row, backwards.
        let view: Vec<usize> = (0..invitations.len()).rev().step_by(2).collect();
        let mut folds = Folds::default();
        for typed in ["jose", "wang", "engineer 1", "nobody"] {
            let query = Query::new(typed);
            let expected: Vec<usize> = (0..view.len())
                .filter(|&p| query.matches(&invitations[view[p]], &OnceLock::new()))
                .collect();
            let all = |n: usize| n;
            let found = matching(&query, view.len(), all, &view, &invitations, &mut folds);
            assert_eq!(found, expected, "{typed}");
            // Narrowing reads only the earlier matches, by their positions.
            let narrower = Query::new(&format!("{typed}1"));
            let at = |n: usize| found[n];
            let narrowed = matching(&narrower, found.len(), at, &view, &invitations, &mut folds);
            let expected: Vec<usize> = found
                .iter()
                .copied()
                .filter(|&p| narrower.matches(&invitations[view[p]], &OnceLock::new()))
                .collect();
            assert_eq!(narrowed, expected, "{typed}1");
        }
    }

    #[test]
    fn an_empty_query_matches_nothing_and_narrows_nothing() {
        let ana = invitation("Ana", None, None);
        assert!(!Query::new("  ").matches(&ana, &OnceLock::new()));
        assert!(!Query::new("an").narrows(&Query::new("")));
        assert!(Query::new("ana").narrows(&Query::new("an")));
        assert!(!Query::new("bn").narrows(&Query::new("an")));
    }
}
