//! The stats screen (`S`) over the list and detail panes: pictures first,
//! the numbers beside them. The progress and the decisions always show;
//! the decisions of each day need room, and go first when there is none.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Clear, LineGauge, Paragraph};

use super::theme;
use crate::model::Verdict;
use crate::review::stats::{BUCKETS, Stats};

/// The decisions panel's width: a label, a count and a bar.
const DECISIONS_WIDTH: u16 = 30;
/// The histogram's narrowest: ten bars two cells wide, so that a bucket's
/// label ("60") is whole, with a gap between them and a border.
const SCORES_MIN_WIDTH: u16 = 10 * 2 + 9 + 2;
/// Below this height inside the border, the decisions of each day are left out.
const ROOM_FOR_DAYS: u16 = 16;
/// A day's bar, wide enough for its date as `MM-DD`.
const DAY_WIDTH: u16 = 5;
const FILLED: &str = "█";
const UNFILLED: &str = "░";

pub fn render(stats: &Stats, frame: &mut Frame, area: Rect) {
    frame.render_widget(Clear, area);
    let block = Block::bordered().title(Span::styled(
        format!(" Stats · policy {} ", stats.policy),
        theme::title(),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let with_days = inner.height >= ROOM_FOR_DAYS;
    let [progress, _, middle, days] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(u16::from(with_days)),
        Constraint::Fill(3),
        Constraint::Fill(if with_days { 2 } else { 0 }),
    ])
    .areas(inner);
    render_progress(stats, frame, progress);
    let [scores, decisions] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(DECISIONS_WIDTH.min(inner.width.saturating_sub(SCORES_MIN_WIDTH))),
    ])
    .areas(middle);
    render_scores(stats, frame, scores);
    render_decisions(stats, frame, decisions);
    if with_days {
        render_days(stats, frame, days);
    }
}

/// `part` of `whole` as a ratio a gauge takes; nothing of nothing is 0.
fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        (part as f64 / whole as f64).clamp(0.0, 1.0)
    }
}

fn percent(part: usize, whole: usize) -> String {
    (part * 100)
        .checked_div(whole)
        .map_or(String::new(), |p| format!(" ({p}%)"))
}

/// A line gauge drawn in blocks, so that it reads without colour.
fn gauge(label: String, part: usize, whole: usize) -> LineGauge<'static> {
    LineGauge::default()
        .ratio(ratio(part, whole))
        .label(Span::styled(label, theme::title()))
        .filled_symbol(FILLED)
        .unfilled_symbol(UNFILLED)
        .unfilled_style(theme::muted())
}

fn render_progress(stats: &Stats, frame: &mut Frame, area: Rect) {
    let label = format!(
        " Progress {}/{} decided{} ",
        stats.decided,
        stats.total,
        percent(stats.decided, stats.total)
    );
    frame.render_widget(gauge(label, stats.decided, stats.total), area);
}

