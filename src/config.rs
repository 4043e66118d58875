//! The user's `config.toml`: the policy, per-signal points, the threshold,
//! allow and deny lists, and the recruiter's headline words.
//!
//! The file is read key by key from the parsed document with its spans, so
//! that anything wrong (a bad value, a misspelt key, a signal that does not
//! exist) is refused with the file, the line and the key at fault. A config
//! that cannot be trusted is never half applied.

use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::import::position;
use crate::score::{Lists, Pattern, Points, Policy, RecruiterWords, Signal};

/// The documented default config, which the app writes on first run.
pub const DEFAULT_CONFIG: &str = include_str!("../assets/config.toml");

const DEFAULT_THRESHOLD: u8 = 60;
const MAX_POINTS: i64 = 100;

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
    /// The user's keys, from `[keys.CONTEXT]`; the console checks the names.
    pub keys: Vec<KeyBinding>,
}

/// `action = "key"` or `action = ["key", …]` in `[keys.CONTEXT]`, with
/// where it stands in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyBinding {
    pub context: String,
    pub action: String,
    pub keys: Vec<String>,
    pub line: usize,
    pub column: usize,
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
            keys: Vec::new(),
        }
    }
}

/// Why a config was refused.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}:{line}:{column}: {message}", path.display())]
    Invalid {
        path: PathBuf,
        /// 1-based.
        line: usize,
        /// 1-based, in characters.
        column: usize,
        /// The dotted key at fault (`points.few_connections`), when one is.
        key: Option<String>,
        message: String,
    },
}

impl Settings {
    pub fn load(path: &Path) -> Result<Settings, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Settings::parse(&text, path)
    }

    /// Reads a config's text; `path` is only named in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Settings, ConfigError> {
        let reader = Reader { text, path };
        let document = DeTable::parse(text).map_err(|e| {
            let at = e.span().map_or(0, |s| s.start);
            reader.error(at, None, e.message().trim().to_string())
        })?;
        let mut settings = Settings::default();
        for (key, value) in document.get_ref() {
            let name = key.get_ref().as_ref();
            match name {
                "policy" => {
                    let text = reader.string(name, value)?;
                    settings.policy = text
                        .parse()
                        .map_err(|e| reader.at_value(name, value, format!("{e}")))?;
                }
                "thresholds" => reader.thresholds(value, &mut settings)?,
                "points" => reader.points(value, &mut settings.points)?,
                "allow" => settings.allow = reader.lists(name, value)?,
                "deny" => settings.deny = reader.lists(name, value)?,
                "recruiter" => settings.recruiter = reader.recruiter(value)?,
                "keys" => settings.keys = reader.keys(value)?,
                _ => {
                    return Err(reader.unknown(
                        key,
                        name,
                        "policy, thresholds, points, allow, deny, recruiter, keys",
                    ));
                }
            }
        }
        Ok(settings)
    }
}

type Value<'i> = Spanned<DeValue<'i>>;
type Key<'i> = Spanned<std::borrow::Cow<'i, str>>;

struct Reader<'a> {
    text: &'a str,
    path: &'a Path,
}

