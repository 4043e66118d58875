//! The detail pane: who the inviter is, what they wrote, and why the score
//! is what it is.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::{score, theme};
use crate::model::{Invitation, Kind, Profile, Source, connections_shown};
use crate::review::Review;
use crate::score::Assessment;
use crate::tui::state::{Reach, State};

/// Draws the pane, and says how far its text can scroll.
pub fn render(state: &State, frame: &mut Frame, area: Rect) -> Reach {
    let block = Block::bordered().title(Span::styled(" Invitation ", theme::title()));
    let Some(index) = state.selected() else {
        frame.render_widget(Paragraph::new("").block(block), area);
        return Reach::default();
    };
    let width = usize::from(block.inner(area).width);
    let review = &state.review;
    let invitation = review.invitation(index);
    let assessment = review.assess(index);
    let lines = if invitation.kind == Kind::Person {
        // The verdict first, so that it is on the first screen at 80×24;
        // then the inviter's own words, then the facts.
        let mut lines = who_lines(&invitation.profile);
        lines.extend(invitation_lines(invitation));
        lines.extend(history_lines(review, index));
        lines.push(Line::raw(""));
        lines.extend(score::lines(&assessment));
        lines.extend(decision_lines(review, index));
        lines.push(Line::raw(""));
        lines.extend(note_lines(invitation, &assessment));
        lines.push(Line::raw(""));
        lines.extend(fact_lines(&invitation.profile, width));
        lines
    } else {
        let mut lines = other_kind_lines(invitation, &assessment);
        lines.extend(decision_lines(review, index));
        lines
    };
    let inner = block.inner(area);
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let height = u16::try_from(paragraph.line_count(inner.width)).unwrap_or(u16::MAX);
    let reach = Reach {
        max: height.saturating_sub(inner.height),
        rows: inner.height,
    };
    let paragraph = paragraph
        .block(block)
        .scroll((state.detail_scroll.min(reach.max), 0));
    frame.render_widget(paragraph, area);
    reach
}

/// The decision taken, when there is one.
fn decision_lines(review: &Review, index: usize) -> Option<Line<'static>> {
    let decision = review.decision(index)?;
    let (mark, style) = theme::mark(Some(decision.action));
    let mut spans = vec![
        Span::styled("Decision  ", theme::label()),
        Span::styled(format!("{mark} {}", decision.action.past()), style),
        Span::styled(format!("  {}", decision.decided_at.date()), theme::muted()),
    ];
    if let Some(template) = &decision.template {
        spans.push(Span::styled(format!("  ({template})"), theme::muted()));
    }
    Some(Line::from(spans))
}

/// The name and the headline.
fn who_lines(profile: &Profile) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(profile.name.clone(), theme::title())];
    match profile.headline.as_deref() {
        Some("") => lines.push(Line::styled("(an empty headline)", theme::muted())),
        Some(headline) => lines.push(Line::raw(headline.to_string())),
        None => {}
    }
    lines
}

