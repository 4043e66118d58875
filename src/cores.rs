//! Work done for every row of a queue, spread over the machine's cores:
//! each row's score, each inviter's intent, the rows a search finds.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread;

/// Fewer rows than this are done on this thread: a thread costs more to
/// start than they do.
pub const PARALLEL_MIN: usize = 2_048;
/// Rows a thread takes at a time.
const RUN: usize = 512;

/// Every core the process may use, asked of the system once: on Linux the
/// asking opens the cgroup's files, which a search at every key, or a small
/// queue read many times over (the tests, the fuzzer), would pay each time.
pub fn available() -> usize {
    static CORES: OnceLock<usize> = OnceLock::new();
    *CORES.get_or_init(|| thread::available_parallelism().map_or(1, std::num::NonZero::get))
}

/// `work(0)`, `work(1)`, … `work(count - 1)`, in that order, made on up to
/// `cores` threads.
pub fn map<T: Send>(cores: usize, count: usize, work: impl Fn(usize) -> T + Sync) -> Vec<T> {
    map_while(cores, count, work, || true)
}

/// `work(0)`, `work(1)`, … for as long as `go_on` says, asked on this
/// thread before each run of rows it takes: the rows made, in order, from
/// the first, each run taken before `go_on` said no finished. Threads each
/// take the next run of rows until none is left, so that on a machine busy
/// with other work a thread that gets less of a core does fewer runs,
/// rather than the others waiting for its share; and they are started once
/// for the whole work, not once a run.
pub fn map_while<T: Send>(
    cores: usize,
    count: usize,
    work: impl Fn(usize) -> T + Sync,
    mut go_on: impl FnMut() -> bool,
) -> Vec<T> {
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let take_runs = |go_on: &mut dyn FnMut() -> bool| {
        let mut made = Vec::new();
        // Asked only while there is work left: a caller that counts the
        // questions counts runs.
        while next.load(Ordering::Relaxed) < count && go_on() {
            let from = next.fetch_add(RUN, Ordering::Relaxed);
            if from >= count {
                break;
            }
            let to = count.min(from + RUN);
            made.push((from, (from..to).map(&work).collect::<Vec<T>>()));
        }
        made
    };
    let mut asked = || {
        let more = go_on();
        stop.store(!more, Ordering::Relaxed);
        more
    };
    if cores < 2 || count < PARALLEL_MIN {
        return take_runs(&mut asked)
            .into_iter()
            .flat_map(|(_, made)| made)
            .collect();
    }
    let mut runs = thread::scope(|scope| {
        let others: Vec<_> = (1..cores)
            .map(|_| scope.spawn(|| take_runs(&mut || !stop.load(Ordering::Relaxed))))
            .collect();
        let mut runs = take_runs(&mut asked);
        stop.store(true, Ordering::Relaxed);
        for other in others {
            match other.join() {
                Ok(made) => runs.extend(made),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        runs
    });
    // The runs taken are the first ones, each whole: in order, they are
    // the rows from the first on.
    runs.sort_unstable_by_key(|&(from, _)| from);
    runs.into_iter().flat_map(|(_, made)| made).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_is_made_once_in_order_on_any_number_of_cores() {
        for count in [
            0,
            1,
            PARALLEL_MIN - 1,
            PARALLEL_MIN,
            PARALLEL_MIN * 3 + RUN / 2,
        ] {
            let expected: Vec<usize> = (0..count).map(|n| n * 7).collect();
            for cores in [1, 2, 3, 8] {
                assert_eq!(map(cores, count, |n| n * 7), expected, "{count} on {cores}");
            }
        }
    }

    #[test]
    fn work_stopped_midway_is_the_first_rows_in_order() {
        let count = PARALLEL_MIN * 4;
        for cores in [1, 2, 3] {
            for asked_yes in [0, 1, 2, 5] {
                let mut asked = 0;
                let made = map_while(
                    cores,
                    count,
                    |n| n * 3,
                    || {
                        asked += 1;
                        asked <= asked_yes
                    },
                );
                let expected: Vec<usize> = (0..made.len()).map(|n| n * 3).collect();
                assert_eq!(made, expected, "{asked_yes} runs on {cores}");
                // The other threads may have taken any number of runs
                // before the stop, all of them on a busy machine.
                assert_eq!(made.len() % RUN, 0, "whole runs");
                assert!(made.len() >= asked_yes * RUN, "this thread's runs at least");
            }
        }
    }
}
