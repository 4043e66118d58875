//! The event loop: keys become actions, `update` changes the state, the
//! effects run (the journal is synced here, before the next frame), and the
//! screen is drawn. Generic over the backend so that tests drive it whole.

use std::io;
use std::path::{Path, PathBuf};

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::Event;
use time::OffsetDateTime;

use super::action::Action;
use super::external;
use super::manager;
use super::state::State;
use super::ui;
use super::update::{Effect, journal_failed, update};
use crate::model::{Filter, Sort};
use crate::score::Intent;
use crate::store::session::Session;
use crate::templates::Templates;

/// Where events come from: the terminal, or a test's script.
pub trait Events {
    /// The next event, waiting for it; `None` when the app must stop.
    fn next(&mut self) -> io::Result<Option<Event>>;
    /// Whether another event is already waiting.
    fn pending(&mut self) -> io::Result<bool>;
}

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

/// The place as last saved, to save again only when it changes.
#[derive(Debug, Clone, PartialEq)]
struct Place {
    cursor: Option<String>,
    filter: Filter,
    intent: Option<Intent>,
    sort: Sort,
    decided: usize,
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
    saved: Option<Place>,
    /// The template out in the reviewer's editor, and its file.
    editing: Option<(String, tempfile::NamedTempFile)>,
}

impl App {
    pub fn new(mut state: State, session: Session) -> App {
        let saved = &session.state;
        state.intent = saved.intent;
        state.restore(saved.filter, saved.sort, saved.cursor.as_deref());
        App {
            state,
            session,
            clipboard: None,
            browser: None,
            clock: now_to_the_second,
            templates_file: None,
            saved: None,
            editing: None,
        }
    }

    pub fn run<B: Backend, E: Events>(
        &mut self,
        terminal: &mut Terminal<B>,
        events: &mut E,
    ) -> Result<Outcome, B::Error> {
        let size = terminal.size()?;
        self.dispatch(Action::Resize(size.width, size.height));
        loop {
            self.save_place();
            terminal.draw(|frame| ui::render(&self.state, frame))?;
            loop {
                let event = match events.next() {
                    Ok(Some(event)) => event,
                    Ok(None) | Err(_) => {
                        self.save_place();
                        return Ok(Outcome::Stopped);
                    }
                };
                if let Some(outcome) = self.handle(&event) {
                    self.save_place();
                    return Ok(outcome);
                }
                if !events.pending().unwrap_or(false) {
                    break;
                }
            }
        }
    }

    fn handle(&mut self, event: &Event) -> Option<Outcome> {
        let action = match event {
            Event::Key(key) => self.state.keymap.resolve(self.state.context(), *key)?,
            Event::Resize(width, height) => Action::Resize(*width, *height),
            _ => return None,
        };
        let outcome = self.dispatch(action);
        if self.state.quitting {
            return Some(Outcome::Quit);
        }
        outcome
    }

    /// Runs one action and its effects; the journal is on disk when this returns.
    pub fn dispatch(&mut self, action: Action) -> Option<Outcome> {
        for effect in update(&mut self.state, action, (self.clock)()) {
            match effect {
                Effect::Record { op, change } => {
                    let invitation = self.state.review.invitation(change.index);
                    let decision = Effect::recorded_decision(op, &change);
                    if let Err(error) = self.session.journal.append(op, invitation, decision) {
                        journal_failed(&mut self.state, op, &error.to_string());
                    }
                }
                Effect::Suspend => return Some(Outcome::Suspend),
                Effect::Copy(text) => {
                    if let Some(Err(error)) = self.clipboard.as_mut().map(|copy| copy(&text)) {
                        self.state.status = Some(format!("Could not copy: {error}"));
                    }
                }
                Effect::OpenUrl(url) => {
                    if let Some(Err(error)) = self.browser.as_mut().map(|open| open(&url)) {
                        self.state.status = Some(format!("Could not open the browser: {error}"));
                    }
                }
                Effect::SaveTemplates(templates) => self.save_templates(templates),
                Effect::EditExternally { name, body } => {
                    return self.start_external_edit(name, &body);
                }
            }
        }
        None
    }

    fn save_templates(&mut self, templates: Templates) {
        let Some(path) = self.templates_file.clone() else {
            manager::save_failed(&mut self.state, "this console has no templates file");
            return;
        };
        match templates.save(&path) {
            Ok(()) => manager::saved(&mut self.state, templates, &path),
            Err(error) => manager::save_failed(&mut self.state, &error.to_string()),
        }
    }

    fn start_external_edit(&mut self, name: String, body: &str) -> Option<Outcome> {
        match external::file_for(body) {
            Ok(file) => {
                let path = file.path().to_path_buf();
                self.editing = Some((name, file));
                Some(Outcome::ExternalEdit(path))
            }
            Err(error) => {
                let problem = format!("Could not write a file for the editor: {error}");
                manager::edited_externally(&mut self.state, &name, Err(problem));
                None
            }
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
        manager::edited_externally(&mut self.state, &name, text);
    }

    fn save_place(&mut self) {
        let place = Place {
            cursor: self.state.selected_id().map(str::to_string),
            filter: self.state.filter,
            intent: self.state.intent,
            sort: self.state.sort,
            decided: self.state.review.decided(),
        };
        if self.saved.as_ref() == Some(&place) {
            return;
        }
        let state = &mut self.session.state;
        state.cursor = place.cursor.clone();
        state.filter = place.filter;
        state.intent = place.intent;
        state.sort = place.sort;
        state.decided = place.decided;
        state.total = self.state.review.total();
        match self.session.save() {
            Ok(()) => self.saved = Some(place),
            Err(error) => self.state.status = Some(format!("Could not save the place: {error}")),
        }
    }
}

fn read_back(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path)
        .map_err(|error| format!("Could not read the edited text: {error}"))
}
