"""What a lab pipeline does with Cadre, on top of the generated client (`cadre_client`).

- `Pipeline.push_items`: pushes items in batches (at most 1000 per request), retrying on
  429, 5xx and connection errors with exponential backoff that honours `Retry-After`.
  Retrying is safe because the server is idempotent by `external_id`: a row it already
  stored comes back `exists`, a re-sent `external_id` with different content `conflict`.
  The report lists every row's outcome by `external_id`.
- `Pipeline.results`: pages through a project's results feed with its cursor; keep
  `feed.cursor` and pass it next time to read only what resolved since.
- `verify_signature` (signature.py): checks a webhook delivery's `Cadre-Signature`.
"""

from __future__ import annotations

import email.utils
import random
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

import httpx
from cadre_client import AuthenticatedClient
from cadre_client.api.items import ingest_items, results_feed
from cadre_client.models.bulk_result import BulkResult
from cadre_client.models.item_input import ItemInput
from cadre_client.models.item_view import ItemView
from cadre_client.models.results_page import ResultsPage
from cadre_client.types import UNSET, Response

MAX_BATCH = 1000
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})

T = TypeVar("T")


class CadreError(RuntimeError):
    """Cadre refused a request (a 4xx other than 429), or retries ran out.

    `status` is the last HTTP status (None after connection errors), `problem` the
    problem+json body when there was one.
    """

    def __init__(self, message: str, status: int | None = None, problem: Any = None) -> None:
        super().__init__(message)
        self.status = status
        self.problem = problem


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff with full jitter; `Retry-After` (seconds or an HTTP date) wins
    when the server sends it, capped at `max_delay`."""

    attempts: int = 6
    base_delay: float = 0.5
    max_delay: float = 30.0

    def delay(self, attempt: int, retry_after: str | None) -> float:
        hinted = parse_retry_after(retry_after)
        if hinted is not None:
            return min(hinted, self.max_delay)
        return random.uniform(0, min(self.max_delay, self.base_delay * 2**attempt))


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a `Retry-After` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    current = time.time() if now is None else now
    return max(0.0, when.timestamp() - current)


@dataclass(frozen=True)
class RowOutcome:
    """One pushed row: `status` is `created`, `exists`, `conflict` or `invalid`; `item_id` the
    created or existing item (None for invalid rows); `errors` the fields at fault (invalid)
    or that differ from the stored item (conflict), as `(field, message)` pairs."""

    external_id: str
    status: str
    item_id: str | None
    errors: tuple[tuple[str, str], ...] = ()


@dataclass
class PushReport:
    rows: list[RowOutcome] = field(default_factory=list)
    requests: int = 0
    retries: int = 0

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def created(self) -> list[RowOutcome]:
        return [r for r in self.rows if r.status == "created"]

    @property
    def existing(self) -> list[RowOutcome]:
        return [r for r in self.rows if r.status == "exists"]

    @property
    def conflicts(self) -> list[RowOutcome]:
        return [r for r in self.rows if r.status == "conflict"]

    @property
    def invalid(self) -> list[RowOutcome]:
        return [r for r in self.rows if r.status == "invalid"]

    def by_external_id(self) -> dict[str, RowOutcome]:
        return {r.external_id: r for r in self.rows}


class Pipeline:
    """A lab pipeline's view of Cadre, authenticated with an organization API key
    (`cadre_sk_…`, scopes `items:write` to push and `items:read` to read results) or a
    user's access token."""

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        retry: RetryPolicy | None = None,
        timeout: float = 30.0,
        client: AuthenticatedClient | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.client = client or AuthenticatedClient(
            base_url=base_url, token=token, timeout=httpx.Timeout(timeout)
        )
        self.retry = retry or RetryPolicy()
        self._sleep = sleep

    def close(self) -> None:
        self.client.get_httpx_client().close()

    def __enter__(self) -> Pipeline:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _call(self, what: str, send: Callable[[], Response[T]]) -> tuple[Response[T], int]:
        """Sends with retries; returns the final response and how many retries it took."""
        last_error: str = ""
        for attempt in range(self.retry.attempts):
            retry_after = None
            try:
                response = send()
            except httpx.TransportError as err:
                last_error = f"{type(err).__name__}: {err}"
                status = None
            else:
                status = int(response.status_code)
                if status not in RETRY_STATUSES:
                    return response, attempt
                retry_after = response.headers.get("retry-after")
                last_error = f"HTTP {status}"
            if attempt + 1 < self.retry.attempts:
                self._sleep(self.retry.delay(attempt, retry_after))
        raise CadreError(f"{what}: gave up after {self.retry.attempts} attempts ({last_error})", status)

    def push_items(
        self,
        project: str,
        items: Iterable[ItemInput | Mapping[str, Any]],
        *,
        batch_size: int = 500,
    ) -> PushReport:
        """Pushes items (dicts in the API's shape, or `ItemInput`s) in batches of
        `batch_size`; returns every row's outcome. Raises CadreError when Cadre refuses a
        whole batch (e.g. 403 for a key without `items:write`, 409 for an archived project)
        or retries run out; rows of earlier batches stay stored, and pushing the same items
        again is safe."""
        if not 1 <= batch_size <= MAX_BATCH:
            raise ValueError(f"batch_size must be 1–{MAX_BATCH}")
        report = PushReport()
        batch: list[ItemInput] = []
        for item in items:
            batch.append(item if isinstance(item, ItemInput) else ItemInput.from_dict(dict(item)))
            if len(batch) == batch_size:
                self._push_batch(project, batch, report)
                batch = []
        if batch:
            self._push_batch(project, batch, report)
        return report

    def _push_batch(self, project: str, batch: list[ItemInput], report: PushReport) -> None:
        response, retries = self._call(
            f"push {len(batch)} items to {project}",
            lambda: ingest_items.sync_detailed(project, client=self.client, body=batch),
        )
        report.requests += retries + 1
        report.retries += retries
        result = response.parsed
        if int(response.status_code) != 200 or not isinstance(result, BulkResult):
            raise CadreError(
                f"push to {project}: HTTP {int(response.status_code)}: {_detail(response)}",
                int(response.status_code),
                result,
            )
        for row in result.results:
            report.rows.append(
                RowOutcome(
                    external_id=batch[row.row].external_id,
                    status=str(row.status),
                    item_id=row.id if isinstance(row.id, str) else None,
                    errors=tuple((e.field, e.message) for e in row.errors),
                )
            )

    def results(
        self, project: str, *, cursor: str | None = None, slice_id: str | None = None, limit: int = 200
    ) -> ResultsFeed:
        """The project's results feed from `cursor` (the start when None); iterate it for
        every result available now, then keep `feed.cursor` for the next poll."""
        return ResultsFeed(self, project, cursor, slice_id, limit)


