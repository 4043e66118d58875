//! Chaos: 50 rounds of random keys in the real binary (decide, reply,
//! undo, redo, sweep, marks, moves), each ended by SIGKILL at a random
//! moment: while keys are still in flight, or once the screen has settled
//! (now and then across the quiet second in which the place is synced).
//! After every kill the journal reads whole; after a settled kill the
//! reopened console shows exactly the decisions the last screen showed
//! (every row's mark, and the count); and
//! sequence numbers never repeat. The seed is fixed, so a failure comes
//! back the same; `INVITEQ_CHAOS_SEED` tries another.
// Helpers unwrap as the tests do: a panic here is the test failing.
#![allow(clippy::unwrap_used)]

mod common;

use std::thread::sleep;
use std::time::{Duration, Instant};

use common::random::SplitMix;
use common::{Console, Home};

const ROUNDS: usize = 50;
const SEED: u64 = 0x1e55_0c4a_05e5_2026;

/// What a person does, a key or a few at a time.
const PIECES: &[&str] = &[
    "a",
    "i",
    "j",
    "k",
    "jj",
    "u",
    "uu",
    "\x12",         // Ctrl-r: redo
    "rThanks!\x13", // a reply, kept with Ctrl-s
    "x\r",          // a sweep, confirmed
    " i\r",         // mark one, ignore the marked, confirmed
    "  a\r",        // mark two, accept the marked, confirmed
    "\r",           // take the suggestion
];

/// The count the status bar shows, `N` of `N/32 decided` at its start.
fn decided(screen: &str) -> Option<usize> {
    screen.lines().find_map(|line| {
        let (count, _) = line.trim_start().split_once("/32 decided")?;
        count.parse().ok()
    })
}

/// Every row of the list as the screen shows it, without the cursor and
/// the marks for a batch (which are not decisions): each one's decision,
/// score, suggestion and name. `None` unless all 32 rows are in sight.
fn rows(screen: &str) -> Option<Vec<String>> {
    let rows: Vec<String> = screen
        .lines()
        .filter_map(|line| {
            let (left, _) = line.strip_prefix('│')?.split_once("││")?;
            let row: String = left.chars().skip(2).collect();
            let row = row.trim_end();
            (!row.is_empty()).then(|| row.to_string())
        })
        .collect();
    (rows.len() == 32).then_some(rows)
}

/// What the screen shows of the decisions: every row when the list is in
/// sight, and the count.
#[derive(Debug, PartialEq)]
struct Shown {
    count: usize,
    rows: Option<Vec<String>>,
}

impl Shown {
    /// Whether `self`, seen on reopening, keeps all that `before` showed.
    fn keeps(&self, before: &Shown) -> bool {
        self.count == before.count
            && match (&self.rows, &before.rows) {
                (Some(now), Some(then)) => now == then,
                _ => true,
            }
    }
}

/// Waits until the program has written nothing for a while, so that every
/// key sent has been answered and drawn, and gives what was shown then.
fn settled(console: &Console) -> Shown {
    let start = Instant::now();
    let mut seen = console.raw().len();
    let mut quiet_since = Instant::now();
    loop {
        sleep(Duration::from_millis(20));
        let now = console.raw().len();
        if now != seen {
            (seen, quiet_since) = (now, Instant::now());
        } else if quiet_since.elapsed() > Duration::from_millis(250) {
            let screen = console.contents();
            if let Some(count) = decided(&screen) {
                let rows = rows(&screen);
                return Shown { count, rows };
            }
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the screen never settled on a count:\n{}",
            console.contents()
        );
    }
}

/// Opens the demo and gives what it shows once it has settled.
fn open(home: &Home) -> (Console, Shown) {
    let console = home.console(&["--demo"]);
    console.wait_for("/32 decided");
    let shown = settled(&console);
    assert!(
        shown.rows.is_some(),
        "a list of 32:\n{}",
        console.contents()
    );
    (console, shown)
}

/// Every sequence number in the journal, in the order of the file.
fn sequence_numbers(home: &Home) -> Vec<u64> {
    std::fs::read_to_string(home.journal())
        .unwrap()
        .lines()
        .filter_map(|line| {
            let (_, rest) = line.split_once("\"seq\":")?;
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse().ok()
        })
        .collect()
}

