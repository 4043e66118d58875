//! One message: whether it is an invitation (or a reminder of one), and if
//! so the inviter as it shows them.

use mail_parser::{Addr, HeaderName, Message, MessageParser, PartType};
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

use super::body::{Body, ProfileKey};
use super::mbox::is_separator;
use super::sniff::{content_start, first_line};
use super::{facts, html, words};
use crate::import::clean::{
    LINE_CAP, NAME_CAP, TEXT_CAP, clean_optional_line, clean_optional_name, clean_optional_text,
};
use crate::import::dates::in_range;
use crate::import::sighting::{Note, Sent, Sighting, profile_url};
use crate::model::Kind;

/// Who sends invitations: "NAME <…>" or "NAME via LinkedIn <…>".
const INVITATIONS: &str = "invitations@linkedin.com";
/// Who sends reminders, among many other messages.
const MESSAGES: &str = "messages-noreply@linkedin.com";

/// What became of one message.
#[derive(Debug)]
pub(super) enum Outcome {
    Found(Box<Sighting>),
    /// Not an invitation: other LinkedIn mail, newsletters, anything else.
    Skipped,
    /// Skipped, with the reason the reviewer should hear.
    Refused(String),
}

/// Who sent a LinkedIn message that may be about an invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Invitation,
    Reminder,
}

impl Role {
    fn of(head: &Message) -> Option<Role> {
        let address = sender(head).and_then(|s| s.address()).unwrap_or_default();
        if address.eq_ignore_ascii_case(INVITATIONS) {
            Some(Role::Invitation)
        } else if address.eq_ignore_ascii_case(MESSAGES) {
            Some(Role::Reminder)
        } else {
            None
        }
    }

    /// The sender decides; the accept link, LinkedIn's template id or the
    /// subject confirm, since the same senders also tell of accepted
    /// invitations and send other messages.
    fn is_confirmed(self, subject: &str, bodies: [Option<&str>; 2]) -> bool {
        let invites = bodies
            .iter()
            .flatten()
            .any(|body| body.contains("invite-accept") || body.contains("m2m_invite"));
        invites
            || match self {
                Role::Invitation => words::is_invitation_subject(subject),
                Role::Reminder => words::is_reminder_subject(subject),
            }
    }
}

/// Reads one raw message. `truncated`: only its start could be kept.
pub(super) fn read(raw: &[u8], place: &str, truncated: bool) -> Outcome {
    let raw = without_separator(raw);
    let parser = MessageParser::new();
    let Some(head) = parser.parse_headers(raw).filter(has_mail_headers) else {
        return unreadable("no mail header could be read");
    };
    let Some(role) = Role::of(&head) else {
        return Outcome::Skipped;
    };
    if truncated {
        return unreadable("too large to be an invitation e-mail; only its start was read");
    }
    let Some(message) = parser.parse(raw) else {
        return unreadable("its parts could not be read");
    };
    let subject = message.subject().unwrap_or_default();
    let (text, html) = bodies(&message);
    if !role.is_confirmed(subject, [text, html]) {
        return Outcome::Skipped;
    }
    let hint = name_hint(&message, role, subject);
    let text = text.map(Body::from_text);
    // An HTML part too hostile to read leaves the plain text to tell.
    let html = html.and_then(html::body);
    let facts = facts::read(text.as_ref(), html.as_ref(), hint.as_deref());
    let sent = message.date().and_then(sent_at).map(|at| Sent {
        at,
        approximate: false,
    });
    sighting(facts, hint, sent, role == Role::Reminder, place)
}

fn sender<'a>(message: &'a Message) -> Option<&'a Addr<'a>> {
    message.from().and_then(|from| from.first())
}

