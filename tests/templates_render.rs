//! Names, rendering with every placeholder and fallback, and the gate that
//! keeps raw placeholders out of replies.

use inviteq::model::{Invitation, Owner, Profile};
use inviteq::templates::names::{PersonName, split_name};
use inviteq::templates::{
    Field, ReplyError, Values, check_reply, find_raw_placeholders, parse, render,
};
use time::macros::datetime;

fn first_and_last(display: &str) -> (Option<String>, Option<String>) {
    let PersonName { first, last } = split_name(display);
    (first, last)
}

#[test]
fn names_come_out_as_a_person_would_write_them() {
    let cases: &[(&str, Option<&str>, Option<&str>)] = &[
        ("Dr. Ana Ruiz", Some("Ana"), Some("Ruiz")),
        ("Dr Ana Ruiz", Some("Ana"), Some("Ruiz")),
        (
            "Robert J. Castellano, CPA",
            Some("Robert"),
            Some("Castellano"),
        ),
        ("Robert Castellano CPA", Some("Robert"), Some("Castellano")),
        ("Stacy M.", Some("Stacy"), None),
        ("Suharto", Some("Suharto"), None),
        ("Ann 🚀 Lee", Some("Ann"), Some("Lee")),
        ("🚀 Ann Lee 🚀", Some("Ann"), Some("Lee")),
        ("Mary-Jane O'Neil", Some("Mary-Jane"), Some("O'Neil")),
        ("J. Robert Smith", Some("Robert"), Some("Smith")),
        ("J. Smith", None, Some("Smith")),
        ("J.R. Ewing", Some("J.R."), Some("Ewing")),
        ("王小明", Some("王小明"), None),
        ("山田 太郎", Some("山田 太郎"), None),
        ("MARY-JANE O'NEIL", Some("Mary-Jane"), Some("O'Neil")),
        ("Ann LEE", Some("Ann"), Some("LEE")),
        (
            "Ludwig van Beethoven",
            Some("Ludwig"),
            Some("van Beethoven"),
        ),
        ("Ana María de la Cruz", Some("Ana"), Some("de la Cruz")),
        ("Ann Lee | Hiring engineers", Some("Ann"), Some("Lee")),
        ("Ann Lee - Recruiter", Some("Ann"), Some("Lee")),
        ("Ana (Annie) Ruiz", Some("Ana"), Some("Ruiz")),
        ("Robert \"Bob\" Smith", Some("Bob"), Some("Smith")),
        ("Martin Luther King Jr.", Some("Martin"), Some("King")),
        (
            "Ricardo Álvarez, PhD, MBA",
            Some("Ricardo"),
            Some("Álvarez"),
        ),
        ("लक्ष्मी शर्मा", Some("लक्ष्मी"), Some("शर्मा")),
        ("🚀🚀", None, None),
        ("", None, None),
    ];
    for &(display, first, last) in cases {
        assert_eq!(
            first_and_last(display),
            (first.map(String::from), last.map(String::from)),
            "for {display:?}"
        );
    }
}

fn invitation(name: &str) -> Invitation {
    Invitation {
        id: "inv-1".into(),
        sent_at: Some(datetime!(2013-04-11 09:05 UTC)),
        message: None,
        profile: Profile {
            company: Some("Example Co".into()),
            headline: Some("Sales engineer at Example Co".into()),
            ..Profile::named(name)
        },
        ..Invitation::default()
    }
}

fn owner() -> Owner {
    Owner {
        name: Some("Jason Example".into()),
        ..Owner::default()
    }
}

#[test]
fn every_placeholder_is_filled_from_the_invitation_and_the_owner() {
    let body = "{first_name}|{last_name}|{name}|{company}|{headline}|\
                {my_name}|{my_first_name}|{sent_date}|{{literal}}";
    let context = Values::new(&invitation("Dr. Ana Ruiz"), &owner());
    let rendered = render(&parse(body).unwrap(), &context);
    assert_eq!(
        rendered.text,
        "Ana|Ruiz|Dr. Ana Ruiz|Example Co|Sales engineer at Example Co|\
         Jason Example|Jason|11 April 2013|{literal}"
    );
    assert!(rendered.missing.is_empty());
}

