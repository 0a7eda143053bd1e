from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.heartbeat_view import HeartbeatView
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    assignment: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/assignments/{assignment}/heartbeat".format(
            assignment=quote(str(assignment), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> HeartbeatView | Problem | None:
    if response.status_code == 200:
        response_200 = HeartbeatView.from_dict(response.json())

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
) -> Response[HeartbeatView | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    assignment: str,
    *,
    client: AuthenticatedClient,
) -> Response[HeartbeatView | Problem]:
    """Send a heartbeat

     While you work on an accepted assignment, send a heartbeat at least every
    `routing.idle_limit_secs` (default 300 s); time is measured from accept to submit
    where heartbeats cover it, and a longer gap is not counted.

    Args:
        assignment (str): Opaque, time-sortable identifier: an assignment id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HeartbeatView | Problem]
    """

    kwargs = _get_kwargs(
        assignment=assignment,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    assignment: str,
    *,
    client: AuthenticatedClient,
) -> HeartbeatView | Problem | None:
    """Send a heartbeat

     While you work on an accepted assignment, send a heartbeat at least every
    `routing.idle_limit_secs` (default 300 s); time is measured from accept to submit
    where heartbeats cover it, and a longer gap is not counted.

    Args:
        assignment (str): Opaque, time-sortable identifier: an assignment id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HeartbeatView | Problem
    """

    return sync_detailed(
        assignment=assignment,
        client=client,
    ).parsed


async def asyncio_detailed(
    assignment: str,
    *,
    client: AuthenticatedClient,
) -> Response[HeartbeatView | Problem]:
    """Send a heartbeat

     While you work on an accepted assignment, send a heartbeat at least every
    `routing.idle_limit_secs` (default 300 s); time is measured from accept to submit
    where heartbeats cover it, and a longer gap is not counted.

    Args:
        assignment (str): Opaque, time-sortable identifier: an assignment id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HeartbeatView | Problem]
    """

    kwargs = _get_kwargs(
        assignment=assignment,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    assignment: str,
    *,
    client: AuthenticatedClient,
) -> HeartbeatView | Problem | None:
    """Send a heartbeat

     While you work on an accepted assignment, send a heartbeat at least every
    `routing.idle_limit_secs` (default 300 s); time is measured from accept to submit
    where heartbeats cover it, and a longer gap is not counted.

    Args:
        assignment (str): Opaque, time-sortable identifier: an assignment id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HeartbeatView | Problem
    """

    return (
        await asyncio_detailed(
            assignment=assignment,
            client=client,
        )
    ).parsed
