//! The keys inviteq starts with, context by context. `config.toml`'s
//! `[keys]` rebinds them.

use super::KeyContext;
use crate::tui::action::Action;

/// The default keys of each context: key, action, description, and whether
/// the hint bar shows it.
pub(super) type KeyTable = &'static [(&'static str, Action, &'static str, bool)];

pub(super) const DEFAULTS: &[(KeyContext, KeyTable)] = {
    use Action as A;
    &[
        (
            KeyContext::List,
            &[
                ("j", A::MoveDown, "next invitation", false),
                ("Down", A::MoveDown, "next invitation", false),
                ("k", A::MoveUp, "previous invitation", false),
                ("Up", A::MoveUp, "previous invitation", false),
                ("g", A::First, "first invitation", false),
                ("Home", A::First, "first invitation", false),
                ("G", A::Last, "last invitation", false),
                ("End", A::Last, "last invitation", false),
                ("PgDn", A::PageDown, "a page down", false),
                ("PgUp", A::PageUp, "a page up", false),
                (
                    "J",
                    A::ScrollDetailDown,
                    "scroll the detail pane down",
                    false,
                ),
                ("K", A::ScrollDetailUp, "scroll the detail pane up", false),
                ("a", A::Accept, "accept", true),
                ("i", A::Ignore, "ignore", true),
                ("r", A::Reply, "draft a reply", true),
                ("R", A::PickTemplate, "reply with another template", false),
                ("Enter", A::TakeSuggestion, "take the suggestion", true),
                ("y", A::Copy, "copy the kept reply", false),
                (
                    "o",
                    A::OpenProfile,
                    "open the profile in the browser",
                    false,
                ),
                (
                    "c",
                    A::ToggleChecklist,
                    "checklist of decisions to carry out",
                    true,
                ),
                ("u", A::Undo, "undo", true),
                ("Ctrl-r", A::Redo, "redo", false),
                (
                    "f",
                    A::CycleFilter,
                    "filter: all, pending, decided, new",
                    false,
                ),
                (
                    "I",
                    A::CycleIntent,
                    "intent: met-before, networking, job-seeking, …",
                    false,
                ),
                ("s", A::CycleSort, "sort: queue, score, name", false),
                ("t", A::OpenTemplates, "manage reply templates", false),
                (
                    "S",
                    A::ToggleStats,
                    "stats: progress, scores, decisions by day",
                    false,
                ),
                ("?", A::ToggleHelp, "help", true),
                ("q", A::Quit, "quit", true),
                ("Ctrl-c", A::Quit, "quit", false),
                ("Ctrl-z", A::Suspend, "suspend to the shell", false),
            ],
        ),
        (
            KeyContext::Help,
            &[
                ("?", A::ToggleHelp, "close the help", true),
                ("Esc", A::ToggleHelp, "close the help", false),
                ("q", A::ToggleHelp, "close the help", false),
                ("Ctrl-c", A::Quit, "quit", false),
                ("Ctrl-z", A::Suspend, "suspend to the shell", false),
            ],
        ),
        (
            KeyContext::Picker,
            &[
                ("j", A::MoveDown, "next template", true),
                ("Down", A::MoveDown, "next template", false),
                ("k", A::MoveUp, "previous template", true),
                ("Up", A::MoveUp, "previous template", false),
                ("Enter", A::Choose, "draft with this template", true),
                ("Esc", A::CancelReply, "cancel", true),
                ("q", A::CancelReply, "cancel", false),
                ("Ctrl-c", A::Quit, "quit", false),
                ("Ctrl-z", A::Suspend, "suspend to the shell", false),
            ],
        ),
        (
            KeyContext::Checklist,
            &[
                ("j", A::MoveDown, "next decision", false),
                ("Down", A::MoveDown, "next decision", false),
                ("k", A::MoveUp, "previous decision", false),
                ("Up", A::MoveUp, "previous decision", false),
                ("Space", A::ToggleDone, "tick done / not done", true),
                ("x", A::ToggleDone, "tick done / not done", false),
                ("o", A::OpenProfile, "open the profile", true),
                ("y", A::Copy, "copy the reply", true),
                ("c", A::ToggleChecklist, "back to the list", true),
                ("Esc", A::ToggleChecklist, "back to the list", false),
                ("q", A::ToggleChecklist, "back to the list", false),
                ("Ctrl-c", A::Quit, "quit", false),
                ("Ctrl-z", A::Suspend, "suspend to the shell", false),
            ],
        ),
        (
            KeyContext::Stats,
            &[
                ("S", A::ToggleStats, "back to the list", true),
                ("Esc", A::ToggleStats, "back to the list", false),
                ("q", A::ToggleStats, "back to the list", false),
                ("Ctrl-c", A::Quit, "quit", false),
                ("Ctrl-z", A::Suspend, "suspend to the shell", false),
            ],
        ),
        (
            KeyContext::Reply,
            &[
                ("Ctrl-s", A::KeepReply, "keep the reply", true),
                ("Ctrl-o", A::Copy, "copy to the clipboard", true),
                ("Ctrl-u", A::Undo, "undo a word", false),
                ("Ctrl-r", A::Redo, "redo", false),
                ("Esc", A::CancelReply, "cancel", true),
                ("Ctrl-c", A::Quit, "quit", false),
                ("Ctrl-z", A::Suspend, "suspend to the shell", false),
            ],
        ),
        (
            KeyContext::Manager,
            &[
                ("j", A::MoveDown, "next template", false),
                ("Down", A::MoveDown, "next template", false),
                ("k", A::MoveUp, "previous template", false),
                ("Up", A::MoveUp, "previous template", false),
                ("g", A::First, "first template", false),
                ("G", A::Last, "last template", false),
                ("Enter", A::EditTemplate, "edit", true),
                ("Tab", A::EditTemplate, "edit", false),
                ("n", A::NewTemplate, "new", true),
                ("r", A::RenameTemplate, "rename", true),
                ("d", A::DeleteTemplate, "delete", true),
                (
                    "A",
                    A::DescribeTemplate,
                    "say what it is for (about)",
                    false,
                ),
                ("E", A::EditExternally, "edit in $EDITOR", true),
                ("Ctrl-s", A::SaveTemplates, "save all", true),
                ("?", A::ToggleHelp, "help", true),
                ("Esc", A::Back, "back to invitations", true),
                ("q", A::Back, "back to invitations", false),
                ("Ctrl-c", A::Quit, "quit", false),
                ("Ctrl-z", A::Suspend, "suspend to the shell", false),
            ],
        ),
        (
            KeyContext::ManagerEditor,
            &[
                ("Ctrl-s", A::SaveTemplates, "save all", true),
                ("Ctrl-u", A::Undo, "undo a word", true),
                ("Ctrl-r", A::Redo, "redo", true),
                ("Esc", A::Back, "back to the template list", true),
                ("Tab", A::Back, "back to the template list", false),
                ("Ctrl-z", A::Suspend, "suspend to the shell", false),
            ],
        ),
        (
            KeyContext::ManagerPrompt,
            &[
                ("Enter", A::Choose, "take the name or the about", true),
                ("Esc", A::Back, "cancel", true),
                ("Ctrl-c", A::Quit, "quit", false),
                ("Ctrl-z", A::Suspend, "suspend to the shell", false),
            ],
        ),
        (
            KeyContext::ManagerConfirm,
            &[
                ("y", A::Yes, "yes", true),
                ("n", A::No, "no", true),
                ("Esc", A::No, "no", false),
                ("Ctrl-c", A::Quit, "quit", false),
                ("Ctrl-z", A::Suspend, "suspend to the shell", false),
            ],
        ),
    ]
};
