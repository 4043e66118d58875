//! Progress on long work, on stderr: reading a large queue, before the
//! console's first frame or a command's output. It shows only when stderr
//! is a terminal and the work has lasted half a second; piped, or quick,
//! nothing is written.
//!
//! The readers count what they have read as they go ([`counted`]), against
//! what they expect ([`expect`]); the bar reads the counts on each tick, so
//! that counting costs an atomic add and no reader knows of the bar.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long work runs before its progress is shown.
const QUIET_FOR: Duration = Duration::from_millis(500);
const TICK: Duration = Duration::from_millis(100);

static COUNTED: AtomicU64 = AtomicU64::new(0);
static EXPECTED: AtomicU64 = AtomicU64::new(0);

/// One more invitation read.
pub fn counted() {
    COUNTED.fetch_add(1, Ordering::Relaxed);
}

/// About `total` invitations are to be read (a count made ahead, which may
/// be a little off).
pub fn expect(total: u64) {
    EXPECTED.store(total, Ordering::Relaxed);
}

/// What the bar says, cleaned: it names the user's files, and a file's
/// name may hold anything.
fn clean(what: String) -> String {
    crate::import::clean::clean_line(&what, crate::import::clean::LINE_CAP)
}

/// Progress being shown, until dropped.
pub struct Progress {
    bar: ProgressBar,
}

impl Progress {
    /// Progress of `what` ("reading queue.json"), shown once it has lasted
    /// half a second, when stderr is a terminal.
    pub fn start(what: impl Into<String>) -> Progress {
        COUNTED.store(0, Ordering::Relaxed);
        EXPECTED.store(0, Ordering::Relaxed);
        // Hidden until it has lasted long enough to be worth showing.
        let bar = ProgressBar::hidden();
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg} {prefix} {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar.set_message(clean(what.into()));
        let shown = bar.clone();
        let terminal = std::io::stderr().is_terminal();
        std::thread::spawn(move || {
            std::thread::sleep(QUIET_FOR);
            if shown.is_finished() || !terminal {
                return;
            }
            shown.set_draw_target(ProgressDrawTarget::stderr());
            while !shown.is_finished() {
                let (done, of) = (
                    COUNTED.load(Ordering::Relaxed),
                    EXPECTED.load(Ordering::Relaxed),
                );
                if let Some(share) = (done * 100).checked_div(of) {
                    shown.set_prefix(format!("{}%", share.min(99)));
                }
                shown.tick();
                std::thread::sleep(TICK);
            }
        });
        Progress { bar }
    }

    /// Says what is being done now.
    pub fn step(&self, what: impl Into<String>) {
        self.bar.set_message(clean(what.into()));
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}
