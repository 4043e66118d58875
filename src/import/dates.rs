//! The date forms of the queue format: RFC 3339 date-times and plain dates.

use std::time::{SystemTime, UNIX_EPOCH};

use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Date, Month, OffsetDateTime, Time, UtcOffset};

/// An RFC 3339 date-time, or a plain `YYYY-MM-DD` read as midnight UTC.
/// A moment that has no UTC day within the years `time` counts (such as
/// `9999-12-31T23:59:59-00:01`, a minute into the year 10000 in UTC) is
/// refused here, so that no calculation downstream meets it.
pub fn parse_timestamp(text: &str) -> Result<OffsetDateTime, String> {
    let text = text.trim();
    let moment = OffsetDateTime::parse(text, &Rfc3339)
        .or_else(|_| parse_date(text).map(|date| date.with_time(Time::MIDNIGHT).assume_utc()))
        .map_err(|_| {
            format!("{text:?} is not a date (expected YYYY-MM-DD or an RFC 3339 date-time)")
        })?;
    in_range(moment).ok_or_else(|| {
        format!("{text:?} is out of range: in UTC it falls outside the years -9999 to 9999")
    })
}

/// `moment`, when it can be told in UTC: every comparison and day count
/// of the score and the export does.
pub fn in_range(moment: OffsetDateTime) -> Option<OffsetDateTime> {
    moment.checked_to_offset(UtcOffset::UTC).map(|_| moment)
}

/// A file's time stamp as a moment in UTC; `None` for one outside the
/// years `time` counts, which a file system can hold.
pub fn from_system_time(at: SystemTime) -> Option<OffsetDateTime> {
    let seconds = match at.duration_since(UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_secs()).ok()?,
        Err(before) => i64::try_from(before.duration().as_secs())
            .ok()?
            .checked_neg()?,
    };
    OffsetDateTime::from_unix_timestamp(seconds).ok()
}

/// A plain `YYYY-MM-DD`, or the date part of an RFC 3339 date-time.
pub fn parse_date(text: &str) -> Result<Date, String> {
    let text = text.trim();
    if let Some(date) = four_digit_date(text) {
        return Ok(date);
    }
    Date::parse(text, format_description!("[year]-[month]-[day]"))
        .or_else(|_| OffsetDateTime::parse(text, &Rfc3339).map(|t| t.date()))
        .map_err(|_| format!("{text:?} is not a date (expected YYYY-MM-DD)"))
}

/// A `YYYY-MM-DD` date with a four-digit year, as nearly every one is, read
/// without `time`'s general parser: a tenth of its work, which counts in a
/// queue of a million invitations. Anything else is left to the parser.
fn four_digit_date(text: &str) -> Option<Date> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |digits: &[u8]| {
        digits.iter().try_fold(0u16, |n, &digit| {
            digit
                .is_ascii_digit()
                .then(|| n * 10 + u16::from(digit - b'0'))
        })
    };
    let year = number(&bytes[..4])?;
    let month = u8::try_from(number(&bytes[5..7])?).ok()?;
    let day = u8::try_from(number(&bytes[8..])?).ok()?;
    Date::from_calendar_date(i32::from(year), Month::try_from(month).ok()?, day).ok()
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
    fn four_digit_dates_read_as_the_general_parser_reads_them() {
        let general = |text: &str| Date::parse(text, format_description!("[year]-[month]-[day]"));
        for year in [0, 1, 999, 1900, 2000, 2015, 2024, 2100, 9999] {
            for month in 0..=13 {
                for day in 0..=32 {
                    let text = format!("{year:04}-{month:02}-{day:02}");
                    assert_eq!(four_digit_date(&text), general(&text).ok(), "{text}");
                }
            }
        }
        for text in [
            "2015-3-01",
            "2015/03/01",
            "+2015-03-01",
            "2015-03-0a",
            "20150-3-01",
        ] {
            assert_eq!(four_digit_date(text), None, "{text}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        assert!(parse_timestamp("last week").is_err());
        assert!(parse_date("2013-13-01").is_err());
    }

    #[test]
    fn refuses_a_moment_with_no_utc_day() {
        let error = parse_timestamp("9999-12-31T23:59:59-00:01").unwrap_err();
        assert!(error.contains("out of range"), "{error}");
        assert!(parse_timestamp("-9999-01-01T00:00:00+00:01").is_err());
        // The last and first moments that have one are kept.
        assert!(parse_timestamp("9999-12-31T23:59:59Z").is_ok());
        assert!(parse_timestamp("9999-12-31T23:59:59+00:01").is_ok());
        assert!(parse_timestamp("-9999-01-01").is_ok());
    }

    #[test]
    fn file_times_outside_the_range_are_unknown() {
        use std::time::Duration;
        let far = UNIX_EPOCH.checked_add(Duration::from_secs(1 << 40));
        assert_eq!(far.and_then(from_system_time), None);
        let before = UNIX_EPOCH.checked_sub(Duration::from_secs(86_400));
        assert_eq!(
            before
                .and_then(from_system_time)
                .map(|t| t.date().to_string()),
            Some("1969-12-31".to_string())
        );
    }
}
