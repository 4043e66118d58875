//! The inviter's facts in an invitation's bodies. LinkedIn's templates
//! changed many times since 2016, so nothing here relies on one layout: the
//! inviter's card is found from the inviter's name (the sender's) and read
//! in the order a person reads it: name, headline, location, connections in
//! common, then the buttons. People suggested below it ("More people you may
//! know") and the member's own name and photo in the header are not read.

use std::collections::HashSet;

use super::body::{Body, Link, ProfileKey, fold_spaces, profile_key, tracking};
use super::words;
use crate::import::sighting::photo_of_address;
use crate::model::Photo;

/// What one invitation's bodies tell of the inviter, not yet cleaned.
#[derive(Debug, Default)]
pub(super) struct Facts {
    pub name: Option<String>,
    pub headline: Option<String>,
    pub location: Option<String>,
    pub mutual_connections: Option<u32>,
    pub note: Option<String>,
    pub profile: Option<ProfileKey>,
    pub photo: Photo,
}

/// Reads the plain text for the words and the HTML for the photo and the
/// links, each filling in what the other leaves out. `sender` is the
/// inviter's name as the headers give it.
pub(super) fn read(text: Option<&Body>, html: Option<&Body>, sender: Option<&str>) -> Facts {
    let html = html.map(|body| card(body, sender)).unwrap_or_default();
    // The HTML's name line is how the inviter's name reads in the body, even
    // when the sender's name is shortened or missing.
    let hint = html.name.as_deref().or(sender);
    let text = text.map(|body| card(body, hint)).unwrap_or_default();
    Facts {
        name: text.name.or(html.name),
        headline: text.headline.or(html.headline),
        location: text.location.or(html.location),
        mutual_connections: text.mutual_connections.or(html.mutual_connections),
        note: text.note.or(html.note),
        profile: html.profile.or(text.profile),
        photo: html.photo,
    }
}

/// The inviter's card in one body.
fn card(body: &Body, sender: Option<&str>) -> Facts {
    let end = body.card_end();
    let sender = sender.map(normalized).filter(|name| !name.is_empty());
    let sender = sender.as_deref();
    let profile = inviter_link(body, end, sender).and_then(|link| profile_key(&link.href));
    let names = names_to_look_for(body, end, sender, profile.as_ref());
    let mut card = Facts {
        photo: photo(body, end, profile.as_ref(), sender),
        profile,
        ..Facts::default()
    };
    let lines = &body.lines[..end];
    let Some(at) = lines
        .iter()
        .position(|line| names.contains(&normalized(line)))
    else {
        return card;
    };
    let name = lines[at].clone();
    let (facts_end, others, mutual) = facts_after(&lines[at + 1..]);
    card.headline = others.first().map(|line| line.to_string());
    card.location = others.get(1).map(|line| line.to_string());
    card.mutual_connections = mutual;
    card.note = greeting_note(&lines[..at], &name)
        .or_else(|| quoted_note(&lines[at + 1 + facts_end..], &name));
    card.name = Some(name);
    card
}

/// The link to the inviter's profile, never one from the suggestions below
/// the card: the one with the inviter's name (or photo), else "View
/// profile", else the one LinkedIn tags as the message's main person
/// ("hero"), else the first that is not the member's own ("header").
/// `sender` is normalized.
fn inviter_link<'a>(body: &'a Body, end: usize, sender: Option<&str>) -> Option<&'a Link> {
    let with_named_photo: HashSet<usize> = body
        .images
        .iter()
        .filter(|image| sender.is_some_and(|name| normalized(&image.alt) == name))
        .filter_map(|image| image.link)
        .collect();
    let profiles: Vec<(usize, &Link)> = body
        .links
        .iter()
        .enumerate()
        .filter(|(_, link)| link.line < end && profile_key(&link.href).is_some())
        .collect();
    let named = |(index, link): &&(usize, &Link)| {
        sender.is_some_and(|name| normalized(&link.text) == name)
            || with_named_photo.contains(index)
    };
    let tagged =
        |tag: &'static str| move |(_, link): &&(usize, &Link)| tracking(&link.href).contains(tag);
    profiles
        .iter()
        .find(named)
        .or_else(|| {
            profiles
                .iter()
                .find(|(_, link)| words::is_view_profile(&link.text))
        })
        .or_else(|| profiles.iter().find(tagged("-hero-")))
        .or_else(|| {
            profiles
                .iter()
                .find(|(_, link)| !tracking(&link.href).contains("-header-"))
        })
        .map(|(_, link)| *link)
}

