//! Message templates. Plain text, short, and explicit about why the recipient got it.

use super::OutgoingEmail;

/// Every link also carries its token on a short line of its own, so people and tools that
/// read the raw message (quoted-printable wraps long lines) can copy it intact.
pub fn verify_email(
    to: &str,
    display_name: &str,
    link: &str,
    token: &str,
    valid_hours: i64,
) -> OutgoingEmail {
    OutgoingEmail {
        to: to.to_owned(),
        subject: "Confirm your e-mail address for Cadre".to_owned(),
        text: format!(
            "Hello {display_name},\n\n\
             please confirm that this is your e-mail address by opening the link below:\n\n\
             {link}\n\n\
             Verification token: {token}\n\n\
             The link is valid for {valid_hours} hours and can be used once.\n\
             If you did not create a Cadre account, ignore this message.\n\n\
             -- Cadre\n"
        ),
    }
}

pub fn invitation(
    to: &str,
    org_name: &str,
    inviter: &str,
    role: &str,
    link: &str,
    token: &str,
    valid_days: i64,
) -> OutgoingEmail {
    OutgoingEmail {
        to: to.to_owned(),
        subject: format!("You are invited to join {org_name} on Cadre"),
        text: format!(
            "Hello,\n\n\
             {inviter} invited you to join {org_name} on Cadre as {role}.\n\n\
             Accept the invitation here:\n\n\
             {link}\n\n\
             Invitation token: {token}\n\n\
             The invitation is valid for {valid_days} days and can be used once.\n\
             If you did not expect it, ignore this message.\n\n\
             -- Cadre\n"
        ),
    }
}

pub fn vetting_update(to: &str, display_name: &str, status: &str, reason: &str) -> OutgoingEmail {
    let what = match status {
        "applied" => "We received your application.",
        "screening" => "Your application is being screened.",
        "credential_review" => "Your credentials are being reviewed.",
        "assessment" => "You can now take qualification assessments.",
        "approved" => "You are approved as a Cadre expert.",
        "rejected" => "Your application was not accepted.",
        "withdrawn" => "Your application was withdrawn.",
        _ => "Your account was stopped by an administrator.",
    };
    OutgoingEmail {
        to: to.to_owned(),
        subject: format!("Your Cadre application: {}", status.replace('_', " ")),
        text: format!(
            "Hello {display_name},\n\n\
             {what}\n\n\
             Status: {status}\n\
             Reason: {reason}\n\n\
             You can see the full history of your application in your expert profile.\n\n\
             -- Cadre\n"
        ),
    }
}

pub fn credential_reviewed(
    to: &str,
    display_name: &str,
    credential: &str,
    decision: &str,
    reason: &str,
) -> OutgoingEmail {
    OutgoingEmail {
        to: to.to_owned(),
        subject: format!("Your credential was {decision}"),
        text: format!(
            "Hello {display_name},\n\n\
             your credential \"{credential}\" was {decision}.\n\n\
             Reason: {reason}\n\n\
             -- Cadre\n"
        ),
    }
}

/// Sent to an institutional address the expert named for one of their credentials.
pub fn credential_email_check(
    to: &str,
    credential: &str,
    link: &str,
    token: &str,
    valid_hours: i64,
) -> OutgoingEmail {
    OutgoingEmail {
        to: to.to_owned(),
        subject: "Confirm this address for a Cadre credential".to_owned(),
        text: format!(
            "Hello,\n\n\
             a Cadre expert named this address to show that their credential\n\
             \"{credential}\" comes from your institution. If that is you, confirm it here:\n\n\
             {link}\n\n\
             Confirmation token: {token}\n\n\
             The link is valid for {valid_hours} hours and can be used once.\n\
             If you did not expect this message, ignore it; nothing is confirmed without you.\n\n\
             -- Cadre\n"
        ),
    }
}

