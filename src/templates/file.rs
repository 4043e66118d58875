//! `templates.toml`: read with every problem at its line and column in the
//! file, written back in the documented layout, created once and never
//! overwritten by the default.
//!
//! The layout is an array of tables, one `[[template]]` per reply with
//! `name`, an optional `about` and `body`, written as a `'''` literal string
//! so that a body reads in the file exactly as it reads in a message (no
//! escapes) and positions in a body map straight onto the file. An array
//! keeps the user's order, and a name as a value needs no key quoting.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::error::TemplateError;
use super::placeholder::{BodyError, parse};
use super::{Template, Templates};
use crate::files;
use crate::problem::{Problem, position, utf8};
use crate::store::atomic_write;

pub(crate) const DEFAULT: &str = include_str!("../../assets/templates.toml");

/// Whether [`Templates::load_or_create`] wrote the default file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Created {
    NewDefault,
    Existing,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    template: Vec<RawTemplate>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTemplate {
    name: Spanned<String>,
    #[serde(default)]
    about: Option<String>,
    body: Spanned<String>,
}

impl Templates {
    /// Reads `templates.toml` text, or says every problem in it.
    pub fn from_toml(text: &str) -> Result<Templates, Vec<Problem>> {
        let raw: RawFile = toml::from_str(text).map_err(|e| {
            let start = e.span().map_or(0, |span| span.start);
            vec![Problem::at(text, start, e.message().to_string())]
        })?;
        let mut templates = Templates::default();
        let mut problems = Vec::new();
        for entry in raw.template {
            let name_at = entry.name.span().start;
            let body_span = entry.body.span();
            let name = entry.name.into_inner();
            let body = without_closing_break(&text[body_span.clone()], entry.body.into_inner());
            if let Err(errors) = parse(&body) {
                let origin = body_origin(text, body_span.clone());
                problems.extend(errors.iter().map(|error| match origin {
                    Some(origin) => body_problem(origin, &name, error),
                    None => Problem::at(
                        text,
                        body_span.start,
                        format!(
                            "template `{name}`, line {} column {} of its body: {}",
                            error.line, error.column, error.kind
                        ),
                    ),
                }));
            }
            let template = Template {
                name,
                about: entry.about,
                body,
            };
            if let Err(error) = templates.push(template) {
                problems.push(Problem::at(text, name_at, error.to_string()));
            }
        }
        problems.sort_by_key(|p| (p.line, p.column));
        if problems.is_empty() {
            Ok(templates)
        } else {
            Err(problems)
        }
    }

    /// The file text: the documentation header, then one table per template.
    pub fn to_toml(&self) -> String {
        let header = DEFAULT
            .find("\n[[template]]")
            .map_or(DEFAULT, |end| &DEFAULT[..end]);
        let mut out = header.to_string();
        for template in &self.list {
            out.push_str("\n[[template]]\n");
            out.push_str(&format!("name = {}\n", basic_string(&template.name)));
            if let Some(about) = &template.about {
                out.push_str(&format!("about = {}\n", basic_string(about)));
            }
            out.push_str(&format!("body = {}\n", body_string(&template.body)));
        }
        out
    }

    pub fn load(path: &Path) -> Result<Templates, TemplateError> {
        let bytes = files::read(path).map_err(|error| io_error(path, error))?;
        from_bytes(path, &bytes)
    }

    /// Loads the templates, first writing the default file when there is
    /// none. An existing file is never replaced, even a broken one.
    pub fn load_or_create(path: &Path) -> Result<(Templates, Created), TemplateError> {
        match files::read(path) {
            Ok(bytes) => Ok((from_bytes(path, &bytes)?, Created::Existing)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => match write_new(path) {
                Ok(()) => Ok((Templates::builtin(), Created::NewDefault)),
                // Another inviteq wrote it first: theirs stands.
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    Ok((Templates::load(path)?, Created::Existing))
                }
                Err(error) => Err(io_error(path, error)),
            },
            Err(error) => Err(io_error(path, error)),
        }
    }

