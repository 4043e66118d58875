//! The owner's own profile: `Profile.csv` (name and headline, one row
//! below its header) and `Positions.csv` (jobs, newest first).

use super::Report;
use super::csv_text::{finish_optional, optional_table};
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
pub(super) fn read(source: Source, report: &mut Report) -> Option<OwnProfile> {
    const UNUSED: &str = "the owner's name is not used";
    let (path, mut table) = optional_table(source, &REQUIRED, UNUSED, report)?;
    let (first, last) = (table.column("First Name"), table.column("Last Name"));
    let headline = table.column("Headline");
    let row = match table.next()? {
        Ok(row) => row,
        Err(broken) => {
            report.warn(&path, broken.line, broken.reason);
            return None;
        }
    };
    if !finish_optional(&path, table, UNUSED, report) {
        return None;
    }
    let name = clean_line(&format!("{} {}", row.get(first), row.get(last)), NAME_CAP);
    Some(OwnProfile {
        name: Some(name).filter(|n| !n.is_empty()),
        headline: clean_optional_line(Some(row.get(headline)), LINE_CAP),
    })
}

/// The company of the owner's current job: the first position in
/// `Positions.csv` that has not finished.
pub(super) fn current_company(source: Source, report: &mut Report) -> Option<String> {
    const UNUSED: &str = "the owner's company is not used";
    let (path, mut table) = optional_table(source, &POSITION_COLUMNS, UNUSED, report)?;
    let (company, finished) = (table.column("Company Name"), table.column("Finished On"));
    let current = table
        .by_ref()
        .filter_map(Result::ok)
        .find(|row| row.get(finished).trim().is_empty());
    if !finish_optional(&path, table, UNUSED, report) {
        return None;
    }
    current.and_then(|row| clean_optional_line(Some(row.get(company)), LINE_CAP))
}
