//! The event loop: it reads input, runs effects and draws, and nothing
//! else. A key becomes an action through the keymap; `update` changes the
//! state and asks for effects; each effect runs here and its result goes
//! back into `update` as an event; only then is the frame drawn, so that a
//! decision on screen is already synced in the journal. Generic over the
//! backend so that tests drive it whole.
//!
//! The place (cursor, filter, sort) is not a decision: a move writes
//! nothing. It is synced when the keyboard has been quiet a second, and on
//! every way out (quit, suspend, the outside editor, a signal). A change
//! in what is decided is written at once, unsynced, so that `inviteq
//! sessions` counts right even after the process is killed.

use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event;
use ratatui::layout::Rect;
use time::OffsetDateTime;

use super::effect::Effect;
use super::event::Event;
use super::external;
use super::mouse;
use super::state::State;
use super::ui;
use super::update::update;
use crate::model::{Filter, Sort};
use crate::score::Intent;
use crate::store::session::Session;
use crate::templates::Templates;

/// Where events come from: the terminal, or a test's script.
pub trait Events {
    /// The next event, waiting for it; `None` when the app must stop.
    fn next(&mut self) -> io::Result<Option<event::Event>>;
    /// Whether another event is already waiting.
    fn pending(&mut self) -> io::Result<bool>;
    /// Waits up to `quiet` for the next event (or for a reason to stop),
    /// and says whether one came: when none did, the app keeps its place.
    /// A script's events are all at hand, so by default none is awaited.
    fn wait(&mut self, quiet: Duration) -> io::Result<bool> {
        let _ = quiet;
        Ok(true)
    }
    /// Whether the reviewer is reading, no event waiting: the app then does
    /// work ahead (scoring the rows not shown yet), a little at a time. A
    /// script is never idle, so its frames do not depend on that work.
    fn idle(&mut self) -> io::Result<bool> {
        Ok(false)
    }
}

/// How often a sort that waits for its scores shows how far they are.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

/// How long the keyboard is quiet before the place is synced.
const QUIET: Duration = Duration::from_secs(1);

/// The time now, to the second, as decisions are stamped.
fn now_to_the_second() -> OffsetDateTime {
    let now = OffsetDateTime::now_utc();
    now.replace_nanosecond(0).unwrap_or(now)
}

/// Why the loop returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Quit,
    Suspend,
    /// Run the reviewer's editor on this file, then call
    /// [`App::finish_external_edit`].
    ExternalEdit(PathBuf),
    /// The events ran out (a signal, or the end of a script).
    Stopped,
}

/// The place in the review, as the session file keeps it.
#[derive(Debug, Clone, PartialEq)]
struct Place {
    cursor: Option<String>,
    filter: Filter,
    intent: Option<Intent>,
    sort: Sort,
    decided: usize,
    total: usize,
}

/// Hands text to the world outside: the clipboard (the real terminal's
/// writes OSC 52) or the browser.
pub type Hook = Box<dyn FnMut(&str) -> io::Result<()>>;

pub struct App {
    pub state: State,
    pub session: Session,
    pub clipboard: Option<Hook>,
    pub browser: Option<Hook>,
    /// The time decisions are stamped with; tests fix it.
    pub clock: fn() -> OffsetDateTime,
    /// Where the template manager saves; without it, saving says so.
    pub templates_file: Option<PathBuf>,
    /// The place last written to the session file, synced or not.
    written: Option<Place>,
    /// The place last synced.
    kept: Option<Place>,
    /// The template out in the reviewer's editor, and its file.
    editing: Option<(String, tempfile::NamedTempFile)>,
    /// The last frame's size, where the mouse finds the panes.
    area: Rect,
}

/// What running an effect leaves to do.
enum Ran {
    /// Its result, for `update`.
    Then(Event),
    /// The loop must return to its caller (suspend, the outside editor).
    Return(Outcome),
}

