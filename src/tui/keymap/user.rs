//! The user's keys from `config.toml`'s `[keys.CONTEXT]` tables, laid over
//! the defaults. A name that is not a context, an action or a key, and one
//! key given to two actions of one context, are refused with the place of
//! the binding in the file.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use serde::Deserialize;
use serde::de::IntoDeserializer;
use serde::de::value::Error as ValueError;

use super::{KeyContext, Keymap, parse_key};
use crate::tui::action::Action;

const CONTEXT_NAMES: &str = "list, help, picker, reply, checklist, stats, manager, manager_editor, manager_prompt, manager_confirm";

/// `action = "key"` or `action = ["key", …]` in `[keys.CONTEXT]`, with
/// where its keys stand in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyBinding {
    pub context: String,
    pub action: String,
    pub keys: Vec<String>,
    /// 1-based, of the keys.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
}

/// Why one of the user's bindings was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`keys.{context}.{action}`: {problem}")]
pub struct KeyError {
    pub context: String,
    pub action: String,
    /// Where the binding stands in the file, 1-based.
    pub line: usize,
    pub column: usize,
    pub problem: KeyProblem,
}

/// What is wrong with a binding.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyProblem {
    #[error("{0:?} is not a part of the console ({CONTEXT_NAMES})")]
    NotAContext(String),
    #[error("{0:?} is not an action")]
    NotAnAction(String),
    #[error("this action has no key in the {} keys", format!("{:?}", .0).to_lowercase())]
    NotInContext(KeyContext),
    #[error("{0:?} is not a key (for example: a, G, ?, Enter, PgDn, Ctrl-r)")]
    NotAKey(String),
    #[error("give at least one key")]
    NoKey,
    /// The key is already another action's in the same file and context.
    #[error("{key:?} is already the key of {action}, at line {line}")]
    Taken {
        key: String,
        action: String,
        line: usize,
    },
}

impl Keymap {
    /// The default keys with the user's `[keys]` over them; a key the user
    /// gives to one action leaves the default action that had it, but two
    /// of the user's actions never share a key.
    pub fn with_user_keys(bindings: &[KeyBinding]) -> Result<Keymap, KeyError> {
        let mut keymap = Keymap::default();
        let mut given: Vec<(KeyContext, KeyCode, KeyModifiers, &KeyBinding)> = Vec::new();
        for b in bindings {
            let refuse = |problem| KeyError {
                context: b.context.clone(),
                action: b.action.clone(),
                line: b.line,
                column: b.column,
                problem,
            };
            let context = KeyContext::deserialize(b.context.as_str().into_deserializer())
                .map_err(|_: ValueError| refuse(KeyProblem::NotAContext(b.context.clone())))?;
            let action = Action::deserialize(b.action.as_str().into_deserializer())
                .map_err(|_: ValueError| refuse(KeyProblem::NotAnAction(b.action.clone())))?;
            keymap.rebind(context, action, &b.keys).map_err(refuse)?;
            for key in &b.keys {
                let Some((code, modifiers)) = parse_key(key) else {
                    continue;
                };
                let earlier = given.iter().find(|(c, k, m, other)| {
                    (*c, *k, *m) == (context, code, modifiers) && other.action != b.action
                });
                if let Some((.., other)) = earlier {
                    return Err(refuse(KeyProblem::Taken {
                        key: key.clone(),
                        action: other.action.clone(),
                        line: other.line,
                    }));
                }
                given.push((context, code, modifiers, b));
            }
        }
        Ok(keymap)
    }
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::KeyEvent;

    use super::*;

    fn user(context: &str, action: &str, keys: &[&str]) -> KeyBinding {
        KeyBinding {
            context: context.into(),
            action: action.into(),
            keys: keys.iter().map(|k| k.to_string()).collect(),
            line: 7,
            column: 1,
        }
    }

    #[test]
    fn the_users_keys_come_from_the_config_names() {
        let keymap = Keymap::with_user_keys(&[user("reply", "keep_reply", &["Ctrl-k"])]).unwrap();
        let ctrl_k = KeyEvent::new(KeyCode::Char('k'), KeyModifiers::CONTROL);
        assert_eq!(
            keymap.resolve(KeyContext::Reply, ctrl_k),
            Some(Action::KeepReply)
        );
        assert_eq!(
            keymap.hints(KeyContext::Reply).next().map(|b| b.code),
            Some(KeyCode::Char('k'))
        );

        for (bad, said) in [
            (user("lsit", "accept", &["a"]), "not a part of the console"),
            (user("list", "acept", &["a"]), "not an action"),
            (user("list", "accept", &["Meta-a"]), "not a key"),
        ] {
            let error = Keymap::with_user_keys(&[bad]).unwrap_err();
            assert_eq!(error.line, 7);
            assert!(error.to_string().contains(said), "{error}");
        }
    }

    #[test]
    fn two_of_the_users_actions_never_share_a_key() {
        let mut second = user("list", "ignore", &["i", "Ctrl-x"]);
        second.line = 9;
        second.column = 10;
        let error = Keymap::with_user_keys(&[user("list", "accept", &["Ctrl-x", "A"]), second])
            .unwrap_err();
        assert_eq!((error.line, error.column), (9, 10), "the second binding");
        assert_eq!(
            error.to_string(),
            "`keys.list.ignore`: \"Ctrl-x\" is already the key of accept, at line 7"
        );

        let apart = [
            user("list", "accept", &["x"]),
            user("reply", "keep_reply", &["x"]),
        ];
        assert!(Keymap::with_user_keys(&apart).is_ok(), "another context");
        let taken_from_a_default = [user("list", "ignore", &["a"])];
        assert!(
            Keymap::with_user_keys(&taken_from_a_default).is_ok(),
            "a default key moves to the user's action"
        );
    }
}
