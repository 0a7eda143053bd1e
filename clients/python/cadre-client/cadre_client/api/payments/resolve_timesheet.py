from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.timesheet_resolution import TimesheetResolution
from ...models.timesheet_view import TimesheetView
from ...types import Response


def _get_kwargs(
    timesheet: str,
    *,
    body: TimesheetResolution,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/timesheets/{timesheet}/resolve".format(
            timesheet=quote(str(timesheet), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TimesheetView | None:
    if response.status_code == 200:
        response_200 = TimesheetView.from_dict(response.json())

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

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | TimesheetView]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    timesheet: str,
    *,
    client: AuthenticatedClient,
    body: TimesheetResolution,
) -> Response[Problem | TimesheetView]:
    """Resolve a disputed timesheet

     A platform admin approves a disputed sheet, optionally reducing lines to the time they
    judge right, with a note. The lines are then posted to the ledger.

    Args:
        timesheet (str): Opaque, time-sortable identifier: a timesheet id.
        body (TimesheetResolution):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TimesheetView]
    """

    kwargs = _get_kwargs(
        timesheet=timesheet,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    timesheet: str,
    *,
    client: AuthenticatedClient,
    body: TimesheetResolution,
) -> Problem | TimesheetView | None:
    """Resolve a disputed timesheet

     A platform admin approves a disputed sheet, optionally reducing lines to the time they
    judge right, with a note. The lines are then posted to the ledger.

    Args:
        timesheet (str): Opaque, time-sortable identifier: a timesheet id.
        body (TimesheetResolution):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TimesheetView
    """

    return sync_detailed(
        timesheet=timesheet,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    timesheet: str,
    *,
    client: AuthenticatedClient,
    body: TimesheetResolution,
) -> Response[Problem | TimesheetView]:
    """Resolve a disputed timesheet

     A platform admin approves a disputed sheet, optionally reducing lines to the time they
    judge right, with a note. The lines are then posted to the ledger.

    Args:
        timesheet (str): Opaque, time-sortable identifier: a timesheet id.
        body (TimesheetResolution):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TimesheetView]
    """

    kwargs = _get_kwargs(
        timesheet=timesheet,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    timesheet: str,
    *,
    client: AuthenticatedClient,
    body: TimesheetResolution,
) -> Problem | TimesheetView | None:
    """Resolve a disputed timesheet

     A platform admin approves a disputed sheet, optionally reducing lines to the time they
    judge right, with a note. The lines are then posted to the ledger.

    Args:
        timesheet (str): Opaque, time-sortable identifier: a timesheet id.
        body (TimesheetResolution):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TimesheetView
    """

    return (
        await asyncio_detailed(
            timesheet=timesheet,
            client=client,
            body=body,
        )
    ).parsed
