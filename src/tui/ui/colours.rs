//! How the theme's colours come out on this terminal. The panes style
//! their text by role (`theme::muted()`, `theme::score()`) in the sixteen
//! named colours; each finished frame then passes through the [`Theme`]
//! once, which keeps only the colours the terminal has (none, 8, 16, or
//! all) and, in the high-contrast theme, trades faint grey for full
//! strength and bold. Doing it here, over every cell, holds widgets that
//! bring colours of their own (the text editor's selection) to the same
//! rules, and leaves no pane to remember them.

use std::fmt;
use std::str::FromStr;

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

/// How many colours the terminal shows, as its environment tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Depth {
    /// `NO_COLOR`, or a terminal without colour (`TERM=dumb`).
    None,
    /// The eight ANSI colours (`TERM=xterm`, `linux`, `screen`, `vt100`).
    Eight,
    /// The eight and their bright variants (`TERM=xterm-16color`).
    Sixteen,
    /// 256 colours or more (`TERM=xterm-256color`, `COLORTERM=truecolor`).
    Full,
}

impl Depth {
    /// The depth that the environment variables (read through `var`) tell:
    /// `NO_COLOR` (https://no-color.org) first, then `COLORTERM`, then
    /// `TERM`. A terminal that says nothing is taken for eight colours,
    /// which every colour terminal has.
    pub fn detect(var: impl Fn(&str) -> Option<String>) -> Depth {
        if var("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            return Depth::None;
        }
        if var("COLORTERM").is_some_and(|v| matches!(v.as_str(), "truecolor" | "24bit")) {
            return Depth::Full;
        }
        let term = var("TERM").unwrap_or_default();
        if term == "dumb" {
            Depth::None
        } else if ["256color", "truecolor", "direct"]
            .iter()
            .any(|mark| term.contains(mark))
        {
            Depth::Full
        } else if term.contains("16color") {
            Depth::Sixteen
        } else {
            Depth::Eight
        }
    }
}

/// The themes the user can choose (`theme = "…"` in `config.toml`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ThemeName {
    #[default]
    Default,
    /// Full-strength text where the default is faint, and colours in bold.
    HighContrast,
}

impl ThemeName {
    pub const ALL: [ThemeName; 2] = [ThemeName::Default, ThemeName::HighContrast];

    pub fn as_str(self) -> &'static str {
        match self {
            ThemeName::Default => "default",
            ThemeName::HighContrast => "high-contrast",
        }
    }
}

impl fmt::Display for ThemeName {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A theme's name that no theme has.
#[derive(Debug, thiserror::Error)]
#[error("unknown theme {0:?}; the themes are: default, high-contrast")]
pub struct UnknownTheme(String);

impl FromStr for ThemeName {
    type Err = UnknownTheme;

    /// Case does not matter, and `_` or a space may stand for `-`.
    fn from_str(text: &str) -> Result<ThemeName, UnknownTheme> {
        let wanted = text.trim().to_lowercase().replace(['_', ' '], "-");
        ThemeName::ALL
            .into_iter()
            .find(|t| t.as_str() == wanted)
            .ok_or_else(|| UnknownTheme(text.to_string()))
    }
}

/// The theme chosen, on a terminal of this depth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub name: ThemeName,
    pub depth: Depth,
}

impl Default for Theme {
    /// The default theme with every colour: what tests and benches draw.
    fn default() -> Theme {
        Theme {
            name: ThemeName::Default,
            depth: Depth::Full,
        }
    }
}

impl Theme {
    /// Fits every cell of a drawn frame to the theme and the terminal.
    pub fn fit(&self, buffer: &mut Buffer) {
        if *self == Theme::default() {
            return;
        }
        for cell in &mut buffer.content {
            let (fg, added) = self.foreground(cell.fg);
            let bg = self.background(cell.bg);
            cell.fg = fg;
            cell.bg = bg;
            cell.modifier |= added;
        }
    }

