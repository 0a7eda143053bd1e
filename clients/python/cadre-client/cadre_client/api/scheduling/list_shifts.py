import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_shifts_status import ListShiftsStatus
from ...models.page_shift_view import PageShiftView
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: ListShiftsStatus | Unset = UNSET,
    expert: str | Unset = UNSET,
    capacity_request: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["expert"] = expert

    params["capacity_request"] = capacity_request

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/shifts",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageShiftView | Problem | None:
    if response.status_code == 200:
        response_200 = PageShiftView.from_dict(response.json())

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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PageShiftView | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: ListShiftsStatus | Unset = UNSET,
    expert: str | Unset = UNSET,
    capacity_request: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[PageShiftView | Problem]:
    """List shifts

     Experts see their own shifts; vendor admins their roster's bookings; lab members
    their labs' shifts (experts by handle); platform admins all.

    Args:
        status (ListShiftsStatus | Unset): A shift's status, as the list filter documents it (the
            handler reads the string).
        expert (str | Unset): Opaque, time-sortable identifier: an expert id.
        capacity_request (str | Unset): Opaque, time-sortable identifier: a capacity request id.
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageShiftView | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        expert=expert,
        capacity_request=capacity_request,
        from_=from_,
        to=to,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: ListShiftsStatus | Unset = UNSET,
    expert: str | Unset = UNSET,
    capacity_request: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> PageShiftView | Problem | None:
    """List shifts

     Experts see their own shifts; vendor admins their roster's bookings; lab members
    their labs' shifts (experts by handle); platform admins all.

    Args:
        status (ListShiftsStatus | Unset): A shift's status, as the list filter documents it (the
            handler reads the string).
        expert (str | Unset): Opaque, time-sortable identifier: an expert id.
        capacity_request (str | Unset): Opaque, time-sortable identifier: a capacity request id.
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageShiftView | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        expert=expert,
        capacity_request=capacity_request,
        from_=from_,
        to=to,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: ListShiftsStatus | Unset = UNSET,
    expert: str | Unset = UNSET,
    capacity_request: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[PageShiftView | Problem]:
    """List shifts

     Experts see their own shifts; vendor admins their roster's bookings; lab members
    their labs' shifts (experts by handle); platform admins all.

    Args:
        status (ListShiftsStatus | Unset): A shift's status, as the list filter documents it (the
            handler reads the string).
        expert (str | Unset): Opaque, time-sortable identifier: an expert id.
        capacity_request (str | Unset): Opaque, time-sortable identifier: a capacity request id.
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageShiftView | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        expert=expert,
        capacity_request=capacity_request,
        from_=from_,
        to=to,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: ListShiftsStatus | Unset = UNSET,
    expert: str | Unset = UNSET,
    capacity_request: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> PageShiftView | Problem | None:
    """List shifts

     Experts see their own shifts; vendor admins their roster's bookings; lab members
    their labs' shifts (experts by handle); platform admins all.

    Args:
        status (ListShiftsStatus | Unset): A shift's status, as the list filter documents it (the
            handler reads the string).
        expert (str | Unset): Opaque, time-sortable identifier: an expert id.
        capacity_request (str | Unset): Opaque, time-sortable identifier: a capacity request id.
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageShiftView | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            expert=expert,
            capacity_request=capacity_request,
            from_=from_,
            to=to,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