pub fn credential_expiring(
    to: &str,
    display_name: &str,
    credential: &str,
    expires_on: &str,
) -> OutgoingEmail {
    OutgoingEmail {
        to: to.to_owned(),
        subject: format!("Your credential expires on {expires_on}"),
        text: format!(
            "Hello {display_name},\n\n\
             your credential \"{credential}\" expires on {expires_on}. From that day on it no\n\
             longer counts for the domains that require it, and you will not receive their\n\
             items. Add the renewed credential with its evidence before then.\n\n\
             -- Cadre\n"
        ),
    }
}

pub fn credential_expired(
    to: &str,
    display_name: &str,
    credential: &str,
    expires_on: &str,
) -> OutgoingEmail {
    OutgoingEmail {
        to: to.to_owned(),
        subject: "Your credential has expired".to_owned(),
        text: format!(
            "Hello {display_name},\n\n\
             your credential \"{credential}\" expired on {expires_on}. It no longer counts for\n\
             the domains that require it. Add the renewed credential with its evidence to\n\
             become eligible again.\n\n\
             -- Cadre\n"
        ),
    }
}

pub struct AssessmentResult<'a> {
    pub slice: &'a str,
    pub passed: bool,
    pub correct: i64,
    pub total: i64,
    pub missed_clauses: &'a [String],
    pub retake_on: Option<&'a str>,
    pub timed_out: bool,
}

pub fn assessment_result(to: &str, display_name: &str, r: &AssessmentResult<'_>) -> OutgoingEmail {
    let outcome = if r.passed {
        "You passed: you are now on probation in this slice and can receive its items.".to_owned()
    } else {
        let mut why = String::from("You did not pass this time.");
        if r.timed_out {
            why.push_str(" The time limit ran out before you submitted.");
        }
        if let Some(day) = r.retake_on {
            why.push_str(&format!(
                " You can retake the assessment with different items from {day}."
            ));
        }
        why
    };
    let missed = if r.missed_clauses.is_empty() {
        String::new()
    } else {
        format!(
            "Clauses behind the items you missed: {}\n\n",
            r.missed_clauses.join(", ")
        )
    };
    OutgoingEmail {
        to: to.to_owned(),
        subject: format!(
            "Your {} assessment: {}",
            r.slice,
            if r.passed { "passed" } else { "not passed" }
        ),
        text: format!(
            "Hello {display_name},\n\n\
             your qualification assessment in {slice} is graded: {correct} of {total} correct.\n\n\
             {outcome}\n\n\
             {missed}\
             -- Cadre\n",
            slice = r.slice,
            correct = r.correct,
            total = r.total,
        ),
    }
}

pub fn slice_standing_changed(
    to: &str,
    display_name: &str,
    slice: &str,
    aspect: &str,
    from: &str,
    now: &str,
    reason: &str,
) -> OutgoingEmail {
    OutgoingEmail {
        to: to.to_owned(),
        subject: format!("Your {aspect} in {slice} is now {now}"),
        text: format!(
            "Hello {display_name},\n\n\
             your {aspect} in the slice {slice} changed from {from} to {now}.\n\n\
             Reason: {reason}\n\n\
             -- Cadre\n"
        ),
    }
}

pub fn calibration_invited(
    to: &str,
    display_name: &str,
    slice: &str,
    title: &str,
    items: usize,
    closes_at: chrono::DateTime<chrono::Utc>,
) -> OutgoingEmail {
    OutgoingEmail {
        to: to.to_owned(),
        subject: format!("Calibration session in {slice}: {title}"),
        text: format!(
            "Hello {display_name},\n\n\
             you are invited to the calibration session \"{title}\" in the slice {slice}: \
             {items} items, open until {} (UTC).\n\n\
             Answer them under Calibration sessions in Cadre. Your answers are compared with \
             the reference answers and with the other participants' and count towards your \
             calibration score in the slice.\n\n\
             -- Cadre\n",
            closes_at.format("%Y-%m-%d %H:%M")
        ),
    }
}