    /// The colour a foreground becomes, and the modifiers it brings.
    fn foreground(&self, colour: Color) -> (Color, Modifier) {
        if colour == Color::Reset {
            return (colour, Modifier::empty());
        }
        let high = self.name == ThemeName::HighContrast;
        if colour == Color::DarkGray {
            return match (high, self.depth) {
                (true, _) => (Color::Reset, Modifier::empty()),
                (false, Depth::None | Depth::Eight) => (Color::Reset, Modifier::DIM),
                (false, _) => (colour, Modifier::empty()),
            };
        }
        let bold = if high {
            Modifier::BOLD
        } else {
            Modifier::empty()
        };
        (self.within_depth(colour), bold)
    }

    fn background(&self, colour: Color) -> Color {
        match (colour, self.depth) {
            // A grey background on eight colours would be white.
            (Color::DarkGray, Depth::None | Depth::Eight) => Color::Reset,
            _ => self.within_depth(colour),
        }
    }

    /// `colour` as the terminal can show it: the nearest of the colours it
    /// has, or none.
    fn within_depth(&self, colour: Color) -> Color {
        match self.depth {
            Depth::Full => colour,
            Depth::None => Color::Reset,
            Depth::Sixteen => sixteen(colour),
            Depth::Eight => eight(sixteen(colour)),
        }
    }
}

/// One of the sixteen named colours (or `Reset`) for any colour.
fn sixteen(colour: Color) -> Color {
    match colour {
        Color::Indexed(n) if n < 16 => NAMED[usize::from(n)],
        Color::Indexed(_) | Color::Rgb(..) => Color::Reset,
        named => named,
    }
}

/// The eight base colours for the sixteen: bright ones lose their light.
fn eight(colour: Color) -> Color {
    match colour {
        Color::DarkGray => Color::Reset,
        Color::LightRed => Color::Red,
        Color::LightGreen => Color::Green,
        Color::LightYellow => Color::Yellow,
        Color::LightBlue => Color::Blue,
        Color::LightMagenta => Color::Magenta,
        Color::LightCyan => Color::Cyan,
        Color::White => Color::Gray,
        other => other,
    }
}