    /// Replaces the file whole, unless a template has errors: then nothing
    /// is written, so a bad template never replaces a good file.
    pub fn save(&self, path: &Path) -> Result<(), TemplateError> {
        let problems: Vec<(String, BodyError)> = self
            .problems()
            .into_iter()
            .flat_map(|(name, errors)| errors.into_iter().map(move |e| (name.to_string(), e)))
            .collect();
        if !problems.is_empty() {
            return Err(TemplateError::NotSaved {
                path: path.to_path_buf(),
                problems,
            });
        }
        atomic_write(path, self.to_toml().as_bytes()).map_err(|error| io_error(path, error))
    }
}

fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Templates, TemplateError> {
    let invalid = |problems| TemplateError::Invalid {
        path: path.to_path_buf(),
        problems,
    };
    let text = utf8(bytes).map_err(|problem| invalid(vec![problem]))?;
    Templates::from_toml(text.strip_prefix('\u{feff}').unwrap_or(text)).map_err(invalid)
}

/// Writes the default to a file that must not exist yet: `create_new`
/// refuses to open one that does, so no user file is ever replaced.
fn write_new(path: &Path) -> io::Result<()> {
    if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty()) {
        fs::create_dir_all(folder)?;
    }
    let mut file = OpenOptions::new().write(true).create_new(true).open(path)?;
    let written = file
        .write_all(DEFAULT.as_bytes())
        .and_then(|()| file.sync_all());
    if written.is_err() {
        // The half-written file is ours, and would read as broken next time.
        let _ = fs::remove_file(path);
    }
    written
}

fn io_error(path: &Path, error: io::Error) -> TemplateError {
    TemplateError::Io {
        path: path.to_path_buf(),
        error,
    }
}

/// The line break right before the closing quotes of a multi-line string
/// belongs to the layout, not the body: `'''` and the body each on their
/// own lines read naturally, and a body written that way round-trips.
fn without_closing_break(raw: &str, mut body: String) -> String {
    let multi_line = raw.starts_with("'''") || raw.starts_with("\"\"\"");
    if multi_line && raw[..raw.len() - 3].ends_with('\n') && body.ends_with('\n') {
        body.pop();
        if body.ends_with('\r') {
            body.pop();
        }
    }
    body
}

/// The file line and column of a body's first character, when positions
/// in the body map straight onto the file: always for literal strings,
/// and for basic strings without escapes.
fn body_origin(text: &str, span: Range<usize>) -> Option<(usize, usize)> {
    let raw = &text[span.clone()];
    let quotes = if raw.starts_with("'''") || raw.starts_with("\"\"\"") {
        3
    } else {
        1
    };
    let inner = &raw[quotes..raw.len() - quotes];
    if raw.starts_with('"') && inner.contains('\\') {
        return None;
    }
    // A line break right after opening quotes is not part of the string.
    let skipped = match inner {
        _ if quotes == 1 => 0,
        _ if inner.starts_with("\r\n") => 2,
        _ if inner.starts_with('\n') => 1,
        _ => 0,
    };
    Some(position(text, span.start + quotes + skipped))
}

fn body_problem((line, column): (usize, usize), name: &str, error: &BodyError) -> Problem {
    Problem {
        line: line + error.line - 1,
        column: if error.line == 1 {
            column + error.column - 1
        } else {
            error.column
        },
        message: format!("template `{name}`: {}", error.kind),
    }
}

/// A TOML basic string: quotes, backslashes and control characters escaped.
fn basic_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A body as a `'''` literal when TOML allows one (no `'''` inside, no
/// control characters but tab and line breaks), else as a basic string.
fn body_string(body: &str) -> String {
    let mut chars = body.chars().peekable();
    let mut literal_ok = !body.contains("'''");
    while let Some(c) = chars.next() {
        let allowed = match c {
            '\t' | '\n' => true,
            '\r' => chars.peek() == Some(&'\n'),
            c => !c.is_control(),
        };
        literal_ok &= allowed;
    }
    if literal_ok {
        format!("'''\n{body}\n'''")
    } else {
        basic_string(body)
    }
}
