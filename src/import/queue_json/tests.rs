use super::careful::Lines;
use super::*;
use crate::problem::position;

fn problems(text: &str) -> Vec<Problem> {
    parse(text.as_bytes()).expect_err("the input is malformed")
}

#[test]
fn reads_an_object_queue_with_every_field() {
    let text = r#"{
  "format": "inviteq-queue", "version": 1, "owner": {"name": "Jason Example"},
  "invitations": [{
    "id": "inv-1", "sent_at": "2013-04-11T09:05:00Z", "message": "Hi Jason",
    "profile": {"name": "Charlie Example", "headline": "Sales engineer", "photo": "logo",
      "connections": "500+", "mutual_connections": 4, "account_created": "2006-05-01",
      "experience_count": 5, "education_count": null, "favourite_colour": "blue"}
  }]
}"#;
    let queue = parse(text.as_bytes()).unwrap();
    assert_eq!(queue.owner.name.as_deref(), Some("Jason Example"));
    let inv = &queue.invitations[0];
    assert_eq!(inv.id, "inv-1");
    assert_eq!(inv.message.as_deref(), Some("Hi Jason"));
    assert_eq!(inv.profile.photo, Photo::Logo);
    assert_eq!(inv.profile.connections, Some(500));
    assert_eq!(inv.profile.mutual_connections, Some(4));
    assert_eq!(inv.profile.education_count, None);
    assert!(inv.profile.account_created.is_some());
}

#[test]
fn reads_a_bare_array_where_only_the_name_is_required() {
    let queue = parse(br#"[{"profile": {"name": "Ann Lee"}}]"#).unwrap();
    let inv = &queue.invitations[0];
    assert_eq!(inv.profile, Profile::named("Ann Lee"));
    assert_eq!(inv.id, "Ann Lee");
    assert_eq!(inv.message, None);
}

#[test]
fn ids_are_derived_from_the_url_else_name_and_date() {
    let queue = parse(
        br#"[{"profile": {"name": "A", "url": "https://www.linkedin.com/in/a/"}},
            {"sent_at": "2020-01-02", "profile": {"name": "B"}}]"#,
    )
    .unwrap();
    assert_eq!(queue.invitations[0].id, "linkedin.com/in/a");
    assert_eq!(queue.invitations[1].id, "B 2020-01-02");
}

#[test]
fn a_repeated_id_keeps_the_later_one_with_a_warning() {
    let queue = parse(
        br#"[{"id": "x", "profile": {"name": "First"}},
{"id": "y", "profile": {"name": "Other"}},
{"id": "x", "profile": {"name": "Second"}}]"#,
    )
    .unwrap();
    let names: Vec<_> = queue
        .invitations
        .iter()
        .map(|i| i.profile.name.as_str())
        .collect();
    assert_eq!(names, ["Second", "Other"]);
    assert_eq!(queue.warnings.len(), 1);
    assert!(
        queue.warnings[0].starts_with("3: "),
        "{}",
        queue.warnings[0]
    );
}

#[test]
fn every_bad_invitation_is_told_at_its_line() {
    let text = "[\n{\"profile\": {\"name\": \"Ok\"}},\n{\"profile\": {\"headline\": \"x\"}},\n{\"profile\": {\"name\": 5}},\n{\"profile\": {\"name\": \"C\", \"connections\": -3}}\n]";
    let found = problems(text);
    assert_eq!(found.len(), 3, "{found:?}");
    assert_eq!(found[0].line, 3);
    assert!(
        found[0].message.contains("missing field `name`"),
        "{}",
        found[0].message
    );
    assert_eq!(found[1].line, 4);
    assert!(
        found[1].message.contains("profile.name"),
        "{}",
        found[1].message
    );
    assert_eq!(found[2].line, 5);
    assert!(
        found[2].message.contains("not a count") || found[2].message.contains("count"),
        "{}",
        found[2].message
    );
}

#[test]
fn truncated_empty_and_binary_files_are_refused_plainly() {
    let truncated = problems("{\"invitations\": [\n{\"profile\": {\"name\": \"A\"");
    assert_eq!(truncated[0].line, 2);
    assert!(
        truncated[0].message.contains("ends too early"),
        "{}",
        truncated[0].message
    );

    assert!(problems("  \n").first().unwrap().message.contains("empty"));
    let binary = parse(b"\x89PNG\r\n\x1a\n\0\0").unwrap_err();
    assert!(
        binary[0].message.contains("not UTF-8"),
        "{}",
        binary[0].message
    );
    assert!(problems("42")[0].message.contains("expected a queue"));
}

#[test]
fn wrong_types_and_values_name_the_field() {
    let found = problems(
        r#"{"invitations": [{"sent_at": "yesterday", "profile": {"name": "A", "photo": "cat"}}]}"#,
    );
    assert!(found[0].message.contains("sent_at"), "{}", found[0].message);
    let found = problems(r#"[{"profile": {"name": "A", "photo": "cat"}}]"#);
    assert!(found[0].message.contains("photo"), "{}", found[0].message);
    let found = problems(r#"{"invitations": {"a": 1}}"#);
    assert!(
        found[0].message.contains("invalid type"),
        "{}",
        found[0].message
    );
}

#[test]
fn a_name_of_only_invisible_characters_shows_a_placeholder_and_spaces_are_no_name() {
    let queue =
        parse("[{\"profile\": {\"name\": \"\\u200b\\u001b[0m\\u3164\"}}]".as_bytes()).unwrap();
    assert_eq!(queue.invitations[0].profile.name, "(no visible name)");
    let found = problems("[{\"profile\": {\"name\": \" \\u3000 \"}}]");
    assert!(found[0].message.contains("empty"), "{}", found[0].message);
}

#[test]
fn imported_text_is_cleaned() {
    let queue = parse(
        "[{\"message\": \"Hi\\u001b]52;c;aGk=\\u0007 there\\nline two\", \"profile\": {\"name\": \"Ann\\u202e Lee\", \"headline\": \"a\\tb\"}}]"
            .as_bytes(),
    )
    .unwrap();
    let inv = &queue.invitations[0];
    assert_eq!(inv.profile.name, "Ann Lee");
    assert_eq!(inv.profile.headline.as_deref(), Some("a b"));
    assert_eq!(inv.message.as_deref(), Some("Hi there\nline two"));
}

#[test]
fn newer_versions_and_other_formats_are_refused() {
    assert!(
        problems(r#"{"version": 9, "invitations": []}"#)[0]
            .message
            .contains("newer")
    );
    assert!(
        problems(r#"{"format": "csv", "invitations": []}"#)[0]
            .message
            .contains("format")
    );
}

#[test]
fn an_empty_headline_is_known_to_be_empty() {
    let queue =
        parse(br#"[{"profile": {"name": "A", "headline": " \u200b ", "about": ""}}]"#).unwrap();
    let profile = &queue.invitations[0].profile;
    assert_eq!(profile.headline.as_deref(), Some(""));
    assert_eq!(profile.about.as_deref(), Some(""));
}

#[test]
fn positions_counted_as_it_goes_match_a_count_from_the_start() {
    let text = "[\n{\"a\": \"é😀\"},\n  {\"b\": 1}, {\"c\": 2}\n\n]";
    let mut lines = Lines::new(text);
    for offset in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
        assert_eq!(
            lines.position(offset),
            position(text, offset),
            "at byte {offset}"
        );
    }
}