impl App {
    /// The console on `state`, back at the place the session saved, and
    /// read-only when another process holds the session.
    pub fn new(mut state: State, session: Session) -> App {
        state.read_only = session.held_by().map(|held_by| match held_by.pid {
            Some(pid) => format!("read-only: pid {pid} has this review"),
            None => "read-only: another inviteq has this review".to_string(),
        });
        let saved = &session.state;
        state.restore(
            saved.filter,
            saved.intent,
            saved.sort,
            saved.cursor.as_deref(),
        );
        App {
            state,
            session,
            clipboard: None,
            browser: None,
            clock: now_to_the_second,
            templates_file: None,
            written: None,
            kept: None,
            editing: None,
            area: Rect::default(),
        }
    }

    pub fn run<B: Backend, E: Events>(
        &mut self,
        terminal: &mut Terminal<B>,
        events: &mut E,
    ) -> Result<Outcome, B::Error> {
        loop {
            self.write_progress();
            self.draw(terminal)?;
            if self.score_while_idle(events) {
                continue;
            }
            if self.kept != Some(self.place()) && matches!(events.wait(QUIET), Ok(false)) {
                self.keep_place();
                // To show it when it could not be kept.
                continue;
            }
            loop {
                let event = match events.next() {
                    Ok(Some(event)) => event,
                    Ok(None) | Err(_) => {
                        self.keep_place();
                        return Ok(Outcome::Stopped);
                    }
                };
                if let Some(outcome) = self.handle(&event) {
                    self.keep_place();
                    return Ok(outcome);
                }
                if !events.pending().unwrap_or(false) {
                    break;
                }
            }
        }
    }

    /// Scores the rows not scored yet while no key comes, so that a sort by
    /// score finds them made. A sort that waits for them is shown how far
    /// the scoring is every tenth of a second, and sorted once every row is
    /// scored; says whether there is a frame to draw for it.
    fn score_while_idle<E: Events>(&mut self, events: &mut E) -> bool {
        let review = &self.state.review;
        let waits = self.state.waiting_for_scores().is_some();
        let next_frame = Instant::now() + PROGRESS_EVERY;
        let mut frame_due = false;
        if !review.is_scored() {
            review.score_while(|| {
                frame_due = waits && Instant::now() >= next_frame;
                !frame_due && events.idle().unwrap_or(false)
            });
        }
        if frame_due && !review.is_scored() {
            return true;
        }
        if waits && review.is_scored() {
            self.dispatch(Event::Scored);
            return self.state.waiting_for_scores().is_none();
        }
        false
    }

    /// Draws a frame, and brings back where the list settled in it.
    fn draw<B: Backend>(&mut self, terminal: &mut Terminal<B>) -> Result<(), B::Error> {
        let (mut scroll, mut area) = (self.state.scroll, self.area);
        terminal.draw(|frame| {
            area = frame.area();
            scroll = ui::draw(&self.state, frame);
        })?;
        self.area = area;
        if scroll != self.state.scroll {
            self.dispatch(Event::Drawn(scroll));
        }
        Ok(())
    }

    /// A key, through the keymap, or the mouse; anything else (a resize)
    /// only redraws.
    fn handle(&mut self, input: &event::Event) -> Option<Outcome> {
        let action = match input {
            event::Event::Key(key) => self.state.keymap.resolve(self.state.context(), *key)?,
            event::Event::Mouse(event) => {
                let status_height = ui::status_height(&self.state, self.area.width);
                mouse::action(*event, self.area, status_height)?
            }
            _ => return None,
        };
        let outcome = self.dispatch(Event::Action(action));
        if self.state.quitting {
            return Some(Outcome::Quit);
        }
        outcome
    }

    /// Updates the state with `event`, runs the effects asked for, in
    /// order, and updates it with each one's result before the next one
    /// runs: the journal is on disk, and the state says so, when this
    /// returns.
    fn dispatch(&mut self, event: Event) -> Option<Outcome> {
        for effect in update(&mut self.state, event, (self.clock)()) {
            match self.run_effect(effect) {
                Ran::Then(result) => {
                    if let Some(outcome) = self.dispatch(result) {
                        return Some(outcome);
                    }
                }
                Ran::Return(outcome) => return Some(outcome),
            }
        }
        None
    }

