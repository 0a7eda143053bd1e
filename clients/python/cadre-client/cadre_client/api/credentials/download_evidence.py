from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    credential: str,
    file: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/credentials/{credential}/evidence/{file}".format(
            credential=quote(str(credential), safe=""),
            file=quote(str(file), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | list[int] | None:
    if response.status_code == 200:
        response_200 = cast(list[int], response.content)

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | list[int]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    credential: str,
    file: str,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | list[int]]:
    """Download an evidence file

     The expert and their reviewers. Always an attachment with `X-Content-Type-Options: nosniff`.

    Args:
        credential (str): Opaque, time-sortable identifier: a credential id.
        file (str): Opaque, time-sortable identifier: an evidence file id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[int]]
    """

    kwargs = _get_kwargs(
        credential=credential,
        file=file,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    credential: str,
    file: str,
    *,
    client: AuthenticatedClient,
) -> Problem | list[int] | None:
    """Download an evidence file

     The expert and their reviewers. Always an attachment with `X-Content-Type-Options: nosniff`.

    Args:
        credential (str): Opaque, time-sortable identifier: a credential id.
        file (str): Opaque, time-sortable identifier: an evidence file id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[int]
    """

    return sync_detailed(
        credential=credential,
        file=file,
        client=client,
    ).parsed


async def asyncio_detailed(
    credential: str,
    file: str,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | list[int]]:
    """Download an evidence file

     The expert and their reviewers. Always an attachment with `X-Content-Type-Options: nosniff`.

    Args:
        credential (str): Opaque, time-sortable identifier: a credential id.
        file (str): Opaque, time-sortable identifier: an evidence file id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[int]]
    """

    kwargs = _get_kwargs(
        credential=credential,
        file=file,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    credential: str,
    file: str,
    *,
    client: AuthenticatedClient,
) -> Problem | list[int] | None:
    """Download an evidence file

     The expert and their reviewers. Always an attachment with `X-Content-Type-Options: nosniff`.

    Args:
        credential (str): Opaque, time-sortable identifier: a credential id.
        file (str): Opaque, time-sortable identifier: an evidence file id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[int]
    """

    return (
        await asyncio_detailed(
            credential=credential,
            file=file,
            client=client,
        )
    ).parsed
