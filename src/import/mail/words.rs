//! The words LinkedIn's e-mails use, in the languages seen so far. Every
//! list is lower case and matched against lower-cased text; a language
//! missing here costs a fact, never a wrong one.

/// Headings of the suggestions block: nothing below one is about the inviter.
const MORE_PEOPLE: &[&str] = &[
    "people you may know",
    "persone che potresti conoscere",
    "personen, die sie kennen könnten",
    "personnes que vous pourriez connaître",
    "personas que quizá conozcas",
    "personas que quizás conozcas",
    "pessoas que talvez você conheça",
    "mensen die u misschien kent",
];

/// How the footer begins: nothing below it is about the inviter either.
const FOOTER: &[&str] = &[
    "unsubscribe",
    "this email was intended for",
    "you are receiving",
    "annulla iscrizione",
    "questa email era destinata a",
    "diese e-mail ist für",
    "cet e-mail était destiné à",
    "este correo electrónico",
    "este e-mail foi enviado para",
];

/// Buttons and labels that end the inviter's card.
const BUTTONS: &[&str] = &[
    "accept",
    "accept invitation",
    "ignore",
    "view profile",
    "reply",
    "message",
    "connect",
    "accetta",
    "ignora",
    "visualizza profilo",
    "rispondi",
    "messaggio",
    "collegati",
    "annehmen",
    "ignorieren",
    "profil anzeigen",
    "accepter",
    "ignorer",
    "voir le profil",
    "aceptar",
    "ignorar",
    "ver perfil",
    "aceitar",
];

/// The label of the link to the inviter's profile.
const VIEW_PROFILE: &[&str] = &[
    "view profile",
    "visualizza profilo",
    "profil anzeigen",
    "voir le profil",
    "ver perfil",
];

/// How a note addressed to the member begins ("Hi Jason,").
const GREETINGS: &[&str] = &[
    "hi", "hello", "dear", "ciao", "gentile", "salve", "hallo", "bonjour", "hola", "olá", "oi",
];

/// What LinkedIn adds to the inviter's name in the `From:` header.
const VIA_LINKEDIN: &[&str] = &[
    "(via linkedin)",
    "via linkedin",
    "tramite linkedin",
    "über linkedin",
    "par linkedin",
    "por linkedin",
    "a través de linkedin",
    "por meio do linkedin",
];

/// Subjects of invitations. Hints only: the sender decides.
const INVITATION_SUBJECTS: &[&str] = &[
    "please add me to your linkedin network",
    "i want to connect",
    "invitation to connect",
    "wants to connect",
    "voglio collegarmi",
    "invito a collegarsi",
    "ich möchte mich mit ihnen vernetzen",
    "je souhaite me connecter",
    "quiero conectar",
    "quero me conectar",
];

/// How a reminder's subject begins ("Reminder: NAME invited you to connect").
const REMINDER_PREFIXES: &[&str] = &[
    "reminder:",
    "promemoria:",
    "erinnerung:",
    "rappel :",
    "rappel:",
    "recordatorio:",
    "lembrete:",
    "herinnering:",
];

/// What follows the inviter's name in a reminder's subject.
const INVITED_YOU: &[&str] = &[
    " invited you to connect",
    " ti ha invitato a collegarti",
    " hat sie eingeladen",
    " vous a invité",
    " te invitó a conectar",
    " convidou você para se conectar",
];

/// How a count of connections in common ends, in every form and language.
const IN_COMMON: &[&str] = &[
    "in common",
    "mutual connection",
    "mutual connections",
    "in comune",
    "en commun",
    "gemeinsame kontakte",
    "gemeinsamer kontakt",
    "en común",
    "em comum",
    "gemeenschappelijke connecties",
    "gemeenschappelijke connectie",
];

/// "Drew Stone is a mutual connection": one, named.
const ONE_IN_COMMON: &[&str] = &[
    " is a mutual connection",
    " è un collegamento in comune",
    " ist ein gemeinsamer kontakt",
];

/// "Casey Ray and 8 other mutual connections": the named one counts too.
const AND_OTHERS: &[&str] = &[
    " other", " altr", " autre", " weitere", " otra", " otro", " outra",
];

/// Words LinkedIn writes about the inviter, never the inviter's own note.
const BOILERPLATE: &[&str] = &[
    "wants to connect",
    "new invitation",
    "pending invitation",
    "invitation to connect",
    "nuovo invito",
    "invited you",
    "is inviting you",
    "you have an invitation",
    "is waiting for your response",
    "accepted your invitation",
    "vuole collegarsi",
    "ti ha invitato",
];

fn any_in(text: &str, words: &[&str]) -> bool {
    let lower = text.to_lowercase();
    words.iter().any(|word| lower.contains(word))
}

fn is_one_of(text: &str, words: &[&str]) -> bool {
    let lower = text.to_lowercase();
    let lower = lower.trim().trim_end_matches(':').trim_end();
    words.contains(&lower)
}

/// A short line that opens the suggestions block or the footer.
pub(super) fn ends_the_card_region(line: &str) -> bool {
    const LONGEST_HEADING: usize = 60;
    let lower = line.trim().to_lowercase();
    lower.chars().count() <= LONGEST_HEADING && MORE_PEOPLE.iter().any(|w| lower.contains(w))
        || FOOTER.iter().any(|w| lower.starts_with(w))
}

/// "Accept", "View profile", "Accept: https://…".
pub(super) fn is_button(text: &str) -> bool {
    let label = text.split("http").next().unwrap_or(text);
    is_one_of(label, BUTTONS)
}

pub(super) fn is_view_profile(text: &str) -> bool {
    is_one_of(text, VIEW_PROFILE)
}

