use std::fs;
use std::path::{Path, PathBuf};

use super::*;
use crate::model::{Decision, Invitation, Verdict};
use crate::store::journal::{Op, read, read_bytes};

fn decision(action: Verdict) -> Decision {
    Decision::new(action, time::OffsetDateTime::UNIX_EPOCH)
}

fn invitation(id: &str) -> Invitation {
    Invitation {
        id: id.into(),
        profile: crate::model::Profile::named(format!("Person {id}")),
        message: Some("We met at the \"spring\" fair.".into()),
        ..Invitation::default()
    }
}

/// A journal of decisions, an undo, a redo and a batch: what stands is
/// `a` ignored, `c` and `d` accepted, `b` pending.
fn history(path: &Path) {
    let (mut journal, ..) = Journal::open(path).unwrap();
    let accepted = decision(Verdict::Accept);
    let ignored = decision(Verdict::Ignore);
    let (a, b, c, d) = (
        invitation("a"),
        invitation("b"),
        invitation("c"),
        invitation("d"),
    );
    journal.append(Op::Decide, &a, Some(&accepted)).unwrap();
    journal.append(Op::Decide, &b, Some(&ignored)).unwrap();
    journal.append(Op::Undo, &b, None).unwrap();
    journal
        .append_all(Op::Decide, &[(&c, Some(&accepted)), (&d, Some(&accepted))])
        .unwrap();
    journal.append(Op::Decide, &a, Some(&ignored)).unwrap();
    journal.append(Op::Undo, &a, None).unwrap();
    journal.append(Op::Redo, &a, Some(&ignored)).unwrap();
}

const LAST_SEQ: u64 = 8;

fn journal_in(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("journal.jsonl")
}

/// The folder's files by name, with their bytes.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut found: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (name, fs::read(e.path()).unwrap())
        })
        .collect();
    found.sort();
    found
}

/// Opens the journal at `path` (never compacting: the tail is small) and
/// checks that it holds `expected`, goes on at the next sequence number,
/// and reads the same for `export`.
fn reopens_as(path: &Path, expected: &Decisions) {
    let (mut journal, decisions, _) = Journal::open(path).unwrap();
    assert_eq!(&decisions, expected);
    assert_eq!(&read(path).unwrap(), expected);
    let next = journal.append(Op::Decide, &invitation("e"), None).unwrap();
    assert_eq!(next.seq, LAST_SEQ + 1, "no sequence number is used again");
}

#[test]
fn compacting_folds_the_journal_into_the_snapshot_and_empties_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = journal_in(&dir);
    history(&path);
    let before = read(&path).unwrap();
    let ids = |d: &Decisions| {
        let mut ids: Vec<_> = d.by_id.keys().cloned().collect();
        ids.sort();
        ids
    };
    assert_eq!(ids(&before), ["a", "c", "d"]);

    let (_, decisions, recovery) = Journal::open_with(&path, Compaction::Now).unwrap();
    assert!(recovery.compacted);
    assert_eq!(decisions, before);
    assert_eq!(fs::metadata(&path).unwrap().len(), 0);
    let names: Vec<_> = files(dir.path()).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["journal.jsonl", "journal.snapshot"]);
    reopens_as(&path, &before);
}

#[test]
fn appends_after_a_compaction_go_to_the_new_journal() {
    let dir = tempfile::tempdir().unwrap();
    let path = journal_in(&dir);
    history(&path);
    let (mut journal, ..) = Journal::open_with(&path, Compaction::Now).unwrap();
    journal
        .append(
            Op::Decide,
            &invitation("b"),
            Some(&decision(Verdict::Reply)),
        )
        .unwrap();
    let text = fs::read_to_string(&path).unwrap();
    assert_eq!(text.lines().count(), 1, "{text}");
    assert_eq!(read(&path).unwrap().by_id["b"].seq, LAST_SEQ + 1);

    // A second compaction folds the tail into the snapshot too.
    drop(journal);
    let (_, decisions, recovery) = Journal::open_with(&path, Compaction::Now).unwrap();
    assert!(recovery.compacted);
    assert_eq!(decisions.by_id["b"].decision.action, Verdict::Reply);
    assert_eq!(decisions.by_id["a"].decision.action, Verdict::Ignore);
    assert_eq!(fs::metadata(&path).unwrap().len(), 0);
}