/// The text/plain and text/html parts that are the message's body.
fn bodies<'a>(message: &'a Message) -> (Option<&'a str>, Option<&'a str>) {
    let text = message.text_bodies().find_map(|part| match &part.body {
        PartType::Text(text) => Some(text.as_ref()),
        _ => None,
    });
    let html = message.html_bodies().find_map(|part| match &part.body {
        PartType::Html(html) => Some(html.as_ref()),
        _ => None,
    });
    (text, html)
}

/// The inviter's name as the headers tell it: the sender's name without
/// "via LinkedIn", else a reminder's subject ("Reminder: NAME invited you…").
fn name_hint(message: &Message, role: Role, subject: &str) -> Option<String> {
    let display = sender(message)
        .and_then(|s| s.name())
        .map(words::without_via_linkedin);
    let from_subject = (role == Role::Reminder)
        .then(|| words::name_in_reminder_subject(subject))
        .flatten();
    clean_optional_line(display, NAME_CAP)
        .filter(|name| !name.eq_ignore_ascii_case("linkedin"))
        .or_else(|| clean_optional_line(from_subject, NAME_CAP))
}

/// Any bytes parse into some headers; a message has one of these at least.
fn has_mail_headers(head: &Message) -> bool {
    head.headers().iter().any(|header| {
        matches!(
            header.name,
            HeaderName::From
                | HeaderName::Date
                | HeaderName::Subject
                | HeaderName::MessageId
                | HeaderName::Received
                | HeaderName::ContentType
                | HeaderName::To
        )
    })
}

/// Some tools keep the mbox line `From SENDER DATE` atop a single message.
fn without_separator(raw: &[u8]) -> &[u8] {
    let (_, start) = content_start(raw);
    if is_separator(first_line(start)) {
        let line = first_line(start).len();
        return start.get(line + 1..).unwrap_or_default();
    }
    raw
}

fn unreadable(reason: &str) -> Outcome {
    Outcome::Refused(format!("not a readable e-mail: {reason}"))
}

fn sighting(
    facts: facts::Facts,
    name_hint: Option<String>,
    sent: Option<Sent>,
    reminder: bool,
    place: &str,
) -> Outcome {
    let name = clean_optional_name(facts.name.as_deref()).or(name_hint);
    let Some(name) = name else {
        return Outcome::Refused("an invitation e-mail that names no inviter, skipped".into());
    };
    let mut sighting = Sighting::new(Kind::Person, name, place);
    sighting.url = match facts.profile {
        Some(ProfileKey::Slug(slug)) => clean_optional_line(Some(&profile_url(&slug)), LINE_CAP),
        // `/profile/view?id=…` names no slug: the caller joins by name.
        Some(ProfileKey::Id(_)) | None => None,
    };
    sighting.headline = clean_optional_line(facts.headline.as_deref(), LINE_CAP);
    sighting.location = clean_optional_line(facts.location.as_deref(), LINE_CAP);
    sighting.photo = facts.photo;
    sighting.mutual_connections = facts.mutual_connections;
    sighting.sent = sent;
    sighting.note =
        clean_optional_text(facts.note.as_deref(), TEXT_CAP).map(|text| Note { text, cut: false });
    sighting.reminder = reminder;
    Outcome::Found(Box::new(sighting))
}

/// The `Date:` header as a moment, keeping the sender's offset; one with
/// no UTC day (a year 9999 date west of Greenwich) is unknown.
fn sent_at(date: &mail_parser::DateTime) -> Option<OffsetDateTime> {
    let month = Month::try_from(date.month).ok()?;
    let day = Date::from_calendar_date(i32::from(date.year), month, date.day).ok()?;
    let time = Time::from_hms(date.hour, date.minute, date.second).ok()?;
    let sign = if date.tz_before_gmt { -1 } else { 1 };
    let offset = UtcOffset::from_hms(
        sign * i8::try_from(date.tz_hour).ok()?,
        sign * i8::try_from(date.tz_minute).ok()?,
        0,
    )
    .ok()?;
    in_range(PrimitiveDateTime::new(day, time).assume_offset(offset))
}