impl Reader<'_> {
    fn error(&self, offset: usize, key: Option<&str>, message: String) -> ConfigError {
        let (line, column) = position(self.text, offset);
        let message = match key {
            Some(key) => format!("`{key}`: {message}"),
            None => message,
        };
        ConfigError::Invalid {
            path: self.path.to_path_buf(),
            line,
            column,
            key: key.map(str::to_string),
            message,
        }
    }

    fn at_value(&self, key: &str, value: &Value, message: String) -> ConfigError {
        self.error(value.span().start, Some(key), message)
    }

    fn unknown(&self, key: &Key, dotted: &str, expected: &str) -> ConfigError {
        let message = format!("unknown key; expected one of: {expected}");
        self.error(key.span().start, Some(dotted), message)
    }

    fn table<'v, 'i>(
        &self,
        key: &str,
        value: &'v Value<'i>,
    ) -> Result<&'v DeTable<'i>, ConfigError> {
        match value.get_ref() {
            DeValue::Table(table) => Ok(table),
            other => Err(self.at_value(
                key,
                value,
                format!("expected a table, found {}", kind(other)),
            )),
        }
    }

    fn string<'v>(&self, key: &str, value: &'v Value) -> Result<&'v str, ConfigError> {
        match value.get_ref() {
            DeValue::String(text) => Ok(text),
            other => Err(self.at_value(
                key,
                value,
                format!("expected a string, found {}", kind(other)),
            )),
        }
    }

    fn integer(
        &self,
        key: &str,
        value: &Value,
        range: std::ops::RangeInclusive<i64>,
    ) -> Result<i64, ConfigError> {
        let wanted = format!(
            "expected a whole number from {} to {}",
            range.start(),
            range.end()
        );
        let number = match value.get_ref() {
            DeValue::Integer(n) => i64::from_str_radix(n.as_str(), n.radix()).ok(),
            other => {
                return Err(self.at_value(key, value, format!("{wanted}, found {}", kind(other))));
            }
        };
        number
            .filter(|n| range.contains(n))
            .ok_or_else(|| self.at_value(key, value, wanted))
    }

    fn strings(&self, key: &str, value: &Value) -> Result<Vec<String>, ConfigError> {
        let DeValue::Array(items) = value.get_ref() else {
            let found = kind(value.get_ref());
            return Err(self.at_value(
                key,
                value,
                format!("expected a list of strings, found {found}"),
            ));
        };
        items
            .iter()
            .map(|item| match item.get_ref() {
                DeValue::String(text) if !text.trim().is_empty() => Ok(text.trim().to_string()),
                DeValue::String(_) => {
                    Err(self.at_value(key, item, "an empty string matches nothing".into()))
                }
                other => Err(self.at_value(
                    key,
                    item,
                    format!("expected a string, found {}", kind(other)),
                )),
            })
            .collect()
    }

    fn thresholds(&self, value: &Value, settings: &mut Settings) -> Result<(), ConfigError> {
        for (key, value) in self.table("thresholds", value)? {
            match key.get_ref().as_ref() {
                "non_person" => {
                    let n = self.integer("thresholds.non_person", value, 1..=100)?;
                    settings.non_person_threshold = u8::try_from(n).unwrap_or(DEFAULT_THRESHOLD);
                }
                other => {
                    return Err(self.unknown(key, &format!("thresholds.{other}"), "non_person"));
                }
            }
        }
        Ok(())
    }

    fn points(&self, value: &Value, points: &mut Points) -> Result<(), ConfigError> {
        for (key, value) in self.table("points", value)? {
            let name = key.get_ref().as_ref();
            let dotted = format!("points.{name}");
            let Some(signal) = Signal::from_name(name) else {
                let all: Vec<&str> = Signal::ALL.iter().map(|s| s.name()).collect();
                let message = format!("no such signal; the signals are: {}", all.join(", "));
                return Err(self.error(key.span().start, Some(&dotted), message));
            };
            let n = self.integer(&dotted, value, -MAX_POINTS..=MAX_POINTS)?;
            points.set(signal, i32::try_from(n).unwrap_or(0));
        }
        Ok(())
    }

    fn lists(&self, list: &str, value: &Value) -> Result<Lists, ConfigError> {
        let mut lists = Lists::default();
        for (key, value) in self.table(list, value)? {
            let name = key.get_ref().as_ref();
            let dotted = format!("{list}.{name}");
            let target = match name {
                "names" => &mut lists.names,
                "companies" => &mut lists.companies,
                "urls" => &mut lists.urls,
                _ => return Err(self.unknown(key, &dotted, "names, companies, urls")),
            };
            *target = self
                .strings(&dotted, value)?
                .iter()
                .map(|p| Pattern::new(p))
                .collect();
        }
        Ok(lists)
    }

    fn recruiter(&self, value: &Value) -> Result<RecruiterWords, ConfigError> {
        let mut words = RecruiterWords::default();
        for (key, value) in self.table("recruiter", value)? {
            let name = key.get_ref().as_ref();
            let dotted = format!("recruiter.{name}");
            let target = match name {
                "candidates" => &mut words.candidates,
                "clients" => &mut words.clients,
                _ => return Err(self.unknown(key, &dotted, "candidates, clients")),
            };
            *target = self.strings(&dotted, value)?;
        }
        Ok(words)
    }
}

impl Reader<'_> {
    fn keys(&self, value: &Value) -> Result<Vec<KeyBinding>, ConfigError> {
        let mut bindings = Vec::new();
        for (context, table) in self.table("keys", value)? {
            let context_name = context.get_ref().as_ref();
            for (action, keys) in self.table(&format!("keys.{context_name}"), table)? {
                let dotted = format!("keys.{context_name}.{}", action.get_ref());
                let keys = match keys.get_ref() {
                    DeValue::String(key) => vec![key.to_string()],
                    _ => self.strings(&dotted, keys)?,
                };
                let (line, column) = position(self.text, action.span().start);
                bindings.push(KeyBinding {
                    context: context_name.to_string(),
                    action: action.get_ref().to_string(),
                    keys,
                    line,
                    column,
                });
            }
        }
        Ok(bindings)
    }
}

fn kind(value: &DeValue) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "a whole number",
        DeValue::Float(_) => "a decimal number",
        DeValue::Boolean(_) => "true or false",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}
