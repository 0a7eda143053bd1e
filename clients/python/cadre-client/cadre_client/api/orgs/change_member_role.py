from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.change_role_request import ChangeRoleRequest
from ...models.membership_changed import MembershipChanged
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    org: str,
    user: str,
    *,
    body: ChangeRoleRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/orgs/{org}/members/{user}".format(
            org=quote(str(org), safe=""),
            user=quote(str(user), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MembershipChanged | Problem | None:
    if response.status_code == 200:
        response_200 = MembershipChanged.from_dict(response.json())

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
) -> Response[MembershipChanged | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org: str,
    user: str,
    *,
    client: AuthenticatedClient,
    body: ChangeRoleRequest,
) -> Response[MembershipChanged | Problem]:
    """Change a member's role

     Administrators only. The organization's last administrator cannot be demoted (409).

    Args:
        org (str): Opaque, time-sortable identifier: an organization id.
        user (str): Opaque, time-sortable identifier: a user id.
        body (ChangeRoleRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MembershipChanged | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        user=user,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org: str,
    user: str,
    *,
    client: AuthenticatedClient,
    body: ChangeRoleRequest,
) -> MembershipChanged | Problem | None:
    """Change a member's role

     Administrators only. The organization's last administrator cannot be demoted (409).

    Args:
        org (str): Opaque, time-sortable identifier: an organization id.
        user (str): Opaque, time-sortable identifier: a user id.
        body (ChangeRoleRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MembershipChanged | Problem
    """

    return sync_detailed(
        org=org,
        user=user,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    org: str,
    user: str,
    *,
    client: AuthenticatedClient,
    body: ChangeRoleRequest,
) -> Response[MembershipChanged | Problem]:
    """Change a member's role

     Administrators only. The organization's last administrator cannot be demoted (409).

    Args:
        org (str): Opaque, time-sortable identifier: an organization id.
        user (str): Opaque, time-sortable identifier: a user id.
        body (ChangeRoleRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MembershipChanged | Problem]
    """

    kwargs = _get_kwargs(
        org=org,
        user=user,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org: str,
    user: str,
    *,
    client: AuthenticatedClient,
    body: ChangeRoleRequest,
) -> MembershipChanged | Problem | None:
    """Change a member's role

     Administrators only. The organization's last administrator cannot be demoted (409).

    Args:
        org (str): Opaque, time-sortable identifier: an organization id.
        user (str): Opaque, time-sortable identifier: a user id.
        body (ChangeRoleRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MembershipChanged | Problem
    """

    return (
        await asyncio_detailed(
            org=org,
            user=user,
            client=client,
            body=body,
        )
    ).parsed
