"""A thin, hand-written layer over the generated `cadre_client` for lab pipelines."""

from .pipeline import (
    CadreError,
    Pipeline,
    PushReport,
    ResultsFeed,
    RetryPolicy,
    RowOutcome,
    parse_retry_after,
)
from .signature import HEADER, SignatureError, sign, verify_signature

__all__ = [
    "HEADER",
    "CadreError",
    "Pipeline",
    "PushReport",
    "ResultsFeed",
    "RetryPolicy",
    "RowOutcome",
    "SignatureError",
    "parse_retry_after",
    "sign",
    "verify_signature",
]
