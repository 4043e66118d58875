//! The text editor of the reply box and of the template manager:
//! `ratatui-textarea`'s editing, with the keys that mean one thing in both
//! boxes, and an undo that takes back a word or an edit run at a time, not
//! a character (the textarea's own history keeps each character).
//!
//! Undo keeps snapshots of the text, as yazi's input does: a step starts
//! when a new word starts, when typing turns to deleting or back, and
//! after anything that is not typing (a move, a paste, an undo).

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use ratatui_textarea::{CursorMove, DataCursor, TextArea, WrapMode};

/// The most undo steps kept; the oldest go first.
const STEPS_KEPT: usize = 1000;

pub struct Editor {
    pub textarea: TextArea<'static>,
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    /// The kind of edit the step in progress is made of, if one is.
    run: Option<Run>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Snapshot {
    lines: Vec<String>,
    cursor: (usize, usize),
}

/// What an edit does, for grouping edits into undo steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Run {
    /// Letters, digits, punctuation: a word.
    Word,
    /// Spaces and line breaks after a word: the word's step keeps them,
    /// and the next word starts a step.
    Gap,
    /// Spaces and line breaks that started a step: the word after them
    /// joins it.
    Lead,
    Deleting,
    /// Anything else that changes the text (paste, cut, kill a line): a
    /// step of its own.
    Other,
}

impl Editor {
    /// An editor holding `text`, wrapping at words, with no history.
    pub fn new(text: &str) -> Editor {
        let lines = text
            .split('\n')
            .map(|line| line.strip_suffix('\r').unwrap_or(line).to_string())
            .collect();
        let mut textarea = TextArea::new(lines);
        textarea.set_wrap_mode(WrapMode::Word);
        // The steps are ours: the textarea's history would only grow.
        textarea.set_max_histories(0);
        Editor {
            textarea,
            undo: Vec::new(),
            redo: Vec::new(),
            run: None,
        }
    }

    pub fn lines(&self) -> &[String] {
        self.textarea.lines()
    }

    pub fn text(&self) -> String {
        self.textarea.lines().join("\n")
    }

    /// Row and column, from 0.
    pub fn cursor(&self) -> (usize, usize) {
        let DataCursor(row, column) = self.textarea.cursor();
        (row, column)
    }

    pub fn move_cursor(&mut self, to: CursorMove) {
        self.run = None;
        self.textarea.move_cursor(to);
    }

    /// Hands a key to the textarea, except the keys that mean something
    /// else here: Ctrl-Home and Ctrl-End go to the start and the end of the
    /// text (the textarea takes them for the line's), Ctrl-u and Ctrl-r undo
    /// and redo a step. Says whether the text changed.
    pub fn input(&mut self, key: KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Home if ctrl => {
                self.move_cursor(CursorMove::Top);
                self.move_cursor(CursorMove::Head);
                return false;
            }
            KeyCode::End if ctrl => {
                self.move_cursor(CursorMove::Bottom);
                self.move_cursor(CursorMove::End);
                return false;
            }
            KeyCode::Char('u') if ctrl => return self.undo(),
            KeyCode::Char('r') if ctrl => return self.redo(),
            _ => {}
        }
        let run = run_of(key);
        let before = self.snapshot();
        let changed = self.textarea.input(key);
        if !changed {
            if self.textarea.lines() != before.lines.as_slice() {
                // A change the textarea does not report is still a change.
                self.start_step(before, Run::Other);
                return true;
            }
            if self.cursor() != before.cursor {
                self.run = None;
            }
            return false;
        }
        let next = match (self.run, run) {
            (Some(Run::Word | Run::Lead), Run::Word) => Some(Run::Word),
            (Some(Run::Word | Run::Gap), Run::Gap) => Some(Run::Gap),
            (Some(Run::Lead), Run::Gap) => Some(Run::Lead),
            (Some(Run::Deleting), Run::Deleting) => Some(Run::Deleting),
            _ => None,
        };
        match next {
            Some(next) => self.run = Some(next),
            None if run == Run::Gap => self.start_step(before, Run::Lead),
            None => self.start_step(before, run),
        }
        true
    }

    /// Replaces the whole text as one undo step.
    pub fn replace_all(&mut self, text: &str) {
        let before = self.snapshot();
        self.set_text(text);
        if self.textarea.lines() != before.lines.as_slice() {
            self.start_step(before, Run::Other);
            self.run = None;
        }
    }

    /// Takes back the last step; says whether there was one.
    pub fn undo(&mut self) -> bool {
        let Some(snapshot) = self.undo.pop() else {
            return false;
        };
        self.redo.push(self.snapshot());
        self.restore(snapshot);
        true
    }

    /// Makes the last step taken back again; says whether there was one.
    pub fn redo(&mut self) -> bool {
        let Some(snapshot) = self.redo.pop() else {
            return false;
        };
        self.undo.push(self.snapshot());
        self.restore(snapshot);
        true
    }

    fn start_step(&mut self, before: Snapshot, run: Run) {
        if self.undo.len() == STEPS_KEPT {
            self.undo.remove(0);
        }
        self.undo.push(before);
        self.redo.clear();
        self.run = match run {
            Run::Other => None,
            run => Some(run),
        };
    }

    fn snapshot(&self) -> Snapshot {
        Snapshot {
            lines: self.textarea.lines().to_vec(),
            cursor: self.cursor(),
        }
    }

    fn restore(&mut self, snapshot: Snapshot) {
        self.set_text(&snapshot.lines.join("\n"));
        let at = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
        let (row, column) = snapshot.cursor;
        self.textarea
            .move_cursor(CursorMove::Jump(at(row), at(column)));
        self.run = None;
    }

    /// Puts `text` in place of all there is, keeping the editor's looks.
    fn set_text(&mut self, text: &str) {
        self.textarea.select_all();
        if text.is_empty() {
            self.textarea.delete_char();
        } else {
            self.textarea.insert_str(text);
        }
    }
}

