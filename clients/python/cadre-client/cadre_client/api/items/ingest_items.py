from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bulk_result import BulkResult
from ...models.item_input import ItemInput
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    project: str,
    *,
    body: list[ItemInput],
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/projects/{project}/items".format(
            project=quote(str(project), safe=""),
        ),
    }

    _kwargs["json"] = []
    for componentsschemas_item_batch_item_data in body:
        componentsschemas_item_batch_item = componentsschemas_item_batch_item_data.to_dict()
        _kwargs["json"].append(componentsschemas_item_batch_item)

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> BulkResult | Problem | None:
    if response.status_code == 200:
        response_200 = BulkResult.from_dict(response.json())

        return response_200

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BulkResult | Problem]:
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
    body: list[ItemInput],
) -> Response[BulkResult | Problem]:
    """Push escalated items into a project

     The lab's members, and its API keys with `items:write`; the project must be active.
    One item (a JSON object), a JSON array, or JSON lines (`application/x-ndjson`), up to
    1000 per request. Each row is checked on its own: valid rows are stored, invalid rows are
    reported with the fields at fault, and a row whose `external_id` already exists in the
    project returns that item (`exists`) instead of a duplicate, so retries are safe. A
    re-sent `external_id` whose slice, payload or stakes differ from the stored item is a
    `conflict`: the existing id is returned, `errors` names the differing fields, and
    nothing is written. A single item sent as one JSON object (not an array) is answered
    the same way, except that a conflict is a 422 problem naming the differing fields.

    Args:
        project (str): Opaque, time-sortable identifier: a project id.
        body (list[ItemInput]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BulkResult | Problem]
    """

    kwargs = _get_kwargs(
        project=project,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project: str,
    *,
    client: AuthenticatedClient,
    body: list[ItemInput],
) -> BulkResult | Problem | None:
    """Push escalated items into a project

     The lab's members, and its API keys with `items:write`; the project must be active.
    One item (a JSON object), a JSON array, or JSON lines (`application/x-ndjson`), up to
    1000 per request. Each row is checked on its own: valid rows are stored, invalid rows are
    reported with the fields at fault, and a row whose `external_id` already exists in the
    project returns that item (`exists`) instead of a duplicate, so retries are safe. A
    re-sent `external_id` whose slice, payload or stakes differ from the stored item is a
    `conflict`: the existing id is returned, `errors` names the differing fields, and
    nothing is written. A single item sent as one JSON object (not an array) is answered
    the same way, except that a conflict is a 422 problem naming the differing fields.

    Args:
        project (str): Opaque, time-sortable identifier: a project id.
        body (list[ItemInput]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BulkResult | Problem
    """

    return sync_detailed(
        project=project,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    project: str,
    *,
    client: AuthenticatedClient,
    body: list[ItemInput],
) -> Response[BulkResult | Problem]:
    """Push escalated items into a project

     The lab's members, and its API keys with `items:write`; the project must be active.
    One item (a JSON object), a JSON array, or JSON lines (`application/x-ndjson`), up to
    1000 per request. Each row is checked on its own: valid rows are stored, invalid rows are
    reported with the fields at fault, and a row whose `external_id` already exists in the
    project returns that item (`exists`) instead of a duplicate, so retries are safe. A
    re-sent `external_id` whose slice, payload or stakes differ from the stored item is a
    `conflict`: the existing id is returned, `errors` names the differing fields, and
    nothing is written. A single item sent as one JSON object (not an array) is answered
    the same way, except that a conflict is a 422 problem naming the differing fields.

    Args:
        project (str): Opaque, time-sortable identifier: a project id.
        body (list[ItemInput]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BulkResult | Problem]
    """

    kwargs = _get_kwargs(
        project=project,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project: str,
    *,
    client: AuthenticatedClient,
    body: list[ItemInput],
) -> BulkResult | Problem | None:
    """Push escalated items into a project

     The lab's members, and its API keys with `items:write`; the project must be active.
    One item (a JSON object), a JSON array, or JSON lines (`application/x-ndjson`), up to
    1000 per request. Each row is checked on its own: valid rows are stored, invalid rows are
    reported with the fields at fault, and a row whose `external_id` already exists in the
    project returns that item (`exists`) instead of a duplicate, so retries are safe. A
    re-sent `external_id` whose slice, payload or stakes differ from the stored item is a
    `conflict`: the existing id is returned, `errors` names the differing fields, and
    nothing is written. A single item sent as one JSON object (not an array) is answered
    the same way, except that a conflict is a 422 problem naming the differing fields.

    Args:
        project (str): Opaque, time-sortable identifier: a project id.
        body (list[ItemInput]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BulkResult | Problem
    """

    return (
        await asyncio_detailed(
            project=project,
            client=client,
            body=body,
        )
    ).parsed
