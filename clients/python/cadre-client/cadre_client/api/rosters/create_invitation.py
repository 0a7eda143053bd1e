from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_roster_invitation_request import CreateRosterInvitationRequest
from ...models.problem import Problem
from ...models.roster_invitation_view import RosterInvitationView
from ...types import Response


def _get_kwargs(
    vendor: str,
    *,
    body: CreateRosterInvitationRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/vendors/{vendor}/roster/invitations".format(
            vendor=quote(str(vendor), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RosterInvitationView | None:
    if response.status_code == 201:
        response_201 = RosterInvitationView.from_dict(response.json())

        return response_201

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
) -> Response[Problem | RosterInvitationView]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    vendor: str,
    *,
    client: AuthenticatedClient,
    body: CreateRosterInvitationRequest,
) -> Response[Problem | RosterInvitationView]:
    """Invite an expert into the roster

     The vendor's admins (and platform admins). E-mails a single-use link that expires
    (`auth.invitation_ttl_secs`). An existing expert accepts it
    (`POST /v1/roster-invitations/accept`; moving from another vendor's roster needs their
    consent); anyone else registers as an expert and applies with it
    (`POST /v1/experts/me`, `roster_invitation`), going through the normal vetting.

    Args:
        vendor (str): Opaque, time-sortable identifier: an organization id.
        body (CreateRosterInvitationRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RosterInvitationView]
    """

    kwargs = _get_kwargs(
        vendor=vendor,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    vendor: str,
    *,
    client: AuthenticatedClient,
    body: CreateRosterInvitationRequest,
) -> Problem | RosterInvitationView | None:
    """Invite an expert into the roster

     The vendor's admins (and platform admins). E-mails a single-use link that expires
    (`auth.invitation_ttl_secs`). An existing expert accepts it
    (`POST /v1/roster-invitations/accept`; moving from another vendor's roster needs their
    consent); anyone else registers as an expert and applies with it
    (`POST /v1/experts/me`, `roster_invitation`), going through the normal vetting.

    Args:
        vendor (str): Opaque, time-sortable identifier: an organization id.
        body (CreateRosterInvitationRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RosterInvitationView
    """

    return sync_detailed(
        vendor=vendor,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    vendor: str,
    *,
    client: AuthenticatedClient,
    body: CreateRosterInvitationRequest,
) -> Response[Problem | RosterInvitationView]:
    """Invite an expert into the roster

     The vendor's admins (and platform admins). E-mails a single-use link that expires
    (`auth.invitation_ttl_secs`). An existing expert accepts it
    (`POST /v1/roster-invitations/accept`; moving from another vendor's roster needs their
    consent); anyone else registers as an expert and applies with it
    (`POST /v1/experts/me`, `roster_invitation`), going through the normal vetting.

    Args:
        vendor (str): Opaque, time-sortable identifier: an organization id.
        body (CreateRosterInvitationRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RosterInvitationView]
    """

    kwargs = _get_kwargs(
        vendor=vendor,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    vendor: str,
    *,
    client: AuthenticatedClient,
    body: CreateRosterInvitationRequest,
) -> Problem | RosterInvitationView | None:
    """Invite an expert into the roster

     The vendor's admins (and platform admins). E-mails a single-use link that expires
    (`auth.invitation_ttl_secs`). An existing expert accepts it
    (`POST /v1/roster-invitations/accept`; moving from another vendor's roster needs their
    consent); anyone else registers as an expert and applies with it
    (`POST /v1/experts/me`, `roster_invitation`), going through the normal vetting.

    Args:
        vendor (str): Opaque, time-sortable identifier: an organization id.
        body (CreateRosterInvitationRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RosterInvitationView
    """

    return (
        await asyncio_detailed(
            vendor=vendor,
            client=client,
            body=body,
        )
    ).parsed
