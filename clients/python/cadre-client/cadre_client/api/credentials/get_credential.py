from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.credential_view import CredentialView
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    credential: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/credentials/{credential}".format(
            credential=quote(str(credential), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CredentialView | Problem | None:
    if response.status_code == 200:
        response_200 = CredentialView.from_dict(response.json())

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
) -> Response[CredentialView | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    credential: str,
    *,
    client: AuthenticatedClient,
) -> Response[CredentialView | Problem]:
    """Get a credential

     The expert, their vendor's admins and platform admins; 404 for everyone else.

    Args:
        credential (str): Opaque, time-sortable identifier: a credential id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CredentialView | Problem]
    """

    kwargs = _get_kwargs(
        credential=credential,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    credential: str,
    *,
    client: AuthenticatedClient,
) -> CredentialView | Problem | None:
    """Get a credential

     The expert, their vendor's admins and platform admins; 404 for everyone else.

    Args:
        credential (str): Opaque, time-sortable identifier: a credential id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CredentialView | Problem
    """

    return sync_detailed(
        credential=credential,
        client=client,
    ).parsed


async def asyncio_detailed(
    credential: str,
    *,
    client: AuthenticatedClient,
) -> Response[CredentialView | Problem]:
    """Get a credential

     The expert, their vendor's admins and platform admins; 404 for everyone else.

    Args:
        credential (str): Opaque, time-sortable identifier: a credential id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CredentialView | Problem]
    """

    kwargs = _get_kwargs(
        credential=credential,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    credential: str,
    *,
    client: AuthenticatedClient,
) -> CredentialView | Problem | None:
    """Get a credential

     The expert, their vendor's admins and platform admins; 404 for everyone else.

    Args:
        credential (str): Opaque, time-sortable identifier: a credential id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CredentialView | Problem
    """

    return (
        await asyncio_detailed(
            credential=credential,
            client=client,
        )
    ).parsed