fn run_of(key: KeyEvent) -> Run {
    let plain = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match key.code {
        KeyCode::Char(c) if plain && c.is_whitespace() => Run::Gap,
        KeyCode::Char(_) if plain => Run::Word,
        KeyCode::Enter | KeyCode::Tab if plain => Run::Gap,
        KeyCode::Backspace | KeyCode::Delete => Run::Deleting,
        _ => Run::Other,
    }
}

impl Widget for &Editor {
    fn render(self, area: Rect, buf: &mut Buffer) {
        (&self.textarea).render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(editor: &mut Editor, code: KeyCode, modifiers: KeyModifiers) -> bool {
        editor.input(KeyEvent::new(code, modifiers))
    }

    fn typed(editor: &mut Editor, text: &str) {
        for c in text.chars() {
            let code = if c == '\n' {
                KeyCode::Enter
            } else {
                KeyCode::Char(c)
            };
            press(editor, code, KeyModifiers::NONE);
        }
    }

    fn at_end(text: &str) -> Editor {
        let mut editor = Editor::new(text);
        editor.move_cursor(CursorMove::Bottom);
        editor.move_cursor(CursorMove::End);
        editor
    }

    #[test]
    fn undo_takes_back_a_word_with_its_space_then_the_word_before() {
        let mut editor = at_end("Hi Ana,");
        typed(&mut editor, " see you soon");
        assert!(editor.undo());
        assert_eq!(editor.text(), "Hi Ana, see you ");
        assert!(editor.undo());
        assert_eq!(editor.text(), "Hi Ana, see ");
        assert!(editor.undo());
        assert_eq!(editor.text(), "Hi Ana,");
        assert!(!editor.undo(), "the text it started with stays");
        assert_eq!(editor.cursor(), (0, 7));
    }

    #[test]
    fn deleting_is_a_step_of_its_own_and_redo_makes_steps_again() {
        let mut editor = at_end("Hello");
        typed(&mut editor, " world");
        for _ in 0..3 {
            press(&mut editor, KeyCode::Backspace, KeyModifiers::NONE);
        }
        assert_eq!(editor.text(), "Hello wo");
        press(&mut editor, KeyCode::Char('u'), KeyModifiers::CONTROL);
        assert_eq!(editor.text(), "Hello world", "three deletions, one step");
        editor.undo();
        assert_eq!(editor.text(), "Hello");
        press(&mut editor, KeyCode::Char('r'), KeyModifiers::CONTROL);
        assert_eq!(editor.text(), "Hello world");
        editor.redo();
        assert_eq!(editor.text(), "Hello wo");
        assert!(!editor.redo());
    }

    #[test]
    fn a_move_ends_the_step_and_a_new_edit_clears_what_redo_had() {
        let mut editor = at_end("ab");
        typed(&mut editor, "cd");
        press(&mut editor, KeyCode::Left, KeyModifiers::NONE);
        typed(&mut editor, "X");
        assert_eq!(editor.text(), "abcXd");
        editor.undo();
        assert_eq!(editor.text(), "abcd");
        typed(&mut editor, "Y");
        assert!(!editor.redo(), "the new edit cleared the redo");
        editor.undo();
        editor.undo();
        assert_eq!(editor.text(), "ab");
    }

    #[test]
    fn ctrl_home_and_ctrl_end_go_to_the_start_and_the_end_of_the_text() {
        let mut editor = Editor::new("first line\nsecond\nthe last line");
        editor.move_cursor(CursorMove::Jump(1, 3));
        press(&mut editor, KeyCode::End, KeyModifiers::CONTROL);
        assert_eq!(editor.cursor(), (2, 13));
        press(&mut editor, KeyCode::Home, KeyModifiers::CONTROL);
        assert_eq!(editor.cursor(), (0, 0));
        press(&mut editor, KeyCode::End, KeyModifiers::NONE);
        assert_eq!(editor.cursor(), (0, 10), "End alone: the line's end");
    }

    #[test]
    fn replacing_the_whole_text_is_one_step() {
        let mut editor = at_end("old\ntext");
        editor.replace_all("new");
        assert_eq!(editor.text(), "new");
        editor.undo();
        assert_eq!(editor.text(), "old\ntext");
        editor.replace_all("");
        assert_eq!(editor.text(), "");
    }
}
