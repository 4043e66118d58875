//! The reply drafted when the reviewer presses `r`.

use crate::review::Review;

const DEFAULT_TEMPLATE: &str = "how-do-we-know";

/// The template's name and the drafted text for invitation `index`.
pub fn draft(review: &Review, index: usize, template: Option<&str>) -> (String, String) {
    let name = &review.invitation(index).profile.name;
    let first = name.split_whitespace().next().unwrap_or("there");
    let text = format!(
        "Hi {first},\n\nThank you for the invitation. I like to know how I know each of my connections: how do we know each other?"
    );
    (template.unwrap_or(DEFAULT_TEMPLATE).to_string(), text)
}
