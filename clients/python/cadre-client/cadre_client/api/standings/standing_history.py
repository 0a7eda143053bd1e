from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.standing_history import StandingHistory
from ...types import Response


def _get_kwargs(
    expert: str,
    slice_: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/experts/{expert}/slices/{slice_}/history".format(
            expert=quote(str(expert), safe=""),
            slice_=quote(str(slice_), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | StandingHistory | None:
    if response.status_code == 200:
        response_200 = StandingHistory.from_dict(response.json())

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
) -> Response[Problem | StandingHistory]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    expert: str,
    slice_: str,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | StandingHistory]:
    """History of an expert's standing in a slice

     Every status and tier change with its reason, oldest first.

    Args:
        expert (str): Opaque, time-sortable identifier: an expert id.
        slice_ (str): Opaque, time-sortable identifier: a slice id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StandingHistory]
    """

    kwargs = _get_kwargs(
        expert=expert,
        slice_=slice_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    expert: str,
    slice_: str,
    *,
    client: AuthenticatedClient,
) -> Problem | StandingHistory | None:
    """History of an expert's standing in a slice

     Every status and tier change with its reason, oldest first.

    Args:
        expert (str): Opaque, time-sortable identifier: an expert id.
        slice_ (str): Opaque, time-sortable identifier: a slice id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StandingHistory
    """

    return sync_detailed(
        expert=expert,
        slice_=slice_,
        client=client,
    ).parsed


async def asyncio_detailed(
    expert: str,
    slice_: str,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | StandingHistory]:
    """History of an expert's standing in a slice

     Every status and tier change with its reason, oldest first.

    Args:
        expert (str): Opaque, time-sortable identifier: an expert id.
        slice_ (str): Opaque, time-sortable identifier: a slice id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StandingHistory]
    """

    kwargs = _get_kwargs(
        expert=expert,
        slice_=slice_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    expert: str,
    slice_: str,
    *,
    client: AuthenticatedClient,
) -> Problem | StandingHistory | None:
    """History of an expert's standing in a slice

     Every status and tier change with its reason, oldest first.

    Args:
        expert (str): Opaque, time-sortable identifier: an expert id.
        slice_ (str): Opaque, time-sortable identifier: a slice id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StandingHistory
    """

    return (
        await asyncio_detailed(
            expert=expert,
            slice_=slice_,
            client=client,
        )
    ).parsed
