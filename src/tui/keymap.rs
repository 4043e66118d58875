//! Which key does what, in each mode. The help overlay and the hint bar are
//! built from this table, so they always tell the keys that really work.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;

/// The modes that read keys differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    List,
    Help,
    Reply,
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
        use Action as A;
        use Context as C;
        use KeyCode as K;
        let none = KeyModifiers::NONE;
        let ctrl = KeyModifiers::CONTROL;
        let table = [
            (
                C::List,
                K::Char('j'),
                none,
                A::MoveDown,
                "next invitation",
                false,
            ),
            (
                C::List,
                K::Down,
                none,
                A::MoveDown,
                "next invitation",
                false,
            ),
            (
                C::List,
                K::Char('k'),
                none,
                A::MoveUp,
                "previous invitation",
                false,
            ),
            (
                C::List,
                K::Up,
                none,
                A::MoveUp,
                "previous invitation",
                false,
            ),
            (
                C::List,
                K::Char('g'),
                none,
                A::First,
                "first invitation",
                false,
            ),
            (C::List, K::Home, none, A::First, "first invitation", false),
            (
                C::List,
                K::Char('G'),
                none,
                A::Last,
                "last invitation",
                false,
            ),
            (C::List, K::End, none, A::Last, "last invitation", false),
            (
                C::List,
                K::PageDown,
                none,
                A::PageDown,
                "a page down",
                false,
            ),
            (C::List, K::PageUp, none, A::PageUp, "a page up", false),
            (C::List, K::Char('a'), none, A::Accept, "accept", true),
            (C::List, K::Char('i'), none, A::Ignore, "ignore", true),
            (C::List, K::Char('r'), none, A::Reply, "draft a reply", true),
            (
                C::List,
                K::Enter,
                none,
                A::TakeSuggestion,
                "take the suggestion",
                true,
            ),
            (C::List, K::Char('u'), none, A::Undo, "undo", true),
            (C::List, K::Char('r'), ctrl, A::Redo, "redo", false),
            (
                C::List,
                K::Char('f'),
                none,
                A::CycleFilter,
                "filter: all, pending, decided",
                false,
            ),
            (
                C::List,
                K::Char('s'),
                none,
                A::CycleSort,
                "sort: queue, score, name",
                false,
            ),
            (C::List, K::Char('?'), none, A::ToggleHelp, "help", true),
            (C::List, K::Char('q'), none, A::Quit, "quit", true),
            (C::List, K::Char('c'), ctrl, A::Quit, "quit", false),
            (
                C::List,
                K::Char('z'),
                ctrl,
                A::Suspend,
                "suspend to the shell",
                false,
            ),
            (
                C::Help,
                K::Char('?'),
                none,
                A::ToggleHelp,
                "close the help",
                true,
            ),
            (
                C::Help,
                K::Esc,
                none,
                A::ToggleHelp,
                "close the help",
                false,
            ),
            (
                C::Help,
                K::Char('q'),
                none,
                A::ToggleHelp,
                "close the help",
                false,
            ),
            (C::Help, K::Char('c'), ctrl, A::Quit, "quit", false),
            (
                C::Help,
                K::Char('z'),
                ctrl,
                A::Suspend,
                "suspend to the shell",
                false,
            ),
            (
                C::Reply,
                K::Char('s'),
                ctrl,
                A::KeepReply,
                "keep the reply",
                true,
            ),
            (C::Reply, K::Esc, none, A::CancelReply, "cancel", true),
            (C::Reply, K::Char('c'), ctrl, A::Quit, "quit", false),
            (
                C::Reply,
                K::Char('z'),
                ctrl,
                A::Suspend,
                "suspend to the shell",
                false,
            ),
        ];
        let bindings = table
            .into_iter()
            .map(
                |(context, code, modifiers, action, description, hint)| Binding {
                    context,
                    code,
                    modifiers,
                    action,
                    description,
                    hint,
                },
            )
            .collect();
        Keymap { bindings }
    }
}

impl Keymap {
    /// The action for `key` in `context`; in the reply editor, a key that
    /// is not bound is typing.
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
            .or((context == Context::Reply).then_some(Action::Edit(key)))
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
