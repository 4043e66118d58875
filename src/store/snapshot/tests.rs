use time::macros::datetime;

use super::write::Writer;
use super::*;
use crate::model::{Decision, Verdict};
use crate::store::journal::{Decisions, Standing};

/// [`super::read`] of a file of `bytes`: what it holds, or the problem.
fn read(bytes: &[u8]) -> Result<(Decisions, u64), String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.snapshot");
    std::fs::write(&path, bytes).unwrap();
    match super::read(&path) {
        Ok(Some(read)) => {
            assert_eq!(read.len, bytes.len() as u64);
            Ok((read.decisions, read.covers))
        }
        Ok(None) => panic!("the snapshot is there"),
        Err(ReadError::Damaged(problem)) => Err(problem),
        Err(ReadError::Io(error)) => panic!("{error}"),
    }
}

fn standing(seq: u64, action: Verdict) -> Standing {
    Standing {
        seq,
        decision: Decision::new(action, datetime!(2026-11-27 08:15:30.123456789 UTC)),
        name: None,
        url: None,
        snapshot: None,
    }
}

/// Every field in use: texts with quotes, line breaks and other scripts,
/// a time with an offset, and a standing with nothing but its decision.
fn sample() -> Decisions {
    let full = Standing {
        name: Some("José \"Pepe\" Núñez".into()),
        url: Some("https://www.linkedin.com/in/jose".into()),
        snapshot: Some(r#"{"id":"a","profile":{"name":"José"}}"#.into()),
        decision: Decision {
            action: Verdict::Reply,
            template: Some("how-do-we-know".into()),
            reply: Some("Hi José,\nhow do we know each other? 王芳".into()),
            decided_at: datetime!(2026-11-27 08:15 +05:30),
            carried_out_at: Some(datetime!(2026-11-28 10:00:01.5 -03:00)),
        },
        ..standing(7, Verdict::Reply)
    };
    let mut decisions = Decisions::default();
    decisions.by_id.insert("a".into(), full);
    decisions
        .by_id
        .insert("b".into(), standing(3, Verdict::Ignore));
    decisions
        .by_id
        .insert(String::new(), standing(9, Verdict::Accept));
    decisions
}

#[test]
fn a_snapshot_reads_back_every_decision_and_what_it_covers() {
    let decisions = sample();
    let bytes = encode(&decisions, 12).unwrap();
    let (back, covers) = read(&bytes).unwrap();
    assert_eq!(back, decisions);
    assert_eq!(covers, 12);
    let at = back.by_id["a"].decision.decided_at;
    assert_eq!(
        at.offset(),
        time::macros::offset!(+05:30),
        "the offset is kept"
    );
}

#[test]
fn an_empty_snapshot_still_says_what_it_covers() {
    let bytes = encode(&Decisions::default(), 40).unwrap();
    assert!(bytes.starts_with(b"inviteq-snapshot"));
    assert_eq!(read(&bytes).unwrap(), (Decisions::default(), 40));
}

#[test]
fn any_byte_changed_is_refused_on_opening_or_in_the_invitation_it_is_in() {
    let bytes = encode(&sample(), 12).unwrap();
    for at in 0..bytes.len() {
        let mut damaged = bytes.clone();
        damaged[at] ^= 0x20;
        let Ok((decisions, _)) = read(&damaged) else {
            continue;
        };
        let problem = decisions.by_id["a"]
            .snapshot
            .as_ref()
            .unwrap()
            .text()
            .unwrap_err();
        assert!(problem.contains("does not match its checksum"), "{problem}");
    }
}

#[test]
fn a_kept_invitation_is_read_from_the_file_when_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.snapshot");
    std::fs::write(&path, encode(&sample(), 12).unwrap()).unwrap();
    let read = super::read(&path).ok().flatten().unwrap();
    // Replaced by a compaction meanwhile: the file read is still there.
    crate::store::atomic_write(&path, &encode(&Decisions::default(), 13).unwrap()).unwrap();
    let kept = read.decisions.by_id["a"].snapshot.as_ref().unwrap();
    assert_eq!(
        kept.text().unwrap(),
        r#"{"id":"a","profile":{"name":"José"}}"#
    );
}

