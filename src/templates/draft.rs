//! The reply drafted for one invitation from a template.

use super::{Templates, Values, render};

/// A reply filled in from a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub template: String,
    pub text: String,
    /// Placeholders whose facts are unknown and that have no fallback, as
    /// written (`{company}`): the reply cannot be kept while they stand.
    pub missing: Vec<String>,
}

/// Drafts the reply for `context` with template `wanted`, else `fallback`,
/// else the first template there is; `None` when there is none, or when
/// the one found has errors.
pub fn draft(
    templates: &Templates,
    context: &Values,
    wanted: Option<&str>,
    fallback: &str,
) -> Option<Draft> {
    let template = wanted
        .and_then(|name| templates.get(name))
        .or_else(|| templates.get(fallback))
        .or_else(|| templates.as_slice().first())?;
    let parsed = template.parse().ok()?;
    let rendered = render(&parsed, context);
    let missing = rendered
        .missing
        .iter()
        .map(|m| rendered.text[m.span.clone()].to_string())
        .collect();
    Some(Draft {
        template: template.name.clone(),
        text: rendered.text,
        missing,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::templates::Template;

    fn templates(list: &[(&str, &str)]) -> Templates {
        let mut templates = Templates::default();
        for (name, body) in list {
            templates.push(Template::new(*name, *body)).unwrap();
        }
        templates
    }

    fn ana() -> Values {
        Values {
            first_name: Some("Ana".into()),
            ..Values::default()
        }
    }

    #[test]
    fn the_template_asked_for_else_the_fallback_else_the_first() {
        let templates = templates(&[
            ("first", "First {first_name}"),
            ("usual", "Hi {first_name}"),
        ]);
        let drafted = |wanted| draft(&templates, &ana(), wanted, "usual").map(|d| d.text);
        assert_eq!(drafted(Some("first")).as_deref(), Some("First Ana"));
        assert_eq!(drafted(Some("gone")).as_deref(), Some("Hi Ana"));
        assert_eq!(drafted(None).as_deref(), Some("Hi Ana"));
        let without_usual = draft(&templates, &ana(), None, "nowhere").map(|d| d.template);
        assert_eq!(without_usual.as_deref(), Some("first"));
        assert_eq!(draft(&Templates::default(), &ana(), None, "usual"), None);
    }

    #[test]
    fn unknown_facts_without_a_fallback_are_missing() {
        let templates = templates(&[("company", "At {company}, {first_name|there}")]);
        let drafted = draft(&templates, &Values::default(), None, "company").unwrap();
        assert_eq!(drafted.missing, ["{company}"]);
        assert_eq!(drafted.text, "At {company}, there");
    }
}
