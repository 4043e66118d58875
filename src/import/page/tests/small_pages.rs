//! Small pages, one behaviour each: what is not a card, what is an error,
//! where a name is found, how text is cleaned.

use super::{EMPTY, FEED, PAGES, SAVED, cards, looks_like_page, read};
use crate::import::sighting::Note;
use crate::problem::Problem;

#[test]
fn saved_pages_are_told_from_other_files() {
    for page in PAGES.iter().chain([&EMPTY]) {
        assert!(looks_like_page(page));
    }
    assert!(!looks_like_page(FEED));
    assert!(!looks_like_page(
        r#"{"invitations": [], "url": "invitation-card__"}"#
    ));
    assert!(!looks_like_page(
        "From: Ann <invitations@linkedin.com>\n\n<p class=\"invitation-card__x\">"
    ));
}

#[test]
fn a_page_that_is_not_the_invitation_manager_is_an_error() {
    let problem = read(FEED, SAVED).expect_err("a feed page");
    assert_eq!(
        problem,
        Problem {
            line: 1,
            column: 1,
            message: "not LinkedIn's Manage invitations page: no invitation cards in it".into(),
        }
    );
    assert!(read("", SAVED).is_err());
    assert!(read("just some text", SAVED).is_err());
}

#[test]
fn an_invitation_page_saying_none_is_pending_has_no_cards() {
    assert_eq!(read(EMPTY, SAVED), Ok(Vec::new()));
}

#[test]
fn an_invitation_page_with_no_readable_card_says_so() {
    let sent_tab = "<!-- saved from url=(0060)https://www.linkedin.com/mynetwork/invitation-manager/sent/ -->\n\
        <a href=\"/mynetwork/invitation-manager/received/\">Received</a>\n\
        <div><a href=\"/in/ann/\">Ann</a><button>Withdraw</button></div>";
    let problem = read(sent_tab, SAVED).expect_err("no card");
    assert!(problem.message.contains("Sent tab"), "{problem}");
}

#[test]
fn a_card_with_no_name_is_told_at_its_line_and_column() {
    let html = "<ul>\n  <li><a href=\"/in/ann-lee/\"><img src=\"x.jpg\"></a>\
        <button>Ignore</button><button>Accept</button></li>\n</ul>";
    let problem = read(html, SAVED).expect_err("no name");
    assert_eq!((problem.line, problem.column), (2, 3));
    assert_eq!(
        problem.message,
        "card 1 has Accept and Ignore buttons but no name to read"
    );
}

#[test]
fn a_name_is_found_in_the_button_labels_when_no_link_shows_it() {
    let html = "<div><a href=\"/in/ann-lee/\"><img src=\"x.jpg\"></a><p>Engineer</p>\
        <button aria-label=\"Ignore an invitation to connect from Ann Lee\">Ignore</button>\
        <button aria-label=\"Accept Ann Lee’s invitation\">Accept</button></div>";
    let card = &cards(html)[0];
    assert_eq!(card.name, "Ann Lee");
    assert_eq!(
        card.url.as_deref(),
        Some("https://www.linkedin.com/in/ann-lee")
    );
    assert_eq!(card.headline.as_deref(), Some("Engineer"));
}

#[test]
fn the_inviter_is_the_first_profile_linked_not_a_mutual_connection() {
    let html = "<div><a href=\"/in/ann-lee/\"><img src=\"x.jpg\"></a><p>Ann Lee</p>\
        <p>Engineer</p><p><a href=\"/in/casey-ray/\">Casey Ray</a> and 2 other mutual connections</p>\
        <button aria-label=\"Ignore an invitation to connect from Ann Lee\">Ignore</button>\
        <button aria-label=\"Accept Ann Lee’s invitation\">Accept</button></div>";
    let card = &cards(html)[0];
    assert_eq!(card.name, "Ann Lee");
    assert_eq!(
        card.url.as_deref(),
        Some("https://www.linkedin.com/in/ann-lee")
    );
    assert_eq!(card.mutual_connections, Some(3));
}

#[test]
fn every_text_is_cleaned() {
    let html = "<div><a href=\"/in/ann/\">Ann\u{202e} Lee\u{1b}[31m</a>\
        <p>Sales\u{200b} lead\u{7}</p><button>Ignore</button><button>Accept</button>\
        <p>Hi\u{1b}]0;pwned\u{7} there…see more</p></div>";
    let card = &cards(html)[0];
    assert_eq!(card.name, "Ann Lee");
    assert_eq!(card.headline.as_deref(), Some("Sales lead"));
    assert_eq!(
        card.note,
        Some(Note {
            text: "Hi there".into(),
            cut: true
        })
    );
    let long = format!(
        "<div><a href=\"/in/ann/\">{}</a><button>Ignore</button><button>Accept</button></div>",
        "A".repeat(500)
    );
    assert_eq!(
        cards(&long)[0].name.chars().count(),
        crate::import::clean::NAME_CAP
    );
}

#[test]
fn suggestions_and_copies_are_never_cards() {
    for page in PAGES {
        for card in cards(page) {
            let url = card.url.unwrap_or_default();
            for never in [
                "pym-",
                "copy",
                "template",
                "prefetched",
                "payload",
                "script",
                "json",
            ] {
                assert!(!url.contains(never), "{url}");
            }
        }
    }
}
