//! An HTML body laid out as the lines a reader sees, with its links and
//! images. Hidden text (the preview line mail clients show in the list) is
//! left out, as a reader never sees it in the message.

use scraper::node::Element;
use scraper::{Html, Node};

use super::body::{Body, Image, Link, fold_spaces};

/// Elements whose content is never shown.
const UNSEEN: &[&str] = &["head", "style", "script", "title", "noscript", "template"];

/// Elements that start a line of their own.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "br",
    "center",
    "div",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "ol",
    "p",
    "section",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Past this size an HTML part is no invitation's (LinkedIn's weigh tens
/// of kilobytes) and is not read.
const MAX_HTML: usize = 2 * 1024 * 1024;
/// Past this nesting neither: the HTML parser's work grows with the square
/// of the nesting, so a hostile message could make it run for minutes.
const MAX_DEPTH: usize = 400;

/// Elements whose end tag may be left out, or that have none: they do not
/// nest, however many are opened.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "dd", "dt", "embed", "hr", "img", "input", "li", "link", "meta",
    "option", "p", "param", "source", "td", "th", "tr", "track", "wbr",
];

/// The body an HTML part shows; `None` for a part too big or too deeply
/// nested to be read in reasonable time.
pub(super) fn body(html: &str) -> Option<Body> {
    if html.len() > MAX_HTML || nesting(html) > MAX_DEPTH {
        return None;
    }
    let document = Html::parse_document(html);
    let mut layout = Layout::default();
    // An explicit stack rather than recursion: a hostile message may nest
    // elements deeper than any thread's stack.
    let mut stack = vec![(document.tree.root(), true)];
    while let Some((node, entering)) = stack.pop() {
        match node.value() {
            Node::Text(text) if entering => layout.text(text),
            Node::Element(element) if entering => {
                if is_unseen(element) {
                    continue;
                }
                layout.open(element);
                stack.push((node, false));
                stack.extend(node.children().rev().map(|child| (child, true)));
            }
            Node::Element(element) => layout.close(element),
            Node::Document | Node::Fragment if entering => {
                stack.extend(node.children().rev().map(|child| (child, true)));
            }
            _ => {}
        }
    }
    Some(layout.finish())
}

/// How deep the tags nest at most, counted from the tags alone: close
/// enough to tell a real message from a hostile one, and linear.
fn nesting(html: &str) -> usize {
    let mut depth = 0usize;
    let mut deepest = 0;
    for tag in html.split('<').skip(1) {
        if let Some(name) = tag.strip_prefix('/') {
            if !NOT_NESTING.contains(&tag_name(name).as_str()) {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        let name = tag_name(tag);
        let self_closing = tag.split('>').next().is_some_and(|t| t.ends_with('/'));
        if !name.is_empty() && !self_closing && !NOT_NESTING.contains(&name.as_str()) {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

fn tag_name(tag: &str) -> String {
    tag.chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase()
}

fn is_unseen(element: &Element) -> bool {
    if UNSEEN.contains(&element.name()) || element.attr("hidden").is_some() {
        return true;
    }
    let style: String = element
        .attr("style")
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    ["display:none", "visibility:hidden", "mso-hide:all"]
        .iter()
        .any(|hidden| style.contains(hidden))
}

/// The lines, links and images being written out.
#[derive(Default)]
struct Layout {
    body: Body,
    line: String,
    /// Links being read, innermost last, as indices into `body.links`.
    open_links: Vec<usize>,
}

impl Layout {
    fn text(&mut self, text: &str) {
        self.line.push_str(text);
        for &index in &self.open_links {
            if let Some(link) = self.body.links.get_mut(index) {
                link.text.push_str(text);
            }
        }
    }

    fn open(&mut self, element: &Element) {
        if BLOCKS.contains(&element.name()) {
            self.break_line();
        }
        match element.name() {
            "a" => {
                let href = element.attr("href").unwrap_or_default().trim();
                self.open_links.push(self.body.links.len());
                self.body.links.push(Link {
                    href: href.to_string(),
                    text: String::new(),
                    line: self.body.lines.len(),
                });
            }
            "img" => self.body.images.push(Image {
                src: element.attr("src").unwrap_or_default().trim().to_string(),
                alt: element.attr("alt").unwrap_or_default().to_string(),
                line: self.body.lines.len(),
                link: self.open_links.last().copied(),
            }),
            _ => {}
        }
    }

    fn close(&mut self, element: &Element) {
        if element.name() == "a"
            && let Some(index) = self.open_links.pop()
            && let Some(link) = self.body.links.get_mut(index)
        {
            link.text = fold_spaces(&link.text);
        }
        if BLOCKS.contains(&element.name()) {
            self.break_line();
        }
    }

    fn break_line(&mut self) {
        let line = fold_spaces(&self.line);
        self.line.clear();
        if !line.is_empty() {
            self.body.lines.push(line);
        }
    }

    fn finish(mut self) -> Body {
        self.break_line();
        self.body
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_make_lines_and_hidden_text_is_left_out() {
        let body = body(
            "<html><head><title>t</title><style>p{}</style></head><body>\
             <div style=\"display: none\">preview text</div>\
             <table><tr><td><a href=\"https://www.linkedin.com/comm/in/ann?trk=x\">\
             <img src=\"https://media.licdn.com/p.jpg\" alt=\"Ann Lee\"></a></td>\
             <td><a href=\"https://www.linkedin.com/comm/in/ann\"><span>Ann   Lee</span></a>\
             <p>Head&nbsp;of Sales &amp; Ops&hellip;</p><p>Paris</p></td></tr></table>\
             Accept<br>Ignore</body></html>",
        )
        .expect("read");
        assert_eq!(
            body.lines,
            [
                "Ann Lee",
                "Head of Sales & Ops…",
                "Paris",
                "Accept",
                "Ignore"
            ]
        );
        assert_eq!(body.links.len(), 2);
        assert_eq!(
            (body.links[1].text.as_str(), body.links[1].line),
            ("Ann Lee", 0)
        );
        assert_eq!(body.images[0].link, Some(0));
        assert_eq!(body.images[0].alt, "Ann Lee");
    }

    #[test]
    fn hostile_nesting_is_refused_and_ordinary_nesting_read() {
        let deep = |n| "<div>".repeat(n) + "deep" + &"</div>".repeat(n);
        assert!(body(&deep(100_000)).is_none());
        assert_eq!(body(&deep(MAX_DEPTH - 10)).expect("read").lines, ["deep"]);
        let unclosed = "<table>".to_string() + &"<tr><td><p>cell<br>".repeat(5_000);
        assert!(body(&unclosed).is_some());
    }
}
