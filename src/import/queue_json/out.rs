//! An invitation as queue-format v1 JSON writes it: what `inviteq queue`
//! prints, and what the journal keeps of an invitation when it is decided,
//! so that it can still be shown once it has left the queue. Unknown facts
//! are left out, as the format allows.

use serde::Serialize;
use time::format_description::well_known::Rfc3339;

use crate::model::{Invitation, Kind, Photo, Profile, Source};

#[derive(Serialize)]
pub struct InvitationOut<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sent_at: Option<String>,
    #[serde(skip_serializing_if = "is_false")]
    sent_approximate: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<&'a str>,
    #[serde(skip_serializing_if = "is_false")]
    note_cut: bool,
    #[serde(skip_serializing_if = "is_false")]
    already_connected: bool,
    profile: ProfileOut<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    sources: Vec<SourceOut>,
}

#[derive(Serialize)]
struct ProfileOut<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    headline: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    about: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    company: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    photo: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    connections: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mutual_connections: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    account_created: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    experience_count: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    education_count: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    verified: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    follows_you: Option<bool>,
}

/// One source of an invitation's facts: `{"kind": "page", "date": "2026-11-27"}`.
#[derive(Serialize)]
struct SourceOut {
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(skip_serializing_if = "is_false")]
    joined_by_name: bool,
    /// The facts this source gave that stand.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    facts: Vec<&'static str>,
}

fn is_false(value: &bool) -> bool {
    !value
}

impl<'a> From<&'a Invitation> for InvitationOut<'a> {
    fn from(i: &'a Invitation) -> InvitationOut<'a> {
        invitation(i)
    }
}

fn invitation(i: &Invitation) -> InvitationOut<'_> {
    InvitationOut {
        id: &i.id,
        kind: (i.kind != Kind::Person).then(|| i.kind.as_str()),
        sent_at: i.sent_at.and_then(|at| at.format(&Rfc3339).ok()),
        sent_approximate: i.sent_approximate,
        message: i.message.as_deref(),
        note_cut: i.note_cut,
        already_connected: i.already_connected,
        profile: profile(&i.profile),
        sources: i.sources.iter().map(source).collect(),
    }
}

fn profile(p: &Profile) -> ProfileOut<'_> {
    ProfileOut {
        name: &p.name,
        headline: p.headline.as_deref(),
        about: p.about.as_deref(),
        company: p.company.as_deref(),
        location: p.location.as_deref(),
        url: p.url.as_deref(),
        photo: (p.photo != Photo::Unknown).then(|| p.photo.as_str()),
        connections: p.connections,
        mutual_connections: p.mutual_connections,
        account_created: p.account_created.map(|d| d.to_string()),
        experience_count: p.experience_count,
        education_count: p.education_count,
        verified: p.verified,
        follows_you: p.follows_you,
    }
}

fn source(s: &Source) -> SourceOut {
    SourceOut {
        kind: s.kind.as_str(),
        date: s.date.map(|d| d.to_string()),
        joined_by_name: s.by_name,
        facts: s.facts.clone(),
    }
}
