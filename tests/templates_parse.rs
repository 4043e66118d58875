//! Every validation error of the template language, at its line and column.
// Helpers unwrap as the tests do: a panic here is the test failing.
#![allow(clippy::unwrap_used)]

use inviteq::templates::{BodyError, BodyErrorKind, Field, parse};

fn errors(body: &str) -> Vec<(usize, usize, String)> {
    parse(body)
        .unwrap_err()
        .into_iter()
        .map(
            |BodyError {
                 line,
                 column,
                 kind,
                 span,
             }| {
                assert!(span.start < span.end || body.is_empty(), "span {span:?}");
                (line, column, kind.to_string())
            },
        )
        .collect()
}

#[test]
fn an_unknown_placeholder_is_an_error_with_a_suggestion_when_one_is_close() {
    assert_eq!(
        errors("Hi {frist_name},"),
        [(
            1,
            4,
            "unknown placeholder `{frist_name}`; did you mean `{first_name}`?".to_string()
        )]
    );
    let far = parse("{favourite_colour}").unwrap_err();
    assert_eq!(
        far[0].kind,
        BodyErrorKind::UnknownPlaceholder {
            key: "favourite_colour".into(),
            suggestion: None
        }
    );
    assert!(
        far[0]
            .kind
            .to_string()
            .contains("known: {first_name}, {last_name}")
    );
    let cased = parse("{First_Name}").unwrap_err();
    assert_eq!(
        cased[0].kind,
        BodyErrorKind::UnknownPlaceholder {
            key: "First_Name".into(),
            suggestion: Some(Field::FirstName)
        }
    );
}

#[test]
fn positions_count_lines_and_characters_on_later_lines() {
    let body = "Hi {first_name|there},\n\nThank you — ünïcödé {compnay}.\n{sent_date}}";
    assert_eq!(
        errors(body),
        [
            (
                3,
                21,
                "unknown placeholder `{compnay}`; did you mean `{company}`?".to_string()
            ),
            (
                4,
                12,
                "`}` closes nothing; write `}}` for a literal brace".to_string()
            ),
        ]
    );
}

#[test]
fn braces_must_be_closed_on_their_line_and_doubled_to_be_literal() {
    assert_eq!(
        errors("Hi {first_name\n}"),
        [
            (
                1,
                4,
                "`{` is not closed on this line; write `{{` for a literal brace".to_string()
            ),
            (
                2,
                1,
                "`}` closes nothing; write `}}` for a literal brace".to_string()
            ),
        ]
    );
    let nested: Vec<_> = errors("{first_name|{x}}")
        .into_iter()
        .map(|(line, column, _)| (line, column))
        .collect();
    assert_eq!(nested, [(1, 1), (1, 13), (1, 16)]);
    let nameless = "a placeholder needs a name, like `{first_name}`; \
                    write `{{` and `}}` for literal braces";
    assert_eq!(
        errors("a {} b {|there}"),
        [(1, 3, nameless.to_string()), (1, 8, nameless.to_string())]
    );
    assert!(parse("{{first_name}} and }} and {{").is_ok());
}

#[test]
fn an_empty_template_is_an_error() {
    assert_eq!(
        errors(" \n\t"),
        [(1, 1, "the template is empty".to_string())]
    );
}
