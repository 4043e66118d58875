//! The `Sent At` column: `4/11/13, 9:05 AM` (month first), also seen with a
//! four-digit year or a 24-hour clock. The export gives no zone; it is read
//! as UTC, which keeps the day an id is derived from the same on every machine.

use time::{Date, Month, OffsetDateTime, Time};

use crate::import::dates::parse_timestamp;

/// The moment in `text`, or `None` when it is not a date in a known form.
pub(super) fn parse_sent_at(text: &str) -> Option<OffsetDateTime> {
    let text = text.trim();
    let (date, clock) = text
        .split_once(',')
        .map_or((text, ""), |(d, c)| (d.trim(), c.trim()));
    match (month_first_date(date), clock_time(clock)) {
        (Some(date), Some(time)) => Some(date.with_time(time).assume_utc()),
        _ => parse_timestamp(text).ok(),
    }
}

/// `M/D/YY` or `M/D/YYYY`. Two-digit years are this century: LinkedIn
/// began in 2003.
fn month_first_date(text: &str) -> Option<Date> {
    let mut parts = text.split('/');
    let month: u8 = parts.next()?.trim().parse().ok()?;
    let day: u8 = parts.next()?.trim().parse().ok()?;
    let year_text = parts.next()?.trim();
    if parts.next().is_some() || !matches!(year_text.len(), 2 | 4) {
        return None;
    }
    let mut year: i32 = year_text.parse().ok()?;
    if year_text.len() == 2 {
        year += 2000;
    }
    Date::from_calendar_date(year, Month::try_from(month).ok()?, day).ok()
}

/// `9:05 AM`, `09:05:30 pm`, `21:05`; an empty clock is midnight.
fn clock_time(text: &str) -> Option<Time> {
    if text.is_empty() {
        return Some(Time::MIDNIGHT);
    }
    let upper = text.to_ascii_uppercase();
    let (clock, afternoon) = match upper.strip_suffix("AM") {
        Some(clock) => (clock, Some(false)),
        None => match upper.strip_suffix("PM") {
            Some(clock) => (clock, Some(true)),
            None => (upper.as_str(), None),
        },
    };
    let mut parts = clock.trim().split(':');
    let hour: u8 = parts.next()?.parse().ok()?;
    let minute: u8 = parts.next()?.parse().ok()?;
    let second: u8 = parts.next().map_or(Some(0), |s| s.parse().ok())?;
    if parts.next().is_some() {
        return None;
    }
    let hour = match afternoon {
        None => hour,
        Some(_) if !(1..=12).contains(&hour) => return None,
        Some(afternoon) => hour % 12 + if afternoon { 12 } else { 0 },
    };
    Time::from_hms(hour, minute, second).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> Option<String> {
        parse_sent_at(text).map(|t| {
            format!(
                "{:04}-{:02}-{:02} {:02}:{:02}",
                t.year(),
                u8::from(t.month()),
                t.day(),
                t.hour(),
                t.minute()
            )
        })
    }

    #[test]
    fn reads_the_forms_exports_use() {
        assert_eq!(
            shown("4/11/13, 9:05 AM").as_deref(),
            Some("2013-04-11 09:05")
        );
        assert_eq!(
            shown("12/31/2023, 12:30 PM").as_deref(),
            Some("2023-12-31 12:30")
        );
        assert_eq!(
            shown("1/2/24, 12:01 am").as_deref(),
            Some("2024-01-02 00:01")
        );
        assert_eq!(
            shown(" 1/2/24, 21:15:09 ").as_deref(),
            Some("2024-01-02 21:15")
        );
        assert_eq!(shown("1/2/24").as_deref(), Some("2024-01-02 00:00"));
        assert_eq!(
            shown("2024-01-02T10:00:00Z").as_deref(),
            Some("2024-01-02 10:00")
        );
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        for text in [
            "",
            "yesterday",
            "13/1/24, 9:05 AM",
            "4/11/13, 13:05 PM",
            "4/11/123",
            "4/11/13, 9 AM",
        ] {
            assert_eq!(shown(text), None, "{text:?}");
        }
    }
}
