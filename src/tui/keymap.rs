//! Which key does what, in each mode. The help overlay and the hint bar are
//! built from this table, so they always tell the keys that really work.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use serde::Deserialize;
use serde::de::IntoDeserializer;

use super::action::Action;
use crate::config::KeyBinding;
use defaults::DEFAULTS;

mod defaults;

const CONTEXT_NAMES: &str = "list, help, picker, reply, checklist, manager, manager_editor, manager_prompt, manager_confirm";

/// The modes that read keys differently, named in `config.toml` as
/// `[keys.list]`, `[keys.reply]`, ….
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Context {
    List,
    Help,
    Picker,
    Reply,
    Checklist,
    /// The template manager's list.
    Manager,
    /// The template manager's editor: unbound keys are typing.
    ManagerEditor,
    /// Typing a template's name.
    ManagerPrompt,
    /// A yes-or-no question in the template manager.
    ManagerConfirm,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub context: Context,
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
    pub action: Action,
    pub description: &'static str,
    /// Shown in the hint bar, not only in the help.
    pub hint: bool,
}

pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        let bindings = DEFAULTS
            .iter()
            .flat_map(|(context, table)| {
                table.iter().map(|&(key, action, description, hint)| {
                    let (code, modifiers) = parse_key(key).unwrap_or_else(|| {
                        unreachable!("the default key {key:?} is checked by a test")
                    });
                    Binding {
                        context: *context,
                        code,
                        modifiers,
                        action,
                        description,
                        hint,
                    }
                })
            })
            .collect();
        Keymap { bindings }
    }
}

/// Reads a key as the keymap writes it: `j`, `G`, `?`, `Enter`, `PgDn`,
/// `Ctrl-r`.
pub fn parse_key(text: &str) -> Option<(KeyCode, KeyModifiers)> {
    let (modifiers, key) = match text.strip_prefix("Ctrl-") {
        Some(rest) => (KeyModifiers::CONTROL, rest),
        None => (KeyModifiers::NONE, text),
    };
    let code = match key {
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Tab" => KeyCode::Tab,
        "Space" => KeyCode::Char(' '),
        "Up" => KeyCode::Up,
        "Down" => KeyCode::Down,
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "PgUp" => KeyCode::PageUp,
        "PgDn" => KeyCode::PageDown,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "Backspace" => KeyCode::Backspace,
        "Delete" => KeyCode::Delete,
        _ => {
            let mut chars = key.chars();
            let c = chars.next()?;
            if chars.next().is_some() {
                return None;
            }
            KeyCode::Char(c)
        }
    };
    Some((code, modifiers))
}

impl Keymap {
    /// The action for `key` in `context`; in an editor or a prompt, a key
    /// that is not bound is typing.
    pub fn resolve(&self, context: Context, key: KeyEvent) -> Option<Action> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        // Shifted letters arrive as upper-case characters, with or without SHIFT.
        let modifiers = match key.code {
            KeyCode::Char(_) => key.modifiers - KeyModifiers::SHIFT,
            _ => key.modifiers,
        };
        self.bindings
            .iter()
            .find(|b| b.context == context && b.code == key.code && b.modifiers == modifiers)
            .map(|b| b.action)
            .or(matches!(
                context,
                Context::Reply | Context::ManagerEditor | Context::ManagerPrompt
            )
            .then_some(Action::Edit(key)))
    }

    /// Binds `action` in `context` to `keys` instead of its default keys;
    /// a key taken from another action leaves that action. The description
    /// stays the default one.
    pub fn rebind(
        &mut self,
        context: Context,
        action: Action,
        keys: &[String],
    ) -> Result<(), String> {
        let Some(first) = self
            .bindings
            .iter()
            .position(|b| b.context == context && b.action == action)
        else {
            return Err(format!("this action has no key in the {context:?} keys").to_lowercase());
        };
        let (description, hint) = (self.bindings[first].description, self.bindings[first].hint);
        let mut parsed = Vec::with_capacity(keys.len());
        for key in keys {
            let (code, modifiers) = parse_key(key).ok_or_else(|| {
                format!("{key:?} is not a key (for example: a, G, ?, Enter, PgDn, Ctrl-r)")
            })?;
            parsed.push(Binding {
                context,
                code,
                modifiers,
                action,
                description,
                hint,
            });
        }
        if parsed.is_empty() {
            return Err("give at least one key".into());
        }
        let new_keys: Vec<_> = parsed.iter().map(|p| (p.code, p.modifiers)).collect();
        let taken = |b: &Binding| new_keys.contains(&(b.code, b.modifiers));
        let mut kept = Vec::with_capacity(self.bindings.len());
        for (index, binding) in self.bindings.drain(..).enumerate() {
            if index == first {
                kept.append(&mut parsed);
            }
            let replaced =
                binding.context == context && (binding.action == action || taken(&binding));
            if !replaced {
                kept.push(binding);
            }
        }
        self.bindings = kept;
        Ok(())
    }

    /// The default keys with the user's `[keys]` over them; a name that is
    /// not a context, an action or a key is refused with its line and
    /// column in the file.
    pub fn with_user_keys(bindings: &[KeyBinding]) -> Result<Keymap, (usize, usize, String)> {
        let mut keymap = Keymap::default();
        for b in bindings {
            let at = |message: String| {
                (
                    b.line,
                    b.column,
                    format!("`keys.{}.{}`: {message}", b.context, b.action),
                )
            };
            let context = Context::deserialize(b.context.as_str().into_deserializer()).map_err(
                |_: serde::de::value::Error| {
                    at(format!(
                        "{:?} is not a part of the console ({})",
                        b.context, CONTEXT_NAMES
                    ))
                },
            )?;
            let action = Action::deserialize(b.action.as_str().into_deserializer()).map_err(
                |_: serde::de::value::Error| at(format!("{:?} is not an action", b.action)),
            )?;
            keymap.rebind(context, action, &b.keys).map_err(at)?;
        }
        Ok(keymap)
    }

    /// The bindings of one context, for the help overlay.
    pub fn bindings(&self, context: Context) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.context == context)
    }

    /// The bindings worth a place in the hint bar.
    pub fn hints(&self, context: Context) -> impl Iterator<Item = &Binding> {
        self.bindings(context).filter(|b| b.hint)
    }
}

