//! A reply drafted and kept in the console reaches `inviteq export`, in
//! JSON and CSV, with the inviter's first name and never a brace.

mod common;

use common::Home;

#[test]
fn a_kept_reply_is_exported_with_the_first_name_and_no_placeholder() {
    let home = Home::new();
    let queue = home.file(
        "queue.json",
        r#"{"owner": {"name": "Jordan Avery"}, "invitations": [
            {"id": "a", "message": "I'd like to add you to my professional network on LinkedIn.",
             "profile": {"name": "Dr. Ana Ruiz", "url": "https://www.linkedin.com/in/ana-ruiz", "photo": "person", "connections": 300}},
            {"id": "b", "profile": {"name": "Robert J. Castellano, CPA", "photo": "person", "connections": 120}}
        ]}"#,
    );
    let mut console = home.console(&[queue.to_str().unwrap()]);
    console.wait_for("0/2 decided");
    console.keys("r");
    console.wait_for("Hi Ana,");
    console.keys("\u{13}");
    console.wait_for("1/2 decided");
    console.keys("a");
    console.wait_for("2/2 decided");
    console.keys("q");
    assert_eq!(console.wait(), 0);

    let (status, json, stderr) = home.run(&["export", "--format", "json"]);
    assert_eq!(status, 0, "{stderr}");
    let records: serde_json::Value = serde_json::from_str(&json).unwrap();
    let records = records.as_array().unwrap();
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["id"], "a");
    assert_eq!(records[0]["action"], "reply");
    assert_eq!(records[0]["url"], "https://www.linkedin.com/in/ana-ruiz");
    let reply = records[0]["reply"].as_str().unwrap();
    assert!(reply.starts_with("Hi Ana,"), "{reply}");
    assert!(!reply.contains('{') && !reply.contains('}'), "{reply}");
    assert_eq!(records[1]["action"], "accept");
    assert_eq!(records[1]["name"], "Robert J. Castellano, CPA");
    assert!(records[1]["reply"].is_null());

    let (status, csv, _) = home.run(&["export", queue.to_str().unwrap(), "--format", "csv"]);
    assert_eq!(status, 0);
    assert!(
        csv.starts_with("id,name,url,action,template,reply,decided_at"),
        "{csv}"
    );
    assert!(csv.contains("\"Robert J. Castellano, CPA\""), "{csv}");
}

#[test]
fn an_undone_decision_is_not_exported_and_a_changed_one_exports_once() {
    let home = Home::new();
    let queue = home.file("queue.json", common::queue_of(3));
    let mut console = home.console(&[queue.to_str().unwrap()]);
    console.wait_for("0/3 decided");
    console.keys("a");
    console.wait_for("1/3 decided");
    console.keys("a");
    console.wait_for("2/3 decided");
    console.keys("u");
    console.wait_for("1/3 decided");
    console.keys("gi");
    console.wait_for("✗");
    console.keys("q");
    console.wait();

    let (status, json, _) = home.run(&["export"]);
    assert_eq!(status, 0);
    let records: serde_json::Value = serde_json::from_str(&json).unwrap();
    let records = records.as_array().unwrap();
    assert_eq!(records.len(), 1, "{json}");
    assert_eq!(records[0]["id"], "inv-01");
    assert_eq!(records[0]["action"], "ignore");
}

#[test]
fn a_selective_reviewer_answers_ten_canned_invitations_in_ten_keystroke_pairs() {
    let home = Home::new();
    let first_names = [
        "Ana", "Ben", "Chidi", "Dana", "Eun-ji", "Farid", "Greta", "Hugo", "Ines", "Jonas",
    ];
    let invitations: Vec<String> = first_names
        .iter()
        .enumerate()
        .map(|(n, first)| {
            format!(
                r#"{{"id": "c{n}", "message": "I'd like to add you to my professional network on LinkedIn.",
                    "profile": {{"name": "{first} Example", "headline": "Engineer at Firm {n}", "photo": "person",
                                 "connections": 240, "mutual_connections": 0, "experience_count": 3, "education_count": 1}}}}"#
            )
        })
        .collect();
    let queue = home.file("canned.json", format!("[{}]", invitations.join(",")));
    let mut console = home.console(&["--policy", "selective", queue.to_str().unwrap()]);
    console.wait_for("0/10 decided");
    for (done, first) in first_names.iter().enumerate() {
        console.keys("\r");
        console.wait_for(&format!("Hi {first},"));
        console.keys("\u{13}");
        console.wait_for(&format!("{}/10 decided", done + 1));
    }
    console.keys("q");
    assert_eq!(console.wait(), 0);

    let (status, json, _) = home.run(&["export"]);
    assert_eq!(status, 0);
    let records: serde_json::Value = serde_json::from_str(&json).unwrap();
    let records = records.as_array().unwrap();
    assert_eq!(records.len(), 10);
    for (record, first) in records.iter().zip(first_names) {
        assert_eq!(record["action"], "reply");
        assert_eq!(record["template"], "how-do-we-know");
        assert!(
            record["reply"]
                .as_str()
                .unwrap()
                .starts_with(&format!("Hi {first},")),
            "{record}"
        );
    }
}
