from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.work_view import WorkView
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/assignments/next",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | WorkView | None:
    if response.status_code == 200:
        response_200 = WorkView.from_dict(response.json())

        return response_200

    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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
) -> Response[Any | Problem | WorkView]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Any | Problem | WorkView]:
    """Claim your next assignment

     Returns the most urgent of your accepted and offered assignments (highest priority,
    then earliest due), accepting it if it was only offered. With none, takes the best
    waiting item you are eligible for (effective priority — the lab's priority raised as
    the deadline nears — then deadline, then age) that still needs
    someone like you, and accepts it for you; 204 with `Retry-After` when nothing fits.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | WorkView]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> Any | Problem | WorkView | None:
    """Claim your next assignment

     Returns the most urgent of your accepted and offered assignments (highest priority,
    then earliest due), accepting it if it was only offered. With none, takes the best
    waiting item you are eligible for (effective priority — the lab's priority raised as
    the deadline nears — then deadline, then age) that still needs
    someone like you, and accepts it for you; 204 with `Retry-After` when nothing fits.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | WorkView
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Any | Problem | WorkView]:
    """Claim your next assignment

     Returns the most urgent of your accepted and offered assignments (highest priority,
    then earliest due), accepting it if it was only offered. With none, takes the best
    waiting item you are eligible for (effective priority — the lab's priority raised as
    the deadline nears — then deadline, then age) that still needs
    someone like you, and accepts it for you; 204 with `Retry-After` when nothing fits.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | WorkView]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> Any | Problem | WorkView | None:
    """Claim your next assignment

     Returns the most urgent of your accepted and offered assignments (highest priority,
    then earliest due), accepting it if it was only offered. With none, takes the best
    waiting item you are eligible for (effective priority — the lab's priority raised as
    the deadline nears — then deadline, then age) that still needs
    someone like you, and accepts it for you; 204 with `Retry-After` when nothing fits.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | WorkView
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
