use std::io::Cursor;
use std::ops::Range;

use proptest::prelude::*;

use super::*;
use crate::import::queue_json::{ReadError, parse, read};

/// The queue as a plain serde_json parse of the whole text reads it: what
/// the buffered reading must agree with.
fn plain(text: &str) -> Option<Queue> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (owner, built) = if text.trim_start().starts_with('[') {
        (None, serde_json::from_str::<Vec<Built>>(text).ok()?)
    } else {
        let envelope: Envelope<Built> = serde_json::from_str(text).ok()?;
        check_envelope(&envelope).ok()?;
        (envelope.owner, envelope.invitations)
    };
    let invitations: Vec<Invitation> = built.into_iter().map(|Built(i)| i).collect();
    unique_ids(&invitations).then(|| Queue {
        owner: owner_of(owner),
        invitations,
        ..Queue::default()
    })
}

fn in_pieces(text: &[u8], chunk: usize) -> Option<Queue> {
    on(text, chunk, Cores::available())
}

fn on(text: &[u8], chunk: usize, cores: Cores) -> Option<Queue> {
    read_in_pieces(text, text.len() as u64, chunk, cores).expect("memory reads")
}

/// A reader that gives at most `most` bytes a read, and is interrupted
/// before each.
struct Trickle<'a> {
    bytes: &'a [u8],
    most: usize,
    interrupted: bool,
}

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.interrupted = !self.interrupted;
        if self.interrupted {
            return Err(ErrorKind::Interrupted.into());
        }
        let n = self.most.min(buf.len()).min(self.bytes.len());
        buf[..n].copy_from_slice(&self.bytes[..n]);
        self.bytes = &self.bytes[n..];
        Ok(n)
    }
}

const QUEUE: &str = r#"{"owner": {"name": "Owner Name"}, "invitations": [
  {"id": "a", "message": "Hi \"you\" {}", "profile": {"name": "Ann Lee", "connections": "500+"}},
  {"id": "b", "profile": {"name": "Bo \u00e9 Núñez 😀", "extra": {"deep": [1, {"x": "]}"}]}}}
], "format": "inviteq-queue", "version": 1}"#;

#[test]
fn short_and_interrupted_reads_give_the_same_queue() {
    let whole = in_pieces(QUEUE.as_bytes(), CHUNK).expect("a good queue");
    assert_eq!(whole.invitations.len(), 2);
    assert_eq!(whole.owner.name.as_deref(), Some("Owner Name"));
    for most in [1, 5, 64] {
        let trickle = Trickle {
            bytes: QUEUE.as_bytes(),
            most,
            interrupted: false,
        };
        let read =
            read_in_pieces(trickle, QUEUE.len() as u64, 4, Cores::ONE).expect("memory reads");
        assert_eq!(read.as_ref(), Some(&whole), "{most} bytes a read");
    }
}

#[test]
fn an_invitation_larger_than_the_buffer_grows_it() {
    let long = "x".repeat(10_000);
    let text = format!(
        r#"[{{"extra": "{long}", "profile": {{"name": "A"}}}}, {{"profile": {{"name": "B"}}}}]"#
    );
    let queue = in_pieces(text.as_bytes(), 16).expect("read");
    assert_eq!(queue.invitations.len(), 2);
    assert_eq!(queue.invitations[1].profile.name, "B");
}

