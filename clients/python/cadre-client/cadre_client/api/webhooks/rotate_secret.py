from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.endpoint_with_secret import EndpointWithSecret
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    org: str,
    endpoint: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/orgs/{org}/webhook-endpoints/{endpoint}/rotate-secret".format(
            org=quote(str(org), safe=""),
            endpoint=quote(str(endpoint), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EndpointWithSecret | Problem | None:
    if response.status_code == 200:
        response_200 = EndpointWithSecret.from_dict(response.json())

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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EndpointWithSecret | Problem]:
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
) -> Response[EndpointWithSecret | Problem]:
    """Rotate an endpoint's signing secret

     Returns the new secret (shown only now). The previous secret keeps signing, as a second
    `v1` in `Cadre-Signature`, for `webhooks.rotation_overlap_secs` (default 24 h), so
    receivers can switch without dropping events.

    Args:
        org (str): Opaque, time-sortable identifier: an organization id.
        endpoint (str): Opaque, time-sortable identifier: a webhook endpoint id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndpointWithSecret | Problem]
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
) -> EndpointWithSecret | Problem | None:
    """Rotate an endpoint's signing secret

     Returns the new secret (shown only now). The previous secret keeps signing, as a second
    `v1` in `Cadre-Signature`, for `webhooks.rotation_overlap_secs` (default 24 h), so
    receivers can switch without dropping events.

    Args:
        org (str): Opaque, time-sortable identifier: an organization id.
        endpoint (str): Opaque, time-sortable identifier: a webhook endpoint id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndpointWithSecret | Problem
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
) -> Response[EndpointWithSecret | Problem]:
    """Rotate an endpoint's signing secret

     Returns the new secret (shown only now). The previous secret keeps signing, as a second
    `v1` in `Cadre-Signature`, for `webhooks.rotation_overlap_secs` (default 24 h), so
    receivers can switch without dropping events.

    Args:
        org (str): Opaque, time-sortable identifier: an organization id.
        endpoint (str): Opaque, time-sortable identifier: a webhook endpoint id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndpointWithSecret | Problem]
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
) -> EndpointWithSecret | Problem | None:
    """Rotate an endpoint's signing secret

     Returns the new secret (shown only now). The previous secret keeps signing, as a second
    `v1` in `Cadre-Signature`, for `webhooks.rotation_overlap_secs` (default 24 h), so
    receivers can switch without dropping events.

    Args:
        org (str): Opaque, time-sortable identifier: an organization id.
        endpoint (str): Opaque, time-sortable identifier: a webhook endpoint id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndpointWithSecret | Problem
    """

    return (
        await asyncio_detailed(
            org=org,
            endpoint=endpoint,
            client=client,
        )
    ).parsed
