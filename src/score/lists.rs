//! The user's allow and deny lists of names, companies and profile
//! addresses, as SpamAssassin users keep theirs: a match on the allow list
//! takes 100 points off, on the deny list adds 100, and the policies follow.

use super::signals::{Findings, Signal};
use super::text::folded;
use crate::model::Profile;

/// A case- and diacritic-insensitive pattern matched against a whole value,
/// where `*` stands for any run of characters: `*/company/*`, `Resume*`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    text: String,
    parts: Vec<String>,
}

impl Pattern {
    pub fn new(text: &str) -> Pattern {
        Pattern {
            text: text.to_string(),
            parts: folded(text).split('*').map(str::to_string).collect(),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// `value` must already be folded.
    fn matches(&self, value: &str) -> bool {
        let (first, rest) = match self.parts.split_first() {
            Some(split) => split,
            None => return value.is_empty(),
        };
        let Some((last, middle)) = rest.split_last() else {
            return value == first;
        };
        let Some(mut value) = value.strip_prefix(first.as_str()) else {
            return false;
        };
        for part in middle {
            match value.find(part.as_str()) {
                Some(at) => value = &value[at + part.len()..],
                None => return false,
            }
        }
        value.ends_with(last.as_str())
    }
}

/// One list: names, companies and profile-address patterns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lists {
    pub names: Vec<Pattern>,
    pub companies: Vec<Pattern>,
    pub urls: Vec<Pattern>,
}

impl Lists {
    /// What on this list matches the profile, said in words.
    fn find(&self, profile: &Profile) -> Option<String> {
        // Most lists are empty, and every row is looked up in both.
        if self.names.is_empty() && self.companies.is_empty() && self.urls.is_empty() {
            return None;
        }
        let fields: [(&str, Option<&str>, &[Pattern]); 3] = [
            ("name", Some(&profile.name), &self.names),
            ("company", profile.company.as_deref(), &self.companies),
            ("address", profile.url.as_deref(), &self.urls),
        ];
        fields.into_iter().find_map(|(what, value, patterns)| {
            if patterns.is_empty() {
                return None;
            }
            let value = folded(value?);
            patterns
                .iter()
                .find(|p| p.matches(&value))
                .map(|p| format!("{what} matches \"{}\"", p.as_str()))
        })
    }
}

/// Which list the profile is on. The allow list wins when both match:
/// pushing out someone the user named is the costlier mistake.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Listed {
    Allowed,
    Denied,
}

pub(crate) fn check(
    allow: &Lists,
    deny: &Lists,
    profile: &Profile,
    f: &mut Findings,
) -> Option<Listed> {
    if let Some(what) = allow.find(profile) {
        f.fire(
            Signal::AllowListed,
            format_args!("on your allow list: {what}"),
        );
        Some(Listed::Allowed)
    } else if let Some(what) = deny.find(profile) {
        f.fire(
            Signal::DenyListed,
            format_args!("on your deny list: {what}"),
        );
        Some(Listed::Denied)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::signals::Points;

    fn matches(pattern: &str, value: &str) -> bool {
        Pattern::new(pattern).matches(&folded(value))
    }

    #[test]
    fn patterns_match_whole_values_with_stars() {
        assert!(matches("Resume*", "Résumé Girl"));
        assert!(matches(
            "*/company/*",
            "https://www.linkedin.com/company/acme"
        ));
        assert!(matches("acme", "ACME"));
        assert!(!matches("acme", "Acme Corp"));
        assert!(matches("*acme*", "Acme Corp"));
        assert!(matches("a*b*a", "aba"));
        assert!(!matches("ab*ba", "aba"));
    }

    #[test]
    fn the_allow_list_wins() {
        let list = |name: &str| Lists {
            names: vec![Pattern::new(name)],
            ..Lists::default()
        };
        let points = Points::default();
        let mut f = Findings::new(&points);
        let p = Profile::named("Jane Recruiter");
        assert_eq!(
            check(&list("jane*"), &list("*recruiter"), &p, &mut f),
            Some(Listed::Allowed)
        );
        assert_eq!(f.reasons[0].signal, "allow_listed");
        let mut f = Findings::new(&points);
        assert_eq!(
            check(&Lists::default(), &list("*recruiter"), &p, &mut f),
            Some(Listed::Denied)
        );
        let mut f = Findings::new(&points);
        assert_eq!(
            check(&Lists::default(), &Lists::default(), &p, &mut f),
            None
        );
    }
}