#[test]
fn a_journal_whose_every_decision_was_undone_keeps_its_sequence() {
    let dir = tempfile::tempdir().unwrap();
    let path = journal_in(&dir);
    {
        let (mut journal, ..) = Journal::open(&path).unwrap();
        let a = invitation("a");
        journal
            .append(Op::Decide, &a, Some(&decision(Verdict::Accept)))
            .unwrap();
        journal.append(Op::Undo, &a, None).unwrap();
    }
    let (_, decisions, _) = Journal::open_with(&path, Compaction::Now).unwrap();
    assert!(decisions.by_id.is_empty());
    let (mut journal, ..) = Journal::open(&path).unwrap();
    let next = journal.append(Op::Redo, &invitation("a"), None).unwrap();
    assert_eq!(next.seq, 3);
}

/// The steps of a compaction a crash can stop after.
#[derive(Debug, Clone, Copy)]
enum Crash {
    /// The snapshot's temporary file half written, not renamed in.
    WritingSnapshot,
    /// The new snapshot renamed in; the journal as it was.
    SnapshotRenamed,
    /// That, and the empty journal's temporary file not renamed in.
    EmptyingJournal,
    /// Both renamed in, the snapshot's temporary of an earlier crash left.
    Done,
}

const CRASHES: [Crash; 4] = [
    Crash::WritingSnapshot,
    Crash::SnapshotRenamed,
    Crash::EmptyingJournal,
    Crash::Done,
];

/// Leaves the files beside the journal at `path` as a compaction of
/// `decisions` stopped by `crash` would.
fn leave(crash: Crash, path: &Path, decisions: &Decisions) {
    let stray = |name: &str, bytes: &[u8]| {
        let temporary = path.with_file_name(format!(".{name}.k3Xq9a.tmp"));
        fs::write(temporary, bytes).unwrap();
    };
    let image = snapshot::encode(decisions, LAST_SEQ).unwrap();
    match crash {
        Crash::WritingSnapshot => stray("journal.snapshot", &image[..image.len() / 2]),
        Crash::SnapshotRenamed => {
            write_snapshot(path, decisions, LAST_SEQ).unwrap();
        }
        Crash::EmptyingJournal => {
            write_snapshot(path, decisions, LAST_SEQ).unwrap();
            stray("journal.jsonl", b"");
        }
        Crash::Done => {
            stray("journal.snapshot", &image);
            fs::write(path.with_extension("snapshot"), &image).unwrap();
            fs::write(path, b"").unwrap();
        }
    }
}

#[test]
fn a_crash_at_any_step_of_a_compaction_keeps_every_decision_once() {
    for crash in CRASHES {
        let dir = tempfile::tempdir().unwrap();
        let path = journal_in(&dir);
        history(&path);
        let expected = read(&path).unwrap();
        leave(crash, &path, &expected);
        let left = files(dir.path());
        assert_eq!(read(&path).unwrap(), expected, "{crash:?}: export reads it");
        assert_eq!(
            files(dir.path()),
            left,
            "{crash:?}: reading changed nothing"
        );
        reopens_as(&path, &expected);
        let names: Vec<_> = files(dir.path()).into_iter().map(|(n, _)| n).collect();
        assert!(
            names.iter().all(|name| !name.ends_with(".tmp")),
            "{crash:?}: opening removes what the crash left: {names:?}"
        );
    }
}

