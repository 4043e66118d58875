use super::*;

fn paths(root: &Path) -> Paths {
    Paths {
        config_dir: root.join("config"),
        data_dir: root.join("data"),
    }
}

#[test]
fn a_session_is_resumed_with_its_place_and_becomes_the_last() {
    let root = tempfile::tempdir().unwrap();
    let paths = paths(root.path());
    let source = Source::File {
        path: "/q/queue.json".into(),
    };
    let mut opened = Session::open(&paths, source.clone(), None).unwrap();
    assert!(!opened.resumed);
    opened.session.state.cursor = Some("inv-7".into());
    opened.session.state.filter = Filter::Pending;
    opened.session.save().unwrap();
    drop(opened);

    let again = Session::open(&paths, source.clone(), None).unwrap();
    assert!(again.resumed);
    assert_eq!(again.session.state.cursor.as_deref(), Some("inv-7"));
    assert_eq!(again.session.synced_writes(), 1, "opening syncs once");
    assert_eq!(again.session.state.filter, Filter::Pending);
    assert_eq!(last_session(&paths).unwrap().unwrap().source, source);
    assert_eq!(all_sessions(&paths).unwrap().found.len(), 1);
}

#[test]
fn a_newer_export_of_the_same_owner_shares_the_session() {
    let root = tempfile::tempdir().unwrap();
    let paths = paths(root.path());
    let monday = Source::File {
        path: "/d/mon.zip".into(),
    };
    let tuesday = Source::File {
        path: "/d/tue.zip".into(),
    };
    let a = Session::open(&paths, monday, Some("Ann Lee")).unwrap();
    let b = Session::open(&paths, tuesday.clone(), Some("Ann Lee")).unwrap();
    assert_eq!(a.session.dir(), b.session.dir());
    assert_eq!(b.session.state.source, tuesday);
}

#[test]
fn an_unusable_data_folder_is_refused() {
    let root = tempfile::tempdir().unwrap();
    let blocker = root.path().join("data");
    fs::write(&blocker, "a file where the folder should be").unwrap();
    let error = Session::open(&paths(root.path()), Source::Demo, None)
        .err()
        .unwrap();
    assert!(
        error.to_string().contains("cannot use the data folder"),
        "{error}"
    );
}

/// The place file of the one session in `paths`.
fn state_file(paths: &Paths) -> PathBuf {
    let dir = fs::read_dir(paths.sessions_dir())
        .unwrap()
        .flatten()
        .next()
        .unwrap()
        .path();
    dir.join(STATE_FILE)
}

fn with_junk_after(path: &Path) -> Vec<u8> {
    let mut damaged = fs::read(path).unwrap();
    damaged.extend_from_slice(b"}\x00junk");
    fs::write(path, &damaged).unwrap();
    damaged
}

#[test]
fn a_damaged_place_is_lost_with_a_notice_and_kept_aside_and_the_decisions_stay() {
    let root = tempfile::tempdir().unwrap();
    let paths = paths(root.path());
    let source = Source::File {
        path: "/q/queue.json".into(),
    };
    let mut opened = Session::open(&paths, source.clone(), None).unwrap();
    opened.session.state.cursor = Some("inv-7".into());
    opened.session.save().unwrap();
    let invitation = crate::model::Invitation {
        id: "inv-1".into(),
        ..crate::model::Invitation::default()
    };
    let accepted =
        crate::model::Decision::new(crate::model::Verdict::Accept, OffsetDateTime::UNIX_EPOCH);
    opened
        .session
        .record(Op::Decide, &[(&invitation, Some(&accepted))])
        .unwrap();
    drop(opened);
    let path = state_file(&paths);
    let damaged = with_junk_after(&path);

    let again = Session::open(&paths, source.clone(), None).unwrap();
    assert_eq!(again.session.state.cursor, None, "the place is lost");
    assert_eq!(again.session.state.source, source);
    assert_eq!(again.decisions.by_id["inv-1"].decision, accepted);
    let [notice] = again.notices.as_slice() else {
        panic!("one notice: {:?}", again.notices);
    };
    assert!(
        notice.contains("session.json was damaged (line"),
        "{notice}"
    );
    assert!(notice.contains("session.json.damaged"), "{notice}");
    assert!(notice.contains("every decision is kept"), "{notice}");
    let mut aside = path.clone().into_os_string();
    aside.push(".damaged");
    assert_eq!(fs::read(aside).unwrap(), damaged);
    assert!(read_json_strict::<SessionState>(&path).unwrap().is_some());
}

#[test]
fn the_last_session_and_the_listing_read_what_a_damaged_place_still_says() {
    let root = tempfile::tempdir().unwrap();
    let paths = paths(root.path());
    let source = Source::File {
        path: "/q/queue.json".into(),
    };
    drop(Session::open(&paths, source.clone(), None).unwrap());
    let path = state_file(&paths);
    with_junk_after(&path);

    assert_eq!(last_session(&paths).unwrap().unwrap().source, source);
    assert!(last_session_journal(&paths).unwrap().is_some());
    let listed = all_sessions(&paths).unwrap();
    assert_eq!(listed.found.len(), 1);
    assert_eq!(listed.damaged.len(), 1);
    assert!(listed.damaged[0].listed);

    fs::write(&path, b"{\"version\": 1, \"sour").unwrap();
    let error = last_session(&paths).unwrap_err().to_string();
    assert!(error.contains("inviteq SOURCE"), "{error}");
    assert!(last_session_journal(&paths).unwrap().is_some());
    let listed = all_sessions(&paths).unwrap();
    assert!(listed.found.is_empty());
    assert!(!listed.damaged[0].listed);
}

