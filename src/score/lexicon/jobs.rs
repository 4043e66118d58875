//! Work sought and work offered: the job seeker and the recruiter.

use super::Gapped;

pub(crate) const JOB_SEEKING: &[&str] = &[
    "looking for a job",
    "looking for work",
    "looking for a new",
    "looking for an opportunity",
    "looking for opportunities",
    "looking for my next",
    "job search",
    "job hunting",
    "seeking a position",
    "seeking employment",
    "seeking new",
    "seeking opportunities",
    "open to work",
    "open to opportunities",
    "my resume",
    "my cv",
    "any openings",
    "refer me",
    "a referral",
    "internship",
    "recent graduate",
    "recently graduated",
    "career change",
];

/// Looking for work, said with words between: "looking for entry-level
/// roles", "seeking a junior position".
pub(crate) const SEEKING_WORK: Gapped = Gapped {
    from: &["looking", "seeking", "searching", "hunting"],
    to: &[
        "role",
        "roles",
        "job",
        "jobs",
        "position",
        "positions",
        "opportunity",
        "opportunities",
        "internship",
        "internships",
        "employment",
        "work",
    ],
    // Words that make the seeker the one hiring: "looking for candidates
    // for two roles".
    stop: &[
        "candidates",
        "candidate",
        "talent",
        "someone",
        "people",
        "applicants",
        "hire",
        "fill",
    ],
    window: 4,
};

pub(crate) const RECRUITING: &[&str] = &[
    "we are hiring",
    "we're hiring",
    "i'm hiring",
    "i am hiring",
    "hiring for",
    "recruiting for",
    "recruiter",
    "recruiting",
    "talent acquisition",
    "headhunter",
    "sourcer",
    "open position",
    "open role",
    "open roles",
    "job openings",
    "exciting opportunities",
    "hiring",
    "job opportunity",
    "a role that",
    "your background",
    "candidates",
];
