//! Whatever the bytes, reading a page ends with cards or a problem: never a
//! panic, never a stack overflow.

use time::OffsetDateTime;
use time::macros::datetime;

use super::{PAGES, read};
use crate::import::noise::Noise;

const SAVED: OffsetDateTime = datetime!(2026-03-14 10:00 UTC);

/// Reads `html`; the result does not matter, only that there is one.
fn survives(html: &str) {
    let _ = read(html, SAVED);
}

#[test]
fn pages_cut_anywhere() {
    for page in PAGES {
        for cut in (0..page.len()).step_by(97) {
            let mut end = cut;
            while !page.is_char_boundary(end) {
                end -= 1;
            }
            survives(&page[..end]);
            survives(&page[end..]);
        }
    }
}

#[test]
fn pages_with_bytes_flipped() {
    let mut noise = Noise(0x5eed_1234_abcd_ef01);
    for page in PAGES {
        for _ in 0..100 {
            let mut bytes = page.as_bytes().to_vec();
            for _ in 0..1 + noise.below(40) {
                let at = noise.below(bytes.len());
                // Markup bytes are the ones that change how a page reads.
                bytes[at] = match noise.below(4) {
                    0 => b"<>/\"'=&;!-"[noise.below(10)],
                    _ => (noise.next() & 0xff) as u8,
                };
            }
            survives(&String::from_utf8_lossy(&bytes));
        }
    }
}

#[test]
fn pages_spliced_into_each_other() {
    let mut noise = Noise(42);
    for _ in 0..200 {
        let (a, b) = (PAGES[noise.below(4)], PAGES[noise.below(4)]);
        let (mut i, mut j) = (noise.below(a.len()), noise.below(b.len()));
        while !a.is_char_boundary(i) {
            i -= 1;
        }
        while !b.is_char_boundary(j) {
            j -= 1;
        }
        survives(&format!("{}{}", &a[..i], &b[j..]));
    }
}

#[test]
fn deep_nesting_and_unclosed_tags() {
    let card = "<a href=\"/in/ann/\">Ann</a><button>Ignore</button><button>Accept</button>";
    let cases = [
        format!("{}x{}", "<div>".repeat(100_000), "</div>".repeat(100_000)),
        "<div><span><a href=\"/in/x/\">".repeat(100_000),
        format!("{}{}", "<b>".repeat(100_000), "</i>".repeat(100_000)),
        format!("<div>{card}").repeat(20_000),
        format!("<li><svg><path/>{card}").repeat(20_000),
        "<template>".repeat(100_000),
        "<p hidden>".repeat(100_000),
        format!("<a href=\"/in/x/\">{}", "&#x1F600;&amp".repeat(50_000)),
        "<".repeat(100_000),
        "<!--".repeat(100_000),
        "<a href=\"".repeat(100_000),
    ];
    for html in cases {
        survives(&html);
    }
}

#[test]
fn a_long_page_of_cards_keeps_every_card() {
    let card = |i: usize| {
        format!(
            "<li><div><a href=\"/in/p{i}/\"><img src=\"x.jpg\"></a><a href=\"/in/p{i}/\">Person {i}</a>\
             <p>Headline {i}</p><p>{i} mutual connections</p><p>2 days ago</p>\
             <button>Ignore</button><button>Accept</button></div><p>Note {i}</p></li>"
        )
    };
    let html = format!("<ul>{}</ul>", (0..2_000).map(card).collect::<String>());
    let read = read(&html, SAVED).expect("cards");
    assert_eq!(read.len(), 2_000);
    assert_eq!(read[1_999].name, "Person 1999");
    assert_eq!(read[1_999].mutual_connections, Some(1_999));
    assert_eq!(
        read[1_999].note.as_ref().map(|n| n.text.as_str()),
        Some("Note 1999")
    );
}