/// The sender's name, and the words of the inviter's own links that are not
/// buttons: how the card's name line may read. Normalized, and few, so
/// that a message of many links costs no more than one of few.
fn names_to_look_for(
    body: &Body,
    end: usize,
    sender: Option<&str>,
    profile: Option<&ProfileKey>,
) -> Vec<String> {
    const MOST_NAMES: usize = 8;
    let mut names: Vec<String> = sender.map(str::to_string).into_iter().collect();
    let Some(profile) = profile else {
        return names;
    };
    for link in body.links.iter().filter(|link| link.line < end) {
        let is_name = !link.text.is_empty()
            && !link.text.contains("http")
            && !words::is_button(&link.text)
            && profile_key(&link.href).as_ref() == Some(profile);
        let name = normalized(&link.text);
        if is_name && !names.contains(&name) {
            names.push(name);
            if names.len() == MOST_NAMES {
                break;
            }
        }
    }
    names
}

/// A name or a line as compared: spaces folded, lower case.
fn normalized(text: &str) -> String {
    fold_spaces(text).to_lowercase()
}

/// The lines under the name, up to the first button, link, rule, quote or
/// blank line: headline and location in that order, and the count of
/// connections in common wherever it is. Returns how many lines were read.
fn facts_after(lines: &[String]) -> (usize, Vec<&str>, Option<u32>) {
    const MOST_FACT_LINES: usize = 4;
    let mut others = Vec::new();
    let mut mutual = None;
    for (read, line) in lines.iter().enumerate() {
        // A quotation opens the note, except where the headline stands:
        // some headlines are quotations.
        let opens_note = read > 0 && line.starts_with(OPENING_QUOTES);
        if read == MOST_FACT_LINES || opens_note || ends_the_facts(line) {
            return (read, others, mutual);
        }
        match words::connections_in_common(line) {
            Some(n) => mutual = Some(n),
            None => others.push(line.as_str()),
        }
    }
    (lines.len(), others, mutual)
}

fn ends_the_facts(line: &str) -> bool {
    line.is_empty()
        || line.contains("http://")
        || line.contains("https://")
        || words::is_button(line)
        || is_rule(line)
}

/// "-------", ".......": a separator drawn with characters.
fn is_rule(line: &str) -> bool {
    const SHORTEST_RULE: usize = 5;
    line.chars().count() >= SHORTEST_RULE
        && line
            .chars()
            .all(|c| matches!(c, '-' | '.' | '_' | '=' | '*' | '─' | '—' | ' '))
}

const OPENING_QUOTES: &[char] = &['“', '"', '«', '„', '‘'];
const CLOSING_QUOTES: &[char] = &['”', '"', '»', '“', '’'];

/// The 2016 form: "Hi Jason," then the inviter's words, then the name.
fn greeting_note(before: &[String], name: &str) -> Option<String> {
    const LONGEST_NOTE_LINES: usize = 60;
    let start = before
        .iter()
        .rposition(|line| words::after_greeting(line).is_some())?;
    let between = &before[start + 1..];
    if between.len() > LONGEST_NOTE_LINES || between.iter().any(|line| ends_a_note(line)) {
        return None;
    }
    let first = words::after_greeting(&before[start])?.trim();
    let mut note = first.to_string();
    for line in between {
        note.push('\n');
        note.push_str(line);
    }
    acceptable_note(note.trim(), name)
}

