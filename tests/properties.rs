//! Properties that hold for any input, checked on generated ones:
//! - a queue read, written by `inviteq queue` and read again is the same;
//! - a journal cut at any byte opens with every whole record before the
//!   cut, and loses nothing else;
//! - a history of decisions, undos and redos replays the same from the
//!   journal alone and from a snapshot and the journal's tail;
//! - cleaned text never holds a control, bidi or zero-width character.
// Helpers unwrap as the tests do: a panic here is the test failing.
#![allow(clippy::unwrap_used)]

use std::collections::HashMap;

use inviteq::commands::{Sources, queue};
use inviteq::import::clean::{clean_line, clean_text};
use inviteq::model::{Decision, Invitation, Profile, Verdict};
use inviteq::output::{json_text, terminal_text};
use inviteq::store::journal::{self, Compaction, Journal, Op};
use proptest::prelude::*;
use serde_json::{Value, json};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use time::macros::datetime;

/// Text as strangers write it: any character, with escapes, C1 controls,
/// bidi overrides, zero-width characters and line breaks made likely.
fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => any::<char>().prop_map(String::from),
        2 => "[a-zA-Z ]{1,6}",
        1 => Just("\u{1b}[31m".to_string()),
        1 => Just("\u{1b}]0;title\u{07}".to_string()),
        1 => Just("\u{1b}]8;;https://x\u{1b}\\".to_string()),
        1 => Just("\u{9b}2J".to_string()),
        1 => Just("\u{9d}52;c;aGk=\u{9c}".to_string()),
        1 => prop::sample::select(vec![
            "\u{202e}", "\u{2066}", "\u{200b}", "\u{feff}", "\u{85}", "\u{2028}", "\r\n", "\n",
            "\t", "\r", "\u{7f}", "\u{0}", "\u{e0041}",
        ])
        .prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|pieces| pieces.concat())
}

fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{061c}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}'
            | '\u{e0000}'..='\u{e007f}')
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn a_cleaned_line_holds_no_control_bidi_or_zero_width(raw in hostile_text()) {
        let line = clean_line(&raw, 500);
        prop_assert!(!line.chars().any(is_hidden), "{line:?}");
    }

    #[test]
    fn cleaned_text_holds_only_line_breaks_among_controls(raw in hostile_text()) {
        let text = clean_text(&raw, 5000);
        prop_assert!(!text.chars().any(|c| c != '\n' && is_hidden(c)), "{text:?}");
    }

    #[test]
    fn terminal_text_holds_only_line_breaks_and_tabs(raw in hostile_text()) {
        let text = terminal_text(&raw);
        prop_assert!(!text.chars().any(|c| c != '\n' && c != '\t' && is_hidden(c)), "{text:?}");
    }

    #[test]
    fn json_text_is_clean_and_reads_back_the_same(raw in hostile_text()) {
        let value = json!({"name": raw, "list": [raw.clone(), 1]});
        let text = json_text(serde_json::to_string_pretty(&value).unwrap());
        prop_assert!(!text.chars().any(|c| c != '\n' && is_hidden(c)), "{text:?}");
        let back: Value = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(back, value);
    }
}

