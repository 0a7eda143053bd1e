"""Smoke test of the Python client against a live demo server (clients/python/smoke.sh).

The way a lab pipeline uses Cadre, end to end, through the generated client and the
pipeline layer: the lab admin makes an API key and a webhook endpoint; the pipeline pushes
a batch (created), pushes it again (exists), re-sends one item changed (conflict) and one
broken (invalid); the demo's radiologists pull with `POST /v1/assignments/next` and submit
until the items resolve; the pipeline reads them back from the results feed, and the
webhook listener checks the signature of the `item.resolved` delivery.

Needs DEMO_BASE_URL (a `cadre serve --demo` with webhooks.allow_http,
webhooks.allow_private_addresses and routing.results_feed_lag_secs = 0).
"""

from __future__ import annotations

import http.server
import json
import os
import threading
import time
import uuid

import pytest
from cadre_client import AuthenticatedClient, Client
from cadre_client.api.auth import login
from cadre_client.api.items import get_item, list_items
from cadre_client.api.orgs import create_api_key, list_orgs
from cadre_client.api.projects import list_projects, update_project
from cadre_client.api.webhooks import create_endpoint
from cadre_client.api.work import next_work, submit_work
from cadre_client.models.create_api_key_request import CreateApiKeyRequest
from cadre_client.models.create_endpoint import CreateEndpoint
from cadre_client.models.event_type import EventType
from cadre_client.models.login_request import LoginRequest
from cadre_client.models.scope import Scope
from cadre_client.models.submit_request import SubmitRequest
from cadre_client.models.submit_request_label import SubmitRequestLabel
from cadre_client.models.update_project_request import UpdateProjectRequest
from cadre_client.models.work_view import WorkView
from cadre_pipeline import Pipeline, SignatureError, verify_signature

PASSWORD = "cadre-demo-password"


@pytest.fixture(scope="module")
def base_url() -> str:
    url = os.environ.get("DEMO_BASE_URL")
    if not url:
        pytest.fail("DEMO_BASE_URL is not set: run clients/python/smoke.sh")
    return url


def session(base_url: str, email: str) -> AuthenticatedClient:
    r = login.sync_detailed(
        client=Client(base_url=base_url), body=LoginRequest(email=email, password=PASSWORD)
    )
    assert r.status_code == 200, r.content
    return AuthenticatedClient(base_url=base_url, token=r.parsed.access_token)


class Listener:
    """A local webhook receiver that keeps each delivery's headers and raw body."""

    def __init__(self) -> None:
        self.deliveries: list[tuple[dict[str, str], bytes]] = []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("content-length", "0")))
                outer.deliveries.append(({k.lower(): v for k, v in self.headers.items()}, body))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/cadre-hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()


def label_for(work: WorkView) -> dict:
    """A valid label for the assignment's label schema, citing its first clause."""
    schema = work.slice_.label_schema.to_dict()
    clauses = []
    if work.constitution:
        clauses = [c["id"] for c in work.constitution.to_dict().get("clauses", [])][:1]
    common = {"rationale": "Checked against the report (client smoke test).", "cited_clauses": clauses}
    kind = schema["kind"]
    if kind == "ordinal":
        return {"score": schema["max"], **common}
    if kind == "categorical":
        return {"label": schema["labels"][0], **common}
    return {"preference": "a", "strength": 1, **common}