/// A later form: the inviter's words in quotes between the card and the
/// buttons.
fn quoted_note(after: &[String], name: &str) -> Option<String> {
    const LONGEST_NOTE_LINES: usize = 60;
    let start = after.iter().position(|line| !line.is_empty())?;
    let first = after[start].strip_prefix(OPENING_QUOTES)?;
    let mut note = String::new();
    for (read, line) in after[start..].iter().enumerate().take(LONGEST_NOTE_LINES) {
        let line = if read == 0 { first } else { line.as_str() };
        if read > 0 && ends_a_note(line) {
            return None;
        }
        if let Some(last) = line.strip_suffix(CLOSING_QUOTES) {
            note.push_str(last);
            return acceptable_note(note.trim(), name);
        }
        note.push_str(line);
        note.push('\n');
    }
    None
}

fn ends_a_note(line: &str) -> bool {
    line.contains("http://") || line.contains("https://") || words::is_button(line)
}

/// Conservative: LinkedIn's own words about the inviter are not a note,
/// nor is anything naming the inviter in full (how LinkedIn writes of them).
fn acceptable_note(note: &str, name: &str) -> Option<String> {
    let names_the_inviter = note.to_lowercase().contains(&name.to_lowercase());
    let rejected = note.is_empty() || words::is_boilerplate(note) || names_the_inviter;
    (!rejected).then(|| note.to_string())
}

/// The inviter's photo: an image in a link to the inviter's profile, or one
/// whose description is the inviter's name (`sender`, normalized).
fn photo(body: &Body, end: usize, profile: Option<&ProfileKey>, sender: Option<&str>) -> Photo {
    body.images
        .iter()
        .filter(|image| image.line < end)
        .filter(|image| {
            let linked = image
                .link
                .and_then(|index| body.links.get(index))
                .and_then(|link| profile_key(&link.href));
            (profile.is_some() && linked.as_ref() == profile)
                || sender.is_some_and(|name| normalized(&image.alt) == name)
        })
        .map(|image| photo_of_address(&image.src))
        .find(|photo| *photo != Photo::Unknown)
        .unwrap_or(Photo::Unknown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_read_from_plain_text() {
        let body = Body::from_text(
            "Hi Jason,\n\nWe met at the meetup.\n\nAnn Lee\nBuyer at Acme\nParis\n\
             2 connections in common\n\nView profile: https://www.linkedin.com/comm/in/ann-lee\n\n\
             More people you may know\nBob Roe\nhttps://www.linkedin.com/comm/in/bob-roe\n",
        );
        let facts = read(Some(&body), None, Some("Ann Lee"));
        assert_eq!(facts.name.as_deref(), Some("Ann Lee"));
        assert_eq!(facts.headline.as_deref(), Some("Buyer at Acme"));
        assert_eq!(facts.location.as_deref(), Some("Paris"));
        assert_eq!(facts.mutual_connections, Some(2));
        assert_eq!(facts.note.as_deref(), Some("We met at the meetup."));
        assert_eq!(facts.profile, Some(ProfileKey::Slug("ann-lee".to_string())));
    }

    #[test]
    fn a_quoted_headline_stays_a_headline() {
        let body = Body::from_text("Ann Lee\n\"Buyer\" at Acme\nParis\n\"Hello there\"\nAccept\n");
        let facts = read(Some(&body), None, Some("Ann Lee"));
        assert_eq!(facts.headline.as_deref(), Some("\"Buyer\" at Acme"));
        assert_eq!(facts.location.as_deref(), Some("Paris"));
        assert_eq!(facts.note.as_deref(), Some("Hello there"));
    }

    #[test]
    fn linkedin_words_about_the_inviter_are_not_a_note() {
        let body =
            Body::from_text("Hi Jason,\nAnn Lee wants to connect with you.\n\nAnn Lee\nBuyer\n");
        assert_eq!(read(Some(&body), None, Some("Ann Lee")).note, None);
        let body = Body::from_text("Ann Lee\nBuyer\n\n“Ann Lee invited you to connect”\n");
        assert_eq!(read(Some(&body), None, Some("Ann Lee")).note, None);
    }
}
