//! Every signal the score knows: its name (the key in `config.toml` and in
//! `score --json`), its default points, and the checks that fire it.
//!
//! Points are round on purpose: a reviewer should be able to add them up in
//! their head. Positive points say "less likely a real person, or spam";
//! negative points are common ground, which makes a real contact likelier.

pub(crate) mod address;
pub(crate) mod history;
pub(crate) mod name;
pub(crate) mod note;
pub(crate) mod profile;
pub(crate) mod queue;

use std::fmt;

use super::Reason;

macro_rules! signals {
    ($($(#[doc = $doc:literal])+ $variant:ident => $name:literal, $points:literal;)+) => {
        /// One transparent sign, with default points the user may override.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Signal {
            $($(#[doc = $doc])+ $variant,)+
        }

        impl Signal {
            pub const ALL: &'static [Signal] = &[$(Signal::$variant,)+];

            /// The key in `config.toml` and the `signal` of `score --json`.
            pub fn name(self) -> &'static str {
                match self {
                    $(Signal::$variant => $name,)+
                }
            }

            pub fn default_points(self) -> i32 {
                match self {
                    $(Signal::$variant => $points,)+
                }
            }
        }
    };
}

signals! {
    /// The name is a business's or a brand's: a business word (resume, jobs,
    /// hiring, services, hub, growth...) and no given name.
    BusinessName => "business_name", 60;
    /// The name holds a business word beside a given name.
    BusinessWordInName => "business_word_in_name", 20;
    /// The name is made of ordinary words, with no given name.
    WordName => "word_name", 60;
    /// The name holds digits.
    DigitsInName => "digits_in_name", 15;
    /// The name holds emoji or pictographs.
    EmojiInName => "emoji_in_name", 10;
    /// Every word of the name is in capitals.
    AllCapsName => "all_caps_name", 10;
    /// The name reads like a handle or an address: underscores, @, dots.
    HandleLikeName => "handle_like_name", 15;
    /// The name shows nothing: only invisible or blank characters, which
    /// no person's name is made of.
    InvisibleName => "invisible_name", 40;
    /// The photo is a logo.
    LogoPhoto => "logo_photo", 25;
    /// There is no photo.
    NoPhoto => "no_photo", 10;
    /// The headline is one word or a stock phrase, with no about to make up for it.
    GenericHeadline => "generic_headline", 10;
    /// The headline is a string of keywords.
    KeywordHeadline => "keyword_headline", 10;
    /// The headline is a sales pitch.
    PitchHeadline => "pitch_headline", 15;
    /// Fewer than 10 connections.
    VeryFewConnections => "very_few_connections", 25;
    /// Fewer than 25 connections.
    FewConnections => "few_connections", 20;
    /// Fewer than 50 connections.
    SmallNetwork => "small_network", 10;
    /// 100 to 499 connections: a network people built.
    EstablishedNetwork => "established_network", -5;
    /// 500 connections or more: a large network.
    LargeNetwork => "large_network", -10;
    /// The account was opened less than 30 days before the invitation.
    VeryNewAccount => "very_new_account", 20;
    /// The account was opened less than 90 days before the invitation.
    NewAccount => "new_account", 5;
    /// The profile lists no experience and no education.
    NoExperienceOrEducation => "no_experience_or_education", 20;
    /// The profile address is the name run together with random letters.
    PatternedAddress => "patterned_address", 20;
    /// The note holds a link.
    LinkInNote => "link_in_note", 20;
    /// The note holds a phone number.
    PhoneInNote => "phone_in_note", 15;
    /// The note talks money.
    MoneyInNote => "money_in_note", 15;
    /// The note is a sales pitch.
    PitchInNote => "pitch_in_note", 20;
    /// The same note was sent by several inviters of the queue.
    ReusedNote => "reused_note", 25;
    /// Several inviters of the queue have addresses made the same way.
    SharedAddressPattern => "shared_address_pattern", 15;
    /// Many inviters' accounts were opened on the same day.
    SameDayAccounts => "same_day_accounts", 15;
    /// One to nine mutual connections.
    MutualConnections => "mutual_connections", -10;
    /// Ten mutual connections or more.
    ManyMutualConnections => "many_mutual_connections", -20;
    /// The inviter works at the owner's company.
    SharedCompany => "shared_company", -20;
    /// The note says how the two know each other.
    SaysHowWeMet => "says_how_we_met", -20;
    /// The reviewer ignored an earlier invitation from this inviter.
    InvitesAgain => "invites_again", 15;
    /// The name, company or address is on the user's allow list.
    AllowListed => "allow_listed", -100;
    /// The name, company or address is on the user's deny list.
    DenyListed => "deny_listed", 100;
}

impl Signal {
    pub const COUNT: usize = Signal::ALL.len();

    pub fn from_name(name: &str) -> Option<Signal> {
        Signal::ALL.iter().copied().find(|s| s.name() == name)
    }
}

/// The points of every signal: the defaults, with the user's overrides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Points([i32; Signal::COUNT]);

impl Default for Points {
    fn default() -> Self {
        let mut points = [0; Signal::COUNT];
        for &signal in Signal::ALL {
            points[signal as usize] = signal.default_points();
        }
        Points(points)
    }
}

impl Points {
    pub fn get(&self, signal: Signal) -> i32 {
        self.0[signal as usize]
    }

    pub fn set(&mut self, signal: Signal, points: i32) {
        self.0[signal as usize] = points;
    }
}

/// What the checks found for one invitation: the reasons that fired and the
/// facts that were unknown.
pub(crate) struct Findings<'p> {
    points: &'p Points,
    /// Whether each reason's words are written and the unknown facts
    /// listed: the list's summary of a score needs only its points, and a
    /// million rows are scored without writing a million sentences.
    words: bool,
    pub reasons: Vec<Reason>,
    pub unknown: Vec<&'static str>,
}

impl<'p> Findings<'p> {
    pub fn new(points: &'p Points) -> Self {
        Findings {
            points,
            words: true,
            reasons: Vec::with_capacity(8),
            unknown: Vec::with_capacity(8),
        }
    }

    /// Findings whose reasons have their points and no words, and which
    /// list no unknown fact.
    pub fn without_words(points: &'p Points) -> Self {
        Findings {
            points,
            words: false,
            reasons: Vec::with_capacity(8),
            unknown: Vec::new(),
        }
    }

    /// Records that `signal` fired. A signal the user set to 0 points is
    /// switched off and is not shown.
    pub fn fire(&mut self, signal: Signal, detail: impl fmt::Display) {
        let points = self.points.get(signal);
        if points != 0 {
            self.reasons.push(Reason {
                signal: signal.name(),
                points,
                detail: self.say(detail),
            });
        }
    }

    /// `detail` in words, or nothing when the reasons' words are left
    /// unwritten: for what a check says besides its reasons.
    pub fn say(&self, detail: impl fmt::Display) -> String {
        if self.words {
            detail.to_string()
        } else {
            String::new()
        }
    }

    pub fn unknown(&mut self, fact: &'static str) {
        if self.words && !self.unknown.contains(&fact) {
            self.unknown.push(fact);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_round_trip() {
        for &signal in Signal::ALL {
            assert_eq!(Signal::from_name(signal.name()), Some(signal));
            assert_eq!(signal.default_points() % 5, 0, "{signal:?} is not round");
        }
        let mut names: Vec<_> = Signal::ALL.iter().map(|s| s.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Signal::COUNT);
    }

    #[test]
    fn a_signal_set_to_zero_does_not_show() {
        let mut points = Points::default();
        points.set(Signal::NoPhoto, 0);
        let mut findings = Findings::new(&points);
        findings.fire(Signal::NoPhoto, "no photo");
        findings.fire(Signal::LogoPhoto, "logo");
        let fired: Vec<_> = findings.reasons.iter().map(|r| r.signal).collect();
        assert_eq!(fired, ["logo_photo"]);
    }
}