#[test]
fn anything_wrong_is_left_to_the_careful_reading() {
    for text in [
        &b"[{\"profile\": {\"name\": \"A\"}}, {\"profile\": {}}]"[..],
        b"[{\"id\": \"x\", \"profile\": {\"name\": \"A\"}}, {\"id\": \"x\", \"profile\": {\"name\": \"B\"}}]",
        b"{\"version\": 9, \"invitations\": []}",
        b"{\"owner\": 5, \"invitations\": []}",
        b"{\"owner\": {}}",
        b"[{\"profile\": {\"name\": \"A\"}}",
        // Not UTF-8 in a field nobody reads: serde would pass over it.
        b"[{\"x\": \"\xff\", \"profile\": {\"name\": \"A\"}}]",
        b"{\"\xff\": 1, \"invitations\": []}",
    ] {
        assert_eq!(in_pieces(text, 8), None, "{}", String::from_utf8_lossy(text));
    }
    let problems = parse(b"[{\"x\": \"\xff\", \"profile\": {\"name\": \"A\"}}]").unwrap_err();
    assert!(problems[0].message.contains("not UTF-8"), "{problems:?}");
}

#[test]
fn a_file_is_read_again_whole_to_tell_its_problems() {
    let bad = "[\n{\"profile\": {\"name\": \"A\"}},\n{\"profile\": {\"name\": 5}}\n]";
    let Err(ReadError::Invalid(problems)) = read(Cursor::new(bad), bad.len() as u64) else {
        panic!("refused");
    };
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].line, 3);
    let good = read(Cursor::new(QUEUE), QUEUE.len() as u64).expect("read");
    assert_eq!(Some(good), plain(QUEUE));
}

#[test]
fn a_read_that_fails_says_so() {
    struct Broken;
    impl Read for Broken {
        fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
            Err(io::Error::other("the disk is gone"))
        }
    }
    let error = read_in_pieces(Broken, 100, CHUNK, Cores::ONE).unwrap_err();
    assert_eq!(error.to_string(), "the disk is gone");
}

#[test]
fn a_large_file_expects_about_its_count_from_its_start() {
    let one = r#"{"profile": {"name": "A"}},"#;
    let start = one.repeat(100);
    let size = start.len() * 50;
    let expected = count_invitations(start.as_bytes(), size.max(4 << 20));
    assert!(expected > 0);
    assert_eq!(count_invitations(start.as_bytes(), 1000), 0, "small");
}

/// Text with what makes splitting hard: quotes, backslashes, brackets,
/// commas and colons, other scripts, an emoji, invisible characters.
fn tricky() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 \"\\\\{}\\[\\],:éñ😀\u{200b}\u{3164}\n\t]{0,12}"
}

fn string(text: &str) -> String {
    serde_json::to_string(text).expect("a string serialises")
}

