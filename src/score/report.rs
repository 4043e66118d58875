//! `inviteq score`: a table a person reads, or JSON per the contract in
//! `queue-format.md`, both in queue order.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use serde::Serialize;

use crate::output::json_text;

use super::{Assessment, Confidence, Intent, Reason, Scorer};
use crate::model::{Queue, Verdict};

const NAME_WIDTH: usize = 28;
const SUGGESTION_WIDTH: usize = 34;
const INTENT_WIDTH: usize = 11;
const TOP_REASONS: usize = 2;

/// One aligned row per invitation (name, score, suggestion and template,
/// intent, top reasons), then the count of each suggestion.
pub fn table(queue: &Queue, scorer: &Scorer) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "policy {}, non-person threshold {}\n",
        scorer.policy(),
        scorer.threshold()
    );
    let name_width = queue
        .invitations
        .iter()
        .map(|i| width(&i.profile.name))
        .max()
        .unwrap_or(0)
        .clamp(4, NAME_WIDTH);
    let _ = writeln!(
        out,
        "{}  SCORE  {:SUGGESTION_WIDTH$}  {:INTENT_WIDTH$}  TOP REASONS",
        pad("NAME", name_width),
        "SUGGESTION",
        "INTENT"
    );
    let mut counts = Counts::default();
    for invitation in &queue.invitations {
        let a = scorer.assess(invitation);
        counts.add(&a);
        let line = format!(
            "{}  {:>5}  {:SUGGESTION_WIDTH$}  {:INTENT_WIDTH$}  {}",
            pad(&invitation.profile.name, name_width),
            a.score,
            suggestion(&a),
            a.intent.as_str(),
            top_reasons(&a.reasons)
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&counts.to_string());
    out.push('\n');
    out
}

/// One JSON array, one object per invitation, each on its own line.
pub fn json(queue: &Queue, scorer: &Scorer) -> String {
    let mut out = Vec::new();
    // Writing to memory fails only if a row cannot be serialised, and a row
    // of strings, numbers and plain enums always can.
    let _ = write_json(queue, scorer, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// [`json`], written row by row as each invitation is assessed: however
/// long the queue, only one row is held. Characters a terminal must not
/// receive are written as `\u` escapes.
pub fn write_json(queue: &Queue, scorer: &Scorer, out: &mut impl Write) -> io::Result<()> {
    if queue.invitations.is_empty() {
        return out.write_all(b"[]\n");
    }
    out.write_all(b"[\n")?;
    for (n, invitation) in queue.invitations.iter().enumerate() {
        if n > 0 {
            out.write_all(b",\n")?;
        }
        let a = scorer.assess(invitation);
        let row = Row {
            id: &invitation.id,
            name: &invitation.profile.name,
            score: a.score,
            suggestion: a.suggestion.action_str(),
            template: a.suggestion.template,
            confidence: a.suggestion.confidence,
            doubt: a.suggestion.doubt.as_deref(),
            canned: a.canned,
            intent: a.intent,
            reasons: &a.reasons,
        };
        // Each row as the terminal may receive it: the same JSON.
        out.write_all(json_text(serde_json::to_string(&row)?).as_bytes())?;
    }
    out.write_all(b"\n]\n")
}

#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    name: &'a str,
    score: u8,
    suggestion: &'static str,
    template: Option<&'static str>,
    confidence: Confidence,
    /// Why the confidence is not high.
    #[serde(skip_serializing_if = "Option::is_none")]
    doubt: Option<&'a str>,
    canned: bool,
    intent: Intent,
    reasons: &'a [Reason],
}

/// The suggestion, its template and its confidence: "reply: meet-first, low".
fn suggestion(a: &Assessment) -> String {
    let s = &a.suggestion;
    let confidence = s.confidence.as_str();
    match (s.action, s.template) {
        (None, _) => "nothing to do".to_string(),
        (Some(action), Some(template)) => format!("{}: {template}, {confidence}", action.as_str()),
        (Some(action), None) => format!("{}, {confidence}", action.as_str()),
    }
}

fn top_reasons(reasons: &[Reason]) -> String {
    if reasons.is_empty() {
        return "no signal fired".to_string();
    }
    let mut shown: Vec<String> = reasons
        .iter()
        .take(TOP_REASONS)
        .map(|r| format!("{} ({:+})", r.detail, r.points))
        .collect();
    if reasons.len() > TOP_REASONS {
        shown.push(format!("{} more", reasons.len() - TOP_REASONS));
    }
    shown.join("; ")
}

#[derive(Default)]
struct Counts {
    total: usize,
    accept: usize,
    ignore: usize,
    nothing: usize,
    replies: BTreeMap<&'static str, usize>,
}

impl Counts {
    fn add(&mut self, a: &Assessment) {
        self.total += 1;
        match a.suggestion.action {
            None => self.nothing += 1,
            Some(Verdict::Accept) => self.accept += 1,
            Some(Verdict::Ignore) => self.ignore += 1,
            Some(Verdict::Reply) => {
                *self
                    .replies
                    .entry(a.suggestion.template.unwrap_or("reply"))
                    .or_default() += 1
            }
        }
    }
}

impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let plural = if self.total == 1 { "" } else { "s" };
        let replies: usize = self.replies.values().sum();
        write!(
            f,
            "{} invitation{plural}: {} accept, {replies} reply",
            self.total, self.accept
        )?;
        if !self.replies.is_empty() {
            let each: Vec<String> = self
                .replies
                .iter()
                .map(|(t, n)| format!("{n} {t}"))
                .collect();
            write!(f, " ({})", each.join(", "))?;
        }
        write!(f, ", {} ignore", self.ignore)?;
        if self.nothing > 0 {
            write!(f, ", {} nothing to do", self.nothing)?;
        }
        Ok(())
    }
}

/// `text` cut or padded to `columns` terminal columns.
fn pad(text: &str, columns: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    let total = width(text);
    for c in text.chars() {
        let w = char_width(c);
        let room = if total > columns {
            columns - 1
        } else {
            columns
        };
        if used + w > room {
            out.push('…');
            used += 1;
            break;
        }
        out.push(c);
        used += w;
    }
    out.extend(std::iter::repeat_n(' ', columns.saturating_sub(used)));
    out
}

fn width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

/// Terminal columns of `c`: two for East Asian wide characters and emoji,
/// none for combining marks, one otherwise.
fn char_width(c: char) -> usize {
    match u32::from(c) {
        0x0300..=0x036F | 0x200B..=0x200F | 0xFE00..=0xFE0F => 0,
        0x1100..=0x115F
        | 0x2E80..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x1F300..=0x1F64F
        | 0x1F900..=0x1F9FF
        | 0x20000..=0x3FFFD => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pad_counts_wide_characters_and_cuts_with_an_ellipsis() {
        assert_eq!(pad("王小明", 8), "王小明  ");
        assert_eq!(pad("Ann", 5), "Ann  ");
        assert_eq!(pad("Bartholomew", 6), "Barth…");
        assert_eq!(width(&pad("王小明王小明", 7)), 7);
    }
}
