"""The pipeline layer's retry and signature logic, against a fake transport (no server)."""

from __future__ import annotations

import json

import httpx
import pytest
from cadre_client import AuthenticatedClient
from cadre_pipeline import (
    CadreError,
    Pipeline,
    RetryPolicy,
    SignatureError,
    parse_retry_after,
    sign,
    verify_signature,
)

PROJECT = "prj_01jd3v7q8y2k5m9n4p6r8s0t2w"


def pipeline(handler, attempts: int = 4) -> tuple[Pipeline, list[float]]:
    slept: list[float] = []
    client = AuthenticatedClient(
        base_url="http://cadre.test",
        token="cadre_sk_test",
        httpx_args={"transport": httpx.MockTransport(handler)},
    )
    return Pipeline(
        "http://cadre.test",
        "cadre_sk_test",
        client=client,
        retry=RetryPolicy(attempts=attempts),
        sleep=slept.append,
    ), slept


def bulk(rows: list[dict]) -> httpx.Response:
    counts = {
        s: sum(1 for r in rows if r["status"] == s) for s in ("created", "exists", "conflict", "invalid")
    }
    return httpx.Response(
        200,
        json={
            "created": counts["created"],
            "existing": counts["exists"],
            "conflicts": counts["conflict"],
            "invalid": counts["invalid"],
            "results": rows,
        },
    )


def test_retries_429_and_5xx_honouring_retry_after_then_reports_rows() -> None:
    calls: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        if len(calls) == 1:
            return httpx.Response(
                429,
                headers={"retry-after": "7"},
                json={
                    "type": "about:blank",
                    "title": "Too Many Requests",
                    "status": 429,
                    "detail": "slow down",
                },
            )
        if len(calls) == 2:
            return httpx.Response(503, text="upstream")
        sent = json.loads(request.content)
        return bulk(
            [
                {"row": 0, "status": "created", "id": "itm_01jd3v7q8y2k5m9n4p6r8s0t2a", "errors": []},
                {"row": 1, "status": "exists", "id": "itm_01jd3v7q8y2k5m9n4p6r8s0t2b", "errors": []},
                {
                    "row": 2,
                    "status": "conflict",
                    "id": "itm_01jd3v7q8y2k5m9n4p6r8s0t2c",
                    "errors": [{"field": "payload", "message": "differs"}],
                },
            ][: len(sent)]
        )

    pipe, slept = pipeline(handler)
    items = [{"external_id": f"e{n}", "payload": {"q": n}} for n in range(3)]
    report = pipe.push_items(PROJECT, items)
    assert len(calls) == 3
    assert calls[0].headers["authorization"] == "Bearer cadre_sk_test"
    assert slept[0] == 7.0  # Retry-After wins over the backoff
    assert 0 <= slept[1] <= 1.0  # backoff: base 0.5 s doubled once, with jitter
    assert report.retries == 2 and report.requests == 3
    assert [(r.external_id, r.status) for r in report.rows] == [
        ("e0", "created"),
        ("e1", "exists"),
        ("e2", "conflict"),
    ]
    assert report.conflicts[0].errors == (("payload", "differs"),)


def test_connection_errors_are_retried_and_give_up_after_the_attempts() -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        raise httpx.ConnectError("refused", request=request)

    pipe, slept = pipeline(handler, attempts=3)
    with pytest.raises(CadreError) as err:
        pipe.push_items(PROJECT, [{"external_id": "e0", "payload": {}}])
    assert len(calls) == 3 and len(slept) == 2
    assert err.value.status is None and "ConnectError" in str(err.value)


def test_a_refused_batch_is_not_retried() -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(
            409,
            json={
                "type": "about:blank",
                "title": "Conflict",
                "status": 409,
                "detail": "the project is archived",
            },
        )

    pipe, _ = pipeline(handler)
    with pytest.raises(CadreError) as err:
        pipe.push_items(PROJECT, [{"external_id": "e0", "payload": {}}])
    assert len(calls) == 1 and err.value.status == 409 and "archived" in str(err.value)


