//! templates.toml: the default, created once; bad files refused and left
//! alone; saving refuses a template with errors; the list operations.
// Helpers unwrap as the tests do: a panic here is the test failing.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};

use inviteq::score::policy::template::{HOW_DO_WE_KNOW, MEET_FIRST, NOT_AN_OPEN_NETWORKER};
use inviteq::templates::{
    Created, NameError, Template, TemplateError, Templates, templates_listing,
};

const DEFAULT: &str = include_str!("../assets/templates.toml");

fn config_file() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("inviteq").join("templates.toml");
    (dir, path)
}

fn names(templates: &Templates) -> Vec<&str> {
    templates
        .as_slice()
        .iter()
        .map(|t| t.name.as_str())
        .collect()
}

fn invalid(path: &Path, text: &str) -> Vec<String> {
    fs::write(path, text).unwrap();
    match Templates::load_or_create(path) {
        Err(TemplateError::Invalid { problems, .. }) => {
            problems.iter().map(ToString::to_string).collect()
        }
        other => panic!("expected an invalid file, got {other:?}"),
    }
}

#[test]
fn the_default_file_is_created_once_and_never_overwritten() {
    let (_dir, path) = config_file();
    let (templates, created) = Templates::load_or_create(&path).unwrap();
    assert_eq!(created, Created::NewDefault);
    assert_eq!(
        names(&templates),
        [
            "how-do-we-know",
            "meet-first",
            "not-an-open-networker",
            "welcome"
        ]
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), DEFAULT);

    let mine = "[[template]]\nname = \"mine\"\nbody = 'Hello {first_name|there}'\n";
    fs::write(&path, mine).unwrap();
    let (templates, created) = Templates::load_or_create(&path).unwrap();
    assert_eq!(created, Created::Existing);
    assert_eq!(names(&templates), ["mine"]);
    assert_eq!(fs::read_to_string(&path).unwrap(), mine);
}

#[test]
fn the_default_templates_are_valid_and_written_back_unchanged() {
    let builtin = Templates::builtin();
    assert!(builtin.problems().is_empty());
    assert!(builtin.as_slice().iter().all(|t| t.about.is_some()));
    assert_eq!(builtin.to_toml(), DEFAULT);
}

#[test]
fn the_templates_the_policies_suggest_are_shipped() {
    let builtin = Templates::builtin();
    for name in [HOW_DO_WE_KNOW, MEET_FIRST, NOT_AN_OPEN_NETWORKER] {
        let shipped = builtin.get(name);
        assert!(shipped.is_some(), "assets/templates.toml lacks `{name}`");
    }
}

#[test]
fn a_bad_file_is_refused_with_its_place_and_left_byte_for_byte() {
    let (_dir, path) = config_file();
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let text = "[[template]]\nname = \"a\"\nbody = '''\nHi {first_name},\n\nFrom {my_nam}\n'''\n";
    fs::write(&path, text).unwrap();
    let message = Templates::load_or_create(&path).unwrap_err().to_string();
    assert_eq!(
        message,
        format!(
            "{}:6:6: template `a`: unknown placeholder `{{my_nam}}`; did you mean `{{my_name}}`?",
            path.display()
        )
    );
    assert_eq!(fs::read(&path).unwrap(), text.as_bytes());
}

#[test]
fn every_kind_of_bad_file_is_told_at_its_line_and_column() {
    let (_dir, path) = config_file();
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let cases: &[(&str, &[&str])] = &[
        (
            "[[template]\n",
            &["1:12: unclosed array table, expected `]`"],
        ),
        (
            "[[template]]\nname = \"a\"\n",
            &["1:1: missing field `body`"],
        ),
        (
            "[[template]]\nname = \"a\"\ntext = \"b\"\nbody = \"c\"\n",
            &["3:1: unknown field `text`, expected one of `name`, `about`, `body`"],
        ),
        (
            "[[template]]\nname = \"a b\"\nbody = \"c\"\n",
            &["2:8: a template name has only letters, digits, `-` and `_`, not ' '"],
        ),
        (
            "[[template]]\nname = \"a\"\nbody = \"x\"\n\n[[template]]\nname = \"A\"\nbody = \"y\"\n",
            &["6:8: there is already a template named `a`"],
        ),
        (
            "[[template]]\nname = \"a\"\nbody = \"x {b} y\"\n",
            &[
                "3:11: template `a`: unknown placeholder `{b}`; known: {first_name}, {last_name}, \
               {name}, {company}, {headline}, {my_name}, {my_first_name}, {sent_date}",
            ],
        ),
        (
            "[[template]]\nname = \"a\"\nbody = '''x {first_name}\n  }'''\n",
            &["4:3: template `a`: `}` closes nothing; write `}}` for a literal brace"],
        ),
        (
            "[[template]]\nname = \"a\"\nbody = \"\\tx\\n{oops}\"\n",
            &[
                "3:8: template `a`, line 2 column 1 of its body: unknown placeholder \
               `{oops}`; known: {first_name}, {last_name}, {name}, {company}, {headline}, \
               {my_name}, {my_first_name}, {sent_date}",
            ],
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(&invalid(&path, text), expected, "for {text:?}");
        assert_eq!(fs::read_to_string(&path).unwrap(), *text);
    }
}

#[test]
fn a_byte_order_mark_is_allowed_and_bytes_that_are_not_utf8_are_told() {
    let (_dir, path) = config_file();
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, "\u{feff}[[template]]\nname = \"a\"\nbody = \"x\"\n").unwrap();
    assert_eq!(names(&Templates::load(&path).unwrap()), ["a"]);

    fs::write(&path, b"[[template]]\nname = \"\xff\"\n").unwrap();
    assert_eq!(
        Templates::load(&path).unwrap_err().to_string(),
        format!(
            "{}:2:9: not UTF-8 text: byte 21 is 0xFF; save the file as UTF-8",
            path.display()
        )
    );
}

