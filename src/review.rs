//! A queue under review: its invitations, their scores and where each one's
//! decision stands, laid over what earlier sessions decided and saw. Plain
//! data shared by the console and the commands.
//!
//! The counting words, the same wherever a count is shown: the list holds
//! [`Review::len`] rows, gone ones included; of them, [`Review::total`] are
//! *to review* (in the queue, and not from someone already a connection);
//! of those, [`Review::decided`] are *decided*, and the rest are *pending*.
//! "2/4 decided" is `decided/total`. The journal may keep more *decisions*
//! than that, on gone invitations and connections, and `inviteq export`
//! lists them all.

use crate::cores;
use crate::import::queue_json::parse_invitation;
use crate::model::{Decision, EarlierDecision, Invitation, Profile, Queue, Text};
use crate::score::{Assessment, Intent, Policy, Scorer, Summary};
use crate::store::journal::{Decisions, Standing};
use crate::store::seen::Seen;
use ids::Ids;
use scores::Scores;

mod ids;
mod scores;
pub mod stats;

/// How an invitation stands against earlier sessions of the same review.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Presence {
    /// Not in the queue the last time this review was opened.
    pub new: bool,
    /// Decided in an earlier session but no longer in the queue (accepted,
    /// ignored or withdrawn on LinkedIn meanwhile); its decision is kept.
    pub gone: bool,
}

pub struct Review {
    pub queue: Queue,
    scorer: Scorer,
    /// Made when first asked for: the first frame needs only the rows on
    /// screen, the console scores the rest while it waits for keys, and a
    /// sort by score asks for what is left.
    scores: Scores,
    /// Each invitation's intent, read as the queue opens: the intent filter
    /// needs every row's, and an intent, unlike a score, needs no count of
    /// the queue's.
    intents: Vec<Intent>,
    presence: Vec<Presence>,
    decisions: Vec<Option<Decision>>,
    /// How many of those to review are decided.
    decided: usize,
    /// How many invitations are to review.
    to_review: usize,
    by_id: Ids,
}

impl Review {
    /// Lays the journal's decisions over the queue, adds the decided
    /// invitations that have left it, marks what is new since `seen` (the
    /// ids of the last session, if there was one), and readies the scorer.
    pub fn new(
        mut queue: Queue,
        journal: &Decisions,
        seen: Option<&Seen>,
        scorer: impl FnOnce(&Queue) -> Scorer + Send,
    ) -> Review {
        // The scorer counts what the queue says as a whole (notes sent by
        // several, accounts opened the same day) over the queue's own
        // invitations, and the intents are read, on cores of their own
        // while the rest is laid out: at a million invitations that is a
        // second sooner to the first frame. Gone invitations are not in
        // this queue and do not count.
        let (scorer, mut intents, laid) = std::thread::scope(|scope| {
            let scorer = scope.spawn(|| scorer(&queue));
            let intents = scope.spawn(|| {
                let invitations = &queue.invitations;
                cores::map(cores::available(), invitations.len(), |index| {
                    Intent::of(&invitations[index])
                })
            });
            let laid = lay_out(&queue.invitations, journal, seen);
            (joined(scorer), joined(intents), laid)
        });
        let Laid {
            mut decisions,
            mut presence,
            mut by_id,
            earlier,
        } = laid;
        for (index, earlier) in earlier {
            queue.invitations[index].earlier = Some(earlier);
        }
        let gone: Vec<_> = journal
            .in_order_where(|id| by_id.get(id, &queue.invitations).is_none())
            .into_iter()
            .map(|(id, standing)| {
                let invitation = kept_invitation(id, standing);
                (invitation, standing.decision.clone())
            })
            .collect();
        for (invitation, decision) in gone {
            by_id.insert(&invitation.id, queue.invitations.len());
            intents.push(Intent::of(&invitation));
            queue.invitations.push(invitation);
            decisions.push(Some(decision));
            presence.push(Presence {
                new: false,
                gone: true,
            });
        }
        let mut review = Review {
            scores: Scores::new(queue.invitations.len()),
            queue,
            scorer,
            intents,
            presence,
            decisions,
            decided: 0,
            to_review: 0,
            by_id,
        };
        for index in 0..review.len() {
            if review.is_to_review(index) {
                review.to_review += 1;
                review.decided += usize::from(review.decisions[index].is_some());
            }
        }
        review
    }

    /// Every row of the list, the gone invitations included.
    pub fn len(&self) -> usize {
        self.queue.invitations.len()
    }

    pub fn is_empty(&self) -> bool {
        self.queue.invitations.is_empty()
    }

    /// The invitations to review: in the queue, and not from someone who
    /// is already a connection. The progress is out of these.
    pub fn total(&self) -> usize {
        self.to_review
    }