/// What the rounds saw, to show that they did what they say.
#[derive(Default)]
struct Seen {
    /// The counts settled rounds ended at.
    counts: std::collections::BTreeSet<usize>,
    /// Settled rounds whose every row was compared after the kill.
    rows_compared: usize,
    /// The journals of every review, whole.
    journals: String,
}

/// One review of the demo, from nothing, over `rounds` rounds.
fn review(random: &mut SplitMix, rounds: std::ops::RangeInclusive<usize>, seen: &mut Seen) {
    let home = Home::new();
    let mut expected: Option<Shown> = None;
    let first = *rounds.start();
    for round in rounds {
        let said = format!("round {round}");
        let (mut console, opened) = open(&home);
        if round == first {
            // Each review begins with an undo and a redo seen through, so
            // that the journals surely hold both, however the random keys
            // fall on a busy machine.
            for (key, count) in [("a", "1/32"), ("u", "0/32"), ("\x12", "1/32")] {
                console.keys(key);
                console.wait_for(&format!(" {count} decided"));
            }
        }
        if let Some(expected) = &expected {
            seen.rows_compared += usize::from(expected.rows.is_some());
            assert!(
                opened.keeps(expected),
                "{said}: what was shown before the kill is kept:\nbefore: {expected:#?}\nafter: {opened:#?}"
            );
        }
        for _ in 0..=random.below(10) {
            let piece = PIECES[random.below(PIECES.len() as u64) as usize];
            console.keys(piece);
            sleep(Duration::from_millis(random.below(40)));
        }
        expected = if random.below(2) == 0 {
            let shown = settled(&console);
            seen.counts.insert(shown.count);
            // Now and then across the quiet second that syncs the place.
            let wait = match round % 5 {
                0 => 800 + random.below(500),
                _ => random.below(200),
            };
            sleep(Duration::from_millis(wait));
            Some(shown)
        } else {
            // Keys still in flight: what the journal holds is whatever
            // the last key answered had synced.
            None
        };
        console.signal("KILL");
        console.wait();

        let (status, _, err) = home.run(&["export", "--demo"]);
        assert_eq!(status, 0, "{said}: the journal reads whole: {err}");
    }
    let (console, opened) = open(&home);
    if let Some(expected) = &expected {
        seen.rows_compared += usize::from(expected.rows.is_some());
        assert!(opened.keeps(expected), "{expected:#?}\n{opened:#?}");
    }
    drop(console);
    let seqs = sequence_numbers(&home);
    assert!(
        seqs.windows(2).all(|pair| pair[0] < pair[1]),
        "sequence numbers never repeat: {seqs:?}"
    );
    seen.journals += &std::fs::read_to_string(home.journal()).unwrap();
}

#[test]
fn random_keys_killed_at_random_moments_lose_nothing_shown() {
    let seed = std::env::var("INVITEQ_CHAOS_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(SEED);
    let mut random = SplitMix(seed);
    let mut seen = Seen::default();
    // Undo reaches back only within a run, so a review fills up: start a
    // new one every ten rounds, to keep the counts moving.
    for first in (1..=ROUNDS).step_by(10) {
        let rounds = first..=(first + 9).min(ROUNDS);
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            review(&mut random, rounds, &mut seen)
        }));
        if let Err(panic) = caught {
            eprintln!("seed {seed} (INVITEQ_CHAOS_SEED brings it back)");
            std::panic::resume_unwind(panic);
        }
    }
    // The rounds did what they say, and were checked.
    assert!(
        seen.rows_compared >= 10,
        "{} rounds compared row by row",
        seen.rows_compared
    );
    assert!(
        seen.counts.len() >= 5,
        "the counts moved: {:?}",
        seen.counts
    );
    for what in [
        "\"op\":\"undo\"",
        "\"op\":\"redo\"",
        "\"action\":\"reply\"",
        "\"action\":\"ignore\"",
        "\"batch\":",
    ] {
        assert!(seen.journals.contains(what), "no {what} in the journals");
    }
}
