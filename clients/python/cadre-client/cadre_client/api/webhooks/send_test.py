from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.delivery_view import DeliveryView
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    org: str,
    endpoint: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/orgs/{org}/webhook-endpoints/{endpoint}/test".format(
            org=quote(str(org), safe=""),
            endpoint=quote(str(endpoint), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DeliveryView | Problem | None:
    if response.status_code == 202:
        response_202 = DeliveryView.from_dict(response.json())

        return response_202

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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[DeliveryView | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org: str,
    endpoint: str,
    *,
    client: AuthenticatedClient,
) -> Response[DeliveryView | Problem]:
    """Send a test event

     Queues a `webhook.test` event to this endpoint (whatever it subscribes to), to check the
    receiver and its signature verification; returns the delivery.

    Args:
        org (str): Opaque, time-sortable identifier: an organization id.
        endpoint (str): Opaque, time-sortable identifier: a webhook endpoint id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeliveryView | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        endpoint=endpoint,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org: str,
    endpoint: str,
    *,
    client: AuthenticatedClient,
) -> DeliveryView | Problem | None:
    """Send a test event

     Queues a `webhook.test` event to this endpoint (whatever it subscribes to), to check the
    receiver and its signature verification; returns the delivery.

    Args:
        org (str): Opaque, time-sortable identifier: an organization id.
        endpoint (str): Opaque, time-sortable identifier: a webhook endpoint id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeliveryView | Problem
    """

    return sync_detailed(
        org=org,
        endpoint=endpoint,
        client=client,
    ).parsed


async def asyncio_detailed(
    org: str,
    endpoint: str,
    *,
    client: AuthenticatedClient,
) -> Response[DeliveryView | Problem]:
    """Send a test event

     Queues a `webhook.test` event to this endpoint (whatever it subscribes to), to check the
    receiver and its signature verification; returns the delivery.

    Args:
        org (str): Opaque, time-sortable identifier: an organization id.
        endpoint (str): Opaque, time-sortable identifier: a webhook endpoint id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeliveryView | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        endpoint=endpoint,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org: str,
    endpoint: str,
    *,
    client: AuthenticatedClient,
) -> DeliveryView | Problem | None:
    """Send a test event

     Queues a `webhook.test` event to this endpoint (whatever it subscribes to), to check the
    receiver and its signature verification; returns the delivery.

    Args:
        org (str): Opaque, time-sortable identifier: an organization id.
        endpoint (str): Opaque, time-sortable identifier: a webhook endpoint id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeliveryView | Problem
    """

    return (
        await asyncio_detailed(
            org=org,
            endpoint=endpoint,
            client=client,
        )
    ).parsed
