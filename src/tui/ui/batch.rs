//! A batch before it is decided, over the list and detail panes: each
//! verdict's group with its count, then each invitation with its mark,
//! score and name; an entry left out is struck through and says so.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::{key_footer, theme};
use crate::model::Verdict;
use crate::tui::action::Action;
use crate::tui::batch::{Batch, Origin};
use crate::tui::keymap::KeyContext;
use crate::tui::state::State;

/// A row of the preview: a group's heading, or an entry.
#[derive(Clone, Copy)]
enum Row {
    Group(Verdict, usize, usize),
    Entry(usize),
}

pub fn render(state: &State, batch: &Batch, frame: &mut Frame, area: Rect) {
    let keys = &state.keymap;
    let footer = key_footer([
        keys.tell(KeyContext::Batch, Action::ToggleMark, "leave out"),
        keys.tell(KeyContext::Batch, Action::Choose, "decide them all"),
        keys.tell(KeyContext::Batch, Action::Back, "back"),
    ]);
    let block = Block::bordered()
        .title(Span::styled(title(batch), theme::title()))
        .title_bottom(Line::styled(footer, theme::muted()));
    let rows = rows(batch);
    let notes: Vec<Line> = batch
        .left_out
        .iter()
        .map(|text| Line::styled(text.clone(), theme::muted()))
        .collect();
    // As tall as the batch needs, from the top of the panes.
    let needed = rows.len() + notes.len() + 2;
    let area = Rect {
        height: area.height.min(u16::try_from(needed).unwrap_or(u16::MAX)),
        ..area
    };
    let inner = block.inner(area);
    let height = usize::from(inner.height).saturating_sub(notes.len()).max(1);
    let cursor_row = rows
        .iter()
        .position(|row| matches!(row, Row::Entry(e) if *e == batch.cursor))
        .unwrap_or(0);
    // The cursor's row stays mid-screen, and the list never scrolls past its end.
    let offset = cursor_row
        .saturating_sub(height / 2)
        .min(rows.len().saturating_sub(height));
    let mut lines: Vec<Line> = rows
        .iter()
        .skip(offset)
        .take(height)
        .map(|row| row_line(state, batch, *row))
        .collect();
    lines.extend(notes);
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

fn title(batch: &Batch) -> String {
    let kept = batch.included().count();
    match (batch.origin, batch.counts().as_slice()) {
        (Origin::Marks, [(verdict, ..)]) => {
            format!(" {} {kept} marked? ", capitalised(verdict.as_str()))
        }
        (Origin::Marks, _) => format!(" Decide {kept} marked? "),
        (Origin::Sweep, _) => format!(" Sweep: decide {kept} sure suggestions? "),
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Each group's heading followed by its entries.
fn rows(batch: &Batch) -> Vec<Row> {
    let mut rows = Vec::with_capacity(batch.entries.len() + 3);
    let mut entries = batch.entries.iter().enumerate().peekable();
    for (verdict, included, all) in batch.counts() {
        rows.push(Row::Group(verdict, included, all));
        while let Some((position, _)) = entries.next_if(|(_, e)| e.verdict == verdict) {
            rows.push(Row::Entry(position));
        }
    }
    rows
}

fn row_line(state: &State, batch: &Batch, row: Row) -> Line<'static> {
    let review = &state.review;
    match row {
        Row::Group(verdict, included, all) => {
            let count = if included == all {
                format!("{all}")
            } else {
                format!("{included} of {all}")
            };
            Line::styled(
                format!("{} {count}", capitalised(verdict.as_str())),
                theme::label(),
            )
        }
        Row::Entry(position) => {
            let entry = &batch.entries[position];
            let selected = position == batch.cursor;
            let (mark, mark_style) = theme::mark(Some(entry.verdict));
            let score = review.summary(entry.index).score;
            let profile = &review.invitation(entry.index).profile;
            let name = profile.name.clone();
            let mut spans = vec![
                Span::raw(if selected { "▶ " } else { "  " }),
                Span::styled(mark, mark_style),
                Span::styled(
                    format!(" {score:>3} "),
                    theme::score(score, review.threshold()),
                ),
            ];
            if entry.included {
                spans.push(Span::raw(name));
                if let Some(headline) = &profile.headline {
                    spans.push(Span::styled(format!("  {headline}"), theme::muted()));
                }
            } else {
                spans.push(Span::styled(
                    name,
                    theme::muted().add_modifier(Modifier::CROSSED_OUT),
                ));
                spans.push(Span::styled("  (left out)", theme::muted()));
            }
            let line = Line::from(spans);
            if selected {
                line.style(theme::selected())
            } else {
                line
            }
        }
    }
}
