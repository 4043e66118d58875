//! Everything the console shows, in one place. Only `update` changes it.

use ratatui_textarea::TextArea;

use super::checklist::Checklist;
use super::effect::Change;
use super::keymap::{KeyContext, Keymap};
use super::manager::Manager;
use super::ui::Theme;
use crate::model::{Filter, Sort};
use crate::review::Review;
use crate::score::Intent;
use crate::templates::Templates;

/// What has the keyboard.
pub enum Mode {
    List,
    Help,
    /// Choosing the template to draft a reply with; the position in the list.
    PickTemplate(usize),
    Reply(Box<ReplyDraft>),
    /// The decisions to carry out on LinkedIn.
    Checklist(Checklist),
    /// The template manager, with the templates as edited so far.
    Templates(Box<Manager>),
}

/// A reply being drafted for one invitation.
pub struct ReplyDraft {
    pub index: usize,
    pub template: String,
    pub editor: TextArea<'static>,
    /// Placeholders left unfilled when the draft was made.
    pub missing: Vec<String>,
}

/// Where the list stood on a frame: the frame settles it from the real
/// area, moving it just enough to show the cursor, and the app brings it
/// back in ([`Event::Drawn`](super::Event::Drawn)) for the next frame to
/// start from and for a page to be a page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scroll {
    /// First row of `view` on screen.
    pub offset: usize,
    /// How many rows the list showed.
    pub rows: usize,
}

pub struct State {
    pub review: Review,
    pub templates: Templates,
    pub keymap: Keymap,
    pub mode: Mode,
    /// Indices into the queue, in the order the list shows them.
    pub view: Vec<usize>,
    /// Position in `view`.
    pub cursor: usize,
    /// Where the list stood on the last frame.
    pub scroll: Scroll,
    /// Lines of the detail pane scrolled past; back to the top on a move.
    pub detail_scroll: u16,
    pub filter: Filter,
    /// Only invitations of this intent, when set.
    pub intent: Option<Intent>,
    pub sort: Sort,
    /// The changes an undo takes back, newest last.
    pub undo: Vec<Change>,
    /// The changes taken back, which a redo makes again, newest last.
    pub redo: Vec<Change>,
    /// The redo tail that the last decision cleared, until the journal has
    /// it: a failed write puts it back.
    pub cleared_redo: Vec<Change>,
    /// A one-line message for the status bar, until the next key.
    pub status: Option<String>,
    /// Where the queue came from, for the title.
    pub source: String,
    /// Set when the reviewer asks to quit.
    pub quitting: bool,
    /// The colours, as the user chose them and the terminal has them.
    pub theme: Theme,
}

impl State {
    pub fn new(review: Review, templates: Templates, source: String) -> State {
        let mut state = State {
            view: Vec::new(),
            review,
            templates,
            keymap: Keymap::default(),
            mode: Mode::List,
            cursor: 0,
            scroll: Scroll::default(),
            detail_scroll: 0,
            filter: Filter::default(),
            intent: None,
            sort: Sort::default(),
            undo: Vec::new(),
            redo: Vec::new(),
            cleared_redo: Vec::new(),
            status: None,
            source,
            quitting: false,
            theme: Theme::default(),
        };
        state.rebuild_view(None);
        state
    }

    /// Restores a saved place: filter, intent, sort, and the invitation
    /// under the cursor (or, when it is gone, the first pending one), shown
    /// at the top of the list with what follows it below.
    pub fn restore(
        &mut self,
        filter: Filter,
        intent: Option<Intent>,
        sort: Sort,
        cursor: Option<&str>,
    ) {
        self.filter = filter;
        self.intent = intent;
        self.sort = sort;
        let at = cursor.and_then(|id| self.review.position(id));
        self.rebuild_view(at);
        if at.is_none_or(|index| self.view.get(self.cursor) != Some(&index)) {
            self.cursor = 0;
            self.move_to_pending_from(0);
        }
        self.scroll.offset = self.cursor;
    }

    pub fn context(&self) -> KeyContext {
        match self.mode {
            Mode::List => KeyContext::List,
            Mode::Help => KeyContext::Help,
            Mode::PickTemplate(_) => KeyContext::Picker,
            Mode::Checklist(_) => KeyContext::Checklist,
            Mode::Reply(_) => KeyContext::Reply,
            Mode::Templates(ref manager) => manager.context(),
        }
    }

    /// The queue index under the cursor (the checklist's, when it is open).
    pub fn selected(&self) -> Option<usize> {
        match &self.mode {
            Mode::Checklist(checklist) => checklist.selected(),
            _ => self.view.get(self.cursor).copied(),
        }
    }

    /// The id of the invitation under the cursor, as the session saves it.
    pub fn selected_id(&self) -> Option<&str> {
        self.selected()
            .map(|index| self.review.invitation(index).id.as_str())
    }

    /// Lays out the list again for the filter and sort, keeping `keep`
    /// under the cursor when it is still shown.
    pub fn rebuild_view(&mut self, keep: Option<usize>) {
        let review = &self.review;
        let mut view: Vec<usize> = (0..review.len())
            .filter(|&index| match self.filter {
                Filter::All => true,
                Filter::Pending => review.is_pending(index),
                Filter::Decided => review.decision(index).is_some(),
                Filter::New => review.presence(index).new,
            })
            .filter(|&index| {
                self.intent
                    .is_none_or(|i| review.summary(index).intent == i)
            })
            .collect();
        match self.sort {
            Sort::Queue => {}
            Sort::Score => {
                view.sort_by_key(|&index| std::cmp::Reverse(review.summary(index).score))
            }
            Sort::Name => view
                .sort_by_cached_key(|&index| review.invitation(index).profile.name.to_lowercase()),
        }
        self.view = view;
        self.cursor = keep
            .and_then(|index| self.view.iter().position(|&i| i == index))
            .unwrap_or(0);
    }

    /// Moves the cursor to `position` in the view, clamped; the next frame
    /// scrolls to it.
    pub fn move_cursor(&mut self, position: usize) {
        self.cursor = position.min(self.view.len().saturating_sub(1));
        self.detail_scroll = 0;
    }

    /// Moves to the first pending invitation at or after `position`,
    /// wrapping around; says whether there was one.
    pub fn move_to_pending_from(&mut self, position: usize) -> bool {
        let len = self.view.len();
        let found = (0..len)
            .map(|step| (position + step) % len)
            .find(|&p| self.review.is_pending(self.view[p]));
        if let Some(p) = found {
            self.move_cursor(p);
        }
        found.is_some()
    }
}
