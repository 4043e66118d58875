//! `inviteq [QUEUE]` and `inviteq --demo`: the review console.

use std::io::{self, IsTerminal};
use std::path::PathBuf;

use anyhow::{Result, anyhow, bail};

use crate::import;
use crate::model::Queue;
use crate::review::Review;
use crate::score::{Policy, Scorer};
use crate::store::session::{Session, Source, last_session};
use crate::templates::Templates;
use crate::tui::{self, App, Ending, Keymap, State};

/// Which queue to open.
pub enum Choice {
    Demo,
    Path(PathBuf),
    /// The last session, else the demo.
    Last,
}

/// Opens the console; on a signal, the signal's number comes back.
pub fn run(choice: Choice, policy: Option<Policy>) -> Result<Ending> {
    let paths = super::user_paths()?;
    let mut notice = None;
    let source = match choice {
        Choice::Demo => Source::Demo,
        Choice::Path(path) => Source::File {
            path: super::absolute(&path)?,
        },
        Choice::Last => match last_session(&paths)? {
            Some(state) => {
                if let Source::File { path } = &state.source
                    && !path.exists()
                {
                    bail!(
                        "{}: the last session's queue is not there any more; open one with `inviteq QUEUE`, or `inviteq --demo`",
                        path.display()
                    );
                }
                state.source
            }
            None => {
                notice = Some(
                    "No saved session yet: this is the built-in demo. Open your own with `inviteq QUEUE`.",
                );
                Source::Demo
            }
        },
    };
    let queue = load(&source)?;
    let settings = super::settings(&paths, policy)?;
    let keymap = Keymap::with_user_keys(&settings.keys).map_err(|(line, column, message)| {
        anyhow!(
            "{}:{line}:{column}: {message}",
            paths.config_file().display()
        )
    })?;
    let (templates, _) = Templates::load_or_create(&paths.templates_file())?;
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        bail!("the console needs a terminal; in scripts use `inviteq score`, `check` or `export`");
    }
    let opened = Session::open(&paths, source.clone(), queue.owner.name.as_deref())?;
    let (warnings, skipped) = (queue.warnings.len(), queue.skipped_rows);
    let review = Review::new(queue, &opened.decisions, opened.seen.as_ref(), |queue| {
        Scorer::new(queue, &settings, super::today())
    });
    let present = (0..review.len()).filter(|&i| !review.marks(i).gone);
    opened
        .session
        .remember_seen(present.map(|i| review.invitation(i).id.as_str()))?;
    let label = match &source {
        Source::Demo => "demo".to_string(),
        Source::File { path } => {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            import::clean::clean_line(&name, import::clean::LINE_CAP)
        }
    };
    let mut state = State::new(review, templates, label);
    state.keymap = keymap;
    state.status = Some(if let Some(notice) = notice {
        notice.to_string()
    } else if opened.recovery.dropped_torn_line {
        "The journal's last record was cut short by a crash and was dropped; all else is kept"
            .to_string()
    } else if skipped > 0 {
        format!("{skipped} rows skipped, see `inviteq check`")
    } else if warnings > 0 {
        format!("{warnings} warnings while loading, see `inviteq check`")
    } else if opened.resumed {
        format!(
            "Resumed: {}/{} decided",
            state.review.decided(),
            state.review.len()
        )
    } else {
        format!("{} invitations to review", state.review.total())
    });
    let mut app = App::new(state, opened.session);
    app.templates_file = Some(paths.templates_file());
    Ok(tui::run(&mut app)?)
}

fn load(source: &Source) -> Result<Queue> {
    match source {
        Source::Demo => Ok(import::demo()),
        Source::File { path } => Ok(import::load(path)?),
    }
}