def test_batches_are_split_and_rows_keep_their_external_ids() -> None:
    sizes = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent = json.loads(request.content)
        sizes.append(len(sent))
        return bulk(
            [{"row": i, "status": "created", "id": f"itm_{i}", "errors": []} for i in range(len(sent))]
        )

    pipe, _ = pipeline(handler)
    report = pipe.push_items(
        PROJECT, ({"external_id": f"e{n}", "payload": {}} for n in range(5)), batch_size=2
    )
    assert sizes == [2, 2, 1]
    assert [r.external_id for r in report.rows] == [f"e{n}" for n in range(5)]
    with pytest.raises(ValueError):
        pipe.push_items(PROJECT, [], batch_size=1001)


def test_results_feed_pages_with_the_cursor() -> None:
    seen_cursors = []

    def item(n: int) -> dict:
        return {
            "id": f"itm_{n}",
            "project_id": PROJECT,
            "slice_id": "slc_x",
            "external_id": f"e{n}",
            "payload": {},
            "stakes": "high",
            "priority": 50,
            "effective_priority": 50,
            "deadline": "2026-12-01T00:00:00Z",
            "status": "resolved",
            "stage": "resolved",
            "status_reason": "",
            "created_at": "2026-11-30T00:00:00Z",
            "updated_at": "2026-11-30T00:00:00Z",
            "progress": {
                "offered": 0,
                "accepted": 0,
                "submitted": 1,
                "declined": 0,
                "expired": 0,
                "cancelled": 0,
            },
        }

    def handler(request: httpx.Request) -> httpx.Response:
        cursor = request.url.params.get("cursor")
        seen_cursors.append(cursor)
        if cursor is None:
            return httpx.Response(200, json={"data": [item(1)], "has_more": True, "next_cursor": "c1"})
        if cursor == "c1":
            return httpx.Response(200, json={"data": [item(2)], "has_more": False, "next_cursor": "c2"})
        return httpx.Response(200, json={"data": [], "has_more": False, "next_cursor": "c2"})

    pipe, _ = pipeline(handler)
    feed = pipe.results(PROJECT, limit=1)
    assert [i.external_id for i in feed] == ["e1", "e2"]
    assert feed.cursor == "c2" and feed.pages == 2
    assert list(pipe.results(PROJECT, cursor=feed.cursor)) == []
    assert seen_cursors == [None, "c1", "c2"]


def test_retry_after_parses_seconds_and_http_dates() -> None:
    assert parse_retry_after("5") == 5.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:10 GMT", now=1445412480.0) == 10.0
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


def test_signature_matches_the_servers_scheme() -> None:
    # The vector of src/webhooks/signature.rs: HMAC-SHA256("whsec_x", "1700000000.{\"a\":1}").
    import hashlib
    import hmac

    body = b'{"a":1}'
    expected = hmac.new(b"whsec_x", b'1700000000.{"a":1}', hashlib.sha256).hexdigest()
    assert sign("whsec_x", 1_700_000_000, body) == expected
    header = f"t=1700000000,v1={sign('new', 1_700_000_000, body)},v1={expected}"
    assert verify_signature(header, "whsec_x", body, now=1_700_000_100) == 1_700_000_000
    assert verify_signature(header, "new", body, now=1_700_000_100) == 1_700_000_000
    for bad, reason in [
        (None, "malformed"),
        ("v1=00", "malformed"),
        ("t=1700000000", "malformed"),
    ]:
        with pytest.raises(SignatureError) as err:
            verify_signature(bad, "whsec_x", body, now=1_700_000_000)
        assert err.value.reason == reason
    with pytest.raises(SignatureError) as err:
        verify_signature(header, "whsec_x", body, now=1_700_000_301)
    assert err.value.reason == "too_old"
    with pytest.raises(SignatureError) as err:
        verify_signature(header, "whsec_x", b'{"a":2}', now=1_700_000_000)
    assert err.value.reason == "mismatch"
