from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cancel_item_request import CancelItemRequest
from ...models.item_view import ItemView
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    item: str,
    *,
    body: CancelItemRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/items/{item}/cancel".format(
            item=quote(str(item), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ItemView | Problem | None:
    if response.status_code == 200:
        response_200 = ItemView.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ItemView | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    item: str,
    *,
    client: AuthenticatedClient,
    body: CancelItemRequest,
) -> Response[ItemView | Problem]:
    """Cancel an item

     The lab's members, and its API keys with `items:write`. The item becomes `cancelled`
    and is never routed again; its open assignments (offered or accepted) end as
    `cancelled`, and the time experts already worked on them (heartbeat-covered sessions)
    is paid and billed through their timesheets. Sends `item.cancelled`. Idempotent:
    cancelling a cancelled item answers 200 with the item unchanged. A resolved or
    expired item cannot be cancelled (409).

    Args:
        item (str): Opaque, time-sortable identifier: an item id.
        body (CancelItemRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ItemView | Problem]
    """

    kwargs = _get_kwargs(
        item=item,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    item: str,
    *,
    client: AuthenticatedClient,
    body: CancelItemRequest,
) -> ItemView | Problem | None:
    """Cancel an item

     The lab's members, and its API keys with `items:write`. The item becomes `cancelled`
    and is never routed again; its open assignments (offered or accepted) end as
    `cancelled`, and the time experts already worked on them (heartbeat-covered sessions)
    is paid and billed through their timesheets. Sends `item.cancelled`. Idempotent:
    cancelling a cancelled item answers 200 with the item unchanged. A resolved or
    expired item cannot be cancelled (409).

    Args:
        item (str): Opaque, time-sortable identifier: an item id.
        body (CancelItemRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ItemView | Problem
    """

    return sync_detailed(
        item=item,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    item: str,
    *,
    client: AuthenticatedClient,
    body: CancelItemRequest,
) -> Response[ItemView | Problem]:
    """Cancel an item

     The lab's members, and its API keys with `items:write`. The item becomes `cancelled`
    and is never routed again; its open assignments (offered or accepted) end as
    `cancelled`, and the time experts already worked on them (heartbeat-covered sessions)
    is paid and billed through their timesheets. Sends `item.cancelled`. Idempotent:
    cancelling a cancelled item answers 200 with the item unchanged. A resolved or
    expired item cannot be cancelled (409).

    Args:
        item (str): Opaque, time-sortable identifier: an item id.
        body (CancelItemRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ItemView | Problem]
    """

    kwargs = _get_kwargs(
        item=item,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    item: str,
    *,
    client: AuthenticatedClient,
    body: CancelItemRequest,
) -> ItemView | Problem | None:
    """Cancel an item

     The lab's members, and its API keys with `items:write`. The item becomes `cancelled`
    and is never routed again; its open assignments (offered or accepted) end as
    `cancelled`, and the time experts already worked on them (heartbeat-covered sessions)
    is paid and billed through their timesheets. Sends `item.cancelled`. Idempotent:
    cancelling a cancelled item answers 200 with the item unchanged. A resolved or
    expired item cannot be cancelled (409).

    Args:
        item (str): Opaque, time-sortable identifier: an item id.
        body (CancelItemRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ItemView | Problem
    """

    return (
        await asyncio_detailed(
            item=item,
            client=client,
            body=body,
        )
    ).parsed