/// A value for a field nobody reads, nested and holding tricky text.
fn unknown() -> impl Strategy<Value = String> {
    (tricky(), tricky(), 0u32..1000).prop_map(|(a, b, n)| {
        let (a, b) = (string(&a), string(&b));
        format!(r#"{{"deep": [{a}, {{"k": [{b}, {n}, null, true]}}], "o": {{}}}}"#)
    })
}

fn invitation() -> impl Strategy<Value = String> {
    (
        proptest::option::of("[a-z]{1,3}"),
        proptest::option::of(tricky()),
        "[A-Za-zé😀][a-zA-Z \"\\\\{}éñ]{0,10}",
        proptest::option::of(tricky()),
        proptest::option::of(0u32..2000),
        proptest::option::of(unknown()),
    )
        .prop_map(|(id, message, name, headline, connections, extra)| {
            let mut fields = Vec::new();
            if let Some(id) = id {
                fields.push(format!("\"id\": {}", string(&id)));
            }
            if let Some(message) = message {
                fields.push(format!("\"message\": {}", string(&message)));
            }
            let mut profile = vec![format!("\"name\": {}", string(&name))];
            if let Some(headline) = headline {
                profile.push(format!("\"headline\": {}", string(&headline)));
            }
            if let Some(connections) = connections {
                profile.push(format!("\"connections\": {connections}"));
            }
            fields.push(format!("\"profile\": {{{}}}", profile.join(", ")));
            if let Some(extra) = extra {
                fields.push(format!("\"extra\": {extra}"));
            }
            format!("{{{}}}", fields.join(",\n "))
        })
}

/// A queue file: a bare array or an envelope with its members in any
/// order, any whitespace, perhaps a byte order mark.
fn queue_text() -> impl Strategy<Value = String> {
    queue_of(0..6)
}

/// A queue file of `count` invitations.
fn queue_of(count: Range<usize>) -> impl Strategy<Value = String> {
    let members = (
        proptest::option::of(tricky()),
        proptest::option::of(unknown()),
        proptest::option::of(0u32..3),
    );
    (
        proptest::collection::vec(invitation(), count),
        any::<bool>(),
        members,
        any::<u64>(),
        prop::sample::select(vec!["", " ", "\n", "\r\n\t "]),
        any::<bool>(),
    )
        .prop_map(
            |(invitations, bare, (owner, notes, version), order, space, bom)| {
                let array = format!("[{space}{}{space}]", invitations.join(&format!(",{space}")));
                let body = if bare {
                    array
                } else {
                    let mut members = vec![format!("\"invitations\"{space}:{space}{array}")];
                    members.push("\"format\": \"inviteq-queue\"".to_string());
                    if let Some(owner) = owner {
                        members.push(format!("\"owner\": {{\"name\": {}}}", string(&owner)));
                    }
                    if let Some(notes) = notes {
                        members.push(format!("\"notes\": {notes}"));
                    }
                    if let Some(version) = version {
                        members.push(format!("\"version\": {version}"));
                    }
                    let turn = (order % members.len() as u64) as usize;
                    members.rotate_left(turn);
                    if order % 2 == 1 {
                        members.reverse();
                    }
                    format!("{{{space}{}{space}}}", members.join(&format!(",{space}")))
                };
                format!("{}{space}{body}{space}", if bom { "\u{feff}" } else { "" })
            },
        )
}

proptest! {
    #[test]
    fn the_buffered_reading_agrees_with_a_plain_parse(
        text in queue_text(),
        chunk in 1usize..64,
    ) {
        let expected = plain(&text);
        prop_assert_eq!(in_pieces(text.as_bytes(), chunk), expected.clone());
        prop_assert_eq!(in_pieces(text.as_bytes(), CHUNK), expected);
    }

    #[test]
    fn a_cut_or_changed_file_agrees_too(
        text in queue_text(),
        cut in any::<prop::sample::Index>(),
        byte in any::<u8>(),
        chunk in 1usize..64,
    ) {
        let at = cut.index(text.len().max(1)).min(text.len());
        let cut_short = &text.as_bytes()[..at];
        let read = in_pieces(cut_short, chunk);
        let expected = std::str::from_utf8(cut_short).ok().and_then(plain);
        prop_assert_eq!(read, expected);
        let mut changed = text.clone().into_bytes();
        if let Some(b) = changed.get_mut(at) {
            *b = byte;
        }
        let expected = std::str::from_utf8(&changed).ok().and_then(plain);
        prop_assert_eq!(in_pieces(&changed, chunk), expected);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn invitations_built_on_threads_are_those_built_on_one(
        text in queue_of(0..80),
        chunk in 1usize..64,
        threads in 2usize..5,
        run in 1usize..4,
        cut in any::<prop::sample::Index>(),
    ) {
        let threads = Cores { threads, run, least: 0 };
        // A queue with an id twice or a newer version is read the careful
        // way, which is no test of the threads.
        prop_assume!(on(text.as_bytes(), CHUNK, Cores::ONE).is_some());
        for chunk in [chunk, CHUNK] {
            let one = on(text.as_bytes(), chunk, Cores::ONE);
            prop_assert_eq!(on(text.as_bytes(), chunk, threads), one);
        }
        // A queue cut short anywhere, within an invitation or between.
        let cut_short = &text.as_bytes()[..cut.index(text.len())];
        prop_assert_eq!(on(cut_short, chunk, threads), on(cut_short, chunk, Cores::ONE));
    }
}
