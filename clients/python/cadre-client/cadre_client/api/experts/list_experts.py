from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_expert_view import PageExpertView
from ...models.problem import Problem
from ...models.vetting_status import VettingStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: VettingStatus | Unset = UNSET,
    domain: str | Unset = UNSET,
    vendor: str | Unset = UNSET,
    min_days_in_status: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["domain"] = domain

    params["vendor"] = vendor

    params["min_days_in_status"] = min_days_in_status

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/experts",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageExpertView | Problem | None:
    if response.status_code == 200:
        response_200 = PageExpertView.from_dict(response.json())

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
) -> Response[PageExpertView | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: VettingStatus | Unset = UNSET,
    domain: str | Unset = UNSET,
    vendor: str | Unset = UNSET,
    min_days_in_status: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[PageExpertView | Problem]:
    """List experts (rosters and applicants)

     Vendor admins see their roster; platform admins see everyone.

    Args:
        status (VettingStatus | Unset):
        domain (str | Unset): Opaque, time-sortable identifier: a domain id.
        vendor (str | Unset): Opaque, time-sortable identifier: an organization id.
        min_days_in_status (int | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageExpertView | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        domain=domain,
        vendor=vendor,
        min_days_in_status=min_days_in_status,
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
    status: VettingStatus | Unset = UNSET,
    domain: str | Unset = UNSET,
    vendor: str | Unset = UNSET,
    min_days_in_status: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> PageExpertView | Problem | None:
    """List experts (rosters and applicants)

     Vendor admins see their roster; platform admins see everyone.

    Args:
        status (VettingStatus | Unset):
        domain (str | Unset): Opaque, time-sortable identifier: a domain id.
        vendor (str | Unset): Opaque, time-sortable identifier: an organization id.
        min_days_in_status (int | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageExpertView | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        domain=domain,
        vendor=vendor,
        min_days_in_status=min_days_in_status,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: VettingStatus | Unset = UNSET,
    domain: str | Unset = UNSET,
    vendor: str | Unset = UNSET,
    min_days_in_status: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[PageExpertView | Problem]:
    """List experts (rosters and applicants)

     Vendor admins see their roster; platform admins see everyone.

    Args:
        status (VettingStatus | Unset):
        domain (str | Unset): Opaque, time-sortable identifier: a domain id.
        vendor (str | Unset): Opaque, time-sortable identifier: an organization id.
        min_days_in_status (int | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageExpertView | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        domain=domain,
        vendor=vendor,
        min_days_in_status=min_days_in_status,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: VettingStatus | Unset = UNSET,
    domain: str | Unset = UNSET,
    vendor: str | Unset = UNSET,
    min_days_in_status: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> PageExpertView | Problem | None:
    """List experts (rosters and applicants)

     Vendor admins see their roster; platform admins see everyone.

    Args:
        status (VettingStatus | Unset):
        domain (str | Unset): Opaque, time-sortable identifier: a domain id.
        vendor (str | Unset): Opaque, time-sortable identifier: an organization id.
        min_days_in_status (int | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageExpertView | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            domain=domain,
            vendor=vendor,
            min_days_in_status=min_days_in_status,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
