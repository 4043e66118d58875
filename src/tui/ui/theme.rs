//! Colours and marks. State is always told by a mark too, never by colour alone.

use ratatui::style::{Color, Modifier, Style};

use crate::model::Verdict;
use crate::score::Confidence;

pub fn title() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn muted() -> Style {
    Style::new().fg(Color::DarkGray)
}

/// The inviter's own words, set apart from what inviteq says.
pub fn note() -> Style {
    Style::new().add_modifier(Modifier::ITALIC)
}

pub fn label() -> Style {
    Style::new().fg(Color::Cyan)
}

pub fn selected() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

pub fn key() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
}

pub fn warning() -> Style {
    Style::new().fg(Color::Yellow)
}

/// Green for likely people, yellow in between, red for likely non-persons.
pub fn score(score: u8, threshold: u8) -> Style {
    let colour = if score >= threshold {
        Color::Red
    } else if u16::from(score) * 2 >= u16::from(threshold) {
        Color::Yellow
    } else {
        Color::Green
    };
    Style::new().fg(colour)
}

/// Points that raise the score warn; points that lower it reassure.
pub fn points(points: i32) -> Style {
    Style::new().fg(if points > 0 { Color::Red } else { Color::Green })
}

/// The mark of a decision, or of a pending invitation.
pub fn mark(action: Option<Verdict>) -> (&'static str, Style) {
    match action {
        None => ("·", Style::new()),
        Some(Verdict::Accept) => ("✓", Style::new().fg(Color::Green)),
        Some(Verdict::Ignore) => ("✗", Style::new().fg(Color::Red)),
        Some(Verdict::Reply) => ("↩", Style::new().fg(Color::Blue)),
    }
}

/// The suggestion in three letters and its confidence in one, as the list
/// shows them: "acc H", "ign L", "rep M"; a dash when there is nothing to do.
pub fn suggestion(action: Option<Verdict>, confidence: Confidence) -> (String, Style) {
    let Some(action) = action else {
        return ("  —  ".to_string(), muted());
    };
    let letter = match confidence {
        Confidence::High => 'H',
        Confidence::Medium => 'M',
        Confidence::Low => 'L',
    };
    let style = match confidence {
        Confidence::High => Style::new(),
        _ => muted(),
    };
    (format!("{} {letter}", &action.as_str()[..3]), style)
}