    fn run_effect(&mut self, effect: Effect) -> Ran {
        Ran::Then(match effect {
            Effect::Record { op, step } => {
                let review = &self.state.review;
                let entries: Vec<_> = step
                    .changes
                    .iter()
                    .map(|change| {
                        let decision = Effect::recorded_decision(op, change);
                        (review.invitation(change.index), decision)
                    })
                    .collect();
                let result = self.session.record(op, &entries);
                Event::Recorded {
                    op,
                    result: result.map(drop).map_err(|error| error.to_string()),
                }
            }
            Effect::Suspend => return Ran::Return(Outcome::Suspend),
            Effect::Copy(text) => Event::Copied(run_hook(&mut self.clipboard, &text)),
            Effect::OpenUrl(url) => Event::Opened(run_hook(&mut self.browser, &url)),
            Effect::SaveTemplates(templates) => {
                Event::TemplatesSaved(self.save_templates(templates))
            }
            Effect::EditExternally { name, body } => match external::file_for(&body) {
                Ok(file) => {
                    let path = file.path().to_path_buf();
                    self.editing = Some((name, file));
                    return Ran::Return(Outcome::ExternalEdit(path));
                }
                Err(error) => Event::EditedExternally {
                    name,
                    text: Err(format!("Could not write a file for the editor: {error}")),
                },
            },
        })
    }

    fn save_templates(&self, templates: Templates) -> Result<(Templates, PathBuf), String> {
        let path = self
            .templates_file
            .clone()
            .ok_or("this console has no templates file")?;
        match templates.save(&path) {
            Ok(()) => Ok((templates, path)),
            Err(error) => Err(error.to_string()),
        }
    }

    /// The editor asked for by [`Outcome::ExternalEdit`] is done (`ran` says
    /// whether it ended well): its text goes into the template manager,
    /// unsaved, and the file is removed.
    pub fn finish_external_edit(&mut self, ran: Result<(), String>) {
        let Some((name, file)) = self.editing.take() else {
            return;
        };
        let text = ran.and_then(|()| read_back(file.path()));
        self.dispatch(Event::EditedExternally { name, text });
    }

    fn place(&self) -> Place {
        Place {
            cursor: self.state.selected_id().map(str::to_string),
            filter: self.state.filter,
            intent: self.state.intent,
            sort: self.state.sort,
            decided: self.state.review.decided(),
            total: self.state.review.total(),
        }
    }

    /// Writes the place, unsynced, when what is decided has changed since
    /// it was last written: a decision already costs a journal sync, and
    /// this keeps the session's count right for `inviteq sessions` if the
    /// process is killed before the place is synced.
    fn write_progress(&mut self) {
        let place = self.place();
        let progress = |p: &Place| (p.decided, p.total);
        if self.written.as_ref().map(progress) == Some(progress(&place)) {
            return;
        }
        self.set_place(&place);
        let result = self.session.write();
        if result.is_ok() {
            self.written = Some(place);
        }
        self.dispatch(Event::PlaceSaved(result.map_err(|e| e.to_string())));
    }

    /// Writes and syncs the place when it has changed since last synced.
    fn keep_place(&mut self) {
        let place = self.place();
        if self.kept.as_ref() == Some(&place) {
            return;
        }
        self.set_place(&place);
        let result = self.session.save();
        if result.is_ok() {
            self.written = Some(place.clone());
            self.kept = Some(place);
        }
        self.dispatch(Event::PlaceSaved(result.map_err(|e| e.to_string())));
    }

    fn set_place(&mut self, place: &Place) {
        let state = &mut self.session.state;
        state.cursor = place.cursor.clone();
        state.filter = place.filter;
        state.intent = place.intent;
        state.sort = place.sort;
        state.decided = place.decided;
        state.total = place.total;
    }
}

/// Hands `text` to `hook`, when the app has one.
fn run_hook(hook: &mut Option<Hook>, text: &str) -> Result<(), String> {
    match hook {
        Some(hook) => hook(text).map_err(|error| error.to_string()),
        None => Ok(()),
    }
}

fn read_back(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path)
        .map_err(|error| format!("Could not read the edited text: {error}"))
}
