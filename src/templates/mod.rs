//! Reply templates: the named list kept in `templates.toml`, the placeholder
//! language, and rendering a reply for one invitation.
//!
//! A [`Templates`] may hold a body with errors while the user is editing it;
//! such a set is never saved, so a bad template never replaces a good file.

mod draft;
mod error;
mod file;
mod listing;
pub mod names;
mod placeholder;
mod render;

pub use draft::{Draft, draft};
pub use error::{NameError, TemplateError};
pub use file::Created;
pub use listing::templates_listing;
pub use placeholder::{
    BodyError, BodyErrorKind, Field, Parsed, RawPlaceholder, find_raw_placeholders, parse,
};
pub use render::{Missing, Rendered, ReplyError, Values, check_reply, render};

/// The longest template name, so that lists and prompts stay tidy.
pub const NAME_CAP: usize = 40;

/// One named reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pub name: String,
    /// A note for the user, kept in the file across saves (comments are not).
    pub about: Option<String>,
    pub body: String,
}

impl Template {
    pub fn new(name: impl Into<String>, body: impl Into<String>) -> Template {
        Template {
            name: name.into(),
            about: None,
            body: body.into(),
        }
    }

    pub fn parse(&self) -> Result<Parsed, Vec<BodyError>> {
        parse(&self.body)
    }

    /// The first line with text, for lists.
    pub fn first_line(&self) -> &str {
        self.body
            .lines()
            .map(str::trim)
            .find(|line| !line.is_empty())
            .unwrap_or_default()
    }
}

/// The user's templates, in the order they chose.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Templates {
    list: Vec<Template>,
}

impl Templates {
    /// The templates shipped with inviteq, as written to a new file.
    pub fn builtin() -> Templates {
        Templates::from_toml(file::DEFAULT).unwrap_or_else(|problems| {
            unreachable!("the embedded templates are checked by a test: {problems:?}")
        })
    }

    pub fn as_slice(&self) -> &[Template] {
        &self.list
    }

    pub fn get(&self, name: &str) -> Option<&Template> {
        self.list.iter().find(|t| t.name == name)
    }

    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.list.iter().position(|t| t.name == name)
    }

    /// Inserts `template` at `index` (at the end when past it).
    pub fn insert(&mut self, index: usize, template: Template) -> Result<(), NameError> {
        self.check_new_name(&template.name, None)?;
        self.list.insert(index.min(self.list.len()), template);
        Ok(())
    }

    pub fn push(&mut self, template: Template) -> Result<(), NameError> {
        self.insert(self.list.len(), template)
    }

    pub fn rename(&mut self, old: &str, new: &str) -> Result<(), NameError> {
        let index = self.found(old)?;
        self.check_new_name(new, Some(index))?;
        self.list[index].name = new.to_string();
        Ok(())
    }

    /// Replaces a body, errors and all: the editor shows them, `save` refuses them.
    pub fn set_body(&mut self, name: &str, body: impl Into<String>) -> Result<(), NameError> {
        let index = self.found(name)?;
        self.list[index].body = body.into();
        Ok(())
    }

    /// Sets what a template is for, as the picker and `inviteq templates`
    /// show it; blank clears it, and the body's first line shows instead.
    pub fn set_about(&mut self, name: &str, about: &str) -> Result<(), NameError> {
        let index = self.found(name)?;
        let about = about.trim();
        self.list[index].about = (!about.is_empty()).then(|| about.to_string());
        Ok(())
    }

    pub fn remove(&mut self, name: &str) -> Option<Template> {
        self.index_of(name).map(|index| self.list.remove(index))
    }

    /// Every template with errors, with its problems, in list order.
    pub fn problems(&self) -> Vec<(&str, Vec<BodyError>)> {
        self.list
            .iter()
            .filter_map(|t| t.parse().err().map(|errors| (t.name.as_str(), errors)))
            .collect()
    }

    fn found(&self, name: &str) -> Result<usize, NameError> {
        self.index_of(name)
            .ok_or_else(|| NameError::NotFound(name.to_string()))
    }

    /// Names are unique ignoring case, so "Welcome" and "welcome" are never
    /// both offered; `renaming` is the template whose name may be reused.
    fn check_new_name(&self, name: &str, renaming: Option<usize>) -> Result<(), NameError> {
        check_name(name)?;
        let clash =
            self.list.iter().enumerate().find(|(i, t)| {
                Some(*i) != renaming && t.name.to_lowercase() == name.to_lowercase()
            });
        match clash {
            Some((_, t)) => Err(NameError::Duplicate(t.name.clone())),
            None => Ok(()),
        }
    }
}

/// Letters, digits, `-` and `_`: a name is typed on command lines and in
/// the policy config, where spaces and quotes get in the way.
pub fn check_name(name: &str) -> Result<(), NameError> {
    if name.is_empty() {
        return Err(NameError::Empty);
    }
    if name.chars().count() > NAME_CAP {
        return Err(NameError::TooLong);
    }
    match name
        .chars()
        .find(|&c| !(c.is_alphanumeric() || c == '-' || c == '_'))
    {
        Some(c) => Err(NameError::BadCharacter(c)),
        None => Ok(()),
    }
}
