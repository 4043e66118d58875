//! Which key does what, in each mode. The help overlay and the hint bar are
//! built from this table, so they always tell the keys that really work.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use serde::Deserialize;

use super::action::Action;
use defaults::DEFAULTS;

mod defaults;
mod text;
mod user;

pub use text::{either, with_key};
pub use user::{KeyBinding, KeyError, KeyProblem};

/// The modes that read keys differently, named in `config.toml` as
/// `[keys.list]`, `[keys.reply]`, ….
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyContext {
    List,
    Help,
    /// The log of status messages.
    Messages,
    Picker,
    Reply,
    Checklist,
    /// The stats screen.
    Stats,
    /// The template manager's list.
    Manager,
    /// The template manager's editor: unbound keys are typing.
    ManagerEditor,
    /// Typing a template's name.
    ManagerPrompt,
    /// A yes-or-no question in the template manager.
    ManagerConfirm,
    /// A sweep or the marked invitations, before they are decided.
    Batch,
    /// Typing a search: unbound keys are typing.
    Search,
}

impl KeyContext {
    /// The action that leaves this mode (quitting, in the list): the hint
    /// bar keeps its key whatever else it must drop for width.
    pub fn way_out(self) -> Action {
        match self {
            KeyContext::List => Action::Quit,
            KeyContext::Help => Action::ToggleHelp,
            KeyContext::Messages => Action::ToggleMessages,
            KeyContext::Picker | KeyContext::Reply => Action::CancelReply,
            KeyContext::Checklist => Action::ToggleChecklist,
            KeyContext::Manager | KeyContext::ManagerEditor | KeyContext::ManagerPrompt => {
                Action::Back
            }
            KeyContext::ManagerConfirm => Action::No,
            KeyContext::Stats => Action::ToggleStats,
            KeyContext::Batch | KeyContext::Search => Action::Back,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub context: KeyContext,
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
    pub action: Action,
    pub description: &'static str,
    /// Shown in the hint bar, not only in the help.
    pub hint: bool,
}

#[derive(Debug, PartialEq)]
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
    pub fn resolve(&self, context: KeyContext, key: KeyEvent) -> Option<Action> {
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
                KeyContext::Reply
                    | KeyContext::ManagerEditor
                    | KeyContext::ManagerPrompt
                    | KeyContext::Search
            )
            .then_some(Action::Edit(key)))
    }

    /// Binds `action` in `context` to `keys` instead of its default keys;
    /// a key taken from another action leaves that action. The description
    /// stays the default one.
    pub fn rebind(
        &mut self,
        context: KeyContext,
        action: Action,
        keys: &[String],
    ) -> Result<(), KeyProblem> {
        let Some(first) = self
            .bindings
            .iter()
            .position(|b| b.context == context && b.action == action)
        else {
            return Err(KeyProblem::NotInContext(context));
        };
        let (description, hint) = (self.bindings[first].description, self.bindings[first].hint);
        let mut parsed = Vec::with_capacity(keys.len());
        for key in keys {
            let (code, modifiers) =
                parse_key(key).ok_or_else(|| KeyProblem::NotAKey(key.clone()))?;
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
            return Err(KeyProblem::NoKey);
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

    /// The bindings of one context, for the help overlay.
    pub fn bindings(&self, context: KeyContext) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.context == context)
    }

    /// The bindings worth a place in the hint bar.
    pub fn hints(&self, context: KeyContext) -> impl Iterator<Item = &Binding> {
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
        assert_eq!(keymap.resolve(KeyContext::List, q), Some(Action::Quit));
        assert_eq!(
            keymap.resolve(KeyContext::Help, q),
            Some(Action::ToggleHelp)
        );
        assert_eq!(keymap.resolve(KeyContext::Reply, q), Some(Action::Edit(q)));
    }

    #[test]
    fn shifted_letters_match_with_or_without_shift() {
        let keymap = Keymap::default();
        for modifiers in [KeyModifiers::NONE, KeyModifiers::SHIFT] {
            assert_eq!(
                keymap.resolve(KeyContext::List, key(KeyCode::Char('G'), modifiers)),
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
                KeyContext::List,
                Action::Accept,
                &["x".into(), "Ctrl-a".into()],
            )
            .unwrap();
        let x = key(KeyCode::Char('x'), KeyModifiers::NONE);
        let a = key(KeyCode::Char('a'), KeyModifiers::NONE);
        assert_eq!(keymap.resolve(KeyContext::List, x), Some(Action::Accept));
        assert_eq!(
            keymap.resolve(
                KeyContext::List,
                key(KeyCode::Char('a'), KeyModifiers::CONTROL)
            ),
            Some(Action::Accept)
        );
        assert_eq!(
            keymap.resolve(KeyContext::List, a),
            None,
            "the old key is free"
        );

        keymap
            .rebind(KeyContext::List, Action::Ignore, &["x".into()])
            .unwrap();
        assert_eq!(keymap.resolve(KeyContext::List, x), Some(Action::Ignore));
        let accept_keys: Vec<_> = keymap
            .bindings(KeyContext::List)
            .filter(|b| b.action == Action::Accept)
            .collect();
        assert_eq!(accept_keys.len(), 1, "accept keeps Ctrl-a");
        assert_eq!(accept_keys[0].description, "accept");
    }

    #[test]
    fn a_bad_rebinding_is_refused() {
        let mut keymap = Keymap::default();
        assert_eq!(
            keymap.rebind(KeyContext::List, Action::Accept, &["Hyper-q".into()]),
            Err(KeyProblem::NotAKey("Hyper-q".into()))
        );
        assert!(
            keymap
                .rebind(KeyContext::Help, Action::Accept, &["a".into()])
                .is_err()
        );
        assert!(
            keymap
                .rebind(KeyContext::List, Action::Accept, &[])
                .is_err()
        );
        assert_eq!(
            keymap.resolve(
                KeyContext::List,
                key(KeyCode::Char('a'), KeyModifiers::NONE)
            ),
            Some(Action::Accept)
        );
    }

    #[test]
    fn control_keys_are_their_own() {
        let keymap = Keymap::default();
        assert_eq!(
            keymap.resolve(
                KeyContext::List,
                key(KeyCode::Char('r'), KeyModifiers::CONTROL)
            ),
            Some(Action::Redo)
        );
        assert_eq!(
            keymap.resolve(
                KeyContext::List,
                key(KeyCode::Char('z'), KeyModifiers::NONE)
            ),
            None
        );
        assert_eq!(
            key_label(KeyCode::Char('r'), KeyModifiers::CONTROL),
            "Ctrl-r"
        );
    }
}