/// The histogram of scores by tens, the threshold's bucket and those past
/// it drawn in the warning style and pointed at from under the axis.
fn render_scores(stats: &Stats, frame: &mut Frame, area: Rect) {
    let counted: usize = stats.scores.iter().sum();
    let block = Block::bordered().title(Span::styled(
        format!(" Scores of the {counted} to review "),
        theme::title(),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if counted == 0 {
        frame.render_widget(
            Paragraph::new(Line::styled(
                "No person's invitation to score",
                theme::muted(),
            )),
            inner,
        );
        return;
    }
    let [chart, marker] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    let buckets = u16::try_from(BUCKETS).unwrap_or(u16::MAX);
    let gap = 1;
    let width = (chart.width.saturating_sub(gap * (buckets - 1)) / buckets).clamp(1, 7);
    let past = stats.threshold_bucket();
    let bars: Vec<Bar> = stats
        .scores
        .iter()
        .enumerate()
        .map(|(bucket, &count)| {
            let low = bucket * 10;
            let label = if width >= 6 {
                let high = if bucket + 1 == BUCKETS { 100 } else { low + 9 };
                format!("{low}-{high}")
            } else {
                low.to_string()
            };
            let bar = Bar::default()
                .value(u64::try_from(count).unwrap_or(u64::MAX))
                .label(Line::from(label));
            if bucket >= past {
                bar.style(theme::warning())
            } else {
                bar
            }
        })
        .collect();
    frame.render_widget(
        BarChart::default()
            .data(BarGroup::default().bars(&bars))
            .bar_width(width)
            .bar_gap(gap),
        chart,
    );
    let at = u16::try_from(past).unwrap_or(u16::MAX) * (width + gap);
    let room = usize::from(marker.width.saturating_sub(at));
    let threshold = stats.threshold;
    let after = [
        format!("▲ threshold {threshold}: not a person"),
        format!("▲ threshold {threshold}"),
    ]
    .into_iter()
    .find(|text| text.chars().count() <= room);
    let (x, text) = match after {
        Some(text) => (marker.x + at, text),
        None => {
            // No room after the bucket: the mark ends under it instead.
            let text = format!("threshold {threshold} ▲");
            let length = u16::try_from(text.chars().count()).unwrap_or(u16::MAX);
            (marker.x + (at + 1).saturating_sub(length), text)
        }
    };
    let marker = Rect {
        x,
        width: marker.width.saturating_sub(x - marker.x),
        ..marker
    };
    frame.render_widget(Line::styled(text, theme::warning()), marker);
}

/// One row of the decisions panel: words, or a gauge.
enum Row {
    Text(Line<'static>),
    /// A label, and the part of the whole the gauge fills.
    Gauge(String, usize, usize),
    /// Space between groups, left out first when rows are short.
    Gap,
}

/// The decisions by action as bars with their counts, then how many were
/// carried out on LinkedIn and how often the suggestion was taken.
fn render_decisions(stats: &Stats, frame: &mut Frame, area: Rect) {
    let actions = &stats.actions;
    let block = Block::bordered().title(Span::styled(
        format!(" {} decisions ", actions.all()),
        theme::title(),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let verdicts = [Verdict::Accept, Verdict::Ignore, Verdict::Reply];
    let most = verdicts
        .map(|v| actions.of(v))
        .into_iter()
        .max()
        .unwrap_or(0);
    let bar_room = usize::from(inner.width).saturating_sub(14);
    let mut rows: Vec<Row> = verdicts
        .into_iter()
        .map(|verdict| {
            let count = actions.of(verdict);
            let (mark, style) = theme::mark(Some(verdict));
            let length = if most == 0 {
                0
            } else {
                (count * bar_room).div_ceil(most)
            };
            Row::Text(Line::from(vec![
                Span::styled(format!("{mark} {:<7}", verdict.as_str()), style),
                Span::raw(format!("{count:>4} ")),
                Span::styled(FILLED.repeat(length), style),
            ]))
        })
        .collect();
    rows.extend([
        Row::Gap,
        Row::Text(Line::styled("carried out on LinkedIn", theme::label())),
        Row::Gauge(
            format!("{} of {} ", actions.carried_out, actions.all()),
            actions.carried_out,
            actions.all(),
        ),
        Row::Gap,
        Row::Text(Line::styled("suggestion taken", theme::label())),
        Row::Gauge(
            format!(
                "{} of {}{} ",
                stats.taken,
                stats.comparable,
                percent(stats.taken, stats.comparable)
            ),
            stats.taken,
            stats.comparable,
        ),
    ]);
    if rows.len() > usize::from(inner.height) {
        rows.retain(|row| !matches!(row, Row::Gap));
    }
    for (row, y) in rows.into_iter().zip(inner.top()..inner.bottom()) {
        let area = Rect {
            y,
            height: 1,
            ..inner
        };
        match row {
            Row::Text(line) => frame.render_widget(line, area),
            Row::Gauge(label, part, whole) => frame.render_widget(gauge(label, part, whole), area),
            Row::Gap => {}
        }
    }
}

/// The decisions of the latest days that fit, one bar each, dated.
fn render_days(stats: &Stats, frame: &mut Frame, area: Rect) {
    let gap = 1;
    let fit = usize::from(area.width.saturating_sub(2) + gap) / usize::from(DAY_WIDTH + gap);
    let shown = &stats.days[stats.days.len().saturating_sub(fit)..];
    let before: usize = stats.days[..stats.days.len() - shown.len()]
        .iter()
        .map(|(_, count)| count)
        .sum::<usize>()
        + stats.earlier;
    let title = match before {
        0 => " Decisions per day ".to_string(),
        n => format!(" Decisions per day · {n} before {} ", shown_start(shown)),
    };
    let block = Block::bordered().title(Span::styled(title, theme::title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if shown.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled("No decision yet", theme::muted())),
            inner,
        );
        return;
    }
    let bars: Vec<Bar> = shown
        .iter()
        .map(|(day, count)| {
            Bar::default()
                .value(u64::try_from(*count).unwrap_or(u64::MAX))
                .label(Line::from(format!(
                    "{:02}-{:02}",
                    u8::from(day.month()),
                    day.day()
                )))
        })
        .collect();
    frame.render_widget(
        BarChart::default()
            .data(BarGroup::default().bars(&bars))
            .bar_width(DAY_WIDTH)
            .bar_gap(gap)
            .bar_style(theme::label()),
        inner,
    );
}

fn shown_start(shown: &[(time::Date, usize)]) -> String {
    shown
        .first()
        .map_or(String::new(), |(day, _)| day.to_string())
}
