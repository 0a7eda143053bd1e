import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_timesheet_view import PageTimesheetView
from ...models.problem import Problem
from ...models.status import Status
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: Status | Unset = UNSET,
    project: str | Unset = UNSET,
    expert: str | Unset = UNSET,
    week: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["project"] = project

    params["expert"] = expert

    json_week: str | Unset = UNSET
    if not isinstance(week, Unset):
        json_week = week.isoformat()
    params["week"] = json_week

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/timesheets",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageTimesheetView | Problem | None:
    if response.status_code == 200:
        response_200 = PageTimesheetView.from_dict(response.json())

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
) -> Response[PageTimesheetView | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: Status | Unset = UNSET,
    project: str | Unset = UNSET,
    expert: str | Unset = UNSET,
    week: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[PageTimesheetView | Problem]:
    """List timesheets

     Weekly timesheets, oldest first. Experts see their own; vendor admins those of work on
    their roster; lab members (and API keys with `billing:read`) those of their labs, by
    handle; platform admins all.

    Args:
        status (Status | Unset):
        project (str | Unset): Opaque, time-sortable identifier: a project id.
        expert (str | Unset): Opaque, time-sortable identifier: an expert id.
        week (datetime.datetime | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageTimesheetView | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        project=project,
        expert=expert,
        week=week,
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
    status: Status | Unset = UNSET,
    project: str | Unset = UNSET,
    expert: str | Unset = UNSET,
    week: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> PageTimesheetView | Problem | None:
    """List timesheets

     Weekly timesheets, oldest first. Experts see their own; vendor admins those of work on
    their roster; lab members (and API keys with `billing:read`) those of their labs, by
    handle; platform admins all.

    Args:
        status (Status | Unset):
        project (str | Unset): Opaque, time-sortable identifier: a project id.
        expert (str | Unset): Opaque, time-sortable identifier: an expert id.
        week (datetime.datetime | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageTimesheetView | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        project=project,
        expert=expert,
        week=week,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: Status | Unset = UNSET,
    project: str | Unset = UNSET,
    expert: str | Unset = UNSET,
    week: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[PageTimesheetView | Problem]:
    """List timesheets

     Weekly timesheets, oldest first. Experts see their own; vendor admins those of work on
    their roster; lab members (and API keys with `billing:read`) those of their labs, by
    handle; platform admins all.

    Args:
        status (Status | Unset):
        project (str | Unset): Opaque, time-sortable identifier: a project id.
        expert (str | Unset): Opaque, time-sortable identifier: an expert id.
        week (datetime.datetime | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageTimesheetView | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        project=project,
        expert=expert,
        week=week,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: Status | Unset = UNSET,
    project: str | Unset = UNSET,
    expert: str | Unset = UNSET,
    week: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> PageTimesheetView | Problem | None:
    """List timesheets

     Weekly timesheets, oldest first. Experts see their own; vendor admins those of work on
    their roster; lab members (and API keys with `billing:read`) those of their labs, by
    handle; platform admins all.

    Args:
        status (Status | Unset):
        project (str | Unset): Opaque, time-sortable identifier: a project id.
        expert (str | Unset): Opaque, time-sortable identifier: an expert id.
        week (datetime.datetime | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageTimesheetView | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            project=project,
            expert=expert,
            week=week,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
