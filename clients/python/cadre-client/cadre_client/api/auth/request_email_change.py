from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.accepted import Accepted
from ...models.email_change_request import EmailChangeRequest
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: EmailChangeRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/auth/email-change",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Accepted | Problem | None:
    if response.status_code == 202:
        response_202 = Accepted.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Accepted | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: EmailChangeRequest,
) -> Response[Accepted | Problem]:
    """Change my e-mail address

     Needs the password (403 if it does not match; counted with password changes, 429 after
    10 per hour). A single-use link to `<http.public_url>/email-change` goes to the NEW
    address; the account keeps its address until the link is confirmed. If the new address
    already belongs to another account the answer is the same 202 (nothing tells the
    caller who is registered): no link is made, and that address is told someone tried.

    Args:
        body (EmailChangeRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Accepted | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: EmailChangeRequest,
) -> Accepted | Problem | None:
    """Change my e-mail address

     Needs the password (403 if it does not match; counted with password changes, 429 after
    10 per hour). A single-use link to `<http.public_url>/email-change` goes to the NEW
    address; the account keeps its address until the link is confirmed. If the new address
    already belongs to another account the answer is the same 202 (nothing tells the
    caller who is registered): no link is made, and that address is told someone tried.

    Args:
        body (EmailChangeRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Accepted | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: EmailChangeRequest,
) -> Response[Accepted | Problem]:
    """Change my e-mail address

     Needs the password (403 if it does not match; counted with password changes, 429 after
    10 per hour). A single-use link to `<http.public_url>/email-change` goes to the NEW
    address; the account keeps its address until the link is confirmed. If the new address
    already belongs to another account the answer is the same 202 (nothing tells the
    caller who is registered): no link is made, and that address is told someone tried.

    Args:
        body (EmailChangeRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Accepted | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: EmailChangeRequest,
) -> Accepted | Problem | None:
    """Change my e-mail address

     Needs the password (403 if it does not match; counted with password changes, 429 after
    10 per hour). A single-use link to `<http.public_url>/email-change` goes to the NEW
    address; the account keeps its address until the link is confirmed. If the new address
    already belongs to another account the answer is the same 202 (nothing tells the
    caller who is registered): no link is made, and that address is told someone tried.

    Args:
        body (EmailChangeRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Accepted | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
