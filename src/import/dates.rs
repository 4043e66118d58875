//! The date forms of the queue format: RFC 3339 date-times and plain dates.

use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Date, OffsetDateTime, Time};

/// An RFC 3339 date-time, or a plain `YYYY-MM-DD` read as midnight UTC.
pub fn parse_timestamp(text: &str) -> Result<OffsetDateTime, String> {
    let text = text.trim();
    OffsetDateTime::parse(text, &Rfc3339)
        .or_else(|_| parse_date(text).map(|date| date.with_time(Time::MIDNIGHT).assume_utc()))
        .map_err(|_| {
            format!("{text:?} is not a date (expected YYYY-MM-DD or an RFC 3339 date-time)")
        })
}

/// A plain `YYYY-MM-DD`, or the date part of an RFC 3339 date-time.
pub fn parse_date(text: &str) -> Result<Date, String> {
    let text = text.trim();
    Date::parse(text, format_description!("[year]-[month]-[day]"))
        .or_else(|_| OffsetDateTime::parse(text, &Rfc3339).map(|t| t.date()))
        .map_err(|_| format!("{text:?} is not a date (expected YYYY-MM-DD)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_forms() {
        let t = parse_timestamp("2013-04-11T09:05:00Z").unwrap();
        assert_eq!((t.hour(), t.minute()), (9, 5));
        let d = parse_timestamp("2013-04-11").unwrap();
        assert_eq!(d.date().to_string(), "2013-04-11");
        assert_eq!(
            parse_date("2006-05-01T00:00:00+02:00").unwrap().to_string(),
            "2006-05-01"
        );
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        assert!(parse_timestamp("last week").is_err());
        assert!(parse_date("2013-13-01").is_err());
    }
}
