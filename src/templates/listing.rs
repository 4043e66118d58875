use std::path::Path;

use super::Templates;

/// The widest first line shown, so that a row fits a terminal.
const PREVIEW_CAP: usize = 60;

/// What `inviteq templates` prints: where the file lives, then each
/// template's name and the first line of its body, with its `about` below
/// (greetings make many first lines alike).
pub fn templates_listing(templates: &Templates, path: &Path) -> String {
    let mut out = format!("Reply templates in {}\n\n", path.display());
    let width = templates
        .as_slice()
        .iter()
        .map(|t| t.name.chars().count())
        .max()
        .unwrap_or_default();
    for template in templates.as_slice() {
        out.push_str(&format!(
            "  {:width$}  {}\n",
            template.name,
            shortened(template.first_line())
        ));
        if let Some(about) = &template.about {
            out.push_str(&format!("  {:width$}  {}\n", "", shortened(about)));
        }
    }
    if templates.as_slice().is_empty() {
        out.push_str("  (none)\n");
    }
    out.push_str("\nEdit them in the console (press t) or in that file.\n");
    out
}

fn shortened(line: &str) -> String {
    if line.chars().count() <= PREVIEW_CAP {
        return line.to_string();
    }
    let mut short: String = line.chars().take(PREVIEW_CAP - 1).collect();
    short.push('…');
    short
}
