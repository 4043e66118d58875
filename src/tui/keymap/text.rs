//! Keys in the screen's own words. Every sentence that names a key takes
//! it from the live keymap, as gitui's strings take its key config, so
//! that a rebinding changes the text too; an action left with no key is
//! not offered.

use super::{KeyContext, Keymap, key_label};
use crate::tui::action::Action;

impl Keymap {
    /// Every key of `action` in `context`, as the help writes keys.
    pub fn keys(&self, context: KeyContext, action: Action) -> Vec<String> {
        self.bindings(context)
            .filter(|b| b.action == action)
            .map(|b| key_label(b.code, b.modifiers))
            .collect()
    }

    /// The first key of `action` in `context`: the one a sentence names.
    pub fn key(&self, context: KeyContext, action: Action) -> Option<String> {
        self.bindings(context)
            .find(|b| b.action == action)
            .map(|b| key_label(b.code, b.modifiers))
    }

    /// "{key} {does}", such as "t opens the template manager", when
    /// `action` has a key in `context`.
    pub fn tell(&self, context: KeyContext, action: Action, does: &str) -> Option<String> {
        self.key(context, action).map(|key| format!("{key} {does}"))
    }
}

/// `text`, and after `joint` the key told, when there is one: "There is no
/// reply template: t opens the template manager".
pub fn with_key(text: impl Into<String>, joint: &str, told: Option<String>) -> String {
    let mut text = text.into();
    if let Some(told) = told {
        text.push_str(joint);
        text.push_str(&told);
    }
    text
}

/// Keys as a sentence lists them: "?", "? or Esc", "?, Esc or q".
pub fn either(keys: &[String]) -> String {
    match keys {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_told_as_bound() {
        let mut keymap = Keymap::default();
        assert_eq!(
            keymap.keys(KeyContext::Help, Action::ToggleHelp),
            ["?", "Esc", "q"]
        );
        assert_eq!(
            keymap.tell(KeyContext::Reply, Action::KeepReply, "keep"),
            Some("Ctrl-s keep".into())
        );
        keymap
            .rebind(KeyContext::List, Action::Ignore, &["f".into()])
            .unwrap();
        assert_eq!(
            keymap.key(KeyContext::List, Action::CycleFilter),
            None,
            "f was taken"
        );
        assert_eq!(
            with_key("No pending invitations", ": ", None),
            "No pending invitations"
        );
        assert_eq!(
            either(&["?".into(), "Esc".into(), "q".into()]),
            "?, Esc or q"
        );
        assert_eq!(either(&["?".into(), "Esc".into()]), "? or Esc");
    }
}
