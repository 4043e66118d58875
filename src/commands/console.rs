//! `inviteq [SOURCE...]` and `inviteq --demo`: the review console.

use std::io::{self, IsTerminal};
use std::path::PathBuf;

use anyhow::{Result, bail};

use crate::import;
use crate::progress::Progress;
use crate::review::Review;
use crate::score::{Policy, Scorer};
use crate::store::session::{Session, Source, last_session};
use crate::templates::Templates;
use crate::tui::{self, App, Depth, Ending, State, Theme};

/// Which queue to open.
pub enum Choice {
    Demo,
    /// Sources to join into one queue.
    Paths(Vec<PathBuf>),
    /// The last session, else the demo.
    Last,
}

/// Opens the console; on a signal, the signal's number comes back.
pub fn run(choice: Choice, policy: Option<Policy>) -> Result<Ending> {
    let paths = super::user_paths()?;
    let mut notice = None;
    let source = match choice {
        Choice::Demo => Source::Demo,
        Choice::Paths(named) => super::session_source(&named)?,
        Choice::Last => match last_session(&paths)? {
            Some(state) => {
                if let Some(path) = state.source.paths().iter().find(|p| !p.exists()) {
                    bail!(
                        "{}: the last session's queue is not there any more; open one with `inviteq SOURCE`, or `inviteq --demo`",
                        path.display()
                    );
                }
                state.source
            }
            None => {
                notice = Some(
                    "No saved session yet: this is the built-in demo. Open your own with `inviteq SOURCE`.",
                );
                Source::Demo
            }
        },
    };
    let loaded = super::load(&source.paths())?;
    let found = loaded.found;
    let queue = loaded.queue;
    let config = super::config(&paths, policy)?;
    let (templates, _) = Templates::load_or_create(&paths.templates_file())?;
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        bail!("the console needs a terminal; in scripts use `inviteq score`, `check` or `export`");
    }
    let progress = Progress::start("opening the review");
    let opened = Session::open(&paths, source.clone(), queue.owner.name.as_deref())?;
    let (warnings, skipped) = (queue.warnings.len(), queue.skipped_rows);
    let review = Review::new(queue, &opened.decisions, opened.seen.as_ref(), |queue| {
        Scorer::new(queue, &config.score, super::today())
    });
    let present = (0..review.len()).filter(|&i| !review.presence(i).gone);
    opened
        .session
        .remember_seen(present.map(|i| review.invitation(i).id.as_str()))?;
    drop(progress);
    let label = label(&source);
    let mut state = State::new(review, templates, label);
    state.keymap = config.keys;
    state.theme = Theme {
        name: config.theme,
        depth: Depth::detect(|name| std::env::var(name).ok()),
    };
    // Every notice stays in the message log; the first is on the status
    // bar. A damaged file's problem may quote what is in it.
    let notices: Vec<String> = opened
        .notices
        .iter()
        .map(|notice| import::clean::clean_line(notice, import::clean::TEXT_CAP))
        .collect();
    state.messages.extend(notices.iter().cloned());
    state.status = Some(if let Some(lost) = notices.first() {
        lost.clone()
    } else if let Some(notice) = notice {
        notice.to_string()
    } else if opened.recovery.dropped_torn_line {
        "The journal's last record was cut short by a crash and was dropped; all else is kept"
            .to_string()
    } else if skipped > 0 {
        format!("{skipped} rows skipped, see `inviteq check`")
    } else if warnings > 0 {
        format!("{warnings} warnings while loading, see `inviteq check`")
    } else if found.len() > 1 {
        let each: Vec<String> = found
            .iter()
            .map(|f| format!("{} ({})", f.what.as_str(), f.invitations))
            .collect();
        format!(
            "{} invitations from {}",
            state.review.total(),
            each.join(", ")
        )
    } else if opened.resumed {
        format!(
            "Resumed: {}/{} decided",
            state.review.decided(),
            state.review.total()
        )
    } else {
        format!("{} invitations to review", state.review.total())
    });
    let mut app = App::new(state, opened.session);
    app.templates_file = Some(paths.templates_file());
    Ok(tui::run(&mut app, config.mouse)?)
}

/// The list's title: the file's name, or the first of several and a count.
fn label(source: &Source) -> String {
    let paths = source.paths();
    let Some(first) = paths.first() else {
        return "demo".to_string();
    };
    let name = first.file_name().map_or_else(
        || first.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let shown = match paths.len() {
        1 => name,
        n => format!("{name} + {} more", n - 1),
    };
    import::clean::clean_line(&shown, import::clean::LINE_CAP)
}
