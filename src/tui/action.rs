use ratatui::crossterm::event::KeyEvent;
use serde::Deserialize;

/// Everything the reviewer can ask of the console. Names are the ones a
/// keymap would use (snake_case); `Edit`, which carries the key typed, is
/// not bindable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    MoveDown,
    MoveUp,
    First,
    Last,
    PageDown,
    PageUp,
    ScrollDetailDown,
    ScrollDetailUp,
    Accept,
    Ignore,
    Reply,
    TakeSuggestion,
    Undo,
    Redo,
    CycleFilter,
    CycleIntent,
    CycleSort,
    ToggleHelp,
    Quit,
    Suspend,
    PickTemplate,
    OpenProfile,
    ToggleChecklist,
    ToggleDone,
    Choose,
    Copy,
    KeepReply,
    /// Closes the template picker or the reply box without a change.
    CancelReply,
    /// Opens the template manager.
    OpenTemplates,
    NewTemplate,
    RenameTemplate,
    DeleteTemplate,
    /// Moves the keyboard to the template editor.
    EditTemplate,
    /// Edits the selected template in `$VISUAL` or `$EDITOR`.
    EditExternally,
    SaveTemplates,
    /// Leaves the manager's editor, prompt or the manager itself.
    Back,
    /// Answers a confirm step.
    Yes,
    No,
    /// A key typed into a text editor or the template name prompt.
    #[serde(skip)]
    Edit(KeyEvent),
    /// A click on the list's row this far below its first row on screen.
    #[serde(skip)]
    ClickRow(usize),
}
