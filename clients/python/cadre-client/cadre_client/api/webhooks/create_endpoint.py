from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_endpoint import CreateEndpoint
from ...models.endpoint_with_secret import EndpointWithSecret
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    org: str,
    *,
    body: CreateEndpoint,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/orgs/{org}/webhook-endpoints".format(
            org=quote(str(org), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EndpointWithSecret | Problem | None:
    if response.status_code == 201:
        response_201 = EndpointWithSecret.from_dict(response.json())

        return response_201

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
) -> Response[EndpointWithSecret | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org: str,
    *,
    client: AuthenticatedClient,
    body: CreateEndpoint,
) -> Response[EndpointWithSecret | Problem]:
    """Register a webhook endpoint

     Organisation administrators. The URL must be `https://` and every address its host
    resolves to must be public (loopback, private, link-local and other internal addresses
    are refused, unless `webhooks.allow_private_addresses` is on). At most 20 per
    organization (409 beyond). The response carries the signing secret, shown only now.

    Args:
        org (str): Opaque, time-sortable identifier: an organization id.
        body (CreateEndpoint):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndpointWithSecret | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org: str,
    *,
    client: AuthenticatedClient,
    body: CreateEndpoint,
) -> EndpointWithSecret | Problem | None:
    """Register a webhook endpoint

     Organisation administrators. The URL must be `https://` and every address its host
    resolves to must be public (loopback, private, link-local and other internal addresses
    are refused, unless `webhooks.allow_private_addresses` is on). At most 20 per
    organization (409 beyond). The response carries the signing secret, shown only now.

    Args:
        org (str): Opaque, time-sortable identifier: an organization id.
        body (CreateEndpoint):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndpointWithSecret | Problem
    """

    return sync_detailed(
        org=org,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    org: str,
    *,
    client: AuthenticatedClient,
    body: CreateEndpoint,
) -> Response[EndpointWithSecret | Problem]:
    """Register a webhook endpoint

     Organisation administrators. The URL must be `https://` and every address its host
    resolves to must be public (loopback, private, link-local and other internal addresses
    are refused, unless `webhooks.allow_private_addresses` is on). At most 20 per
    organization (409 beyond). The response carries the signing secret, shown only now.

    Args:
        org (str): Opaque, time-sortable identifier: an organization id.
        body (CreateEndpoint):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndpointWithSecret | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org: str,
    *,
    client: AuthenticatedClient,
    body: CreateEndpoint,
) -> EndpointWithSecret | Problem | None:
    """Register a webhook endpoint

     Organisation administrators. The URL must be `https://` and every address its host
    resolves to must be public (loopback, private, link-local and other internal addresses
    are refused, unless `webhooks.allow_private_addresses` is on). At most 20 per
    organization (409 beyond). The response carries the signing secret, shown only now.

    Args:
        org (str): Opaque, time-sortable identifier: an organization id.
        body (CreateEndpoint):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndpointWithSecret | Problem
    """

    return (
        await asyncio_detailed(
            org=org,
            client=client,
            body=body,
        )
    ).parsed