class ResultsFeed:
    """Iterates a project's resolved items, page by page, oldest resolution first."""

    def __init__(
        self, pipeline: Pipeline, project: str, cursor: str | None, slice_id: str | None, limit: int
    ) -> None:
        if not 1 <= limit <= 200:
            raise ValueError("limit must be 1–200")
        self._pipeline = pipeline
        self.project = project
        self.cursor = cursor
        self._slice = slice_id
        self._limit = limit
        self.pages = 0

    def pages_iter(self) -> Iterator[ResultsPage]:
        while True:
            cursor = self.cursor
            response, _ = self._pipeline._call(
                f"read results of {self.project}",
                lambda: results_feed.sync_detailed(
                    self.project,
                    client=self._pipeline.client,
                    slice_=self._slice if self._slice is not None else UNSET,
                    limit=self._limit,
                    cursor=cursor if cursor is not None else UNSET,
                ),
            )
            page = response.parsed
            if int(response.status_code) != 200 or not isinstance(page, ResultsPage):
                raise CadreError(
                    f"results of {self.project}: HTTP {int(response.status_code)}: {_detail(response)}",
                    int(response.status_code),
                    page,
                )
            self.pages += 1
            if isinstance(page.next_cursor, str):
                self.cursor = page.next_cursor
            yield page
            if not page.has_more:
                return

    def __iter__(self) -> Iterator[ItemView]:
        for page in self.pages_iter():
            yield from page.data


def _detail(response: Response[Any]) -> str:
    problem = response.parsed
    detail = getattr(problem, "detail", None)
    if isinstance(detail, str):
        return detail
    return response.content[:200].decode("utf-8", "replace")