#[test]
fn a_snapshot_cut_anywhere_is_refused() {
    let bytes = encode(&sample(), 12).unwrap();
    for len in 0..bytes.len() {
        assert!(read(&bytes[..len]).is_err(), "cut to {len} was read");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(read(&longer).is_err());
}

#[test]
fn a_newer_version_is_refused_with_its_number() {
    let mut bytes = encode(&sample(), 12).unwrap();
    bytes[MAGIC.len()..MAGIC.len() + 4].copy_from_slice(&2u32.to_le_bytes());
    let problem = read(&bytes).unwrap_err();
    assert!(problem.contains("version 2, newer"), "{problem}");
}

#[test]
fn what_is_not_a_snapshot_says_so() {
    let problem = read(b"{\"crc\":1,\"record\":{}}\n").unwrap_err();
    assert!(problem.contains("not an inviteq snapshot"), "{problem}");
}

/// A snapshot of `entries` and `texts` under a good checksum, so that the
/// reading of the entries itself is what refuses it.
fn sealed(covers: u64, count: u64, entries: &[u8], texts: &[u8]) -> Vec<u8> {
    let mut bytes = MAGIC.to_vec();
    bytes.extend_from_slice(&VERSION.to_le_bytes());
    for field in [covers, count, entries.len() as u64, texts.len() as u64, 0] {
        bytes.extend_from_slice(&field.to_le_bytes());
    }
    bytes.extend_from_slice(entries);
    bytes.extend_from_slice(texts);
    let crc = crc32fast::hash(&bytes);
    bytes.extend_from_slice(&crc.to_le_bytes());
    bytes
}

/// The entries of accepted decisions on `ids` with their sequence
/// numbers, and their texts.
fn entries(ids: &[(&str, u64)]) -> (Vec<u8>, Vec<u8>) {
    let mut writer = Writer {
        entries: Vec::new(),
        texts: Vec::new(),
        kept: Vec::new(),
    };
    for (id, seq) in ids {
        writer.entry(id, &standing(*seq, Verdict::Accept)).unwrap();
    }
    (writer.entries, writer.texts)
}

#[test]
fn a_whole_snapshot_that_holds_nonsense_is_refused_at_its_byte() {
    let (one, text) = entries(&[("a", 1)]);
    let (two, texts) = entries(&[("a", 1), ("a", 2)]);
    let header = HEADER_LEN;
    let end = header + one.len();
    let flag = header + STR_LEN + 8;
    let cases: Vec<(Vec<u8>, String)> = vec![
        (sealed(5, 2, &one, &text), format!("byte {end}: cut short")),
        (
            sealed(5, u64::MAX, &one, &text),
            format!("byte {end}: cut short"),
        ),
        (
            sealed(5, 2, &two, &texts),
            format!("byte {end}: invitation \"a\" is in it twice"),
        ),
        (
            sealed(5, 0, &one, &text),
            format!("byte {header}: {} bytes after", one.len()),
        ),
        (
            sealed(0, 1, &one, &text),
            format!("byte {header}: a decision of sequence number 1 after the 0"),
        ),
        (
            sealed(5, 1, &[&one[..STR_LEN + 8], &[7]].concat(), &text),
            format!("byte {flag}: 7 where 0 or 1 belongs"),
        ),
        (
            sealed(5, 1, &one, b""),
            format!("byte {header}: a text at 0 of 1 bytes, not within the 0 bytes"),
        ),
        (
            sealed(5, 1, &one, "é".as_bytes()),
            format!("byte {header}: a text not in UTF-8"),
        ),
        (
            sealed(5, 1, &one, b"\xff"),
            format!("byte {header}: a text not in UTF-8"),
        ),
    ];
    for (bytes, expected) in cases {
        let problem = read(&bytes).unwrap_err();
        assert!(
            problem.contains(&expected),
            "{problem} (expected {expected})"
        );
    }
}

#[test]
fn a_header_that_says_more_than_the_file_holds_is_refused() {
    let (one, text) = entries(&[("a", 1)]);
    let bytes = sealed(5, 1, &one, &text);
    let kept_len_at = HEADER_LEN - 8;
    for (at, value) in [
        (kept_len_at, 1),
        (kept_len_at - 8, u64::MAX),
        (kept_len_at - 16, 1),
    ] {
        let mut damaged = bytes.clone();
        damaged[at..at + 8].copy_from_slice(&value.to_le_bytes());
        let problem = read(&damaged).unwrap_err();
        assert!(
            problem.contains("where its header says") || problem.contains("more than there can be"),
            "{problem}"
        );
    }
}
