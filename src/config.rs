//! The user's `config.toml`: the score's settings (the policy, per-signal
//! points, the threshold, allow and deny lists, the recruiter's headline
//! words) and the console's keys, colours and mouse.
//!
//! The file is read by serde into the shapes of [`file`], which refuse
//! unknown keys and check each value as they read it, so that anything
//! wrong (a bad value, a misspelt key, a signal that does not exist, one
//! key for two actions) is refused with the file, the line and the key at
//! fault. A config that cannot be trusted is never half applied.

mod file;
mod kind;

use std::path::{Path, PathBuf};

use serde_path_to_error::Segment;

use crate::files;
use crate::problem::{position, utf8};
use crate::score::Settings;
use crate::tui::{KeyError, Keymap, ThemeName};

/// The documented default config, which the app writes on first run.
pub const DEFAULT_CONFIG: &str = include_str!("../assets/config.toml");

/// Everything inviteq takes from the user.
#[derive(Debug, PartialEq)]
pub struct Config {
    pub score: Settings,
    /// The default keys with the user's `[keys.CONTEXT]` over them.
    pub keys: Keymap,
    /// The console's colours.
    pub theme: ThemeName,
    /// Whether the console takes the mouse (clicks and the wheel); without
    /// it the terminal keeps its own selection.
    pub mouse: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            score: Settings::default(),
            keys: Keymap::default(),
            theme: ThemeName::default(),
            mouse: true,
        }
    }
}

/// Why a config was refused.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{}: {error}", path.display())]
    Io {
        path: PathBuf,
        /// Told in the message, so not a `source`: `{:#}` would tell it twice.
        error: std::io::Error,
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

impl Config {
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let bytes = files::read(path).map_err(|error| ConfigError::Io {
            path: path.to_path_buf(),
            error,
        })?;
        let text = utf8(&bytes).map_err(|problem| ConfigError::Invalid {
            path: path.to_path_buf(),
            line: problem.line,
            column: problem.column,
            key: None,
            message: problem.message,
        })?;
        Config::parse(text, path)
    }

    /// Reads a config's text; `path` is only named in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let invalid = |offset: usize, key: Option<String>, message: String| {
            let (line, column) = position(text, offset);
            let message = match &key {
                Some(key) => format!("`{key}`: {message}"),
                None => message,
            };
            ConfigError::Invalid {
                path: path.to_path_buf(),
                line,
                column,
                key,
                message,
            }
        };
        let start = |e: &toml::de::Error| e.span().map_or(0, |span| span.start);
        let document = toml::Deserializer::parse(text)
            .map_err(|e| invalid(start(&e), None, e.message().trim().to_string()))?;
        let file: file::File = serde_path_to_error::deserialize(document).map_err(|e| {
            let key = dotted(e.path());
            let e = e.into_inner();
            invalid(start(&e), key, kind::reworded(e.message()))
        })?;
        let (theme, mouse) = (file.theme(), file.mouse());
        let (score, bindings) = file.into_parts(text);
        let keys = Keymap::with_user_keys(&bindings).map_err(|e| key_error(path, e))?;
        Ok(Config {
            score,
            keys,
            theme,
            mouse,
        })
    }
}

/// The key at fault as the file writes it (`deny.names`): a list item is
/// told by its line and column, and toml's own fields are no keys.
fn dotted(path: &serde_path_to_error::Path) -> Option<String> {
    let keys: Vec<&str> = path
        .iter()
        .filter_map(|segment| match segment {
            Segment::Map { key } if !kind::is_toml_field(key) => Some(key.as_str()),
            _ => None,
        })
        .collect();
    (!keys.is_empty()).then(|| keys.join("."))
}

fn key_error(path: &Path, error: KeyError) -> ConfigError {
    ConfigError::Invalid {
        path: path.to_path_buf(),
        line: error.line,
        column: error.column,
        key: Some(format!("keys.{}.{}", error.context, error.action)),
        message: error.to_string(),
    }
}
