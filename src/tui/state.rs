//! Everything the console shows, in one place. Only `update` changes it.

use std::collections::BTreeSet;

use super::action::Action;
use super::batch::Batch;
use super::checklist::Checklist;
use super::editor::Editor;
use super::effect::Step;
use super::keymap::{KeyContext, Keymap};
use super::manager::Manager;
use super::search::{Folds, Query, Search};
use super::ui::Theme;
use crate::model::{Filter, Sort, Verdict};
use crate::review::Review;
use crate::review::stats::Stats;
use crate::score::Intent;
use crate::templates::Templates;

/// An overlay that reads every row's score, which may wait for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Sweep,
    Stats,
}

/// What has the keyboard.
pub enum Mode {
    List,
    /// The help, scrolled this many lines down.
    Help(u16),
    /// Every status message of the session, scrolled this many lines down.
    Messages(u16),
    /// Choosing the template to draft a reply with; the position in the list.
    PickTemplate(usize),
    Reply(Box<ReplyDraft>),
    /// The decisions to carry out on LinkedIn.
    Checklist(Checklist),
    /// The stats screen, counted when it opened.
    Stats(Box<Stats>),
    /// The template manager, with the templates as edited so far.
    Templates(Box<Manager>),
    /// A sweep or the marked invitations, shown before they are decided.
    Batch(Box<Batch>),
    /// Typing a search.
    Search(Search),
}

/// A reply being drafted for one invitation.
pub struct ReplyDraft {
    pub index: usize,
    /// What keeping the text decides: a reply, or an accept with a
    /// message to send after it (a welcome).
    pub verdict: Verdict,
    pub template: String,
    pub editor: Editor,
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
    /// How far the detail pane could scroll.
    pub detail: Reach,
    /// How far the overlay over the list (the help, the messages) could scroll.
    pub overlay: Reach,
}

/// How far a pane of text could scroll on a frame, settled where its real
/// area and wrapped text are known, so that no key scrolls it into blank
/// space below its end.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reach {
    /// Lines it can scroll down before its last line is at its bottom.
    pub max: u16,
    /// Lines it showed: a page.
    pub rows: u16,
}

impl Reach {
    /// Where `action` scrolls a pane that stands at `offset`, or `None` when
    /// the action is not a scroll.
    pub fn scroll(self, offset: u16, action: Action) -> Option<u16> {
        let at = offset.min(self.max);
        let page = self.rows.max(1);
        let to = match action {
            Action::MoveDown => at.saturating_add(1),
            Action::MoveUp => at.saturating_sub(1),
            Action::PageDown => at.saturating_add(page),
            Action::PageUp => at.saturating_sub(page),
            Action::First => 0,
            Action::Last => self.max,
            _ => return None,
        };
        Some(to.min(self.max))
    }
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
    /// The list is to be sorted by score once the console has scored the
    /// rows left, which were too many to score before the frame: it keeps
    /// the queue's order meanwhile, keys work, and the status bar tells
    /// how far the scoring is.
    pub sort_waits: bool,
    /// The sweep or the stats, asked for while too many rows were left to
    /// score before a frame: opened once the console has scored them.
    pub opens_when_scored: Option<Overlay>,
    /// A key that reads every row's score scores the rows left before its
    /// frame when they are this many or fewer, and waits for them
    /// otherwise.
    pub scored_before_a_frame: usize,
    /// The steps an undo takes back, newest last.
    pub undo: Vec<Step>,
    /// The steps taken back, which a redo makes again, newest last.
    pub redo: Vec<Step>,
    /// The redo tail that the last decision cleared, until the journal has
    /// it: a failed write puts it back.
    pub cleared_redo: Vec<Step>,
    /// The marked invitations, as queue indices; kept for this session only.
    pub marks: BTreeSet<usize>,
    /// Where a range being marked (`v`) began, as a queue index.
    pub range_from: Option<usize>,
    /// The last search kept, for the next and previous match.
    pub last_search: Option<Query>,
    /// The rows' text as search compares it, made as searches need it.
    pub folds: Folds,
    /// A message for the status bar, until the next key.
    pub status: Option<String>,
    /// Every status message of this session, oldest first, for the message
    /// log: the status bar shows one only until the next key.
    pub messages: Vec<String>,
    /// Where the queue came from, for the title.
    pub source: String,
    /// Set when the reviewer asks to quit.
    pub quitting: bool,
    /// The colours, as the user chose them and the terminal has them.
    pub theme: Theme,
    /// Another process holds this review and this console decides nothing:
    /// the words the status bar keeps at its right, in place of the policy.
    pub read_only: Option<String>,
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
            sort_waits: false,
            opens_when_scored: None,
            scored_before_a_frame: SCORED_BEFORE_A_FRAME,
            undo: Vec::new(),
            redo: Vec::new(),
            cleared_redo: Vec::new(),
            marks: BTreeSet::new(),
            range_from: None,
            last_search: None,
            folds: Folds::default(),
            status: None,
            messages: Vec::new(),
            source,
            quitting: false,
            theme: Theme::default(),
            read_only: None,
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

