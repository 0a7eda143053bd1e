"""Schemathesis hooks for scripts/fuzz.sh (loaded through SCHEMATHESIS_HOOKS).

- `after_call` appends `METHOD path-template status` for every response to the file named
  by FUZZ_CALL_LOG, so run.py can report how many operations reached a 2xx.
- `filter_failure` drops the failures of the deliberate refusals listed in README's
  "Checking the API contract" (REFUSALS, MISSING_HEADER_BY_DESIGN) and of the known schema
  gaps (KNOWN_GAPS). Each entry names the failure code, the status and the field and
  message of the problem the server answers, so an unrelated failure of the same operation
  still counts. Any other "schema-valid request rejected" (ST202) is written to
  FUZZ_REFUSED_LOG and reported without failing the run; every other failure is fatal.
"""

from __future__ import annotations

import json
import os
import re
import threading

import schemathesis

_lock = threading.Lock()


@schemathesis.hook
def after_call(context, case, response):
    log = os.environ.get("FUZZ_CALL_LOG")
    if not log:
        return
    line = f"{case.operation.method.upper()} {case.operation.path} {response.status_code} {response.request.url}\n"
    with _lock, open(log, "a", encoding="utf-8") as f:
        f.write(line)


def _problem(response) -> dict:
    try:
        body = json.loads(response.content or b"")
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


# Deliberate refusals. Each is (failure code, status, error field pattern, message pattern):
# a failure is dropped only when its code and status match and the problem+json names a
# field and message that match. ST202 is "schema-valid request rejected" (the check
# positive_data_acceptance), ST203 "missing required header accepted".
# README's "Checking the API contract" lists the same rules in words.
REFUSALS: list[tuple[str, int, str, str]] = [
    # Cross-field and cross-parameter rules (JSON Schema has no way to compare two values).
    ("ST202", 400, r"to", r"must be after `from`"),
    ("ST202", 400, r"from", r"the period may span at most \d+ weeks"),
    ("ST202", 400, r"resolved_before", r"must be later than resolved_after"),
    ("ST202", 422, r"window_end", r"must be after window_start"),
    ("ST202", 422, r"max_shift_minutes", r"must be at least min_shift_minutes"),
    ("ST202", 422, r"expires_on", r"must be after issued_on"),
    ("ST202", 422, r"label_schema\.max", r"must be greater than min"),
    ("ST202", 422, r"(sanction_id|assignment_id)", r"give exactly one of"),
    ("ST202", 422, r"(ids|external_ids)", r"send ids or external_ids"),
    ("ST202", 422, r"(priority|deadline)", r"send priority, deadline or both"),
    ("ST202", 422, r"changes\[\d+\]", r"repeats the expert and slice of"),
    ("ST202", 422, r"roster_invitation", r"is only used when applying"),
    ("ST202", 422, r"measurement_level", r"is measured at the"),
    ("ST202", 422, r"organization_name", r"is only allowed for lab and vendor accounts"),
    ("ST202", 422, r"weekly\[\d+\]\.end", r"must differ from start"),
    ("ST202", 422, r"lines\[\d+\]\.line_id", r"is named twice"),
    ("ST202", 422, r"parent_slug", r"cannot be moved under itself"),
    # Values checked against state or the clock: tokens and cursors the server issued,
    # times in the future, a password that is too simple.
    ("ST202", 400, r"cursor", r"is not a cursor returned by this (list|feed)"),
    ("ST202", 400, r"token", r"is not a valid .*token"),
    ("ST202", 422, r"roster_invitation", r"is not a valid roster invitation token"),
    ("ST202", 422, r"closes_at", r"must be in the future"),
    ("ST202", 422, r"deadline", r"must be at least \d+ minutes in the future"),
    ("ST202", 422, r"password", r"must contain at least \d+ different characters|is too common"),
    ("ST202", 422, r"time_zone", r"must be an IANA time zone"),
    # Text: no control characters and not only spaces (Checks::text in src/http/extract.rs).
    # A `pattern` could state the first; the schema does not yet (README says so).
    (
        "ST202",
        422,
        r".*",
        r"must not contain control characters|must not be empty|must be 1 to \d+ printable characters",
    ),
]

# Known gaps: rules JSON Schema CAN express that the document does not state yet, found by
# this fuzzer (issue 24). They are listed so the gate catches every other failure; each one
# is a defect to fix in src/ (and to delete here), not a deliberate refusal.
KNOWN_GAPS: list[tuple[str, int, str, str]] = [
    # Comma-separated id lists and id filters without a pattern.
    ("ST202", 400, r"vendors", r"must be an organization id"),
    ("ST202", 400, r"parent", r"must be a domain id"),
    # Array sizes, clause ids, URLs and trimmed lengths the request schemas omit.
    ("ST202", 422, r"(participant_ids|gold_item_ids)", r"must hold 1–\d+ entries"),
    ("ST202", 422, r"ids", r"must list 1 to 1000 items per request"),
    ("ST202", 422, r"clauses\[\d+\]\.\w+", r".*"),
    ("ST202", 422, r"url", r"is not an absolute URL"),
    ("ST202", 422, r"affiliations\[\d+\]\.name", r"must be at least \d+ characters"),
]

# Operations whose missing credential answers something other than 401 by design: `/metrics`
# is a 404 unless `http.metrics_token` is set, and Stripe's webhook a 409 unless
# `payments.stripe.webhook_secrets` is (the demo configures neither).
MISSING_HEADER_BY_DESIGN = {
    ("GET", "/metrics", 404),
    ("POST", "/v1/stripe/webhook", 409),
}


def _is_refusal(code: str, method: str, path: str, status: int, problem: dict) -> bool:
    if code == "ST203":
        return (method, path, status) in MISSING_HEADER_BY_DESIGN
    errors = problem.get("errors") or []
    if not errors:
        return False
    # Every error of the response must be a deliberate refusal, not just one of them.
    return all(
        any(
            code == c
            and status == s
            and re.fullmatch(field, str(e.get("field", "")))
            and re.search(message, str(e.get("message", "")))
            for c, s, field, message in REFUSALS + KNOWN_GAPS
        )
        for e in errors
        if isinstance(e, dict)
    )


@schemathesis.hook
def filter_failure(context, failure, case, response):
    code = getattr(failure, "code", "")
    method, path = case.operation.method.upper(), case.operation.path
    problem = _problem(response)
    if _is_refusal(code, method, path, response.status_code, problem):
        return False
    if code == "ST202":
        # Schema-valid input the server refused for a reason not listed above: reported by
        # run.py (FUZZ_REFUSED_LOG), not fatal, because every new generator draw can find
        # another rule of the kind KNOWN_GAPS lists. 5xx, response schema, status code,
        # content type, header and auth failures stay fatal.
        log = os.environ.get("FUZZ_REFUSED_LOG")
        if log:
            errors = [
                f"{e.get('field')}: {e.get('message')}"
                for e in problem.get("errors") or []
                if isinstance(e, dict)
            ]
            line = (
                f"{method} {path} {response.status_code} {'; '.join(errors) or problem.get('detail', '')}\n"
            )
            with _lock, open(log, "a", encoding="utf-8") as f:
                f.write(line)
        return False
    return True
