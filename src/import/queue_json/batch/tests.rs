use super::*;

/// `count` invitations, one to a line, and where each one's text is.
fn texts(count: usize) -> (String, Vec<Range<usize>>) {
    let mut text = String::new();
    let mut pieces = Vec::new();
    for n in 0..count {
        let start = text.len();
        text.push_str(&format!(
            r#"{{"id": "p{n}", "message": "Note {n}\u00e9", "profile": {{"name": "Person {n}", "connections": {n}}}}}"#
        ));
        pieces.push(start..text.len());
        text.push('\n');
    }
    (text, pieces)
}

fn on(cores: Cores, text: &str, pieces: &[Range<usize>]) -> Option<Vec<Invitation>> {
    let mut invitations = Vec::new();
    build(text.as_bytes(), pieces, cores, &mut invitations).then_some(invitations)
}

const EVERY_INVITATION: Cores = Cores {
    threads: 3,
    run: 2,
    least: 0,
};

#[test]
fn threads_build_what_one_thread_builds_in_the_file_order() {
    let (text, pieces) = texts(101);
    let one = on(Cores::ONE, &text, &pieces).expect("good invitations");
    assert_eq!(one.len(), 101);
    assert_eq!(one[100].profile.name, "Person 100");
    assert_eq!(on(EVERY_INVITATION, &text, &pieces), Some(one.clone()));
    let mut after = vec![Invitation::default()];
    assert!(build(
        text.as_bytes(),
        &pieces,
        EVERY_INVITATION,
        &mut after
    ));
    assert_eq!(after[1..], one[..], "built after what the queue held");
}

#[test]
fn an_invitation_that_does_not_read_fails_the_buffer_on_any_thread() {
    let (text, pieces) = texts(40);
    for bad in [0, 17, 39] {
        let mut broken = pieces.clone();
        // Its text cut short.
        broken[bad].end -= 1;
        assert_eq!(on(EVERY_INVITATION, &text, &broken), None, "{bad}");
        assert_eq!(on(Cores::ONE, &text, &broken), None, "{bad}");
    }
}

#[test]
fn few_invitations_take_no_thread_and_many_no_more_than_have_a_run() {
    let cores = Cores {
        threads: 8,
        run: 64,
        least: 512,
    };
    assert_eq!(cores.for_count(0), 1);
    assert_eq!(cores.for_count(511), 1);
    assert_eq!(cores.for_count(512), 8);
    assert_eq!(cores.for_count(100_000), 8);
    let few_runs = Cores { least: 0, ..cores };
    assert_eq!(few_runs.for_count(65), 2);
    assert_eq!(Cores::ONE.for_count(100_000), 1);
}