    /// How many of the [`Review::total`] invitations to review are decided.
    pub fn decided(&self) -> usize {
        self.decided
    }

    /// Whether invitation `index` is one to review: not gone, and not from
    /// someone who is already a connection.
    fn is_to_review(&self, index: usize) -> bool {
        !self.presence[index].gone && !self.queue.invitations[index].already_connected
    }

    pub fn invitation(&self, index: usize) -> &Invitation {
        &self.queue.invitations[index]
    }

    pub fn summary(&self, index: usize) -> Summary {
        self.scores
            .get(index, &self.scorer, &self.queue.invitations)
    }

    /// What invitation `index`'s inviter seems to want.
    pub fn intent(&self, index: usize) -> Intent {
        self.intents[index]
    }

    /// Scores every invitation not scored yet, on every core: before a sort
    /// by score reads them all.
    pub fn score_all(&self) {
        self.scores.complete(&self.scorer, &self.queue.invitations);
    }

    /// Scores the invitations not scored yet, the first ones first, on
    /// every core, for as long as `go_on` says, as the console does while
    /// it waits for a key: it is asked every millisecond or so, so that a
    /// key waits no longer than that for its frame. Says whether every
    /// invitation is scored now.
    pub fn score_while(&self, go_on: impl FnMut() -> bool) -> bool {
        self.scores
            .score_while(go_on, &self.scorer, &self.queue.invitations)
    }

    /// How many invitations may be left to score (some of them may be
    /// scored, having been shown).
    pub fn unscored(&self) -> usize {
        self.scores.left()
    }

    /// Whether every invitation is scored.
    pub fn is_scored(&self) -> bool {
        self.scores.is_complete()
    }

    pub fn presence(&self, index: usize) -> Presence {
        self.presence[index]
    }

    /// The full explanation of one invitation's score, made on demand.
    pub fn assess(&self, index: usize) -> Assessment {
        self.scorer.assess(&self.queue.invitations[index])
    }

    /// At or above this score an account is taken for a non-person.
    pub fn threshold(&self) -> u8 {
        self.scorer.threshold()
    }

    /// The policy the suggestions follow.
    pub fn policy(&self) -> Policy {
        self.scorer.policy()
    }

    pub fn decision(&self, index: usize) -> Option<&Decision> {
        self.decisions[index].as_ref()
    }

    /// Whether invitation `index` is to review and not decided yet.
    pub fn is_pending(&self, index: usize) -> bool {
        self.is_to_review(index) && self.decisions[index].is_none()
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.by_id.get(id, &self.queue.invitations)
    }

    /// Sets one invitation's decision and gives back the one it replaces.
    pub fn set(&mut self, index: usize, decision: Option<Decision>) -> Option<Decision> {
        let before = std::mem::replace(&mut self.decisions[index], decision);
        if self.is_to_review(index) {
            self.decided = self.decided + usize::from(self.decisions[index].is_some())
                - usize::from(before.is_some());
        }
        before
    }
}