/// The sixteen colours in the order of their ANSI numbers.
const NAMED: [Color; 16] = [
    Color::Black,
    Color::Red,
    Color::Green,
    Color::Yellow,
    Color::Blue,
    Color::Magenta,
    Color::Cyan,
    Color::Gray,
    Color::DarkGray,
    Color::LightRed,
    Color::LightGreen,
    Color::LightYellow,
    Color::LightBlue,
    Color::LightMagenta,
    Color::LightCyan,
    Color::White,
];

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use ratatui::layout::Rect;
    use ratatui::style::Style;

    use super::*;

    fn depth_of(vars: &[(&str, &str)]) -> Depth {
        let vars: HashMap<&str, &str> = vars.iter().copied().collect();
        Depth::detect(|name| vars.get(name).map(|v| v.to_string()))
    }

    #[test]
    fn the_depth_comes_from_no_color_then_colorterm_then_term() {
        assert_eq!(depth_of(&[("TERM", "xterm")]), Depth::Eight);
        assert_eq!(depth_of(&[("TERM", "linux")]), Depth::Eight);
        assert_eq!(depth_of(&[("TERM", "screen")]), Depth::Eight);
        assert_eq!(depth_of(&[("TERM", "vt100")]), Depth::Eight);
        assert_eq!(depth_of(&[]), Depth::Eight);
        assert_eq!(depth_of(&[("TERM", "xterm-16color")]), Depth::Sixteen);
        assert_eq!(depth_of(&[("TERM", "xterm-256color")]), Depth::Full);
        assert_eq!(depth_of(&[("TERM", "tmux-256color")]), Depth::Full);
        assert_eq!(
            depth_of(&[("TERM", "xterm"), ("COLORTERM", "truecolor")]),
            Depth::Full
        );
        assert_eq!(depth_of(&[("TERM", "dumb")]), Depth::None);
        assert_eq!(
            depth_of(&[("TERM", "xterm-256color"), ("NO_COLOR", "1")]),
            Depth::None
        );
        assert_eq!(
            depth_of(&[("TERM", "xterm-256color"), ("NO_COLOR", "")]),
            Depth::Full,
            "an empty NO_COLOR is not set"
        );
    }

    #[test]
    fn theme_names_read_as_policies_do() {
        assert_eq!(
            "High_Contrast".parse::<ThemeName>().unwrap(),
            ThemeName::HighContrast
        );
        assert_eq!("default".parse::<ThemeName>().unwrap(), ThemeName::Default);
        let error = "solarized".parse::<ThemeName>().unwrap_err().to_string();
        assert_eq!(
            error,
            "unknown theme \"solarized\"; the themes are: default, high-contrast"
        );
    }

    /// One cell of each style, fitted.
    fn fitted(theme: Theme, styles: &[Style]) -> Vec<Style> {
        let mut buffer = Buffer::empty(Rect::new(0, 0, styles.len() as u16, 1));
        for (x, style) in styles.iter().enumerate() {
            buffer[(x as u16, 0)].set_style(*style);
        }
        theme.fit(&mut buffer);
        buffer.content.iter().map(|cell| cell.style()).collect()
    }

    const ALL_KINDS: [Color; 6] = [
        Color::DarkGray,
        Color::LightBlue,
        Color::Indexed(200),
        Color::Rgb(1, 2, 3),
        Color::Red,
        Color::Indexed(9),
    ];

    #[test]
    fn eight_colours_keep_only_the_eight() {
        let theme = Theme {
            name: ThemeName::Default,
            depth: Depth::Eight,
        };
        let styles: Vec<Style> = ALL_KINDS
            .iter()
            .map(|&c| Style::new().fg(c).bg(c))
            .collect();
        let out = fitted(theme, &styles);
        let colours: Vec<(Option<Color>, Option<Color>)> =
            out.iter().map(|s| (s.fg, s.bg)).collect();
        assert_eq!(
            colours,
            [
                (Some(Color::Reset), Some(Color::Reset)),
                (Some(Color::Blue), Some(Color::Blue)),
                (Some(Color::Reset), Some(Color::Reset)),
                (Some(Color::Reset), Some(Color::Reset)),
                (Some(Color::Red), Some(Color::Red)),
                (Some(Color::Red), Some(Color::Red)),
            ]
        );
        assert!(out[0].add_modifier.contains(Modifier::DIM), "grey is faint");
    }

    #[test]
    fn sixteen_colours_keep_the_grey_and_the_bright() {
        let theme = Theme {
            name: ThemeName::Default,
            depth: Depth::Sixteen,
        };
        let styles: Vec<Style> = ALL_KINDS.iter().map(|&c| Style::new().fg(c)).collect();
        let fg: Vec<Option<Color>> = fitted(theme, &styles).iter().map(|s| s.fg).collect();
        assert_eq!(
            fg,
            [
                Some(Color::DarkGray),
                Some(Color::LightBlue),
                Some(Color::Reset),
                Some(Color::Reset),
                Some(Color::Red),
                Some(Color::LightRed),
            ]
        );
    }

    #[test]
    fn high_contrast_trades_grey_for_full_strength_and_colours_for_bold() {
        let theme = Theme {
            name: ThemeName::HighContrast,
            depth: Depth::Full,
        };
        let out = fitted(
            theme,
            &[
                Style::new().fg(Color::DarkGray),
                Style::new().fg(Color::Red),
            ],
        );
        assert_eq!(out[0].fg, Some(Color::Reset));
        assert!(!out[0].add_modifier.contains(Modifier::DIM));
        assert_eq!(out[1].fg, Some(Color::Red));
        assert!(out[1].add_modifier.contains(Modifier::BOLD));
    }

    #[test]
    fn no_colour_leaves_none() {
        let theme = Theme {
            name: ThemeName::Default,
            depth: Depth::None,
        };
        let styles: Vec<Style> = ALL_KINDS
            .iter()
            .map(|&c| Style::new().fg(c).bg(c))
            .collect();
        for style in fitted(theme, &styles) {
            assert_eq!(
                (style.fg, style.bg),
                (Some(Color::Reset), Some(Color::Reset))
            );
        }
    }
}