/// Where the inviter works and lives, their address, and the facts grid:
/// as many label-and-value cells to a row as fit in `width`, each value
/// whole.
fn fact_lines(profile: &Profile, width: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let place: Vec<&str> = [&profile.company, &profile.location]
        .into_iter()
        .flatten()
        .map(|text| text.as_str())
        .collect();
    if !place.is_empty() {
        lines.push(Line::styled(place.join(" · "), theme::muted()));
    }
    if let Some(url) = &profile.url {
        lines.push(Line::styled(url.clone(), theme::muted()));
    }
    let count =
        |n: Option<u32>, unit: &str| n.map_or("unknown".to_string(), |n| format!("{n} {unit}"));
    let facts = [
        ("Photo", profile.photo.as_str().to_string()),
        (
            "Connections",
            profile
                .connections
                .map_or("unknown".into(), connections_shown),
        ),
        ("Mutual", count(profile.mutual_connections, "")),
        (
            "Joined",
            profile
                .account_created
                .map_or("unknown".into(), |date| date.to_string()),
        ),
        ("Experience", count(profile.experience_count, "roles")),
        ("Education", count(profile.education_count, "schools")),
    ];
    let label_width = facts
        .iter()
        .map(|(label, _)| label.len())
        .max()
        .unwrap_or(0)
        + 1;
    let value_width = facts
        .iter()
        .map(|(_, value)| value.trim().chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    let per_row = (width / (label_width + value_width)).clamp(1, 3);
    for row in facts.chunks(per_row) {
        let mut spans = Vec::new();
        for (label, value) in row {
            let style = if value == "unknown" {
                theme::muted()
            } else {
                ratatui::style::Style::new()
            };
            spans.push(Span::styled(
                format!("{label:<label_width$}"),
                theme::label(),
            ));
            spans.push(Span::styled(
                format!("{:<value_width$}", value.trim()),
                style,
            ));
        }
        lines.push(Line::from(spans));
    }
    lines
}

/// What kind of invitation, when it was sent, what badges the card showed,
/// and where the facts came from.
fn invitation_lines(invitation: &Invitation) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if invitation.kind != Kind::Person {
        lines.push(Line::styled(
            format!(
                "An invitation to a {}, not from a person: not scored",
                invitation.kind.as_str()
            ),
            theme::warning(),
        ));
    }
    let p = &invitation.profile;
    let badges: Vec<&str> = [
        (p.verified == Some(true), "Verified"),
        (p.follows_you == Some(true), "follows you"),
    ]
    .into_iter()
    .filter_map(|(on, badge)| on.then_some(badge))
    .collect();
    if !badges.is_empty() {
        lines.push(Line::raw(badges.join(" · ")));
    }
    let mut provenance = Vec::new();
    if let Some(sent) = invitation.sent_at {
        let about = if invitation.sent_approximate {
            "about "
        } else {
            ""
        };
        provenance.push(format!("Sent {about}{}", sent.date()));
    }
    if !invitation.sources.is_empty() {
        let from: Vec<String> = invitation.sources.iter().map(source_words).collect();
        provenance.push(format!("from: {}", from.join(", ")));
    }
    if !provenance.is_empty() {
        lines.push(Line::styled(provenance.join(" · "), theme::muted()));
    }
    lines
}

/// A newsletter's, page's, event's or group's invitation: its name, its
/// address, when and where from; nothing to score.
fn other_kind_lines(invitation: &Invitation, assessment: &Assessment) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(
        invitation.profile.name.clone(),
        theme::title(),
    )];
    if let Some(url) = &invitation.profile.url {
        lines.push(Line::styled(url.clone(), theme::muted()));
    }
    lines.extend(invitation_lines(invitation));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!("  {}", assessment.suggestion.why),
        theme::muted(),
    ));
    lines
}

/// "page of 27 Nov", "e-mail of 20 Nov (joined by name)", "export".
fn source_words(source: &Source) -> String {
    let mut words = source.kind.as_str().to_string();
    if let Some(date) = source.date {
        words.push_str(&format!(
            " of {} {}",
            date.day(),
            &date.month().to_string()[..3]
        ));
    }
    if source.by_name {
        words.push_str(" (joined by name)");
    }
    words
}

/// What earlier sessions and the owner's network say about this inviter.
fn history_lines(review: &Review, index: usize) -> Vec<Line<'static>> {
    let presence = review.presence(index);
    let invitation = review.invitation(index);
    let mut lines = Vec::new();
    if presence.new {
        lines.push("New since the last session".to_string());
    }
    if presence.gone {
        lines.push(
            "Gone from the latest queue (done on LinkedIn meanwhile); the decision is kept"
                .to_string(),
        );
    }
    if invitation.already_connected {
        lines.push("Already one of your connections".to_string());
    }
    if let Some(earlier) = invitation.earlier {
        lines.push(format!(
            "Invites again: you {} an earlier invitation on {}",
            earlier.action.past(),
            earlier.on
        ));
    }
    lines
        .into_iter()
        .map(|text| Line::styled(text, theme::warning()))
        .collect()
}

fn note_lines(invitation: &Invitation, assessment: &Assessment) -> Vec<Line<'static>> {
    let canned = if assessment.canned { "  canned" } else { "" };
    let mut lines = vec![Line::from(vec![
        Span::styled("Note", theme::label()),
        Span::styled(canned, theme::warning()),
    ])];
    match &invitation.message {
        Some(message) => lines.extend(
            message
                .lines()
                .map(|l| Line::styled(l.to_string(), theme::note())),
        ),
        None => lines.push(Line::styled("  (no note)", theme::muted())),
    }
    if invitation.note_cut {
        lines.push(Line::styled(
            "  (cut short on the saved page: the rest is on LinkedIn)",
            theme::muted(),
        ));
    }
    lines
}