#[test]
fn a_crash_while_compacting_on_an_older_snapshot_keeps_every_decision_once() {
    for crash in CRASHES {
        let dir = tempfile::tempdir().unwrap();
        let path = journal_in(&dir);
        history(&path);
        let expected = read(&path).unwrap();
        // An older snapshot covering the first three records, and the
        // journal's tail after them.
        let whole = fs::read_to_string(&path).unwrap();
        let first_three: String = whole.split_inclusive('\n').take(3).collect();
        let older = read_bytes(&path, first_three.as_bytes()).unwrap();
        let older_image = snapshot::encode(&older, 3).unwrap();
        fs::write(path.with_extension("snapshot"), &older_image).unwrap();
        fs::write(&path, &whole[first_three.len()..]).unwrap();
        assert_eq!(
            read(&path).unwrap(),
            expected,
            "the tail on the old snapshot"
        );

        leave(crash, &path, &expected);
        reopens_as(&path, &expected);
    }
}

#[test]
fn a_damaged_snapshot_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = journal_in(&dir);
    history(&path);
    Journal::open_with(&path, Compaction::Now).unwrap();
    let snapshot = path.with_extension("snapshot");
    let mut bytes = fs::read(&snapshot).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 1;
    fs::write(&snapshot, &bytes).unwrap();
    let before = files(dir.path());

    for error in [
        Journal::open(&path).err().unwrap(),
        Journal::open_with(&path, Compaction::Now).err().unwrap(),
        read(&path).unwrap_err(),
    ] {
        let message = error.to_string();
        assert!(message.contains("journal.snapshot: "), "{message}");
        assert!(message.contains("checksum"), "{message}");
        assert!(message.contains("left as they are"), "{message}");
    }
    assert_eq!(files(dir.path()), before);
}

#[test]
fn a_session_without_a_snapshot_opens_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let path = journal_in(&dir);
    history(&path);
    let journal = fs::read(&path).unwrap();
    let (_, decisions, recovery) = Journal::open(&path).unwrap();
    assert!(!recovery.compacted, "a small journal is left as it is");
    assert_eq!(decisions, read_bytes(&path, &journal).unwrap());
    assert_eq!(fs::read(&path).unwrap(), journal);
    assert!(!path.with_extension("snapshot").exists());
}

#[test]
fn a_tail_is_compacted_once_it_is_large_and_a_quarter_of_the_snapshot() {
    let worth = |tail, snapshot| Compaction::WhenWorthIt.wanted(tail, snapshot);
    assert!(!worth(MIN_TAIL - 1, 0));
    assert!(worth(MIN_TAIL, 0));
    assert!(worth(MIN_TAIL, 4 * MIN_TAIL));
    assert!(!worth(MIN_TAIL, 4 * MIN_TAIL + 1));
    assert!(worth(10 * MIN_TAIL, 40 * MIN_TAIL));
    assert!(Compaction::Now.wanted(0, u64::MAX));
}

#[test]
fn opening_compacts_a_large_journal_of_its_own_accord() {
    let dir = tempfile::tempdir().unwrap();
    let path = journal_in(&dir);
    let invitations: Vec<Invitation> = (0..6000).map(|n| invitation(&format!("i{n}"))).collect();
    let accepted = decision(Verdict::Accept);
    {
        let (mut journal, ..) = Journal::open(&path).unwrap();
        let entries: Vec<_> = invitations.iter().map(|i| (i, Some(&accepted))).collect();
        journal.append_all(Op::Decide, &entries).unwrap();
    }
    assert!(fs::metadata(&path).unwrap().len() >= MIN_TAIL);
    let expected = read(&path).unwrap();
    let (_, decisions, recovery) = Journal::open(&path).unwrap();
    assert!(recovery.compacted);
    assert_eq!(decisions, expected);
    assert_eq!(fs::metadata(&path).unwrap().len(), 0);
    assert_eq!(read(&path).unwrap(), expected);
}

#[test]
fn records_the_snapshot_covers_are_skipped_not_replayed_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = journal_in(&dir);
    history(&path);
    // A snapshot that says otherwise of `a` than the journal's records up
    // to the sequence number it covers: the snapshot is what stands.
    let mut folded = read(&path).unwrap();
    let a = folded.by_id.get_mut("a").unwrap();
    a.decision.action = Verdict::Reply;
    write_snapshot(&path, &folded, LAST_SEQ).unwrap();
    assert_eq!(read(&path).unwrap(), folded);
    reopens_as(&path, &folded);
}