    /// Whether a key that reads every row's score waits for the console to
    /// score them: too many are left to score before its frame.
    pub fn must_wait_for_scores(&self) -> bool {
        self.review.unscored() > self.scored_before_a_frame
    }

    /// What waits for every row to be scored, in the status bar's words.
    pub fn waiting_for_scores(&self) -> Option<&'static str> {
        if self.sort_waits {
            return Some("to sort");
        }
        match self.opens_when_scored? {
            Overlay::Sweep => Some("for the sweep"),
            Overlay::Stats => Some("for the stats"),
        }
    }

    pub fn context(&self) -> KeyContext {
        match self.mode {
            Mode::List => KeyContext::List,
            Mode::Help(_) => KeyContext::Help,
            Mode::Messages(_) => KeyContext::Messages,
            Mode::PickTemplate(_) => KeyContext::Picker,
            Mode::Checklist(_) => KeyContext::Checklist,
            Mode::Stats(_) => KeyContext::Stats,
            Mode::Reply(_) => KeyContext::Reply,
            Mode::Templates(ref manager) => manager.context(),
            Mode::Batch(_) => KeyContext::Batch,
            Mode::Search(_) => KeyContext::Search,
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
    /// under the cursor when it is still shown, else the nearest row after
    /// it (before it, at the end) of those still shown.
    pub fn rebuild_view(&mut self, keep: Option<usize>) {
        self.sort_waits = self.sort == Sort::Score && self.must_wait_for_scores();
        let review = &self.review;
        if self.sort == Sort::Score && !self.sort_waits {
            review.score_all();
        }
        let mut view: Vec<usize> = (0..review.len())
            .filter(|&index| match self.filter {
                Filter::All => true,
                Filter::Pending => review.is_pending(index),
                Filter::Decided => review.decision(index).is_some(),
                Filter::New => review.presence(index).new,
            })
            .filter(|&index| self.intent.is_none_or(|i| review.intent(index) == i))
            .collect();
        match self.sort {
            Sort::Queue => {}
            Sort::Score if self.sort_waits => {}
            Sort::Score => sort_by_score(&mut view, review),
            Sort::Name => view
                .sort_by_cached_key(|&index| review.invitation(index).profile.name.to_lowercase()),
        }
        let mut position_of = vec![None; review.len()];
        for (position, &index) in view.iter().enumerate() {
            position_of[index] = Some(position);
        }
        let earlier = std::mem::replace(&mut self.view, view);
        let at = keep.and_then(|index| earlier.iter().position(|&i| i == index));
        let nearest = at.and_then(|at| {
            let after = earlier[at..].iter();
            let before = earlier[..at].iter().rev();
            after.chain(before).find_map(|&index| position_of[index])
        });
        self.cursor = keep
            .and_then(|index| position_of.get(index).copied().flatten())
            .or(nearest)
            .unwrap_or(0);
    }

    /// Moves the cursor to `position` in the view, clamped; the next frame
    /// scrolls to it.
    pub fn move_cursor(&mut self, position: usize) {
        self.cursor = position.min(self.view.len().saturating_sub(1));
        self.detail_scroll = 0;
    }

    /// The marked invitations, with the range being marked, in list order.
    pub fn marked(&self) -> Vec<usize> {
        let range = self.range_positions();
        self.view
            .iter()
            .enumerate()
            .filter(|(position, index)| {
                self.marks.contains(index) || range.as_ref().is_some_and(|r| r.contains(position))
            })
            .map(|(_, &index)| index)
            .collect()
    }

    /// Whether queue index `index` at `position` in the list is marked, or
    /// in the range being marked.
    pub fn is_marked(&self, position: usize, index: usize) -> bool {
        self.marks.contains(&index)
            || self
                .range_positions()
                .is_some_and(|range| range.contains(&position))
    }

    /// The positions in the list from where the range began to the cursor.
    pub fn range_positions(&self) -> Option<std::ops::RangeInclusive<usize>> {
        let from = self.range_from?;
        let start = self.view.iter().position(|&index| index == from)?;
        Some(start.min(self.cursor)..=start.max(self.cursor))
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

/// How many rows a key that reads every score (a sort by score, the sweep,
/// the stats) scores before its frame, on every core: about 30 ms of work
/// on two cores. More rows than that are scored while the reviewer reads,
/// with the progress shown, and the key's work is done then.
const SCORED_BEFORE_A_FRAME: usize = 32_768;

/// Highest score first, and rows of one score in the order they were: a
/// counting sort, since a score is one of a few values, which at a million
/// rows takes a few milliseconds where comparing them takes tens.
fn sort_by_score(view: &mut [usize], review: &Review) {
    let ranks: Vec<u8> = view
        .iter()
        .map(|&index| u8::MAX - review.summary(index).score)
        .collect();
    let mut starts = [0usize; 1 << u8::BITS];
    for &rank in &ranks {
        starts[usize::from(rank)] += 1;
    }
    let mut next = 0;
    for start in &mut starts {
        (*start, next) = (next, next + *start);
    }
    let mut sorted = vec![0; view.len()];
    for (&index, &rank) in view.iter().zip(&ranks) {
        let slot = &mut starts[usize::from(rank)];
        sorted[*slot] = index;
        *slot += 1;
    }
    view.copy_from_slice(&sorted);
}
