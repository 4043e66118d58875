//! What earlier sessions of the same review know of the inviter.

use super::{Findings, Signal};
use crate::model::{Invitation, Verdict};

/// Fires when the reviewer ignored an earlier invitation from the same
/// inviter, who invites again: persistence from someone already turned down.
pub(crate) fn check(invitation: &Invitation, f: &mut Findings) {
    if let Some(earlier) = invitation.earlier.filter(|e| e.action == Verdict::Ignore) {
        f.fire(
            Signal::InvitesAgain,
            format_args!("invites again; you ignored them on {}", earlier.on),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EarlierDecision;
    use crate::score::signals::Points;

    fn fired(earlier: Option<EarlierDecision>) -> Vec<String> {
        let invitation = Invitation {
            earlier,
            ..Invitation::default()
        };
        let points = Points::default();
        let mut f = Findings::new(&points);
        check(&invitation, &mut f);
        f.reasons.into_iter().map(|r| r.detail).collect()
    }

    #[test]
    fn fires_only_after_an_ignore() {
        let on = time::macros::date!(2026 - 11 - 20);
        let ignored = Some(EarlierDecision {
            action: Verdict::Ignore,
            on,
        });
        assert_eq!(
            fired(ignored),
            ["invites again; you ignored them on 2026-11-20"]
        );
        assert!(
            fired(Some(EarlierDecision {
                action: Verdict::Accept,
                on
            }))
            .is_empty()
        );
        assert!(fired(None).is_empty());
    }
}
