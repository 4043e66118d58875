//! `config.toml` as written: every table optional, no key unknown, every
//! value checked as it is read.

use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess};
use toml::Spanned;

use super::kind::{ByKind, Entries, Table, by_kind};
use crate::problem::position;
use crate::score::{Lists, Pattern, Points, Policy, RecruiterWords, Settings, Signal};
use crate::tui::{KeyBinding, ThemeName};

const MAX_POINTS: i64 = 100;

#[derive(Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(super) struct File {
    policy: Option<PolicyName>,
    thresholds: Table<Thresholds>,
    points: Entries<SignalName, SignalPoints>,
    allow: Table<ListFile>,
    deny: Table<ListFile>,
    recruiter: Table<RecruiterFile>,
    /// `[keys.CONTEXT]`, `action = KEYS`.
    keys: Entries<String, Entries<String, Spanned<Keys>>>,
    theme: Option<Theme>,
    mouse: Option<Switch>,
}

#[derive(Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct Thresholds {
    non_person: Option<Threshold>,
}

#[derive(Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct ListFile {
    names: Words,
    companies: Words,
    urls: Words,
}

#[derive(Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct RecruiterFile {
    candidates: Words,
    clients: Words,
}

impl File {
    pub(super) fn theme(&self) -> ThemeName {
        self.theme.as_ref().map_or_else(ThemeName::default, |t| t.0)
    }

    /// The mouse is taken unless the file says not to.
    pub(super) fn mouse(&self) -> bool {
        self.mouse.as_ref().is_none_or(|m| m.0)
    }

    /// The score's settings, and the user's keys with their places in `text`.
    pub(super) fn into_parts(self, text: &str) -> (Settings, Vec<KeyBinding>) {
        let mut settings = Settings::default();
        if let Some(PolicyName(policy)) = self.policy {
            settings.policy = policy;
        }
        if let Some(Threshold(threshold)) = self.thresholds.0.non_person {
            settings.non_person_threshold = threshold;
        }
        settings.points = points(self.points);
        settings.allow = lists(self.allow.0);
        settings.deny = lists(self.deny.0);
        let RecruiterFile {
            candidates,
            clients,
        } = self.recruiter.0;
        settings.recruiter = RecruiterWords {
            candidates: candidates.0,
            clients: clients.0,
        };
        let mut bindings = Vec::new();
        for (context, actions) in self.keys.0 {
            for (action, keys) in actions.0 {
                let (line, column) = position(text, keys.span().start);
                bindings.push(KeyBinding {
                    context: context.clone(),
                    action,
                    keys: keys.into_inner().0,
                    line,
                    column,
                });
            }
        }
        (settings, bindings)
    }
}

fn points(given: Entries<SignalName, SignalPoints>) -> Points {
    let mut points = Points::default();
    for (SignalName(signal), SignalPoints(n)) in given.0 {
        points.set(signal, n);
    }
    points
}

fn lists(file: ListFile) -> Lists {
    let patterns = |words: Words| words.0.iter().map(|w| Pattern::new(w)).collect();
    Lists {
        names: patterns(file.names),
        companies: patterns(file.companies),
        urls: patterns(file.urls),
    }
}

struct PolicyName(Policy);

impl ByKind<'_> for PolicyName {
    const WANTED: &'static str = "a string";

    fn string<E: de::Error>(text: &str) -> Result<Self, E> {
        text.parse().map(PolicyName).map_err(E::custom)
    }
}

struct Theme(ThemeName);

impl ByKind<'_> for Theme {
    const WANTED: &'static str = "a string";

    fn string<E: de::Error>(text: &str) -> Result<Self, E> {
        text.parse().map(Theme).map_err(E::custom)
    }
}

/// On or off.
struct Switch(bool);

impl ByKind<'_> for Switch {
    const WANTED: &'static str = "true or false";

    fn boolean<E: de::Error>(on: bool) -> Result<Self, E> {
        Ok(Switch(on))
    }
}

/// At or above this score an account is taken for a non-person.
struct Threshold(u8);

impl ByKind<'_> for Threshold {
    const WANTED: &'static str = "a whole number from 1 to 100";

    fn integer<E: de::Error>(number: i64) -> Result<Self, E> {
        u8::try_from(number)
            .ok()
            .filter(|n| (1..=100).contains(n))
            .map(Threshold)
            .ok_or_else(|| E::custom(format!("expected {}", Self::WANTED)))
    }
}

struct SignalName(Signal);

impl ByKind<'_> for SignalName {
    const WANTED: &'static str = "the name of a signal";

    fn string<E: de::Error>(name: &str) -> Result<Self, E> {
        Signal::from_name(name).map(SignalName).ok_or_else(|| {
            let all: Vec<&str> = Signal::ALL.iter().map(|s| s.name()).collect();
            E::custom(format!(
                "no such signal; the signals are: {}",
                all.join(", ")
            ))
        })
    }
}

struct SignalPoints(i32);

impl ByKind<'_> for SignalPoints {
    const WANTED: &'static str = "a whole number from -100 to 100";

    fn integer<E: de::Error>(number: i64) -> Result<Self, E> {
        Some(number)
            .filter(|n| (-MAX_POINTS..=MAX_POINTS).contains(n))
            .and_then(|n| i32::try_from(n).ok())
            .map(SignalPoints)
            .ok_or_else(|| E::custom(format!("expected {}", Self::WANTED)))
    }
}

/// A list of words or patterns, each trimmed and none empty.
#[derive(Default)]
struct Words(Vec<String>);

impl<'de> ByKind<'de> for Words {
    const WANTED: &'static str = "a list of strings";

    fn list<A: SeqAccess<'de>>(mut items: A) -> Result<Self, A::Error> {
        let mut words = Vec::with_capacity(items.size_hint().unwrap_or(0));
        while let Some(Word(word)) = items.next_element()? {
            words.push(word);
        }
        Ok(Words(words))
    }
}

struct Word(String);

impl ByKind<'_> for Word {
    const WANTED: &'static str = "a string";

    fn string<E: de::Error>(text: &str) -> Result<Self, E> {
        match text.trim() {
            "" => Err(E::custom("an empty string matches nothing")),
            word => Ok(Word(word.to_string())),
        }
    }
}

/// The keys of one action: `"key"` or `["key", …]`.
struct Keys(Vec<String>);

impl<'de> ByKind<'de> for Keys {
    const WANTED: &'static str = "a list of strings";

    fn string<E: de::Error>(key: &str) -> Result<Self, E> {
        Ok(Keys(vec![key.to_string()]))
    }

    fn list<A: SeqAccess<'de>>(items: A) -> Result<Self, A::Error> {
        Words::list(items).map(|words| Keys(words.0))
    }
}

macro_rules! deserialize_by_kind {
    ($($type:ty),*) => {$(
        impl<'de> Deserialize<'de> for $type {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                by_kind(deserializer)
            }
        }
    )*};
}

deserialize_by_kind!(
    PolicyName,
    Theme,
    Switch,
    Threshold,
    SignalName,
    SignalPoints,
    Words,
    Word,
    Keys
);
