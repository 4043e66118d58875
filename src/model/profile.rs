use time::Date;

use super::Text;

/// What the profile photo shows, as far as the input says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Photo {
    Person,
    Logo,
    None,
    #[default]
    Unknown,
}

impl Photo {
    pub fn as_str(self) -> &'static str {
        match self {
            Photo::Person => "person",
            Photo::Logo => "logo",
            Photo::None => "none",
            Photo::Unknown => "unknown",
        }
    }
}

/// The inviter's public profile. `None` means the fact is unknown, never "empty".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profile {
    pub name: Text,
    pub headline: Option<Text>,
    pub about: Option<Text>,
    pub company: Option<Text>,
    pub location: Option<Text>,
    pub url: Option<Text>,
    pub photo: Photo,
    pub connections: Option<u32>,
    pub mutual_connections: Option<u32>,
    pub account_created: Option<Date>,
    pub experience_count: Option<u32>,
    pub education_count: Option<u32>,
    /// LinkedIn's "Verified" badge is shown.
    pub verified: Option<bool>,
    /// The inviter follows the owner.
    pub follows_you: Option<bool>,
}

impl Profile {
    /// A profile with only a name, every other fact unknown.
    pub fn named(name: impl Into<Text>) -> Self {
        Profile {
            name: name.into(),
            ..Profile::default()
        }
    }
}

/// The name shown for an inviter whose name is made only of characters
/// that show nothing (Hangul fillers, a lone accent): import puts it there,
/// the score tells it.
pub const NO_VISIBLE_NAME: &str = "(no visible name)";

/// LinkedIn shows any count from this one up as "500+".
const SHOWN_AS_MORE: u32 = 500;

/// A connection count as LinkedIn shows it, the same in the facts and in
/// the score's reasons.
pub fn connections_shown(n: u32) -> String {
    if n >= SHOWN_AS_MORE {
        format!("{SHOWN_AS_MORE}+")
    } else {
        n.to_string()
    }
}