pub fn slice_health_changed(
    to: &str,
    slice: &str,
    health: &str,
    alpha: Option<f64>,
    items: usize,
    action: &str,
) -> OutgoingEmail {
    let alpha = alpha.map_or_else(|| "undefined".to_owned(), |a| format!("{a:.3}"));
    OutgoingEmail {
        to: to.to_owned(),
        subject: format!("Slice {slice} reliability: {health}"),
        text: format!(
            "Hello,\n\n\
             the reliability of the slice {slice} is now {health}: Krippendorff's alpha is \
             {alpha} over {items} resolved items with overlapping judgments \
             (healthy at 0.80 or above).\n\n\
             {action}\n\n\
             -- Cadre\n"
        ),
    }
}

pub fn gold_pool_exhausted(
    to: &str,
    project: &str,
    slice: &str,
    expert: &str,
    pool: i64,
) -> OutgoingEmail {
    OutgoingEmail {
        to: to.to_owned(),
        subject: format!("Gold pool exhausted for an expert in {project}"),
        text: format!(
            "Hello,\n\n\
             the expert {expert} has now been offered all {pool} gold items of the project \
             {project} in the slice {slice}. No more gold reaches them there, so their gold \
             accuracy in this project stops being measured until you add gold items.\n\n\
             -- Cadre\n"
        ),
    }
}

pub fn appeal_decided(
    to: &str,
    display_name: &str,
    kind: &str,
    status: &str,
    reason: &str,
) -> OutgoingEmail {
    let what = if kind == "sanction" {
        "your appeal of a suspension"
    } else {
        "your appeal of a gold answer"
    };
    let outcome = if status == "overturned" {
        "was decided in your favour"
    } else {
        "was not upheld: the decision stands"
    };
    OutgoingEmail {
        to: to.to_owned(),
        subject: format!("Appeal decided: {status}"),
        text: format!(
            "Hello {display_name},\n\n\
             {what} {outcome}.\n\n\
             Reason: {reason}\n\n\
             -- Cadre\n"
        ),
    }
}

/// Shifts booked for an expert (each line: local time, UTC time, what for).
pub fn shifts_offered(to: &str, display_name: &str, lines: &[String]) -> OutgoingEmail {
    let n = lines.len();
    OutgoingEmail {
        to: to.to_owned(),
        subject: if n == 1 {
            "A shift was booked for you on Cadre: please confirm".to_owned()
        } else {
            format!("{n} shifts were booked for you on Cadre: please confirm")
        },
        text: format!(
            "Hello {display_name},\n\n\
             a lab asked for expert capacity and Cadre booked these shifts within your\n\
             availability:\n\n{}\n\n\
             Confirm or decline each shift (POST /v1/shifts/{{shift}}/confirm or /decline).\n\
             A declined shift is offered to someone else. Your calendar feed shows them too.\n\n\
             -- Cadre\n",
            lines.join("\n")
        ),
    }
}

/// Shifts cancelled by the lab (the lines as in [`shifts_offered`]).
pub fn shifts_cancelled(
    to: &str,
    display_name: &str,
    lines: &[String],
    reason: &str,
) -> OutgoingEmail {
    OutgoingEmail {
        to: to.to_owned(),
        subject: "Shifts cancelled on Cadre".to_owned(),
        text: format!(
            "Hello {display_name},\n\n\
             these shifts were cancelled and are no longer booked:\n\n{}\n\n\
             Reason: {reason}\n\n\
             Your calendar feed marks them cancelled.\n\n\
             -- Cadre\n",
            lines.join("\n")
        ),
    }
}

