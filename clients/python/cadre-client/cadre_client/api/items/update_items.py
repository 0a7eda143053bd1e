from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bulk_change_result import BulkChangeResult
from ...models.problem import Problem
from ...models.update_items_request import UpdateItemsRequest
from ...types import Response


def _get_kwargs(
    project: str,
    *,
    body: UpdateItemsRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/projects/{project}/items/update".format(
            project=quote(str(project), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BulkChangeResult | Problem | None:
    if response.status_code == 200:
        response_200 = BulkChangeResult.from_dict(response.json())

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
) -> Response[BulkChangeResult | Problem]:
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
    body: UpdateItemsRequest,
) -> Response[BulkChangeResult | Problem]:
    """Change items' priority or deadline in bulk

     The lab's members, and its API keys with `items:write`. Names up to 1000 items of the
    project by `ids` or by `external_ids` and gives them one new `priority`, `deadline` or
    both (checked as on ingestion: a bad value fails the whole request with 422). Each item
    is updated as by `PATCH /v1/items/{item}`, in a transaction of its own, and reported per
    row: `updated`, `unchanged`, `conflict` (resolved or cancelled), `not_found` or
    `invalid`.

    Args:
        project (str): Opaque, time-sortable identifier: a project id.
        body (UpdateItemsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BulkChangeResult | Problem]
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
    body: UpdateItemsRequest,
) -> BulkChangeResult | Problem | None:
    """Change items' priority or deadline in bulk

     The lab's members, and its API keys with `items:write`. Names up to 1000 items of the
    project by `ids` or by `external_ids` and gives them one new `priority`, `deadline` or
    both (checked as on ingestion: a bad value fails the whole request with 422). Each item
    is updated as by `PATCH /v1/items/{item}`, in a transaction of its own, and reported per
    row: `updated`, `unchanged`, `conflict` (resolved or cancelled), `not_found` or
    `invalid`.

    Args:
        project (str): Opaque, time-sortable identifier: a project id.
        body (UpdateItemsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BulkChangeResult | Problem
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
    body: UpdateItemsRequest,
) -> Response[BulkChangeResult | Problem]:
    """Change items' priority or deadline in bulk

     The lab's members, and its API keys with `items:write`. Names up to 1000 items of the
    project by `ids` or by `external_ids` and gives them one new `priority`, `deadline` or
    both (checked as on ingestion: a bad value fails the whole request with 422). Each item
    is updated as by `PATCH /v1/items/{item}`, in a transaction of its own, and reported per
    row: `updated`, `unchanged`, `conflict` (resolved or cancelled), `not_found` or
    `invalid`.

    Args:
        project (str): Opaque, time-sortable identifier: a project id.
        body (UpdateItemsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BulkChangeResult | Problem]
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
    body: UpdateItemsRequest,
) -> BulkChangeResult | Problem | None:
    """Change items' priority or deadline in bulk

     The lab's members, and its API keys with `items:write`. Names up to 1000 items of the
    project by `ids` or by `external_ids` and gives them one new `priority`, `deadline` or
    both (checked as on ingestion: a bad value fails the whole request with 422). Each item
    is updated as by `PATCH /v1/items/{item}`, in a transaction of its own, and reported per
    row: `updated`, `unchanged`, `conflict` (resolved or cancelled), `not_found` or
    `invalid`.

    Args:
        project (str): Opaque, time-sortable identifier: a project id.
        body (UpdateItemsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BulkChangeResult | Problem
    """

    return (
        await asyncio_detailed(
            project=project,
            client=client,
            body=body,
        )
    ).parsed
