use super::*;
use crate::model::Verdict;

fn decision(action: Verdict) -> Decision {
    Decision::new(action, time::OffsetDateTime::UNIX_EPOCH)
}

fn invitation(id: &str) -> Invitation {
    Invitation {
        id: id.into(),
        profile: crate::model::Profile::named(format!("Person {id}")),
        ..Invitation::default()
    }
}

fn journal_with(records: &[(Op, &str, Option<Verdict>)]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.jsonl");
    let (mut journal, ..) = Journal::open(&path).unwrap();
    for (op, id, action) in records {
        journal
            .append(*op, &invitation(id), action.map(decision).as_ref())
            .unwrap();
    }
    (dir, path)
}

#[test]
fn replays_decisions_undos_and_redos() {
    let (_dir, path) = journal_with(&[
        (Op::Decide, "a", Some(Verdict::Accept)),
        (Op::Decide, "b", Some(Verdict::Ignore)),
        (Op::Undo, "b", None),
        (Op::Decide, "c", Some(Verdict::Accept)),
        (Op::Decide, "a", Some(Verdict::Ignore)),
    ]);
    let (_, decisions, recovery) = Journal::open(&path).unwrap();
    assert_eq!(recovery, Recovery::default());
    let order: Vec<_> = decisions
        .in_order()
        .into_iter()
        .map(|(id, d)| (id, d.decision.action))
        .collect();
    assert_eq!(order, [("c", Verdict::Accept), ("a", Verdict::Ignore)]);
}

#[test]
fn sequence_numbers_go_on_after_a_reopen() {
    let (_dir, path) = journal_with(&[(Op::Decide, "a", Some(Verdict::Accept))]);
    let (mut journal, ..) = Journal::open(&path).unwrap();
    assert_eq!(
        journal
            .append(Op::Decide, &invitation("b"), None)
            .unwrap()
            .seq,
        2
    );
}

#[test]
fn a_torn_last_line_is_dropped_and_cut_away() {
    let (_dir, path) = journal_with(&[
        (Op::Decide, "a", Some(Verdict::Accept)),
        (Op::Decide, "b", Some(Verdict::Accept)),
    ]);
    let whole = std::fs::read(&path).unwrap();
    let torn = &whole[..whole.len() - 9];
    std::fs::write(&path, torn).unwrap();
    let (_, decisions, recovery) = Journal::open(&path).unwrap();
    assert!(recovery.dropped_torn_line);
    assert_eq!(decisions.by_id.keys().collect::<Vec<_>>(), ["a"]);
    let first_line_len = whole.iter().position(|b| *b == b'\n').unwrap() + 1;
    assert_eq!(
        std::fs::metadata(&path).unwrap().len() as usize,
        first_line_len
    );
}

#[test]
fn a_damaged_line_before_the_end_stops_and_leaves_the_file() {
    let (_dir, path) = journal_with(&[
        (Op::Decide, "a", Some(Verdict::Accept)),
        (Op::Decide, "b", Some(Verdict::Accept)),
    ]);
    let damaged = std::fs::read_to_string(&path)
        .unwrap()
        .replacen("accept", "ignore", 1);
    std::fs::write(&path, &damaged).unwrap();
    let error = Journal::open(&path).err().expect("the damage is found");
    let message = error.to_string();
    assert!(message.contains("journal.jsonl:1:"), "{message}");
    assert!(message.contains("checksum"), "{message}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), damaged);
}

#[test]
fn records_carry_their_reply_text() {
    let (_dir, path) = journal_with(&[]);
    let (mut journal, ..) = Journal::open(&path).unwrap();
    let reply = Decision {
        template: Some("how-do-we-know".into()),
        reply: Some("Hi \"Ann\",\nhow do we know each other?".into()),
        ..decision(Verdict::Reply)
    };
    journal
        .append(Op::Decide, &invitation("a"), Some(&reply))
        .unwrap();
    let decisions = read(&path).unwrap();
    assert_eq!(decisions.by_id["a"].decision, reply);
    assert_eq!(decisions.by_id["a"].name.as_deref(), Some("Person a"));
}

#[test]
fn a_batch_is_written_whole_under_its_first_sequence_number() {
    let (_dir, path) = journal_with(&[(Op::Decide, "a", Some(Verdict::Accept))]);
    let (mut journal, ..) = Journal::open(&path).unwrap();
    let (b, c) = (invitation("b"), invitation("c"));
    let ignored = decision(Verdict::Ignore);
    let records = journal
        .append_all(Op::Decide, &[(&b, Some(&ignored)), (&c, Some(&ignored))])
        .unwrap();
    let seqs: Vec<_> = records.iter().map(|r| (r.seq, r.batch)).collect();
    assert_eq!(seqs, [(2, Some(2)), (3, Some(2))]);
    let lone = journal.append(Op::Decide, &invitation("d"), None).unwrap();
    assert_eq!((lone.seq, lone.batch), (4, None));

    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.matches("\"batch\":2").count(), 2, "{text}");
    let decisions = read(&path).unwrap();
    assert_eq!(decisions.by_id["c"].decision.action, Verdict::Ignore);
}

