import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.export_results_format import ExportResultsFormat
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    project: str,
    *,
    format_: ExportResultsFormat | Unset = UNSET,
    slice_: str | Unset = UNSET,
    resolved_after: datetime.datetime | Unset = UNSET,
    resolved_before: datetime.datetime | Unset = UNSET,
    prompt_field: str | Unset = UNSET,
    a_field: str | Unset = UNSET,
    b_field: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params["slice"] = slice_

    json_resolved_after: str | Unset = UNSET
    if not isinstance(resolved_after, Unset):
        json_resolved_after = resolved_after.isoformat()
    params["resolved_after"] = json_resolved_after

    json_resolved_before: str | Unset = UNSET
    if not isinstance(resolved_before, Unset):
        json_resolved_before = resolved_before.isoformat()
    params["resolved_before"] = json_resolved_before

    params["prompt_field"] = prompt_field

    params["a_field"] = a_field

    params["b_field"] = b_field

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/projects/{project}/results/export".format(
            project=quote(str(project), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | None:
    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    project: str,
    *,
    client: AuthenticatedClient,
    format_: ExportResultsFormat | Unset = UNSET,
    slice_: str | Unset = UNSET,
    resolved_after: datetime.datetime | Unset = UNSET,
    resolved_before: datetime.datetime | Unset = UNSET,
    prompt_field: str | Unset = UNSET,
    a_field: str | Unset = UNSET,
    b_field: str | Unset = UNSET,
) -> Response[Problem]:
    """Export results as JSON lines

     Streams every resolved item of the project (optionally one slice and a resolution
    window) as `application/x-ndjson`, oldest resolution first: `format=jsonl` writes the
    same record as the feed; `format=dpo` writes `{"prompt", "chosen", "rejected", …}`
    preference pairs from pairwise slices, taking the three parts from the payload fields
    named by `prompt_field`, `a_field` and `b_field`, and skipping ties, both-bad verdicts,
    unresolved disagreements and payloads without those fields. The lab's members and its
    API keys with `items:read`.

    Args:
        project (str): Opaque, time-sortable identifier: a project id.
        format_ (ExportResultsFormat | Unset):
        slice_ (str | Unset): Opaque, time-sortable identifier: a slice id.
        resolved_after (datetime.datetime | Unset):
        resolved_before (datetime.datetime | Unset):
        prompt_field (str | Unset):
        a_field (str | Unset):
        b_field (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem]
    """

    kwargs = _get_kwargs(
        project=project,
        format_=format_,
        slice_=slice_,
        resolved_after=resolved_after,
        resolved_before=resolved_before,
        prompt_field=prompt_field,
        a_field=a_field,
        b_field=b_field,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project: str,
    *,
    client: AuthenticatedClient,
    format_: ExportResultsFormat | Unset = UNSET,
    slice_: str | Unset = UNSET,
    resolved_after: datetime.datetime | Unset = UNSET,
    resolved_before: datetime.datetime | Unset = UNSET,
    prompt_field: str | Unset = UNSET,
    a_field: str | Unset = UNSET,
    b_field: str | Unset = UNSET,
) -> Problem | None:
    """Export results as JSON lines

     Streams every resolved item of the project (optionally one slice and a resolution
    window) as `application/x-ndjson`, oldest resolution first: `format=jsonl` writes the
    same record as the feed; `format=dpo` writes `{"prompt", "chosen", "rejected", …}`
    preference pairs from pairwise slices, taking the three parts from the payload fields
    named by `prompt_field`, `a_field` and `b_field`, and skipping ties, both-bad verdicts,
    unresolved disagreements and payloads without those fields. The lab's members and its
    API keys with `items:read`.

    Args:
        project (str): Opaque, time-sortable identifier: a project id.
        format_ (ExportResultsFormat | Unset):
        slice_ (str | Unset): Opaque, time-sortable identifier: a slice id.
        resolved_after (datetime.datetime | Unset):
        resolved_before (datetime.datetime | Unset):
        prompt_field (str | Unset):
        a_field (str | Unset):
        b_field (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem
    """

    return sync_detailed(
        project=project,
        client=client,
        format_=format_,
        slice_=slice_,
        resolved_after=resolved_after,
        resolved_before=resolved_before,
        prompt_field=prompt_field,
        a_field=a_field,
        b_field=b_field,
    ).parsed


async def asyncio_detailed(
    project: str,
    *,
    client: AuthenticatedClient,
    format_: ExportResultsFormat | Unset = UNSET,
    slice_: str | Unset = UNSET,
    resolved_after: datetime.datetime | Unset = UNSET,
    resolved_before: datetime.datetime | Unset = UNSET,
    prompt_field: str | Unset = UNSET,
    a_field: str | Unset = UNSET,
    b_field: str | Unset = UNSET,
) -> Response[Problem]:
    """Export results as JSON lines

     Streams every resolved item of the project (optionally one slice and a resolution
    window) as `application/x-ndjson`, oldest resolution first: `format=jsonl` writes the
    same record as the feed; `format=dpo` writes `{"prompt", "chosen", "rejected", …}`
    preference pairs from pairwise slices, taking the three parts from the payload fields
    named by `prompt_field`, `a_field` and `b_field`, and skipping ties, both-bad verdicts,
    unresolved disagreements and payloads without those fields. The lab's members and its
    API keys with `items:read`.

    Args:
        project (str): Opaque, time-sortable identifier: a project id.
        format_ (ExportResultsFormat | Unset):
        slice_ (str | Unset): Opaque, time-sortable identifier: a slice id.
        resolved_after (datetime.datetime | Unset):
        resolved_before (datetime.datetime | Unset):
        prompt_field (str | Unset):
        a_field (str | Unset):
        b_field (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem]
    """

    kwargs = _get_kwargs(
        project=project,
        format_=format_,
        slice_=slice_,
        resolved_after=resolved_after,
        resolved_before=resolved_before,
        prompt_field=prompt_field,
        a_field=a_field,
        b_field=b_field,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project: str,
    *,
    client: AuthenticatedClient,
    format_: ExportResultsFormat | Unset = UNSET,
    slice_: str | Unset = UNSET,
    resolved_after: datetime.datetime | Unset = UNSET,
    resolved_before: datetime.datetime | Unset = UNSET,
    prompt_field: str | Unset = UNSET,
    a_field: str | Unset = UNSET,
    b_field: str | Unset = UNSET,
) -> Problem | None:
    """Export results as JSON lines

     Streams every resolved item of the project (optionally one slice and a resolution
    window) as `application/x-ndjson`, oldest resolution first: `format=jsonl` writes the
    same record as the feed; `format=dpo` writes `{"prompt", "chosen", "rejected", …}`
    preference pairs from pairwise slices, taking the three parts from the payload fields
    named by `prompt_field`, `a_field` and `b_field`, and skipping ties, both-bad verdicts,
    unresolved disagreements and payloads without those fields. The lab's members and its
    API keys with `items:read`.

    Args:
        project (str): Opaque, time-sortable identifier: a project id.
        format_ (ExportResultsFormat | Unset):
        slice_ (str | Unset): Opaque, time-sortable identifier: a slice id.
        resolved_after (datetime.datetime | Unset):
        resolved_before (datetime.datetime | Unset):
        prompt_field (str | Unset):
        a_field (str | Unset):
        b_field (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem
    """

    return (
        await asyncio_detailed(
            project=project,
            client=client,
            format_=format_,
            slice_=slice_,
            resolved_after=resolved_after,
            resolved_before=resolved_before,
            prompt_field=prompt_field,
            a_field=a_field,
            b_field=b_field,
        )
    ).parsed