def test_ingest_route_submit_results_and_webhook(base_url: str) -> None:
    ada = session(base_url, "ada@helix.demo")
    orgs = list_orgs.sync(client=ada)
    helix = next(o for o in orgs.data if o.name == "Helix Labs")
    projects = list_projects.sync(client=ada)
    project = next(p for p in projects.data if str(p.status) == "active" and p.org_id == helix.id)
    # One expert resolves an item, and no gold takes his slots: the demo has one eligible
    # radiologist.
    r = update_project.sync_detailed(
        project.id, client=ada, body=UpdateProjectRequest(overlap=1, gold_rate=0.0)
    )
    assert r.status_code == 200, r.content
    slice_id = list_items.sync(project.id, client=ada, limit=1).data[0].slice_id

    key = create_api_key.sync_detailed(
        helix.id,
        client=ada,
        body=CreateApiKeyRequest(name="python client smoke test", scopes=[Scope.ITEMSWRITE, Scope.ITEMSREAD]),
    )
    assert key.status_code == 201, key.content
    listener = Listener()
    endpoint = create_endpoint.sync_detailed(
        helix.id,
        client=ada,
        body=CreateEndpoint(url=listener.url, events=[EventType.ITEM_RESOLVED], description="smoke test"),
    )
    assert endpoint.status_code == 201, endpoint.content
    secret = endpoint.parsed.secret

    run = uuid.uuid4().hex[:10]
    items = [
        {
            "external_id": f"smoke-{run}-{n}",
            "slice_id": slice_id,
            "stakes": "high",
            "priority": 100,
            "payload": {"report": "Kein Nachweis eines Pneumothorax.", "image_ref": f"cxr-smoke-{n}"},
        }
        for n in range(3)
    ]
    with Pipeline(base_url, key.parsed.secret) as pipe:
        first = pipe.push_items(project.id, items, batch_size=2)
        assert [r.status for r in first.rows] == ["created"] * 3
        assert first.requests == 2
        ids = {r.external_id: r.item_id for r in first.rows}

        again = pipe.push_items(project.id, items)
        assert [r.status for r in again.rows] == ["exists"] * 3
        assert {r.external_id: r.item_id for r in again.rows} == ids

        changed = dict(items[0], payload={"report": "Pneumothorax rechts.", "image_ref": "cxr-smoke-0"})
        broken = {"external_id": f"smoke-{run}-bad", "slice_id": slice_id, "priority": 500, "payload": {}}
        mixed = pipe.push_items(project.id, [changed, broken])
        outcome = mixed.by_external_id()
        assert outcome[items[0]["external_id"]].status == "conflict"
        assert outcome[items[0]["external_id"]].item_id == ids[items[0]["external_id"]]
        assert any(f.startswith("payload") for f, _ in outcome[items[0]["external_id"]].errors)
        assert outcome[broken["external_id"]].status == "invalid"
        assert any(f == "priority" for f, _ in outcome[broken["external_id"]].errors)

        # The demo's radiologists pull and submit until our items are resolved (routing may
        # have offered an item to any of them when it arrived).
        radiologists = [
            session(base_url, f"dr.{name}@experts.demo")
            for name in ("chen", "weber", "rossi", "sato", "lind")
        ]
        for _ in range(10):
            pending = [i for i in ids.values() if str(get_item.sync(i, client=ada).status) != "resolved"]
            if not pending:
                break
            for expert in radiologists:
                work = next_work.sync_detailed(client=expert)
                if work.status_code == 204:
                    continue
                assert work.status_code == 200, (work.status_code, work.content)
                body = SubmitRequest(label=SubmitRequestLabel.from_dict(label_for(work.parsed)))
                done = submit_work.sync_detailed(work.parsed.id, client=expert, body=body)
                assert done.status_code == 200, done.content
        reasons = {i: get_item.sync(i, client=ada).status_reason for i in ids.values()}
        assert all(str(get_item.sync(i, client=ada).status) == "resolved" for i in ids.values()), reasons

        feed = pipe.results(project.id, limit=1)
        results = {item.external_id: item for item in feed}
        assert set(ids) <= set(results), sorted(results)
        for external_id, item_id in ids.items():
            assert results[external_id].id == item_id
            assert results[external_id].result.resolution is not None
        assert feed.pages >= len(results)
        assert feed.cursor is not None
        # Polling with the kept cursor returns only what resolved since: nothing.
        assert list(pipe.results(project.id, cursor=feed.cursor)) == []

    # The item.resolved deliveries arrive signed with the endpoint's secret.
    deadline = time.monotonic() + 60
    resolved: list[tuple[dict[str, str], bytes]] = []
    while time.monotonic() < deadline:
        resolved = [
            (h, b)
            for h, b in listener.deliveries
            if json.loads(b).get("type") == "item.resolved"
            and json.loads(b)["data"]["item"]["id"] in ids.values()
        ]
        if len(resolved) == len(ids):
            break
        time.sleep(0.5)
    listener.close()
    assert len(resolved) == len(ids), [json.loads(b) for _, b in listener.deliveries]
    headers, body = resolved[0]
    stamp = verify_signature(headers["cadre-signature"], secret, body)
    assert abs(stamp - time.time()) < 120
    with pytest.raises(SignatureError) as err:
        verify_signature(headers["cadre-signature"], secret, body.replace(b"resolved", b"resolvee"))
    assert err.value.reason == "mismatch"
    with pytest.raises(SignatureError) as err:
        verify_signature(headers["cadre-signature"], "whsec_not-the-secret", body)
    assert err.value.reason == "mismatch"
    with pytest.raises(SignatureError) as err:
        verify_signature(headers["cadre-signature"], secret, body, now=stamp + 3600)
    assert err.value.reason == "too_old"
