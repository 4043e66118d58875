//! `inviteq export` formats, per the contract in queue-format.md.

use inviteq::export::{ExportRecord, Formulas, to_csv, to_json};
use inviteq::model::Verdict;
use time::macros::datetime;

fn records() -> Vec<ExportRecord> {
    vec![
        ExportRecord {
            id: "inv-0001".into(),
            name: "Charlie Example".into(),
            url: Some("https://www.linkedin.com/in/charlie-example".into()),
            action: Verdict::Reply,
            template: Some("how-do-we-know".into()),
            reply: Some(
                "Hi Charlie, thanks for the invitation.\nHow do we know each other? \
                 He said \"hello\", twice."
                    .into(),
            ),
            decided_at: datetime!(2026-11-27 08:15 UTC),
            carried_out_at: Some(datetime!(2026-11-27 09:00 UTC)),
        },
        ExportRecord {
            id: "inv-0002".into(),
            name: "Resume Girl".into(),
            url: None,
            action: Verdict::Ignore,
            template: None,
            reply: None,
            decided_at: datetime!(2026-11-27 10:16:30 +02:00),
            carried_out_at: None,
        },
    ]
}

#[test]
fn json_is_one_array_with_every_field_and_nulls_for_the_unknown() {
    let json = to_json(&records());
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        value,
        serde_json::json!([
            {"id": "inv-0001", "name": "Charlie Example",
             "url": "https://www.linkedin.com/in/charlie-example",
             "action": "reply", "template": "how-do-we-know",
             "reply": "Hi Charlie, thanks for the invitation.\nHow do we know each other? He said \"hello\", twice.",
             "decided_at": "2026-11-27T08:15:00Z", "carried_out_at": "2026-11-27T09:00:00Z"},
            {"id": "inv-0002", "name": "Resume Girl", "url": null,
             "action": "ignore", "template": null, "reply": null,
             "decided_at": "2026-11-27T08:16:30Z", "carried_out_at": null}
        ])
    );
    assert!(json.ends_with("]\n"));
    assert_eq!(to_json(&[]), "[]\n");
}

#[test]
fn csv_has_a_header_and_quotes_commas_quotes_and_line_breaks() {
    assert_eq!(
        to_csv(&records(), Formulas::Defused),
        "id,name,url,action,template,reply,decided_at,carried_out_at\r\n\
         inv-0001,Charlie Example,https://www.linkedin.com/in/charlie-example,reply,how-do-we-know,\
         \"Hi Charlie, thanks for the invitation.\nHow do we know each other? \
         He said \"\"hello\"\", twice.\",2026-11-27T08:15:00Z,2026-11-27T09:00:00Z\r\n\
         inv-0002,Resume Girl,,ignore,,,2026-11-27T08:16:30Z,\r\n"
    );
    assert_eq!(
        to_csv(&[], Formulas::Defused),
        "id,name,url,action,template,reply,decided_at,carried_out_at\r\n"
    );
}

#[test]
fn csv_reads_back_to_the_same_fields() {
    let csv = to_csv(&records(), Formulas::Defused);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][5], records()[0].reply.as_deref().unwrap());
    assert_eq!(&rows[1][5], "");
}

fn named(name: &str, reply: &str) -> ExportRecord {
    ExportRecord {
        name: name.into(),
        reply: Some(reply.into()),
        ..records().remove(0)
    }
}

#[test]
fn csv_defuses_every_cell_a_spreadsheet_would_run() {
    for start in ["=", "+", "-", "@", "\t", "\r", "\n"] {
        let name = format!("{start}cmd|' /C calc'!A0");
        let csv = to_csv(&[named(&name, "Hi")], Formulas::Defused);
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let row = reader.records().next().unwrap().unwrap();
        assert!(row[1].starts_with('\''), "{start:?}: {:?}", &row[1]);
        assert!(row[1].ends_with("cmd|' /C calc'!A0"), "{:?}", &row[1]);
    }
}

#[test]
fn csv_leaves_ordinary_text_and_its_own_cells_alone() {
    let csv = to_csv(
        &[named("Ana = Ruiz", "Hi -- see you @ 5")],
        Formulas::Defused,
    );
    assert!(csv.contains(",Ana = Ruiz,"), "{csv}");
    assert!(csv.contains(",Hi -- see you @ 5,"), "{csv}");
}

#[test]
fn raw_csv_keeps_formulas() {
    let csv = to_csv(&[named("=1+1", "+1")], Formulas::Raw);
    assert!(csv.contains(",=1+1,"), "{csv}");
    assert!(csv.contains(",+1,"), "{csv}");
}
