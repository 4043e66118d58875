//! Progress on long work, on stderr: reading a large queue, before the
//! console's first frame or a command's output. It shows only when stderr
//! is a terminal and the work has lasted half a second; piped, or quick,
//! nothing is written.
//!
//! The readers count what they have read as they go ([`counted`]), against
//! what they expect ([`expect`]); the bar reads the counts on each tick, so
//! that counting costs an atomic add and no reader knows of the bar.
//!
//! `INVITEQ_PROGRESS_AFTER_MS` sets the quiet half second to another
//! length: `0` shows progress on any work at all, which is how the tests
//! see it on a machine fast enough to read their queue in a blink.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long work runs before its progress is shown, unless
/// `INVITEQ_PROGRESS_AFTER_MS` says otherwise.
const QUIET_FOR: Duration = Duration::from_millis(500);
const TICK: Duration = Duration::from_millis(100);
/// Once shown, how long the bar waits for the readers' count before it
/// draws a spinner without a share; and how often it looks meanwhile.
const COUNT_WAIT: Duration = Duration::from_millis(200);
const COUNT_LOOK: Duration = Duration::from_millis(5);

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

/// The quiet period: the environment's, when it names a whole number of
/// milliseconds, or half a second.
fn quiet_for() -> Duration {
    std::env::var("INVITEQ_PROGRESS_AFTER_MS")
        .ok()
        .and_then(|ms| ms.trim().parse().ok())
        .map_or(QUIET_FOR, Duration::from_millis)
}

/// The share read so far, once the readers have said what they expect.
fn share() -> Option<u64> {
    let (done, of) = (
        COUNTED.load(Ordering::Relaxed),
        EXPECTED.load(Ordering::Relaxed),
    );
    (done * 100).checked_div(of).map(|share| share.min(99))
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
            std::thread::sleep(quiet_for());
            if !terminal {
                return;
            }
            // A share is worth a moment's wait: work that counts has
            // usually counted by now, and one that does not gets a spinner.
            let waiting = std::time::Instant::now();
            while share().is_none() && waiting.elapsed() < COUNT_WAIT {
                if shown.is_finished() {
                    return;
                }
                std::thread::sleep(COUNT_LOOK);
            }
            if shown.is_finished() {
                return;
            }
            shown.set_draw_target(ProgressDrawTarget::stderr());
            while !shown.is_finished() {
                if let Some(share) = share() {
                    shown.set_prefix(format!("{share}%"));
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
