//! The warnings of one load of the export, each as `FILE:LINE: message`.
//! A message told of many lines of one file is kept once, at its first
//! line, with a count: a zip of one valid row repeated 13 million times
//! gives one warning, not 13 million. Past [`DISTINCT_KEPT`] different
//! warnings the rest are only counted, so that what is kept stays small
//! whatever the file holds.

use std::collections::HashMap;
use std::fmt::Display;
use std::path::Path;

/// Different warnings kept word for word.
const DISTINCT_KEPT: usize = 1_000;

#[derive(Default)]
pub(super) struct Report {
    told: Vec<Told>,
    /// Where each message (with its file) is in `told`.
    by_message: HashMap<String, usize>,
    /// Warnings past the distinct ones kept.
    untold: usize,
    pub skipped_rows: usize,
}

struct Told {
    /// `FILE:LINE: ` of the first time.
    place: String,
    message: String,
    times: usize,
}

impl Report {
    pub fn warn(&mut self, file: &Path, line: usize, message: impl Display) {
        let message = message.to_string();
        let key = format!("{}\0{message}", file.display());
        if let Some(&at) = self.by_message.get(&key) {
            self.told[at].times += 1;
        } else if self.told.len() < DISTINCT_KEPT {
            self.by_message.insert(key, self.told.len());
            self.told.push(Told {
                place: format!("{}:{line}: ", file.display()),
                message,
                times: 1,
            });
        } else {
            self.untold += 1;
        }
    }

    pub fn skip(&mut self, file: &Path, line: usize, why: impl Display) {
        self.skipped_rows += 1;
        self.warn(file, line, format_args!("row skipped: {why}"));
    }

    /// A note that belongs to no line of a file (it names its own place).
    pub fn note(&mut self, note: String) {
        self.told.push(Told {
            place: String::new(),
            message: note,
            times: 1,
        });
    }

    /// The warnings in the order first told, with their counts.
    pub fn warnings(&self) -> Vec<String> {
        let mut warnings: Vec<String> = self
            .told
            .iter()
            .map(|told| match told.times {
                1 => format!("{}{}", told.place, told.message),
                n => format!("{}{} ({} times)", told.place, told.message, grouped(n)),
            })
            .collect();
        if self.untold > 0 {
            warnings.push(format!(
                "and {} more warnings, not listed",
                grouped(self.untold)
            ));
        }
        warnings
    }
}

/// `13812001` as `13,812,001`.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_warning_is_kept_once_with_its_count() {
        let mut report = Report::default();
        let file = Path::new("x.zip/Invitations.csv");
        report.warn(file, 2, "bytes that are not UTF-8");
        for line in 3..1_234_570 {
            report.skip(file, line, "a quote opened on this line is never closed");
        }
        report.warn(Path::new("Connections.csv"), 7, "bytes that are not UTF-8");
        assert_eq!(
            report.warnings(),
            [
                "x.zip/Invitations.csv:2: bytes that are not UTF-8",
                "x.zip/Invitations.csv:3: row skipped: a quote opened on this line is never closed (1,234,567 times)",
                "Connections.csv:7: bytes that are not UTF-8",
            ]
        );
        assert_eq!(report.skipped_rows, 1_234_567);
    }

    #[test]
    fn past_the_distinct_ones_kept_warnings_are_counted() {
        let mut report = Report::default();
        for line in 0..DISTINCT_KEPT + 2_500 {
            report.warn(
                Path::new("a.csv"),
                line,
                format!("Sent At \"{line}\" is not a date"),
            );
        }
        let warnings = report.warnings();
        assert_eq!(warnings.len(), DISTINCT_KEPT + 1);
        assert_eq!(
            warnings[DISTINCT_KEPT],
            "and 2,500 more warnings, not listed"
        );
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_000), "1,000");
    }
}