/// A reminder before a shift.
pub fn shift_reminder(to: &str, display_name: &str, line: &str, confirmed: bool) -> OutgoingEmail {
    let state = if confirmed {
        "You confirmed this shift."
    } else {
        "You have not confirmed this shift yet: confirm or decline it now."
    };
    OutgoingEmail {
        to: to.to_owned(),
        subject: "Reminder: your Cadre shift starts soon".to_owned(),
        text: format!(
            "Hello {display_name},\n\n\
             your shift starts soon:\n\n{line}\n\n\
             {state}\n\
             Items for this project and slice go to experts on shift first.\n\n\
             -- Cadre\n"
        ),
    }
}

/// An invitation into a vendor's roster. `existing_expert`: the address already has an
/// expert profile (accept in place) rather than needing to apply.
#[allow(clippy::too_many_arguments)]
pub fn roster_invitation(
    to: &str,
    vendor_name: &str,
    inviter: &str,
    message: &str,
    link: &str,
    token: &str,
    valid_days: i64,
    existing_expert: bool,
) -> OutgoingEmail {
    let how = if existing_expert {
        "Accept it from your Cadre account: open the link below, sign in with this e-mail \
         address and accept or decline it. If you are on another vendor's roster, accepting \
         moves you, and only with your explicit consent."
    } else {
        "Open the link below and register an expert account with this e-mail address, then \
         apply with the token below as your roster invitation; you go through the normal \
         vetting with the vendor already set."
    };
    let note = if message.trim().is_empty() {
        String::new()
    } else {
        format!("Their message:\n\n{}\n\n", message.trim())
    };
    OutgoingEmail {
        to: to.to_owned(),
        subject: format!("You are invited to join {vendor_name}'s expert roster on Cadre"),
        text: format!(
            "Hello,\n\n\
             {inviter} invited you to work on Cadre through {vendor_name}'s roster.\n\n\
             {note}\
             {how}\n\n\
             {link}\n\n\
             Roster invitation token: {token}\n\n\
             The invitation is valid for {valid_days} days and can be used once.\n\
             If you did not expect it, ignore this message or decline it.\n\n\
             -- Cadre\n"
        ),
    }
}

/// The expert's roster changed: joined (`from` None), moved, or left (`to` None).
pub fn roster_changed(
    to_addr: &str,
    display_name: &str,
    from: Option<&str>,
    to: Option<&str>,
    reason: &str,
) -> OutgoingEmail {
    let (subject, what) = match (from, to) {
        (None, Some(v)) => (
            format!("You joined {v}'s roster"),
            format!("You are now on {v}'s expert roster."),
        ),
        (Some(f), Some(v)) => (
            format!("You moved from {f}'s roster to {v}'s"),
            format!("With your consent, you moved from {f}'s roster to {v}'s."),
        ),
        (Some(f), None) => (
            format!("You are no longer on {f}'s roster"),
            format!(
                "You are no longer on {f}'s expert roster. Your history, scores and pay stay \
                 as they were; you can keep working on Cadre as an independent expert."
            ),
        ),
        (None, None) => ("Your roster changed".to_owned(), String::new()),
    };
    OutgoingEmail {
        to: to_addr.to_owned(),
        subject,
        text: format!("Hello {display_name},\n\n{what}\n\nReason: {reason}\n\n-- Cadre\n",),
    }
}

/// A password-reset link, sent only to an existing account's own address.
pub fn password_reset(
    to: &str,
    display_name: &str,
    link: &str,
    token: &str,
    valid_minutes: i64,
) -> OutgoingEmail {
    OutgoingEmail {
        to: to.to_owned(),
        subject: "Reset your Cadre password".to_owned(),
        text: format!(
            "Hello {display_name},\n\n\
             someone (hopefully you) asked to reset the password of your Cadre account.\n\
             Choose a new password here:\n\n\
             {link}\n\n\
             Reset token: {token}\n\n\
             The link is valid for {valid_minutes} minutes and can be used once. Setting a new\n\
             password signs your account out everywhere.\n\
             If you did not ask for this, ignore this message; your password stays as it is.\n\n\
             -- Cadre\n"
        ),
    }
}