#[test]
fn a_decision_keeps_the_invitation_as_it_was_through_undo_and_redo() {
    let (_dir, path) = journal_with(&[]);
    let (mut journal, ..) = Journal::open(&path).unwrap();
    let mut ann = invitation("a");
    ann.message = Some("We met at the \"spring\" fair.".into());
    ann.profile.headline = Some("Data engineer".into());
    ann.profile.connections = Some(240);
    let accepted = decision(Verdict::Accept);
    journal.append(Op::Decide, &ann, Some(&accepted)).unwrap();
    journal.append(Op::Undo, &ann, None).unwrap();
    journal.append(Op::Redo, &ann, Some(&accepted)).unwrap();

    let decisions = read(&path).unwrap();
    let kept = decisions.by_id["a"]
        .snapshot
        .as_ref()
        .unwrap()
        .text()
        .unwrap();
    let back = crate::import::queue_json::parse_invitation(&kept).unwrap();
    assert_eq!(back, ann);
}

#[test]
fn a_whole_last_line_that_fails_its_checksum_is_damage_not_a_tear() {
    let (_dir, path) = journal_with(&[
        (Op::Decide, "a", Some(Verdict::Accept)),
        (Op::Decide, "b", Some(Verdict::Accept)),
    ]);
    let text = std::fs::read_to_string(&path).unwrap();
    let at = text.rfind("accept").unwrap();
    let damaged = format!("{}ignore{}", &text[..at], &text[at + "accept".len()..]);
    std::fs::write(&path, &damaged).unwrap();

    let message = Journal::open(&path)
        .err()
        .expect("the damage is found")
        .to_string();
    assert!(message.contains("journal.jsonl:2:"), "{message}");
    assert!(message.contains("checksum"), "{message}");
    let message = read(&path).expect_err("read finds it too").to_string();
    assert!(message.contains("journal.jsonl:2:"), "{message}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), damaged);
}

#[test]
fn a_last_line_without_its_newline_is_torn_even_when_its_text_is_whole() {
    let (_dir, path) = journal_with(&[
        (Op::Decide, "a", Some(Verdict::Accept)),
        (Op::Decide, "b", Some(Verdict::Accept)),
    ]);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.trim_end_matches('\n')).unwrap();
    let (_, decisions, recovery) = Journal::open(&path).unwrap();
    assert!(recovery.dropped_torn_line);
    assert_eq!(decisions.by_id.keys().collect::<Vec<_>>(), ["a"]);
}

#[test]
fn reading_never_changes_a_journal() {
    let (_dir, path) = journal_with(&[
        (Op::Decide, "a", Some(Verdict::Accept)),
        (Op::Decide, "b", Some(Verdict::Accept)),
    ]);
    let whole = std::fs::read(&path).unwrap();
    let torn = &whole[..whole.len() - 9];
    std::fs::write(&path, torn).unwrap();
    let decisions = read(&path).unwrap();
    assert_eq!(decisions.by_id.keys().collect::<Vec<_>>(), ["a"]);
    assert_eq!(std::fs::read(&path).unwrap(), torn);
}

#[test]
fn a_sequence_number_written_twice_replays_in_file_order_and_is_not_reused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.jsonl");
    let (mut first, ..) = Journal::open(&path).unwrap();
    let (mut second, ..) = Journal::open(&path).unwrap();
    let accepted = decision(Verdict::Accept);
    let ignored = decision(Verdict::Ignore);
    first
        .append(Op::Decide, &invitation("a"), Some(&accepted))
        .unwrap();
    second
        .append(Op::Decide, &invitation("a"), Some(&ignored))
        .unwrap();

    let (mut journal, decisions, _) = Journal::open(&path).unwrap();
    assert_eq!(decisions.by_id["a"].decision.action, Verdict::Ignore);
    let next = journal.append(Op::Decide, &invitation("b"), None).unwrap();
    assert_eq!(next.seq, 2);
}

#[test]
fn the_kept_invitation_is_under_the_checksum_too() {
    let (_dir, path) = journal_with(&[(Op::Decide, "a", Some(Verdict::Accept))]);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("\"kept_len\":"), "{text}");
    let damaged = text.replacen("Person a", "Person b", 1);
    assert_ne!(damaged, text);
    std::fs::write(&path, &damaged).unwrap();
    let error = Journal::open(&path).err().expect("the damage is found");
    assert!(error.to_string().contains("checksum"), "{error}");
}

#[test]
fn a_line_without_a_kept_invitation_reads_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.jsonl");
    let record = r#"{"version":1,"seq":1,"op":"decide","id":"a","decision":{"action":"ignore","decided_at":"2026-11-28T06:55:41Z"}}"#;
    let line = format!(
        "{{\"crc\":{},\"record\":{record}}}\n",
        crc32fast::hash(record.as_bytes())
    );
    // Laid out by hand with spaces: read in full rather than split.
    let spaced = line.replace("{\"crc\":", "{ \"crc\": ");
    for text in [line, spaced] {
        std::fs::write(&path, &text).unwrap();
        let decisions = read(&path).unwrap();
        assert_eq!(
            decisions.by_id["a"].decision.action,
            Verdict::Ignore,
            "{text}"
        );
        assert_eq!(decisions.by_id["a"].snapshot, None);
    }
}
