//! The owner's own profile: `Profile.csv` (name and headline, one row
//! below its header) and `Positions.csv` (jobs, newest first).

use super::Report;
use super::csv_text::{Table, decode};
use super::sources::Source;
use crate::import::clean::{LINE_CAP, NAME_CAP, clean_line, clean_optional_line};

const REQUIRED: [&str; 2] = ["First Name", "Last Name"];
const POSITION_COLUMNS: [&str; 2] = ["Company Name", "Finished On"];

/// What the owner's profile says about them.
pub(super) struct OwnProfile {
    pub name: Option<String>,
    pub headline: Option<String>,
}

/// The name and headline `Profile.csv` gives.
pub(super) fn read(source: &Source, report: &mut Report) -> Option<OwnProfile> {
    let decoded = decode(&source.bytes);
    for (line, warning) in decoded.warnings {
        report.warn(&source.path, line, warning);
    }
    let Some(mut table) = Table::open(&decoded.text, &REQUIRED) else {
        report.warn(
            &source.path,
            1,
            "no header row naming First Name and Last Name; the owner's name is not used",
        );
        return None;
    };
    let (first, last) = (table.column("First Name"), table.column("Last Name"));
    let headline = table.column("Headline");
    let row = match table.next()? {
        Ok(row) => row,
        Err(broken) => {
            report.warn(&source.path, broken.line, broken.reason);
            return None;
        }
    };
    let name = clean_line(&format!("{} {}", row.get(first), row.get(last)), NAME_CAP);
    Some(OwnProfile {
        name: Some(name).filter(|n| !n.is_empty()),
        headline: clean_optional_line(Some(row.get(headline)), LINE_CAP),
    })
}

/// The company of the owner's current job: the first position in
/// `Positions.csv` that has not finished.
pub(super) fn current_company(source: &Source, report: &mut Report) -> Option<String> {
    let decoded = decode(&source.bytes);
    for (line, warning) in decoded.warnings {
        report.warn(&source.path, line, warning);
    }
    let Some(table) = Table::open(&decoded.text, &POSITION_COLUMNS) else {
        report.warn(
            &source.path,
            1,
            "no header row naming Company Name and Finished On; the owner's company is not used",
        );
        return None;
    };
    let (company, finished) = (table.column("Company Name"), table.column("Finished On"));
    table
        .filter_map(Result::ok)
        .find(|row| row.get(finished).trim().is_empty())
        .and_then(|row| clean_optional_line(Some(row.get(company)), LINE_CAP))
}