/// One invitation of a queue file, with every fact possibly unknown.
fn invitation_json() -> impl Strategy<Value = Value> {
    (
        (
            hostile_text(),
            prop::option::of(0i64..4_000_000_000),
            prop::option::of(hostile_text()),
            prop::option::of(hostile_text()),
            prop::option::of(hostile_text()),
        ),
        (
            prop::option::of(hostile_text()),
            prop::option::of("[a-z0-9-]{1,20}"),
            prop::option::of(prop::sample::select(vec!["person", "logo", "none"])),
            prop::option::of(0u32..5000),
            prop::option::of(0u32..500),
            prop::option::of(any::<bool>()),
        ),
    )
        .prop_map(
            |(
                (name, sent, message, headline, company),
                (location, slug, photo, conns, mutual, verified),
            )| {
                let mut profile = json!({"name": format!("P {name}")});
                let fields = [
                    ("headline", headline.map(Value::from)),
                    ("company", company.map(Value::from)),
                    ("location", location.map(Value::from)),
                    (
                        "url",
                        slug.map(|s| Value::from(format!("https://www.linkedin.com/in/{s}"))),
                    ),
                    ("photo", photo.map(Value::from)),
                    ("connections", conns.map(Value::from)),
                    ("mutual_connections", mutual.map(Value::from)),
                    ("verified", verified.map(Value::from)),
                ];
                for (key, value) in fields {
                    if let Some(value) = value {
                        profile[key] = value;
                    }
                }
                let mut invitation = json!({"profile": profile});
                if let Some(seconds) = sent {
                    let at = OffsetDateTime::from_unix_timestamp(seconds).unwrap();
                    invitation["sent_at"] = at.format(&Rfc3339).unwrap().into();
                }
                if let Some(message) = message {
                    invitation["message"] = message.into();
                }
                invitation
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn a_queue_written_by_inviteq_queue_reads_back_the_same(
        owner in prop::option::of(hostile_text()),
        invitations in prop::collection::vec(invitation_json(), 1..6),
    ) {
        let mut file = json!({"format": "inviteq-queue", "version": 1, "invitations": invitations});
        if let Some(owner) = owner {
            file["owner"] = json!({"name": owner});
        }
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("queue.json");
        std::fs::write(&path, serde_json::to_vec(&file).unwrap()).unwrap();
        let Ok(read) = inviteq::import::load(&path) else {
            // Two inviters whose cleaned facts give one id, or a name with
            // nothing printable: refused, with its problems, as it should be.
            return Ok(());
        };

        let mut printed = Vec::new();
        queue::run(&Sources::Paths(vec![path]), &mut printed).unwrap();
        let again = inviteq::import::parse_queue_json(&printed).unwrap();
        prop_assert_eq!(&again.invitations, &read.invitations);
        prop_assert_eq!(&again.owner.name, &read.owner.name);
    }
}

/// One decision, or an undo (pending again), on one of a few invitations.
fn step() -> impl Strategy<Value = (usize, Option<Verdict>)> {
    (
        0usize..4,
        prop::option::of(prop::sample::select(vec![
            Verdict::Accept,
            Verdict::Ignore,
            Verdict::Reply,
        ])),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn a_journal_cut_at_any_byte_keeps_every_whole_record_before_the_cut(
        steps in prop::collection::vec(step(), 1..12),
        cut in any::<prop::sample::Index>(),
    ) {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("journal.jsonl");
        let invitations: Vec<Invitation> = (0..4)
            .map(|n| Invitation {
                id: format!("inv-{n}").into(),
                profile: Profile::named(format!("Person {n}")),
                ..Invitation::default()
            })
            .collect();
        // After each record: the file's length, and what stands.
        let mut ends = vec![(0u64, HashMap::new())];
        {
            let (mut journal, ..) = Journal::open(&path).unwrap();
            let mut standing: HashMap<String, Verdict> = HashMap::new();
            for (n, verdict) in &steps {
                let decision = verdict.map(|action| Decision {
                    action,
                    template: None,
                    reply: (action == Verdict::Reply).then(|| "Hi,\nhow do we know?".to_string()),
                    decided_at: datetime!(2026-11-27 08:15 UTC),
                    carried_out_at: None,
                });
                let op = if decision.is_some() { Op::Decide } else { Op::Undo };
                journal.append(op, &invitations[*n], decision.as_ref()).unwrap();
                match verdict {
                    Some(action) => standing.insert(invitations[*n].id.to_string(), *action),
                    None => standing.remove(invitations[*n].id.as_str()),
                };
                ends.push((std::fs::metadata(&path).unwrap().len(), standing.clone()));
            }
        }
        let whole = std::fs::read(&path).unwrap();
        let cut = cut.index(whole.len() + 1);
        std::fs::write(&path, &whole[..cut]).unwrap();
        let (kept_len, expected) = ends
            .iter()
            .rev()
            .find(|(end, _)| *end as usize <= cut)
            .cloned()
            .unwrap();

        // Reading (as `export` and `sessions` do) changes nothing.
        let read = journal::read(&path).unwrap();
        prop_assert_eq!(std::fs::read(&path).unwrap(), &whole[..cut]);
        let verdicts = |decisions: &journal::Decisions| -> HashMap<String, Verdict> {
            decisions
                .by_id
                .iter()
                .map(|(id, standing)| (id.clone(), standing.decision.action))
                .collect()
        };
        prop_assert_eq!(&verdicts(&read), &expected);

        // Opening (as the console does) keeps every whole record and cuts
        // away the torn rest, if any.
        let (_, decisions, recovery) = Journal::open(&path).unwrap();
        prop_assert_eq!(&verdicts(&decisions), &expected);
        prop_assert_eq!(recovery.dropped_torn_line, kept_len as usize != cut);
        prop_assert_eq!(std::fs::read(&path).unwrap(), &whole[..kept_len as usize]);
    }
}

/// What happens next to a review: a key's decisions (one, or a batch), on
/// few invitations so that undo and redo meet earlier decisions, or the
/// console quitting and opening the review again.
#[derive(Debug, Clone)]
enum Event {
    Key(Op, Vec<(usize, Option<Verdict>)>),
    Reopen,
}

fn event() -> impl Strategy<Value = Event> {
    prop_oneof![
        4 => (
            prop::sample::select(vec![Op::Decide, Op::Undo, Op::Redo, Op::Tick]),
            prop::collection::vec(step(), 1..4),
        )
            .prop_map(|(op, steps)| Event::Key(op, steps)),
        1 => Just(Event::Reopen),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_history_replays_the_same_from_the_journal_alone_and_from_snapshot_and_tail(
        events in prop::collection::vec(event(), 1..24),
    ) {
        let folder = tempfile::tempdir().unwrap();
        let plain = folder.path().join("plain").join("journal.jsonl");
        let compacted = folder.path().join("compacted").join("journal.jsonl");
        std::fs::create_dir_all(plain.parent().unwrap()).unwrap();
        std::fs::create_dir_all(compacted.parent().unwrap()).unwrap();
        let invitations: Vec<Invitation> = (0..4)
            .map(|n| Invitation {
                id: format!("inv-{n}").into(),
                profile: Profile::named(format!("Person {n}")),
                message: Some(format!("Note {n}, \"quoted\"\nover two lines").into()),
                ..Invitation::default()
            })
            .collect();
        // The one journal reopened as it always was (too small to compact
        // of its own accord), the other compacted at every reopening.
        let mut journals = [
            Journal::open(&plain).unwrap().0,
            Journal::open_with(&compacted, Compaction::Now).unwrap().0,
        ];
        for event in &events {
            match event {
                Event::Key(op, steps) => {
                    let decisions: Vec<Option<Decision>> = steps
                        .iter()
                        .map(|(_, verdict)| verdict.map(|action| Decision {
                            action,
                            template: None,
                            reply: (action == Verdict::Reply).then(|| "Hi,\nhow do we know?".to_string()),
                            decided_at: datetime!(2026-11-27 08:15 UTC),
                            carried_out_at: (*op == Op::Tick).then_some(datetime!(2026-11-28 10:00 +01:00)),
                        }))
                        .collect();
                    let entries: Vec<_> = steps
                        .iter()
                        .zip(&decisions)
                        .map(|((n, _), decision)| (&invitations[*n], decision.as_ref()))
                        .collect();
                    for journal in &mut journals {
                        journal.append_all(*op, &entries).unwrap();
                    }
                }
                Event::Reopen => {
                    journals = [
                        Journal::open(&plain).unwrap().0,
                        Journal::open_with(&compacted, Compaction::Now).unwrap().0,
                    ];
                }
            }
        }
        drop(journals);
        prop_assert!(std::fs::read_to_string(&compacted).unwrap().lines().count()
            <= std::fs::read_to_string(&plain).unwrap().lines().count());
        let from_journal = journal::read(&plain).unwrap();
        let from_snapshot = journal::read(&compacted).unwrap();
        prop_assert_eq!(&from_snapshot, &from_journal);
        let (mut a, opened_plain, _) = Journal::open(&plain).unwrap();
        let (mut b, opened_compacted, _) = Journal::open_with(&compacted, Compaction::Now).unwrap();
        prop_assert_eq!(&opened_plain, &from_journal);
        prop_assert_eq!(&opened_compacted, &from_journal);
        // Sequence numbers go on alike: none is used again.
        let next = |journal: &mut Journal| journal.append(Op::Decide, &invitations[0], None).unwrap().seq;
        prop_assert_eq!(next(&mut a), next(&mut b));
    }
}
