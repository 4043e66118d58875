//! The reply drafted for one invitation from a template.

use crate::review::Review;
use crate::templates::{Context, Templates, render};

/// The template a reply falls back on when none is asked for or the one
/// asked for is gone.
pub const DEFAULT_TEMPLATE: &str = crate::score::policy::template::HOW_DO_WE_KNOW;

/// A reply filled in from a template.
pub struct Draft {
    pub template: String,
    pub text: String,
    /// Placeholders whose facts are unknown and that have no fallback, as
    /// written (`{company}`): the reply cannot be kept while they stand.
    pub missing: Vec<String>,
}

/// Drafts the reply to invitation `index` with template `wanted`, else the
/// default, else the first template there is; `None` when there is none.
pub fn draft(
    review: &Review,
    templates: &Templates,
    index: usize,
    wanted: Option<&str>,
) -> Option<Draft> {
    let template = wanted
        .and_then(|name| templates.get(name))
        .or_else(|| templates.get(DEFAULT_TEMPLATE))
        .or_else(|| templates.as_slice().first())?;
    let parsed = template.parse().ok()?;
    let context = Context::new(review.invitation(index), &review.queue.owner);
    let rendered = render(&parsed, &context);
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
