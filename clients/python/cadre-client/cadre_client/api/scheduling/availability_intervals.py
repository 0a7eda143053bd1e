import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.intervals_view import IntervalsView
from ...models.problem import Problem
from ...types import UNSET, Response


def _get_kwargs(
    expert: str,
    *,
    from_: datetime.datetime,
    to: datetime.datetime,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to = to.isoformat()
    params["to"] = json_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/experts/{expert}/availability/intervals".format(
            expert=quote(str(expert), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IntervalsView | Problem | None:
    if response.status_code == 200:
        response_200 = IntervalsView.from_dict(response.json())

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
) -> Response[IntervalsView | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    expert: str,
    *,
    client: AuthenticatedClient,
    from_: datetime.datetime,
    to: datetime.datetime,
) -> Response[IntervalsView | Problem]:
    """When is an expert available

     The expert's availability between `from` and `to` as UTC intervals, correct across
    daylight-saving changes, with their bookings and free time. The expert, their vendor's
    admins and platform admins.

    Args:
        expert (str): Opaque, time-sortable identifier: an expert id.
        from_ (datetime.datetime):
        to (datetime.datetime):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IntervalsView | Problem]
    """

    kwargs = _get_kwargs(
        expert=expert,
        from_=from_,
        to=to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    expert: str,
    *,
    client: AuthenticatedClient,
    from_: datetime.datetime,
    to: datetime.datetime,
) -> IntervalsView | Problem | None:
    """When is an expert available

     The expert's availability between `from` and `to` as UTC intervals, correct across
    daylight-saving changes, with their bookings and free time. The expert, their vendor's
    admins and platform admins.

    Args:
        expert (str): Opaque, time-sortable identifier: an expert id.
        from_ (datetime.datetime):
        to (datetime.datetime):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IntervalsView | Problem
    """

    return sync_detailed(
        expert=expert,
        client=client,
        from_=from_,
        to=to,
    ).parsed


async def asyncio_detailed(
    expert: str,
    *,
    client: AuthenticatedClient,
    from_: datetime.datetime,
    to: datetime.datetime,
) -> Response[IntervalsView | Problem]:
    """When is an expert available

     The expert's availability between `from` and `to` as UTC intervals, correct across
    daylight-saving changes, with their bookings and free time. The expert, their vendor's
    admins and platform admins.

    Args:
        expert (str): Opaque, time-sortable identifier: an expert id.
        from_ (datetime.datetime):
        to (datetime.datetime):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IntervalsView | Problem]
    """

    kwargs = _get_kwargs(
        expert=expert,
        from_=from_,
        to=to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    expert: str,
    *,
    client: AuthenticatedClient,
    from_: datetime.datetime,
    to: datetime.datetime,
) -> IntervalsView | Problem | None:
    """When is an expert available

     The expert's availability between `from` and `to` as UTC intervals, correct across
    daylight-saving changes, with their bookings and free time. The expert, their vendor's
    admins and platform admins.

    Args:
        expert (str): Opaque, time-sortable identifier: an expert id.
        from_ (datetime.datetime):
        to (datetime.datetime):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IntervalsView | Problem
    """

    return (
        await asyncio_detailed(
            expert=expert,
            client=client,
            from_=from_,
            to=to,
        )
    ).parsed