/// "Hi Jason," at the start of `line`: the rest of the line after the comma.
pub(super) fn after_greeting(line: &str) -> Option<&str> {
    const LONGEST_GREETING: usize = 40;
    let (greeting, rest) = line.split_once(',')?;
    let first = greeting.split_whitespace().next()?;
    let fits = greeting.chars().count() <= LONGEST_GREETING
        && GREETINGS.contains(&first.to_lowercase().as_str());
    fits.then_some(rest)
}

/// The display name without "via LinkedIn" and its translations.
pub(super) fn without_via_linkedin(name: &str) -> &str {
    let name = name.trim();
    // ASCII lower case keeps every byte where it was, so a cut found in it
    // falls on the same place in the name.
    let lower = name.to_ascii_lowercase();
    for suffix in VIA_LINKEDIN {
        if let Some(kept) = lower.strip_suffix(suffix)
            && (kept.is_empty() || kept.ends_with(char::is_whitespace))
        {
            return name[..kept.len()].trim_end();
        }
    }
    name
}

pub(super) fn is_invitation_subject(subject: &str) -> bool {
    any_in(subject, INVITATION_SUBJECTS)
}

pub(super) fn is_reminder_subject(subject: &str) -> bool {
    let lower = subject.trim().to_lowercase();
    REMINDER_PREFIXES.iter().any(|p| lower.starts_with(p)) || any_in(&lower, INVITED_YOU)
}

/// "Reminder: Dana Whitfield invited you to connect" → "Dana Whitfield".
pub(super) fn name_in_reminder_subject(subject: &str) -> Option<&str> {
    let (_, rest) = subject.split_once(':')?;
    let lower = rest.to_ascii_lowercase();
    INVITED_YOU.iter().find_map(|phrase| {
        let at = lower.find(phrase)?;
        Some(rest[..at].trim()).filter(|name| !name.is_empty())
    })
}

/// "12 connections in common" → 12; "Casey Ray and 8 other mutual
/// connections" → 9; "Drew Stone is a mutual connection" → 1.
pub(super) fn connections_in_common(line: &str) -> Option<u32> {
    const LONGEST: usize = 100;
    let lower = line.trim().trim_end_matches('.').trim_end().to_lowercase();
    if lower.chars().count() > LONGEST || !IN_COMMON.iter().any(|end| lower.ends_with(end)) {
        return None;
    }
    if !lower.contains(|c: char| c.is_ascii_digit()) {
        return ONE_IN_COMMON
            .iter()
            .any(|end| lower.ends_with(end))
            .then_some(1);
    }
    let n = first_number(&lower)?;
    if AND_OTHERS.iter().any(|w| lower.contains(w)) {
        n.checked_add(1)
    } else {
        Some(n)
    }
}

/// The first number in `text`, with grouping marks ("1,234") read through.
fn first_number(text: &str) -> Option<u32> {
    const MOST_DIGITS: usize = 9;
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let mut digits = String::new();
    for c in text[start..].chars() {
        match c {
            '0'..='9' => digits.push(c),
            ',' | '.' | '\u{a0}' | '\u{202f}' | '\'' => {}
            _ => break,
        }
    }
    if digits.len() > MOST_DIGITS {
        return None;
    }
    digits.parse().ok()
}

pub(super) fn is_boilerplate(text: &str) -> bool {
    any_in(text, BOILERPLATE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_in_common_in_every_form() {
        assert_eq!(connections_in_common("12 connections in common"), Some(12));
        assert_eq!(connections_in_common("1 connection in common"), Some(1));
        assert_eq!(connections_in_common("3 collegamenti in comune"), Some(3));
        assert_eq!(
            connections_in_common("1,204 mutual connections"),
            Some(1204)
        );
        assert_eq!(
            connections_in_common("Casey Ray and 8 other mutual connections"),
            Some(9)
        );
        assert_eq!(
            connections_in_common("Drew Stone is a mutual connection"),
            Some(1)
        );
        assert_eq!(
            connections_in_common("Lawyer, 12 years in common law"),
            None
        );
        assert_eq!(connections_in_common("Senior Talent Partner"), None);
    }

    #[test]
    fn via_linkedin_is_taken_off_in_every_form() {
        assert_eq!(without_via_linkedin("Ann Lee via LinkedIn"), "Ann Lee");
        assert_eq!(without_via_linkedin("Ann Lee (via LinkedIn)"), "Ann Lee");
        assert_eq!(
            without_via_linkedin("Niccolò Bellandi tramite LinkedIn"),
            "Niccolò Bellandi"
        );
        assert_eq!(without_via_linkedin("İlkay Şen via LinkedIn"), "İlkay Şen");
        assert_eq!(without_via_linkedin("Ann Lee"), "Ann Lee");
        assert_eq!(without_via_linkedin("Olivia Linkedin"), "Olivia Linkedin");
    }

    #[test]
    fn reminder_subjects_name_the_inviter() {
        let subject = "Reminder: Dana Whitfield invited you to connect";
        assert!(is_reminder_subject(subject));
        assert_eq!(name_in_reminder_subject(subject), Some("Dana Whitfield"));
        assert_eq!(name_in_reminder_subject("Reminder: your invitation"), None);
        assert!(!is_reminder_subject("I want to connect"));
    }

    #[test]
    fn greetings_open_a_note_only_when_short() {
        assert_eq!(
            after_greeting("Hi Jason, I'd like to join your LinkedIn network."),
            Some(" I'd like to join your LinkedIn network.")
        );
        assert_eq!(after_greeting("Ciao Jason,"), Some(""));
        assert_eq!(after_greeting("Highly skilled, motivated"), None);
    }
}