#[test]
fn saving_refuses_a_template_with_errors_and_keeps_the_good_file() {
    let (_dir, path) = config_file();
    let (mut templates, _) = Templates::load_or_create(&path).unwrap();
    templates
        .set_body("welcome", "Hi {first_name},\nat {compnay}")
        .unwrap();
    let error = templates.save(&path).unwrap_err();
    assert!(
        error.to_string().ends_with(
            "not saved: template `welcome`, line 2, column 4: unknown placeholder \
                        `{compnay}`; did you mean `{company}`?"
        ),
        "{error}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), DEFAULT);
}

#[test]
fn edits_are_saved_and_read_back_as_they_were() {
    let (_dir, path) = config_file();
    let (mut templates, _) = Templates::load_or_create(&path).unwrap();
    templates.rename("welcome", "welcome-aboard").unwrap();
    templates.remove("meet-first").unwrap();
    let awkward = [
        "no trailing break",
        "ends with a break\n",
        "\nstarts with a break",
        "it's 'quoted' and ends with a quote'",
        "has ''' inside",
        "has \"\"\" and \\ and a \t tab",
        "windows\r\nlines",
        "a control \u{7} character",
    ];
    for (i, body) in awkward.iter().enumerate() {
        let mut template = Template::new(format!("t{i}"), *body);
        template.about = Some(format!("note \"{i}\"\nwith a break"));
        templates.insert(i, template).unwrap();
    }
    templates.save(&path).unwrap();
    assert_eq!(Templates::load(&path).unwrap(), templates);
}

#[test]
fn names_are_checked_when_templates_are_added_or_renamed() {
    let mut templates = Templates::builtin();
    assert_eq!(
        templates.push(Template::new("Welcome", "Hi")),
        Err(NameError::Duplicate("welcome".into()))
    );
    assert_eq!(
        templates.rename("welcome", "Meet-First"),
        Err(NameError::Duplicate("meet-first".into()))
    );
    assert_eq!(templates.rename("welcome", "Welcome"), Ok(()));
    assert_eq!(
        templates.rename("nope", "x"),
        Err(NameError::NotFound("nope".into()))
    );
    assert_eq!(
        templates.push(Template::new("", "Hi")),
        Err(NameError::Empty)
    );
    assert_eq!(
        templates.push(Template::new("x".repeat(41), "Hi")),
        Err(NameError::TooLong)
    );
    templates.insert(0, Template::new("first", "Hi")).unwrap();
    templates.insert(99, Template::new("last", "Hi")).unwrap();
    assert_eq!(
        names(&templates),
        [
            "first",
            "how-do-we-know",
            "meet-first",
            "not-an-open-networker",
            "Welcome",
            "last"
        ]
    );
    assert_eq!(templates.index_of("Welcome"), Some(4));
    assert_eq!(templates.get("last").map(|t| t.body.as_str()), Some("Hi"));
}

#[test]
fn the_listing_names_the_file_and_shows_each_first_line() {
    let mut templates = Templates::builtin();
    templates
        .push(Template::new(
            "long",
            format!("\n  {}  \nsecond", "x".repeat(70)),
        ))
        .unwrap();
    let listing = templates_listing(
        &templates,
        Path::new("/home/ann/.config/inviteq/templates.toml"),
    );
    let expected = format!(
        "Reply templates in /home/ann/.config/inviteq/templates.toml\n\
         \n  how-do-we-know         Hi {{first_name|there}},\
         \n                         A canned invitation from someone you cannot place.\
         \n  meet-first             Hi {{first_name|there}},\
         \n                         A stranger: connect once you have talked.\
         \n  not-an-open-networker  Hi {{first_name|there}},\
         \n                         A polite no.\
         \n  welcome                Hi {{first_name|there}},\
         \n                         After accepting.\
         \n  long                   {}…\
         \n\nEdit them in the console (press t) or in that file.\n",
        "x".repeat(59)
    );
    assert_eq!(listing, expected);
}
