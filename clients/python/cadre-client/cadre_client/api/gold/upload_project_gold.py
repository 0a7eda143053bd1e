from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bulk_result import BulkResult
from ...models.gold_item_input import GoldItemInput
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    project: str,
    *,
    body: list[GoldItemInput],
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/projects/{project}/gold-items".format(
            project=quote(str(project), safe=""),
        ),
    }

    _kwargs["json"] = []
    for componentsschemas_gold_upload_item_data in body:
        componentsschemas_gold_upload_item = componentsschemas_gold_upload_item_data.to_dict()
        _kwargs["json"].append(componentsschemas_gold_upload_item)

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
    body: list[GoldItemInput],
) -> Response[BulkResult | Problem]:
    """Upload gold items for a project

     Lab admins. A JSON array of items (or JSON lines with `Content-Type: application/x-ndjson`),
    up to 1000 per request. Each row is validated on its own against its slice's label schema
    and the pinned constitution's clauses: valid rows are stored, invalid rows are reported
    with the fields at fault, and rows whose `external_id` exists are reported as `exists`.

    Args:
        project (str): Opaque, time-sortable identifier: a project id.
        body (list[GoldItemInput]): A bulk upload: 1 to 1000 gold items (a single object is
            accepted as one item).

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
    body: list[GoldItemInput],
) -> BulkResult | Problem | None:
    """Upload gold items for a project

     Lab admins. A JSON array of items (or JSON lines with `Content-Type: application/x-ndjson`),
    up to 1000 per request. Each row is validated on its own against its slice's label schema
    and the pinned constitution's clauses: valid rows are stored, invalid rows are reported
    with the fields at fault, and rows whose `external_id` exists are reported as `exists`.

    Args:
        project (str): Opaque, time-sortable identifier: a project id.
        body (list[GoldItemInput]): A bulk upload: 1 to 1000 gold items (a single object is
            accepted as one item).

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
    body: list[GoldItemInput],
) -> Response[BulkResult | Problem]:
    """Upload gold items for a project

     Lab admins. A JSON array of items (or JSON lines with `Content-Type: application/x-ndjson`),
    up to 1000 per request. Each row is validated on its own against its slice's label schema
    and the pinned constitution's clauses: valid rows are stored, invalid rows are reported
    with the fields at fault, and rows whose `external_id` exists are reported as `exists`.

    Args:
        project (str): Opaque, time-sortable identifier: a project id.
        body (list[GoldItemInput]): A bulk upload: 1 to 1000 gold items (a single object is
            accepted as one item).

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
    body: list[GoldItemInput],
) -> BulkResult | Problem | None:
    """Upload gold items for a project

     Lab admins. A JSON array of items (or JSON lines with `Content-Type: application/x-ndjson`),
    up to 1000 per request. Each row is validated on its own against its slice's label schema
    and the pinned constitution's clauses: valid rows are stored, invalid rows are reported
    with the fields at fault, and rows whose `external_id` exists are reported as `exists`.

    Args:
        project (str): Opaque, time-sortable identifier: a project id.
        body (list[GoldItemInput]): A bulk upload: 1 to 1000 gold items (a single object is
            accepted as one item).

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