/// Tells the account's owner that the password changed (`how`: "reset" or "changed").
pub fn password_changed(to: &str, display_name: &str, how: &str) -> OutgoingEmail {
    let (what, sessions) = match how {
        "reset" => (
            "the password of your Cadre account was reset with a link sent to this address",
            "Every session of the account was signed out.",
        ),
        _ => (
            "the password of your Cadre account was changed",
            "Every other session of the account was signed out.",
        ),
    };
    OutgoingEmail {
        to: to.to_owned(),
        subject: "Your Cadre password was changed".to_owned(),
        text: format!(
            "Hello {display_name},\n\n\
             {what}.\n\
             {sessions}\n\n\
             If this was not you, reset your password at once from the sign-in page\n\
             (\"Forgot your password?\") and tell your administrator.\n\n\
             -- Cadre\n"
        ),
    }
}

/// Sent to the NEW address of an e-mail change: the change happens only when confirmed.
pub fn email_change_verify(
    to: &str,
    display_name: &str,
    link: &str,
    token: &str,
    valid_hours: i64,
) -> OutgoingEmail {
    OutgoingEmail {
        to: to.to_owned(),
        subject: "Confirm your new e-mail address for Cadre".to_owned(),
        text: format!(
            "Hello {display_name},\n\n\
             you asked to use this address for your Cadre account. Confirm it here:\n\n\
             {link}\n\n\
             Change token: {token}\n\n\
             The link is valid for {valid_hours} hours and can be used once. Until you\n\
             confirm, your account keeps its current address.\n\
             If you did not ask for this, ignore this message.\n\n\
             -- Cadre\n"
        ),
    }
}

/// Sent instead of [`email_change_verify`] when the new address already has an account:
/// the requester is told the same as always (no enumeration); the address's owner learns
/// of the attempt, and nothing changes.
pub fn email_change_address_taken(to: &str) -> OutgoingEmail {
    OutgoingEmail {
        to: to.to_owned(),
        subject: "Confirm your new e-mail address for Cadre".to_owned(),
        text: "Hello,\n\n\
               someone asked to move a Cadre account to this address. This address already\n\
               belongs to a Cadre account, so nothing was changed and nothing needs to be done.\n\n\
               If you wanted to move another account of yours here, first give this account\n\
               another address, or sign in to it instead.\n\n\
               -- Cadre\n"
            .to_owned(),
    }
}

/// Sent to the OLD address once an e-mail change took effect.
pub fn email_changed(to: &str, display_name: &str, new_address: &str) -> OutgoingEmail {
    OutgoingEmail {
        to: to.to_owned(),
        subject: "Your Cadre e-mail address was changed".to_owned(),
        text: format!(
            "Hello {display_name},\n\n\
             your Cadre account now uses the address {new_address}; this address is no\n\
             longer linked to it and will receive no more messages about it.\n\n\
             If this was not you, contact your administrator at once.\n\n\
             -- Cadre\n"
        ),
    }
}

/// To each admin of a vendor the platform approved or rejected.
pub fn vendor_decided(
    to: &str,
    display_name: &str,
    vendor: &str,
    decision: &str,
    reason: &str,
) -> OutgoingEmail {
    let what = if decision == "approved" {
        "Your vendor was approved by the Cadre platform. Its admins can now vet experts, \
         review credentials, protect standings and run calibration, and experts on its \
         roster can receive lab work."
    } else {
        "Your vendor was not approved by the Cadre platform. Its admins cannot vet experts, \
         and experts on its roster receive no lab work."
    };
    let reason = if reason.is_empty() {
        "(none given)"
    } else {
        reason
    };
    OutgoingEmail {
        to: to.to_owned(),
        subject: format!("Your vendor {vendor} was {decision} on Cadre"),
        text: format!(
            "Hello {display_name},\n\n\
             {what}\n\n\
             Vendor: {vendor}\n\
             Decision: {decision}\n\
             Reason: {reason}\n\n\
             -- Cadre\n"
        ),
    }
}
