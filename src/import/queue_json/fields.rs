//! The queue file's typed fields: dates, photo kinds and counts, each read
//! with an error that says what was expected.

use std::borrow::Cow;

use serde::Deserialize;
use serde::de::{self, Deserializer};
use time::{Date, OffsetDateTime};

use crate::import::dates::{parse_date, parse_timestamp};
use crate::model::{Kind, Photo, Source, SourceKind};

/// A string field's text: borrowed from the file where it has no escapes,
/// as a date or a photo kind never has, so that reading it makes no copy.
#[derive(Deserialize)]
struct Text<'a>(#[serde(borrow)] Cow<'a, str>);

fn optional_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Cow<'de, str>>, D::Error> {
    Ok(Option::<Text<'de>>::deserialize(d)?.map(|Text(text)| text))
}

pub(super) fn timestamp<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<OffsetDateTime>, D::Error> {
    optional_text(d)?
        .filter(|s| !s.trim().is_empty())
        .map(|s| parse_timestamp(&s).map_err(de::Error::custom))
        .transpose()
}

pub(super) fn date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
    optional_text(d)?
        .filter(|s| !s.trim().is_empty())
        .map(|s| parse_date(&s).map_err(de::Error::custom))
        .transpose()
}

pub(super) fn photo<'de, D: Deserializer<'de>>(d: D) -> Result<Photo, D::Error> {
    let Some(kind) = optional_text(d)? else {
        return Ok(Photo::Unknown);
    };
    let named = kind.trim();
    [
        ("person", Photo::Person),
        ("logo", Photo::Logo),
        ("none", Photo::None),
        ("unknown", Photo::Unknown),
        ("", Photo::Unknown),
    ]
    .into_iter()
    .find(|(name, _)| name.eq_ignore_ascii_case(named))
    .map(|(_, photo)| photo)
    .ok_or_else(|| {
        de::Error::custom(format!(
            "photo {kind:?} is not one of person, logo, none, unknown"
        ))
    })
}

/// A count: a whole number, or a string such as `"500+"` or `"1,024"`.
pub(super) fn count<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    struct CountVisitor;
    impl<'de> de::Visitor<'de> for CountVisitor {
        type Value = Option<u32>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a count (a whole number such as 342, or \"500+\")")
        }

        fn visit_u64<E: de::Error>(self, n: u64) -> Result<Self::Value, E> {
            Ok(Some(u32::try_from(n).unwrap_or(u32::MAX)))
        }

        fn visit_i64<E: de::Error>(self, n: i64) -> Result<Self::Value, E> {
            u64::try_from(n)
                .map_err(|_| E::invalid_value(de::Unexpected::Signed(n), &self))
                .and_then(|n| self.visit_u64(n))
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
            let digits: String = text
                .trim()
                .trim_end_matches('+')
                .chars()
                .filter(|c| *c != ',')
                .collect();
            if digits.is_empty() {
                return Ok(None);
            }
            digits
                .parse::<u64>()
                .map_err(|_| E::invalid_value(de::Unexpected::Str(text), &self))
                .and_then(|n| self.visit_u64(n))
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
    }
    d.deserialize_any(CountVisitor)
}

/// What the invitation is to: `person` (the default), `newsletter`, `page`,
/// `event` or `group`.
pub(super) fn kind<'de, D: Deserializer<'de>>(d: D) -> Result<Kind, D::Error> {
    let Some(name) = Option::<String>::deserialize(d)? else {
        return Ok(Kind::Person);
    };
    let wanted = name.trim().to_ascii_lowercase();
    [
        Kind::Person,
        Kind::Newsletter,
        Kind::Page,
        Kind::Event,
        Kind::Group,
    ]
    .into_iter()
    .find(|k| k.as_str() == wanted)
    .ok_or_else(|| {
        de::Error::custom(format!(
            "kind {name:?} is not one of person, newsletter, page, event, group"
        ))
    })
}

/// Where the facts came from, as `inviteq queue` writes it.
pub(super) fn sources<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Source>, D::Error> {
    #[derive(Deserialize)]
    struct RawSource {
        kind: String,
        #[serde(default, deserialize_with = "date")]
        date: Option<Date>,
        #[serde(default)]
        joined_by_name: bool,
        #[serde(default)]
        facts: Vec<String>,
    }
    let raw = Option::<Vec<RawSource>>::deserialize(d)?.unwrap_or_default();
    raw.into_iter()
        .map(|s| {
            let kind = [
                SourceKind::QueueFile,
                SourceKind::Export,
                SourceKind::Page,
                SourceKind::Email,
            ]
            .into_iter()
            .find(|k| k.as_str() == s.kind)
            .ok_or_else(|| {
                de::Error::custom(format!(
                    "source kind {:?} is not one of queue, export, page, e-mail",
                    s.kind
                ))
            })?;
            let facts = s
                .facts
                .iter()
                .map(|fact| {
                    Source::FACTS
                        .into_iter()
                        .find(|known| known == fact)
                        .ok_or_else(|| {
                            de::Error::custom(format!(
                                "fact {fact:?} is not one of {}",
                                Source::FACTS.join(", ")
                            ))
                        })
                })
                .collect::<Result<_, _>>()?;
            Ok(Source {
                kind,
                date: s.date,
                by_name: s.joined_by_name,
                facts,
            })
        })
        .collect()
}
