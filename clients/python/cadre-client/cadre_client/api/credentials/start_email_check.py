from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.email_check_request import EmailCheckRequest
from ...models.email_check_view import EmailCheckView
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    credential: str,
    *,
    body: EmailCheckRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/credentials/{credential}/email-verification".format(
            credential=quote(str(credential), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EmailCheckView | Problem | None:
    if response.status_code == 202:
        response_202 = EmailCheckView.from_dict(response.json())

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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EmailCheckView | Problem]:
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
    body: EmailCheckRequest,
) -> Response[EmailCheckView | Problem]:
    """Verify a credential through the issuer's e-mail domain

     The expert names an address at the credential's `issuer_domain`; Cadre e-mails it a
    single-use link. Confirming it attaches `email_domain_verified` evidence. The credential
    must be pending. Earlier unconfirmed requests stop working; at most 5 per day.

    Args:
        credential (str): Opaque, time-sortable identifier: a credential id.
        body (EmailCheckRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmailCheckView | Problem]
    """

    kwargs = _get_kwargs(
        credential=credential,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    credential: str,
    *,
    client: AuthenticatedClient,
    body: EmailCheckRequest,
) -> EmailCheckView | Problem | None:
    """Verify a credential through the issuer's e-mail domain

     The expert names an address at the credential's `issuer_domain`; Cadre e-mails it a
    single-use link. Confirming it attaches `email_domain_verified` evidence. The credential
    must be pending. Earlier unconfirmed requests stop working; at most 5 per day.

    Args:
        credential (str): Opaque, time-sortable identifier: a credential id.
        body (EmailCheckRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmailCheckView | Problem
    """

    return sync_detailed(
        credential=credential,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    credential: str,
    *,
    client: AuthenticatedClient,
    body: EmailCheckRequest,
) -> Response[EmailCheckView | Problem]:
    """Verify a credential through the issuer's e-mail domain

     The expert names an address at the credential's `issuer_domain`; Cadre e-mails it a
    single-use link. Confirming it attaches `email_domain_verified` evidence. The credential
    must be pending. Earlier unconfirmed requests stop working; at most 5 per day.

    Args:
        credential (str): Opaque, time-sortable identifier: a credential id.
        body (EmailCheckRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmailCheckView | Problem]
    """

    kwargs = _get_kwargs(
        credential=credential,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    credential: str,
    *,
    client: AuthenticatedClient,
    body: EmailCheckRequest,
) -> EmailCheckView | Problem | None:
    """Verify a credential through the issuer's e-mail domain

     The expert names an address at the credential's `issuer_domain`; Cadre e-mails it a
    single-use link. Confirming it attaches `email_domain_verified` evidence. The credential
    must be pending. Earlier unconfirmed requests stop working; at most 5 per day.

    Args:
        credential (str): Opaque, time-sortable identifier: a credential id.
        body (EmailCheckRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmailCheckView | Problem
    """

    return (
        await asyncio_detailed(
            credential=credential,
            client=client,
            body=body,
        )
    ).parsed
