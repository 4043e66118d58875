//! `config.toml` against folders of good and bad files. Each bad file says,
//! on its first line (`# expect: LINE:COLUMN: message`), what the refusal
//! must say after the file's name.

use std::path::{Path, PathBuf};

use inviteq::config::{Config, ConfigError, DEFAULT_CONFIG};
use inviteq::score::{Policy, Settings, Signal};
use inviteq::tui::ThemeName;

fn configs(folder: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(folder);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the config folder")
        .map(|entry| entry.expect("a folder entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no configs in {}", dir.display());
    paths
}

#[test]
fn every_valid_config_loads() {
    for path in configs("valid_configs") {
        if let Err(e) = Config::load(&path) {
            panic!("{e}");
        }
    }
}

#[test]
fn every_invalid_config_is_refused_with_its_file_line_and_key() {
    for path in configs("invalid_configs") {
        // Lossy: one of them is not UTF-8, which is what it tests.
        let text = String::from_utf8_lossy(&std::fs::read(&path).expect("readable")).into_owned();
        let expected = text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# expect: "))
            .unwrap_or_else(|| panic!("{} has no `# expect:` line", path.display()));
        let err = Config::load(&path).expect_err(&path.display().to_string());
        let message = err.to_string();
        let place = format!("{}:{expected}", path.display());
        assert!(
            message.starts_with(&place),
            "{}\n  got:  {message}\n  want: {place}…",
            path.display()
        );
        assert!(matches!(err, ConfigError::Invalid { .. }));
    }
}

#[test]
fn the_default_config_is_the_default_settings() {
    let parsed =
        Config::parse(DEFAULT_CONFIG, Path::new("config.toml")).expect("the default parses");
    assert_eq!(parsed, Config::default());
    assert_eq!(parsed.score, Settings::default());
}

#[test]
fn the_default_config_documents_every_signal_with_its_points() {
    for &signal in Signal::ALL {
        let line = format!("# {} = {}", signal.name(), signal.default_points());
        assert!(
            DEFAULT_CONFIG.contains(&line),
            "the default config lacks `{line}`"
        );
    }
    for policy in Policy::ALL {
        assert!(
            DEFAULT_CONFIG.contains(policy.as_str()),
            "{policy} is not described"
        );
    }
}

#[test]
fn the_console_takes_its_theme_and_mouse_from_the_file() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/valid_configs");
    let console = Config::load(&dir.join("console.toml")).expect("loads");
    assert_eq!(console.theme, ThemeName::HighContrast);
    assert!(!console.mouse);
    assert_eq!(console.score, Settings::default());

    let empty = Config::load(&dir.join("empty.toml")).expect("loads");
    assert_eq!(empty.theme, ThemeName::Default);
    assert!(empty.mouse, "the mouse is on unless the file says not");
}

#[test]
fn overrides_change_only_what_they_name() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/valid_configs");
    let settings = Config::load(&dir.join("overrides.toml"))
        .expect("loads")
        .score;
    assert_eq!(settings.policy, Policy::Selective);
    assert_eq!(settings.non_person_threshold, 50);
    assert_eq!(settings.points.get(Signal::SmallNetwork), 5);
    assert_eq!(settings.points.get(Signal::NoPhoto), 0);
    assert_eq!(settings.points.get(Signal::VeryFewConnections), 40);
    assert_eq!(settings.points.get(Signal::LargeNetwork), -15);
    assert_eq!(
        settings.points.get(Signal::LogoPhoto),
        Signal::LogoPhoto.default_points()
    );

    let inline = Config::load(&dir.join("inline_tables.toml"))
        .expect("loads")
        .score;
    assert_eq!(inline.policy, Policy::MeetFirst);
    assert_eq!(inline.non_person_threshold, 75);
    assert_eq!(inline.points.get(Signal::ReusedNote), 40);
    assert_eq!(inline.points.get(Signal::SameDayAccounts), 0);

    let lists = Config::load(&dir.join("lists.toml")).expect("loads").score;
    assert_eq!(lists.allow.names.len(), 2);
    assert_eq!(lists.deny.urls[0].as_str(), "*/company/*");
    assert_eq!(lists.recruiter.clients, ["hiring manager", "CTO"]);
}

#[test]
fn a_missing_file_is_named() {
    let path = Path::new("/nonexistent/inviteq/config.toml");
    let err = Config::load(path).expect_err("no such file");
    assert!(
        err.to_string()
            .starts_with("/nonexistent/inviteq/config.toml: "),
        "{err}"
    );
}
