//! The verdict at the top of the detail pane: the policy's suggestion with
//! its confidence and why, then the score against the threshold, every
//! reason with its points (largest first), and what was unknown.

use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use super::theme;
use crate::score::Assessment;

pub fn lines(a: &Assessment) -> Vec<Line<'static>> {
    let s = &a.suggestion;
    let template = s.template.map(|t| format!(" with {t}")).unwrap_or_default();
    let mut lines = vec![Line::from(match s.action {
        Some(action) => vec![
            Span::styled("Suggests  ", theme::label()),
            Span::styled(format!("{}{template}", action.as_str()), theme::title()),
            Span::styled(
                format!("  {} confidence", s.confidence.as_str()),
                theme::muted(),
            ),
        ],
        None => vec![
            Span::styled("Suggests  ", theme::label()),
            Span::styled("nothing to do", theme::title()),
        ],
    })];
    lines.push(Line::styled(format!("  {}", s.why), theme::muted()));
    if let Some(doubt) = &s.doubt {
        lines.push(Line::styled(format!("  {doubt}"), theme::warning()));
    }
    lines.push(Line::from(vec![
        Span::styled("Score ", theme::label()),
        Span::styled(
            format!("{}/100", a.score),
            theme::score(a.score, a.threshold).add_modifier(Modifier::BOLD),
        ),
        Span::styled(
            format!("  not a person at {}+", a.threshold),
            theme::muted(),
        ),
        Span::styled(format!("  intent {}", a.intent.as_str()), theme::muted()),
    ]));
    if a.reasons.is_empty() {
        lines.push(Line::styled("  no signal fired", theme::muted()));
    }
    for reason in &a.reasons {
        lines.push(Line::from(vec![
            Span::styled(
                format!("  {:>+4}  ", reason.points),
                theme::points(reason.points),
            ),
            Span::raw(reason.detail.clone()),
        ]));
    }
    if !a.unknown.is_empty() {
        lines.push(Line::styled(
            format!("  unknown: {}", a.unknown.join(", ")),
            theme::muted(),
        ));
    }
    lines
}
