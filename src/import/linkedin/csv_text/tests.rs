//! Rows, broken lines and the work recovery costs.

use super::*;

fn rows(text: &str, required: &[&str]) -> Vec<Result<(usize, Vec<String>), usize>> {
    Table::open(text.as_bytes(), required)
        .expect("text in memory is read")
        .expect("a header row")
        .map(|row| match row {
            Ok(row) => Ok((row.line, row.record.iter().map(String::from).collect())),
            Err(broken) => Err(broken.line),
        })
        .collect()
}

#[test]
fn the_header_is_found_below_a_preamble_by_its_names() {
    let text = "Notes:\n\"Some, quoted\nnote\"\n\nfirst name,Last Name,Company\nAnn,Lee,Acme\n";
    let table = Table::open(text.as_bytes(), &["First Name", "Last Name"])
        .expect("text in memory is read")
        .expect("a header");
    assert_eq!(table.column("company"), Some(2));
    assert_eq!(
        rows(text, &["First Name"]),
        [Ok((6, vec!["Ann".into(), "Lee".into(), "Acme".into()]))]
    );
    assert!(matches!(
        Table::open(&b"a,b\n1,2\n"[..], &["First Name"]),
        Ok(None)
    ));
}

#[test]
fn quoted_newlines_and_doubled_quotes_make_one_row() {
    let text = "A,B\r\n\"say \"\"hi\"\"\r\nthen go\",2\r\nx,3\r\n";
    let got = rows(text, &["A"]);
    assert_eq!(
        got[0],
        Ok((2, vec!["say \"hi\"\r\nthen go".into(), "2".into()]))
    );
    assert_eq!(got[1], Ok((4, vec!["x".into(), "3".into()])));
}

#[test]
fn a_run_away_quote_costs_its_own_line_only() {
    let at_end = "A,B,C\n1,\"never closed,3\n4,5,6\n7,8,9\n";
    let got = rows(at_end, &["A"]);
    assert_eq!(got[0], Err(2));
    assert_eq!(got[1], Ok((3, vec!["4".into(), "5".into(), "6".into()])));
    assert_eq!(got.len(), 3);

    let closed_by_a_later_row = "A,B,C\n1,\"never closed,3\n4,\"5\",6\n7,8,9\n";
    let got = rows(closed_by_a_later_row, &["A"]);
    assert_eq!(got[0], Err(2));
    assert_eq!(got[1], Ok((3, vec!["4".into(), "5".into(), "6".into()])));
}

proptest::proptest! {
    /// Rows and broken lines are those the reading before recovery was
    /// made linear gave. (A lone `\r` differs on purpose: it ends a
    /// line where the old reading restarted only after a `\n`.)
    #[test]
    fn recovers_as_the_whole_record_reading_did(body in "(a|b|,|\"|\n|\r\n){0,40}") {
        let text = format!("A,B,C\n{body}");
        proptest::prop_assert_eq!(rows(&text, &["A"]), oracle::rows(&text));
    }
}

/// A text of many pieces, rows and notes across their edges: read a
/// piece at a time, it gives what the whole-text reading gave.
#[test]
fn records_across_the_edges_of_pieces_are_whole() {
    let mut text = "From,To,Message\r\n".to_string();
    for n in 0..15_000 {
        text.push_str(&match n % 7 {
            0 => format!("Ann {n},Me,\"a note\r\non two lines, \"\"quoted\"\"\"\r\n"),
            3 => format!("Bo {n},Me,\"never closed\r\n"),
            5 => "\r\n".to_string(),
            _ => format!("Cy {n},Me,Hi \u{e9}t\u{e9} \u{1f600}\r\n"),
        });
    }
    assert!(text.len() > 5 * MORE, "{} bytes", text.len());
    assert_eq!(rows(&text, &["From"]), oracle::rows(&text));
}

/// Rows that each open a quote and never close it, in the shapes that
/// made recovery read to the end of the file once per row: whatever the
/// length, every byte is looked at a bounded number of times.
#[test]
fn recovery_looks_at_each_byte_a_bounded_number_of_times() {
    let shapes: [fn(usize) -> String; 4] = [
        |i| format!("Ann {i},Me,\"4/11/13, 9:05 AM\",\"Hello {i},INCOMING\n"),
        |i| format!("Ann {i},Me,4/11/13,\"Hello {i},INCOMING\n"),
        |i| format!("\"Ann {i},Me,4/11/13,Hello,INCOMING\n"),
        |i| format!("Ann {i},Me,4/11/13,\"\"\"Hello {i},INCOMING\r\n"),
    ];
    for shape in shapes {
        for rows in [2_500, 20_000] {
            let mut text = "From,To,Sent At,Message,Direction\n".to_string();
            text.extend((0..rows).map(shape));
            let mut table = Table::open(text.as_bytes(), &["From"])
                .expect("text in memory is read")
                .expect("a header row");
            let broken = table.by_ref().filter(Result::is_err).count();
            assert!(broken >= rows / 2, "{broken} of {rows} rows broken");
            assert!(
                table.examined() <= 3 * text.len(),
                "{} bytes looked at in a text of {} ({})",
                table.examined(),
                text.len(),
                shape(0)
            );
        }
    }
}
