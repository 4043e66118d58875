//! Reading a TOML value by its kind, so that a value of the wrong kind is
//! refused in the config's own words ("expected a table, found a string")
//! rather than serde's.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use toml::value::Datetime;

/// A value the config reads by its kind: each kind it takes is a method,
/// and any other kind is refused with what was wanted and what was found.
pub(super) trait ByKind<'de>: Sized {
    /// What is wanted, as the messages say it: "a table".
    const WANTED: &'static str;

    fn string<E: de::Error>(_text: &str) -> Result<Self, E> {
        Err(wrong(Self::WANTED, "a string"))
    }

    fn boolean<E: de::Error>(_on: bool) -> Result<Self, E> {
        Err(wrong(Self::WANTED, "true or false"))
    }

    /// A whole number; one beyond `i64` comes as `i64::MIN` or `i64::MAX`.
    fn integer<E: de::Error>(_number: i64) -> Result<Self, E> {
        Err(wrong(Self::WANTED, "a whole number"))
    }

    fn list<A: SeqAccess<'de>>(_items: A) -> Result<Self, A::Error> {
        Err(wrong(Self::WANTED, "a list"))
    }

    fn table<A: MapAccess<'de>>(entries: A) -> Result<Self, A::Error> {
        // toml hands a date over as a table of one private key.
        let date = Datetime::deserialize(MapAccessDeserializer::new(entries)).is_ok();
        let found = if date { "a date" } else { "a table" };
        Err(wrong(Self::WANTED, found))
    }
}

pub(super) fn wrong<E: de::Error>(wanted: &str, found: &str) -> E {
    E::custom(format!("expected {wanted}, found {found}"))
}

/// Deserialises a [`ByKind`] value.
pub(super) fn by_kind<'de, T, D>(deserializer: D) -> Result<T, D::Error>
where
    T: ByKind<'de>,
    D: Deserializer<'de>,
{
    deserializer.deserialize_any(KindVisitor(PhantomData))
}

struct KindVisitor<T>(PhantomData<T>);

impl<'de, T: ByKind<'de>> Visitor<'de> for KindVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(T::WANTED)
    }

    fn visit_bool<E: de::Error>(self, on: bool) -> Result<T, E> {
        T::boolean(on)
    }

    fn visit_i64<E: de::Error>(self, number: i64) -> Result<T, E> {
        T::integer(number)
    }

    fn visit_u64<E: de::Error>(self, number: u64) -> Result<T, E> {
        T::integer(i64::try_from(number).unwrap_or(i64::MAX))
    }

    fn visit_i128<E: de::Error>(self, number: i128) -> Result<T, E> {
        let saturated = if number < 0 { i64::MIN } else { i64::MAX };
        T::integer(i64::try_from(number).unwrap_or(saturated))
    }

    fn visit_u128<E: de::Error>(self, number: u128) -> Result<T, E> {
        T::integer(i64::try_from(number).unwrap_or(i64::MAX))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<T, E> {
        Err(wrong(T::WANTED, "a decimal number"))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
        T::string(text)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, items: A) -> Result<T, A::Error> {
        T::list(items)
    }

    fn visit_map<A: MapAccess<'de>>(self, entries: A) -> Result<T, A::Error> {
        T::table(entries)
    }
}

/// A table read into a struct of its own: serde's derive checks the keys
/// (`deny_unknown_fields`), this checks that it is a table.
#[derive(Default)]
pub(super) struct Table<T>(pub T);

impl<'de, T: Deserialize<'de>> ByKind<'de> for Table<T> {
    const WANTED: &'static str = "a table";

    fn table<A: MapAccess<'de>>(entries: A) -> Result<Self, A::Error> {
        T::deserialize(MapAccessDeserializer::new(entries)).map(Table)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Table<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        by_kind(deserializer)
    }
}

/// A table whose keys are names the user picks (signals, parts of the
/// console, actions), in the file's order.
pub(super) struct Entries<K, V>(pub Vec<(K, V)>);

impl<K, V> Default for Entries<K, V> {
    fn default() -> Self {
        Entries(Vec::new())
    }
}

impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> ByKind<'de> for Entries<K, V> {
    const WANTED: &'static str = "a table";

    fn table<A: MapAccess<'de>>(mut entries: A) -> Result<Self, A::Error> {
        let mut read = Vec::with_capacity(entries.size_hint().unwrap_or(0));
        while let Some(key) = entries.next_key_seed(Key(PhantomData))? {
            read.push((key, entries.next_value()?));
        }
        Ok(Entries(read))
    }
}

/// A key of [`Entries`], or the sign that the "table" is a date.
struct Key<K>(PhantomData<K>);

impl<'de, K: Deserialize<'de>> de::DeserializeSeed<'de> for Key<K> {
    type Value = K;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<K, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de, K: Deserialize<'de>> Visitor<'de> for Key<K> {
    type Value = K;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<K, E> {
        if is_toml_field(key) {
            return Err(wrong("a table", "a date"));
        }
        K::deserialize(de::value::StrDeserializer::new(key))
    }
}

/// Whether `key` is one of the fields through which toml hands over dates
/// and spans: none is a key of the user's.
pub(super) fn is_toml_field(key: &str) -> bool {
    key.starts_with("$__")
}

impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Deserialize<'de> for Entries<K, V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        by_kind(deserializer)
    }
}

/// serde's own message for a key `deny_unknown_fields` refused, in the
/// config's words; any other message as it is.
pub(super) fn reworded(message: &str) -> String {
    let Some((field, expected)) = message
        .strip_prefix("unknown field `")
        .and_then(|rest| rest.rsplit_once(", expected "))
    else {
        return message.to_string();
    };
    if is_toml_field(field) {
        return "expected a table, found a date".to_string();
    }
    let names: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    format!("unknown key; expected one of: {}", names.join(", "))
}

#[cfg(test)]
mod tests {
    use super::reworded;

    #[test]
    fn serde_unknown_fields_are_reworded() {
        assert_eq!(
            reworded("unknown field `spam`, expected `non_person`"),
            "unknown key; expected one of: non_person"
        );
        assert_eq!(
            reworded("unknown field `x`, expected `candidates` or `clients`"),
            "unknown key; expected one of: candidates, clients"
        );
        assert_eq!(
            reworded("unknown field `people`, expected one of `names`, `companies`, `urls`"),
            "unknown key; expected one of: names, companies, urls"
        );
        assert_eq!(reworded("something else"), "something else");
    }
}