#[test]
fn a_damaged_list_of_ids_seen_loses_only_the_new_marks() {
    let root = tempfile::tempdir().unwrap();
    let paths = paths(root.path());
    let opened = Session::open(&paths, Source::Demo, None).unwrap();
    opened
        .session
        .remember_seen(["a", "b"].into_iter())
        .unwrap();
    let seen = opened.session.dir().join(SEEN_FILE);
    drop(opened);
    fs::write(&seen, b"[[[").unwrap();

    let again = Session::open(&paths, Source::Demo, None).unwrap();
    assert_eq!(again.seen, None);
    assert!(
        again.notices[0].contains("seen.bin was damaged"),
        "{:?}",
        again.notices
    );
}

fn ann() -> crate::model::Invitation {
    crate::model::Invitation {
        id: "ann".into(),
        ..crate::model::Invitation::default()
    }
}

#[test]
fn a_second_opening_of_a_held_review_is_read_only_and_writes_nothing() {
    let root = tempfile::tempdir().unwrap();
    let paths = paths(root.path());
    let mut first = Session::open(&paths, Source::Demo, None).unwrap();
    assert_eq!(first.session.held_by(), None);
    first.session.record(Op::Decide, &[(&ann(), None)]).unwrap();
    let dir = first.session.dir().to_path_buf();
    let before: Vec<_> = ["session.json", "journal.jsonl", "lock"]
        .iter()
        .map(|name| fs::read(dir.join(name)).unwrap())
        .collect();

    let mut second = Session::open(&paths, Source::Demo, None).unwrap();
    let held_by = second.session.held_by().expect("read-only");
    assert_eq!(held_by.pid, Some(std::process::id()));
    let pid = std::process::id();
    let said = format!("read-only: another inviteq (pid {pid}) has this review");
    let refused = second.session.record(Op::Decide, &[(&ann(), None)]);
    assert_eq!(refused.unwrap_err().to_string(), said);
    assert!(second.notices[0].starts_with("Read-only: another inviteq (pid"));
    second.session.state.cursor = Some("elsewhere".into());
    second.session.save().unwrap();
    second.session.write().unwrap();
    second.session.remember_seen(["x"].into_iter()).unwrap();
    let after: Vec<_> = ["session.json", "journal.jsonl", "lock"]
        .iter()
        .map(|name| fs::read(dir.join(name)).unwrap())
        .collect();
    assert_eq!(before, after);

    // The first one goes on, its numbers never repeated; once it is gone
    // the review is free again.
    let record = first.session.record(Op::Decide, &[(&ann(), None)]).unwrap();
    assert_eq!(record[0].seq, 2);
    drop((first, second));
    let third = Session::open(&paths, Source::Demo, None).unwrap();
    assert_eq!(third.session.held_by(), None);
}

#[test]
fn only_the_console_that_holds_a_review_compacts_its_journal() {
    let root = tempfile::tempdir().unwrap();
    let paths = paths(root.path());
    let mut first = Session::open(&paths, Source::Demo, None).unwrap();
    let accepted =
        crate::model::Decision::new(crate::model::Verdict::Accept, OffsetDateTime::UNIX_EPOCH);
    // Enough decisions for a journal worth compacting.
    let invitations: Vec<_> = (0..6000)
        .map(|n| crate::model::Invitation {
            id: format!("inv-{n}").into(),
            profile: crate::model::Profile::named(format!("Person Number{n} of a long name")),
            ..crate::model::Invitation::default()
        })
        .collect();
    let entries: Vec<_> = invitations.iter().map(|i| (i, Some(&accepted))).collect();
    first.session.record(Op::Decide, &entries).unwrap();
    let journal = first.session.journal_path().to_path_buf();
    let snapshot = journal::snapshot_path(&journal);
    let before = fs::read(&journal).unwrap();

    let second = Session::open(&paths, Source::Demo, None).unwrap();
    assert!(second.session.held_by().is_some());
    assert!(!second.recovery.compacted);
    assert_eq!(second.decisions.by_id.len(), 6000);
    assert_eq!(fs::read(&journal).unwrap(), before);
    assert!(!snapshot.exists());
    drop((first, second));

    let third = Session::open(&paths, Source::Demo, None).unwrap();
    assert!(third.recovery.compacted);
    assert!(snapshot.exists());
    assert_eq!(fs::metadata(&journal).unwrap().len(), 0);
    assert_eq!(third.decisions.by_id.len(), 6000);
    assert_eq!(journal::read(&journal).unwrap(), third.decisions);
}