/// What a scoped thread made; its panic, carried on.
fn joined<T>(thread: std::thread::ScopedJoinHandle<'_, T>) -> T {
    match thread.join() {
        Ok(made) => made,
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

/// The journal laid over the queue's invitations.
struct Laid {
    decisions: Vec<Option<Decision>>,
    presence: Vec<Presence>,
    by_id: Ids,
    /// Invitations whose inviter was decided on before, by queue index.
    earlier: Vec<(usize, EarlierDecision)>,
}

/// Each invitation's decision, whether it is new since `seen`, and where
/// it is by id. A decision older than the invitation was about an earlier
/// invitation from the same inviter: it is told, not kept.
fn lay_out(invitations: &[Invitation], journal: &Decisions, seen: Option<&Seen>) -> Laid {
    let mut laid = Laid {
        decisions: Vec::with_capacity(invitations.len()),
        presence: Vec::with_capacity(invitations.len()),
        by_id: Ids::with_capacity(invitations.len()),
        earlier: Vec::new(),
    };
    for (index, invitation) in invitations.iter().enumerate() {
        let decision = journal
            .by_id
            .get(invitation.id.as_str())
            .map(|s| &s.decision);
        let invited_again = match (decision, invitation.sent_at) {
            (Some(decision), Some(sent_at)) => sent_at > decision.decided_at,
            _ => false,
        };
        match decision {
            Some(d) if invited_again => laid.earlier.push((
                index,
                EarlierDecision {
                    action: d.action,
                    on: d.decided_at.date(),
                },
            )),
            _ => {}
        }
        laid.decisions
            .push(decision.filter(|_| !invited_again).cloned());
        laid.presence.push(Presence {
            new: seen.is_some_and(|seen| !seen.contains(&invitation.id)),
            gone: false,
        });
        laid.by_id.insert(&invitation.id, index);
    }
    laid
}

/// A gone invitation as it was when decided, from the journal's copy;
/// from its name and address alone when the journal has none (or its copy
/// in a snapshot no longer matches its checksum).
fn kept_invitation(id: &str, standing: &Standing) -> Invitation {
    let kept = standing
        .snapshot
        .as_ref()
        .and_then(|kept| kept.text().ok())
        .and_then(|text| parse_invitation(&text).ok())
        .filter(|invitation| invitation.id == id);
    kept.unwrap_or_else(|| Invitation {
        id: id.into(),
        profile: Profile {
            url: standing.url.as_deref().map(Text::from),
            ..Profile::named(standing.name.as_deref().unwrap_or(id))
        },
        ..Invitation::default()
    })
}

#[cfg(test)]
mod tests {
    use time::macros::{date, datetime};

    use super::*;
    use crate::model::Verdict;

    fn accepted() -> Decision {
        Decision::new(Verdict::Accept, datetime!(2026-01-30 09:00 UTC))
    }

    /// A review of a queue holding `ids` (a `+` after an id: already a
    /// connection) over a journal that accepted `accepted_ids`.
    fn review(ids: &[&str], accepted_ids: &[&str]) -> Review {
        let invitations = ids
            .iter()
            .map(|id| Invitation {
                id: id.trim_end_matches('+').into(),
                already_connected: id.ends_with('+'),
                ..Invitation::default()
            })
            .collect();
        let journal = Decisions::taken(accepted_ids.iter().map(|id| (*id, accepted())));
        let queue = Queue {
            invitations,
            ..Queue::default()
        };
        Review::new(queue, &journal, None, |queue| {
            Scorer::new(queue, &Default::default(), date!(2026 - 01 - 31))
        })
    }

    fn counts(review: &Review) -> (usize, usize, usize) {
        (review.len(), review.total(), review.decided())
    }

    #[test]
    fn a_connection_is_listed_but_not_to_review() {
        // "2/4 decided", as the status bar says; not "2/5".
        let review = review(&["a", "b", "c", "d", "e+"], &["a", "b"]);
        assert_eq!(counts(&review), (5, 4, 2));
        assert!(review.is_pending(2));
        assert!(!review.is_pending(4), "a connection waits for nothing");
    }

    #[test]
    fn decisions_on_gone_invitations_are_listed_but_not_to_review() {
        // "0/3 decided", as the status bar says; not "0/7". The four
        // decisions stay in the list, as `inviteq export` lists them.
        let review = review(&["e", "f", "g"], &["a", "b", "c", "d"]);
        assert_eq!(counts(&review), (7, 3, 0));
        for index in 3..7 {
            assert!(review.presence(index).gone);
            assert!(review.decision(index).is_some());
            assert!(!review.is_pending(index));
        }
    }

    #[test]
    fn a_gone_invitation_shows_what_was_known_when_it_was_decided() {
        let snapshot = r#"{"id":"gone","message":"Hello","profile":{"name":"Ann Lee","headline":"Nurse","connections":300}}"#;
        let journal = Decisions {
            by_id: [("gone", Some(snapshot)), ("bare", None)]
                .into_iter()
                .map(|(id, snapshot)| {
                    let standing = Standing {
                        seq: 1,
                        decision: accepted(),
                        name: Some("Bea Kim".into()),
                        url: None,
                        snapshot: snapshot.map(Into::into),
                    };
                    (id.to_string(), standing)
                })
                .collect(),
        };
        let queue = Queue {
            invitations: vec![Invitation {
                id: "a".into(),
                ..Invitation::default()
            }],
            ..Queue::default()
        };
        let review = Review::new(queue, &journal, None, |queue| {
            Scorer::new(queue, &Default::default(), date!(2026 - 01 - 31))
        });
        let gone = review.position("gone").unwrap();
        let kept = review.invitation(gone);
        assert_eq!(kept.profile.name, "Ann Lee");
        assert_eq!(kept.profile.headline.as_deref(), Some("Nurse"));
        assert_eq!(kept.message.as_deref(), Some("Hello"));
        assert_ne!(review.summary(gone).score, 0, "scored on its facts");
        let bare = review.position("bare").unwrap();
        assert_eq!(review.invitation(bare).profile.name, "Bea Kim");
    }

    #[test]
    fn only_deciding_an_invitation_to_review_moves_the_progress() {
        let mut review = review(&["a", "b+"], &["gone"]);
        assert_eq!(counts(&review), (3, 1, 0));
        review.set(1, Some(accepted()));
        review.set(2, None);
        assert_eq!(counts(&review), (3, 1, 0));
        review.set(0, Some(accepted()));
        assert_eq!(counts(&review), (3, 1, 1));
        review.set(0, None);
        assert_eq!(counts(&review), (3, 1, 0));
    }
}
