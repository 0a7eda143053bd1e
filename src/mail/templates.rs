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