/// A key as the help and hints write it: `j`, `Ctrl-r`, `PgDn`, `⏎`.
pub fn key_label(code: KeyCode, modifiers: KeyModifiers) -> String {
    let key = match code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Enter".to_string(),
        KeyCode::Esc => "Esc".to_string(),
        KeyCode::Up => "↑".to_string(),
        KeyCode::Down => "↓".to_string(),
        KeyCode::PageUp => "PgUp".to_string(),
        KeyCode::PageDown => "PgDn".to_string(),
        KeyCode::Home => "Home".to_string(),
        KeyCode::End => "End".to_string(),
        other => other.to_string(),
    };
    if modifiers.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{key}")
    } else {
        key
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn resolves_by_context() {
        let keymap = Keymap::default();
        let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(keymap.resolve(Context::List, q), Some(Action::Quit));
        assert_eq!(keymap.resolve(Context::Help, q), Some(Action::ToggleHelp));
        assert_eq!(keymap.resolve(Context::Reply, q), Some(Action::Edit(q)));
    }

    #[test]
    fn shifted_letters_match_with_or_without_shift() {
        let keymap = Keymap::default();
        for modifiers in [KeyModifiers::NONE, KeyModifiers::SHIFT] {
            assert_eq!(
                keymap.resolve(Context::List, key(KeyCode::Char('G'), modifiers)),
                Some(Action::Last)
            );
        }
    }

    #[test]
    fn every_default_key_is_readable() {
        for (_, table) in DEFAULTS {
            for (key, ..) in *table {
                assert!(parse_key(key).is_some(), "{key}");
            }
        }
        assert_eq!(
            parse_key("Ctrl-s"),
            Some((KeyCode::Char('s'), KeyModifiers::CONTROL))
        );
        assert_eq!(parse_key("Hyper-x"), None);
    }

    #[test]
    fn a_rebound_action_takes_its_new_keys_from_others() {
        let mut keymap = Keymap::default();
        keymap
            .rebind(
                Context::List,
                Action::Accept,
                &["x".into(), "Ctrl-a".into()],
            )
            .unwrap();
        let x = key(KeyCode::Char('x'), KeyModifiers::NONE);
        let a = key(KeyCode::Char('a'), KeyModifiers::NONE);
        assert_eq!(keymap.resolve(Context::List, x), Some(Action::Accept));
        assert_eq!(
            keymap.resolve(
                Context::List,
                key(KeyCode::Char('a'), KeyModifiers::CONTROL)
            ),
            Some(Action::Accept)
        );
        assert_eq!(
            keymap.resolve(Context::List, a),
            None,
            "the old key is free"
        );

        keymap
            .rebind(Context::List, Action::Ignore, &["x".into()])
            .unwrap();
        assert_eq!(keymap.resolve(Context::List, x), Some(Action::Ignore));
        let accept_keys: Vec<_> = keymap
            .bindings(Context::List)
            .filter(|b| b.action == Action::Accept)
            .collect();
        assert_eq!(accept_keys.len(), 1, "accept keeps Ctrl-a");
        assert_eq!(accept_keys[0].description, "accept");
    }

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
        let ctrl_k = key(KeyCode::Char('k'), KeyModifiers::CONTROL);
        assert_eq!(
            keymap.resolve(Context::Reply, ctrl_k),
            Some(Action::KeepReply)
        );
        assert_eq!(
            keymap.hints(Context::Reply).next().map(|b| b.code),
            Some(KeyCode::Char('k'))
        );

        for (bad, said) in [
            (user("lsit", "accept", &["a"]), "not a part of the console"),
            (user("list", "acept", &["a"]), "not an action"),
            (user("list", "accept", &["Meta-a"]), "not a key"),
        ] {
            let (line, _, message) = Keymap::with_user_keys(&[bad]).err().unwrap();
            assert_eq!(line, 7);
            assert!(message.contains(said), "{message}");
        }
    }

    #[test]
    fn a_bad_rebinding_is_refused() {
        let mut keymap = Keymap::default();
        assert!(
            keymap
                .rebind(Context::List, Action::Accept, &["Hyper-q".into()])
                .unwrap_err()
                .contains("not a key")
        );
        assert!(
            keymap
                .rebind(Context::Help, Action::Accept, &["a".into()])
                .is_err()
        );
        assert!(keymap.rebind(Context::List, Action::Accept, &[]).is_err());
        assert_eq!(
            keymap.resolve(Context::List, key(KeyCode::Char('a'), KeyModifiers::NONE)),
            Some(Action::Accept)
        );
    }

    #[test]
    fn control_keys_are_their_own() {
        let keymap = Keymap::default();
        assert_eq!(
            keymap.resolve(
                Context::List,
                key(KeyCode::Char('r'), KeyModifiers::CONTROL)
            ),
            Some(Action::Redo)
        );
        assert_eq!(
            keymap.resolve(Context::List, key(KeyCode::Char('x'), KeyModifiers::NONE)),
            None
        );
        assert_eq!(
            key_label(KeyCode::Char('r'), KeyModifiers::CONTROL),
            "Ctrl-r"
        );
    }
}
