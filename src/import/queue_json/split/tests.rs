use super::*;

/// Every piece `text` splits into, given `chunk` bytes more at a time, as
/// the reader gives them: the pieces' texts, or `None` if irregular.
fn pieces(text: &str, chunk: usize) -> Option<Vec<String>> {
    let bytes = text.as_bytes();
    let mut splitter = Splitter::default();
    let (mut from, mut to) = (0, chunk.min(bytes.len()));
    let mut found = Vec::new();
    loop {
        let window = &bytes[from..to];
        match splitter.next(window, to == bytes.len()) {
            Step::Found(Piece::End) => return Some(found),
            Step::Found(Piece::Invitation(range)) => {
                found.push(String::from_utf8_lossy(&window[range]).into_owned());
            }
            Step::Found(Piece::Member { key, value }) => found.push(format!(
                "{}={}",
                String::from_utf8_lossy(&window[key]),
                String::from_utf8_lossy(&window[value])
            )),
            Step::Irregular => return None,
            Step::More => {
                assert!(to < bytes.len(), "more asked for at the end");
                let used = splitter.at();
                splitter.dropped(used);
                from += used;
                to = (to + chunk).min(bytes.len());
            }
        }
    }
}

/// The same pieces whatever the size of the reads.
fn split(text: &str) -> Option<Vec<String>> {
    let whole = pieces(text, text.len().max(1));
    for chunk in [1, 2, 3, 7, 16] {
        assert_eq!(pieces(text, chunk), whole, "read {chunk} bytes at a time");
    }
    whole
}

fn found(text: &str) -> Vec<String> {
    split(text).unwrap_or_else(|| panic!("irregular: {text}"))
}

#[test]
fn an_envelope_gives_its_members_and_each_invitation() {
    let text = r#"{"format": "inviteq-queue", "version": 1, "invitations": [
        {"id": "a", "profile": {"name": "A"}},
        {"id": "b", "profile": {"name": "B"}}
    ], "owner": {"name": "O"}}"#;
    assert_eq!(
        found(text),
        [
            r#"format="inviteq-queue""#,
            "version=1",
            r#"{"id": "a", "profile": {"name": "A"}}"#,
            r#"{"id": "b", "profile": {"name": "B"}}"#,
            r#"owner={"name": "O"}"#,
        ]
    );
}

#[test]
fn invitations_may_come_first_or_last() {
    assert_eq!(
        found(r#"{"invitations":[{"a":1}],"version":1}"#),
        [r#"{"a":1}"#, "version=1"]
    );
    assert_eq!(
        found("{\"owner\":null,\n\"invitations\" :\t[ {\"a\":1} ] \r\n}\n"),
        ["owner=null", r#"{"a":1}"#]
    );
    assert_eq!(found(r#"{"invitations":[]}"#), Vec::<String>::new());
}

#[test]
fn a_bare_array_gives_each_invitation() {
    assert_eq!(
        found("[{\"a\":1},{\"b\":[2]}]"),
        ["{\"a\":1}", "{\"b\":[2]}"]
    );
    assert_eq!(found(" [ ] "), Vec::<String>::new());
}

#[test]
fn quotes_escapes_and_brackets_within_strings_do_not_count() {
    let tricky = r#"{"note": "a \"quoted\" {brace} [and] \\", "x": "\\\"}"}"#;
    assert_eq!(found(&format!("[{tricky}]")), [tricky]);
    let unicode = "{\"name\": \"José 😀 \\u00e9\\ud83d\\ude00 ñ\"}";
    assert_eq!(found(&format!("[{unicode}]")), [unicode]);
}

#[test]
fn nested_objects_in_unknown_fields_stay_whole() {
    let nested = r#"{"extra": {"deep": [{"a": [1, {"b": "}]"}]}]}, "profile": {"name": "A"}}"#;
    assert_eq!(found(&format!("[{nested}]")), [nested]);
    assert_eq!(
        found(r#"{"meta": {"list": [1, [2, {"invitations": []}]]}, "invitations": [{"a":1}]}"#),
        [
            r#"meta={"list": [1, [2, {"invitations": []}]]}"#,
            r#"{"a":1}"#
        ]
    );
}

#[test]
fn a_byte_order_mark_is_passed_over_once() {
    assert_eq!(found("\u{feff}[{\"a\":1}]"), ["{\"a\":1}"]);
    assert_eq!(split("\u{feff}\u{feff}[]"), None);
    assert_eq!(split("[\u{feff}]"), None);
}

#[test]
fn a_file_cut_short_is_irregular_wherever_it_stops() {
    let whole = r#"{"version": 1, "invitations": [{"a": "x\"y"}, {"b": 2}]}"#;
    assert!(split(whole).is_some());
    for cut in 0..whole.len() {
        assert_eq!(
            split(&whole[..cut]),
            None,
            "cut at {cut}: {}",
            &whole[..cut]
        );
    }
}

#[test]
fn what_is_not_plainly_a_queue_is_irregular() {
    for text in [
        "",
        "   ",
        "{}",
        "{\"version\": 1}",
        "42",
        "null",
        "[1]",
        "[{\"a\":1},]",
        "[{\"a\":1} {\"b\":1}]",
        "[{\"a\":1}] x",
        "[{\"a\":1}][]",
        "{\"invitations\": [], }",
        "{\"invitations\": {}}",
        "{\"invitations\": [], \"invitations\": []}",
        "{\"invit\\u0061tions\": []}",
        "{\"version\" 1, \"invitations\": []}",
        "{\"version\": , \"invitations\": []}",
        "{\"version\": 1 \"invitations\": []}",
        "{,\"invitations\": []}",
        "{\"invitations\": [,{\"a\":1}]}",
    ] {
        assert_eq!(split(text), None, "{text:?}");
    }
}

#[test]
fn what_a_piece_holds_is_left_for_serde_to_check() {
    // Brackets are counted, not matched: serde refuses this piece.
    assert_eq!(found("[{\"a\": [1}}]"), ["{\"a\": [1}}"]);
    assert_eq!(
        found("{\"version\": nonsense, \"invitations\": []}"),
        ["version=nonsense"]
    );
}
