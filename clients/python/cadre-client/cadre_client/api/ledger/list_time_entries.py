import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_time_entry_view import PageTimeEntryView
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    expert: str | Unset = UNSET,
    project: str | Unset = UNSET,
    week: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["expert"] = expert

    params["project"] = project

    json_week: str | Unset = UNSET
    if not isinstance(week, Unset):
        json_week = week.isoformat()
    params["week"] = json_week

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/time-entries",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageTimeEntryView | Problem | None:
    if response.status_code == 200:
        response_200 = PageTimeEntryView.from_dict(response.json())

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
) -> Response[PageTimeEntryView | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    expert: str | Unset = UNSET,
    project: str | Unset = UNSET,
    week: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[PageTimeEntryView | Problem]:
    """List time entries

     Paid time measured from work sessions. Experts see their own; vendor admins their
    roster's; lab members those billed to their labs (experts by handle); platform admins
    all.

    Args:
        expert (str | Unset): Opaque, time-sortable identifier: an expert id.
        project (str | Unset): Opaque, time-sortable identifier: a project id.
        week (datetime.datetime | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageTimeEntryView | Problem]
    """

    kwargs = _get_kwargs(
        expert=expert,
        project=project,
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
    expert: str | Unset = UNSET,
    project: str | Unset = UNSET,
    week: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> PageTimeEntryView | Problem | None:
    """List time entries

     Paid time measured from work sessions. Experts see their own; vendor admins their
    roster's; lab members those billed to their labs (experts by handle); platform admins
    all.

    Args:
        expert (str | Unset): Opaque, time-sortable identifier: an expert id.
        project (str | Unset): Opaque, time-sortable identifier: a project id.
        week (datetime.datetime | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageTimeEntryView | Problem
    """

    return sync_detailed(
        client=client,
        expert=expert,
        project=project,
        week=week,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    expert: str | Unset = UNSET,
    project: str | Unset = UNSET,
    week: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[PageTimeEntryView | Problem]:
    """List time entries

     Paid time measured from work sessions. Experts see their own; vendor admins their
    roster's; lab members those billed to their labs (experts by handle); platform admins
    all.

    Args:
        expert (str | Unset): Opaque, time-sortable identifier: an expert id.
        project (str | Unset): Opaque, time-sortable identifier: a project id.
        week (datetime.datetime | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageTimeEntryView | Problem]
    """

    kwargs = _get_kwargs(
        expert=expert,
        project=project,
        week=week,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    expert: str | Unset = UNSET,
    project: str | Unset = UNSET,
    week: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> PageTimeEntryView | Problem | None:
    """List time entries

     Paid time measured from work sessions. Experts see their own; vendor admins their
    roster's; lab members those billed to their labs (experts by handle); platform admins
    all.

    Args:
        expert (str | Unset): Opaque, time-sortable identifier: an expert id.
        project (str | Unset): Opaque, time-sortable identifier: a project id.
        week (datetime.datetime | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageTimeEntryView | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            expert=expert,
            project=project,
            week=week,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
