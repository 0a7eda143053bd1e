from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.routing_explanation import RoutingExplanation
from ...types import Response


def _get_kwargs(
    item: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/items/{item}/routing".format(
            item=quote(str(item), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RoutingExplanation | None:
    if response.status_code == 200:
        response_200 = RoutingExplanation.from_dict(response.json())

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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | RoutingExplanation]:
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
) -> Response[Problem | RoutingExplanation]:
    """Explain an item's routing

     The lab's admins and platform admins: which experts were chosen and why — the hard
    filters and what each removed, the score terms of the chosen, and why an item waits.

    Args:
        item (str): Opaque, time-sortable identifier: an item id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RoutingExplanation]
    """

    kwargs = _get_kwargs(
        item=item,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    item: str,
    *,
    client: AuthenticatedClient,
) -> Problem | RoutingExplanation | None:
    """Explain an item's routing

     The lab's admins and platform admins: which experts were chosen and why — the hard
    filters and what each removed, the score terms of the chosen, and why an item waits.

    Args:
        item (str): Opaque, time-sortable identifier: an item id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RoutingExplanation
    """

    return sync_detailed(
        item=item,
        client=client,
    ).parsed


async def asyncio_detailed(
    item: str,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | RoutingExplanation]:
    """Explain an item's routing

     The lab's admins and platform admins: which experts were chosen and why — the hard
    filters and what each removed, the score terms of the chosen, and why an item waits.

    Args:
        item (str): Opaque, time-sortable identifier: an item id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RoutingExplanation]
    """

    kwargs = _get_kwargs(
        item=item,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    item: str,
    *,
    client: AuthenticatedClient,
) -> Problem | RoutingExplanation | None:
    """Explain an item's routing

     The lab's admins and platform admins: which experts were chosen and why — the hard
    filters and what each removed, the score terms of the chosen, and why an item waits.

    Args:
        item (str): Opaque, time-sortable identifier: an item id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RoutingExplanation
    """

    return (
        await asyncio_detailed(
            item=item,
            client=client,
        )
    ).parsed