#[test]
fn a_fallback_stands_in_for_an_unknown_fact_and_only_then() {
    let body = "Hi {first_name|there}, at { company | your end } [{last_name|}]";
    let parsed = parse(body).unwrap();

    let known = Values::new(&invitation("Ann Lee"), &owner());
    assert_eq!(render(&parsed, &known).text, "Hi Ann, at Example Co [Lee]");

    let unknown = Values::new(
        &Invitation {
            profile: Profile::named("🚀"),
            ..invitation("")
        },
        &Owner::default(),
    );
    let rendered = render(&parsed, &unknown);
    assert_eq!(rendered.text, "Hi there, at your end []");
    assert!(rendered.keepable());
}

#[test]
fn an_unknown_fact_without_fallback_is_flagged_and_the_reply_cannot_be_kept() {
    let body = "Hi {first_name},\nfrom {my_first_name} on {sent_date}";
    let context = Values {
        first_name: Some("Ann".into()),
        ..Values::default()
    };
    let rendered = render(&parse(body).unwrap(), &context);
    assert_eq!(
        rendered.text,
        "Hi Ann,\nfrom {my_first_name} on {sent_date}"
    );
    let flagged: Vec<(Field, &str, &str)> = rendered
        .missing
        .iter()
        .map(|m| {
            (
                m.field,
                &rendered.text[m.span.clone()],
                &body[m.source.clone()],
            )
        })
        .collect();
    assert_eq!(
        flagged,
        [
            (Field::MyFirstName, "{my_first_name}", "{my_first_name}"),
            (Field::SentDate, "{sent_date}", "{sent_date}"),
        ]
    );
    assert!(!rendered.keepable());
    let error = rendered.into_reply().unwrap_err();
    assert_eq!(
        error.to_string(),
        "the reply still holds `{my_first_name}` at line 2, column 6 (and 1 more)"
    );
}

#[test]
fn blank_values_count_as_unknown() {
    let context = Values {
        company: Some("  ".into()),
        ..Values::default()
    };
    let rendered = render(&parse("at {company|your place}").unwrap(), &context);
    assert_eq!(rendered.text, "at your place");
}

#[test]
fn a_value_that_looks_like_a_placeholder_is_caught_before_keeping() {
    let context = Values {
        company: Some("{first_name} Inc".into()),
        ..Values::default()
    };
    let rendered = render(&parse("At {company}.").unwrap(), &context);
    assert!(rendered.missing.is_empty());
    assert!(!rendered.keepable());
}

#[test]
fn a_kept_reply_is_the_rendered_text() {
    let context = Values::new(&invitation("Stacy M."), &owner());
    let reply = render(&parse("Hi {first_name}!").unwrap(), &context)
        .into_reply()
        .unwrap();
    assert_eq!(reply, "Hi Stacy!");
}

#[test]
fn edited_replies_are_checked_for_raw_placeholders() {
    let text = "Hi {first_name},\nsee { company | x } and {Firstname} {{sic}}";
    let found: Vec<(&str, usize, usize)> = find_raw_placeholders(text)
        .iter()
        .map(|p| (&text[p.span.clone()], p.line, p.column))
        .collect();
    assert_eq!(
        found,
        [
            ("{first_name}", 1, 4),
            ("{ company | x }", 2, 5),
            ("{Firstname}", 2, 25),
            ("{sic}", 2, 38),
        ]
    );

    for fine in [
        "Hi Ann, {} and { } and {1, 2} and {\"a\": 1} and {open",
        "a } b",
    ] {
        assert_eq!(find_raw_placeholders(fine), [], "for {fine:?}");
        assert_eq!(check_reply(fine), Ok(()));
    }
    assert_eq!(check_reply(" \n "), Err(ReplyError::Empty));
}
