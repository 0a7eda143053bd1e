"""Webhook signature verification (the scheme of src/webhooks/signature.rs).

Cadre signs each delivery with the header
`Cadre-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`, one
`v1` per active secret while a rotated secret still signs. A receiver recomputes the HMAC
over the raw body bytes (before any JSON parsing), compares in constant time, and refuses
a timestamp outside its tolerance (a replay).
"""

from __future__ import annotations

import hashlib
import hmac
import time

HEADER = "Cadre-Signature"
DEFAULT_TOLERANCE_SECS = 300


class SignatureError(ValueError):
    """The delivery is not from Cadre (or not from now): refuse it.

    `reason` is `malformed`, `too_old` or `mismatch`.
    """

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The hex `v1` signature of `body` at `timestamp` under `secret`."""
    message = str(timestamp).encode() + b"." + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def verify_signature(
    header: str | None,
    secret: str,
    body: bytes,
    *,
    tolerance_secs: int = DEFAULT_TOLERANCE_SECS,
    now: float | None = None,
) -> int:
    """Checks a `Cadre-Signature` header; returns its timestamp or raises SignatureError.

    `body` must be the raw request body as received. Any `v1` may match (during a secret
    rotation the delivery carries one per secret).
    """
    if not header:
        raise SignatureError("malformed", f"no {HEADER} header")
    timestamp: int | None = None
    candidates: list[str] = []
    for part in header.split(","):
        key, sep, value = part.strip().partition("=")
        if not sep:
            continue
        if key == "t":
            try:
                timestamp = int(value)
            except ValueError:
                timestamp = None
        elif key == "v1":
            candidates.append(value.strip().lower())
    if timestamp is None or not candidates:
        raise SignatureError("malformed", f"{HEADER} needs t=<unix seconds> and at least one v1=<hex>")
    current = time.time() if now is None else now
    if abs(current - timestamp) > tolerance_secs:
        raise SignatureError("too_old", f"timestamp {timestamp} is outside the {tolerance_secs} s tolerance")
    expected = sign(secret, timestamp, body)
    if not any(hmac.compare_digest(expected, c) for c in candidates):
        raise SignatureError("mismatch", "no v1 signature matches this secret and body")
    return timestamp
