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
    /// Accepts with a welcome message: drafts the `welcome` template, and
    /// keeping it accepts, carrying the text to send.
    AcceptWelcome,
    Undo,
    Redo,
    CycleFilter,
    CycleIntent,
    CycleSort,
    ToggleHelp,
    /// Opens or closes the log of every status message.
    ToggleMessages,
    Quit,
    Suspend,
    PickTemplate,
    OpenProfile,
    ToggleChecklist,
    ToggleDone,
    /// Opens or closes the stats screen.
    ToggleStats,
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
    /// Says what the selected template is for (its `about`).
    DescribeTemplate,
    /// Moves the keyboard to the template editor.
    EditTemplate,
    /// Edits the selected template in `$VISUAL` or `$EDITOR`.
    EditExternally,
    SaveTemplates,
    /// Leaves the manager's editor, prompt or the manager itself.
    Back,
    /// Marks the selected invitation, or unmarks it, and moves on; in a
    /// batch, leaves the entry out or takes it back in.
    ToggleMark,
    /// Begins a range to mark at the cursor, or marks the range.
    MarkRange,
    /// Drops the marks and the range being marked.
    ClearMarks,
    /// Shows every sure suggestion, to take them all at once.
    Sweep,
    /// Begins a search.
    Search,
    NextMatch,
    PreviousMatch,
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
