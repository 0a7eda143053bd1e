from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.shift_view import ShiftView
from ...types import Response


def _get_kwargs(
    shift: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/shifts/{shift}/confirm".format(
            shift=quote(str(shift), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ShiftView | None:
    if response.status_code == 200:
        response_200 = ShiftView.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | ShiftView]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    shift: str,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | ShiftView]:
    """Confirm a shift

     The shift's expert accepts an offered shift (repeating it is harmless).

    Args:
        shift (str): Opaque, time-sortable identifier: a shift id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ShiftView]
    """

    kwargs = _get_kwargs(
        shift=shift,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    shift: str,
    *,
    client: AuthenticatedClient,
) -> Problem | ShiftView | None:
    """Confirm a shift

     The shift's expert accepts an offered shift (repeating it is harmless).

    Args:
        shift (str): Opaque, time-sortable identifier: a shift id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ShiftView
    """

    return sync_detailed(
        shift=shift,
        client=client,
    ).parsed


async def asyncio_detailed(
    shift: str,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | ShiftView]:
    """Confirm a shift

     The shift's expert accepts an offered shift (repeating it is harmless).

    Args:
        shift (str): Opaque, time-sortable identifier: a shift id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ShiftView]
    """

    kwargs = _get_kwargs(
        shift=shift,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    shift: str,
    *,
    client: AuthenticatedClient,
) -> Problem | ShiftView | None:
    """Confirm a shift

     The shift's expert accepts an offered shift (repeating it is harmless).

    Args:
        shift (str): Opaque, time-sortable identifier: a shift id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ShiftView
    """

    return (
        await asyncio_detailed(
            shift=shift,
            client=client,
        )
    ).parsed
