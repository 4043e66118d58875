//! `Connections.csv`: the owner's connections, below a `Notes:` preamble in
//! newer exports; exports before late 2023 have no `URL` column.

use super::csv_text::{finish_optional, optional_table};
use super::sources::Source;
use super::{Report, url_key};
use crate::import::clean::{LINE_CAP, NAME_CAP, clean_line, clean_optional_line};
use crate::model::Network;

const REQUIRED: [&str; 2] = ["First Name", "Last Name"];
const UNUSED: &str = "connections are not used";

/// The network the file lists; `None`, with a warning, when the file has
/// no header row, since the invitations can be reviewed without it.
pub(super) fn read(source: Source, report: &mut Report) -> Option<Network> {
    let (path, mut table) = optional_table(source, &REQUIRED, UNUSED, report)?;
    let first = table.column("First Name");
    let last = table.column("Last Name");
    let url = table.column("URL");
    let company = table.column("Company");
    let width = table.width();
    let mut network = Network::default();
    for row in table.by_ref() {
        let row = match row {
            Ok(row) => row,
            Err(broken) => {
                report.skip(&path, broken.line, broken.reason);
                continue;
            }
        };
        if row.record.len() != width {
            let message = format!("{} fields where the header has {width}", row.record.len());
            report.skip(&path, row.line, message);
            continue;
        }
        let name = clean_line(&format!("{} {}", row.get(first), row.get(last)), NAME_CAP);
        let url = clean_optional_line(Some(row.get(url)), LINE_CAP).and_then(|u| url_key(&u));
        if name.is_empty() && url.is_none() {
            let message = "no name and no URL: a hidden or closed profile";
            report.skip(&path, row.line, message);
            continue;
        }
        let company = clean_optional_line(Some(row.get(company)), LINE_CAP);
        network.add(url, &name, company.as_deref());
    }
    finish_optional(&path, table, UNUSED, report).then_some(network)
}
