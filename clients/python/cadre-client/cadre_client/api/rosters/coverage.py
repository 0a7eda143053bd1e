from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.roster_coverage import RosterCoverage
from ...types import Response


def _get_kwargs(
    vendor: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/vendors/{vendor}/roster/coverage".format(
            vendor=quote(str(vendor), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RosterCoverage | None:
    if response.status_code == 200:
        response_200 = RosterCoverage.from_dict(response.json())

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
) -> Response[Problem | RosterCoverage]:
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
) -> Response[Problem | RosterCoverage]:
    """The roster's tier coverage per slice

     The vendor's admins (and platform admins): per slice where the roster's experts have a
    standing, the experts by status and tier, adjudicators below the adjudicator floor,
    the adjudication load and why adjudication is a bottleneck, if it is.

    Args:
        vendor (str): Opaque, time-sortable identifier: an organization id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RosterCoverage]
    """

    kwargs = _get_kwargs(
        vendor=vendor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    vendor: str,
    *,
    client: AuthenticatedClient,
) -> Problem | RosterCoverage | None:
    """The roster's tier coverage per slice

     The vendor's admins (and platform admins): per slice where the roster's experts have a
    standing, the experts by status and tier, adjudicators below the adjudicator floor,
    the adjudication load and why adjudication is a bottleneck, if it is.

    Args:
        vendor (str): Opaque, time-sortable identifier: an organization id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RosterCoverage
    """

    return sync_detailed(
        vendor=vendor,
        client=client,
    ).parsed


async def asyncio_detailed(
    vendor: str,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | RosterCoverage]:
    """The roster's tier coverage per slice

     The vendor's admins (and platform admins): per slice where the roster's experts have a
    standing, the experts by status and tier, adjudicators below the adjudicator floor,
    the adjudication load and why adjudication is a bottleneck, if it is.

    Args:
        vendor (str): Opaque, time-sortable identifier: an organization id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RosterCoverage]
    """

    kwargs = _get_kwargs(
        vendor=vendor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    vendor: str,
    *,
    client: AuthenticatedClient,
) -> Problem | RosterCoverage | None:
    """The roster's tier coverage per slice

     The vendor's admins (and platform admins): per slice where the roster's experts have a
    standing, the experts by status and tier, adjudicators below the adjudicator floor,
    the adjudication load and why adjudication is a bottleneck, if it is.

    Args:
        vendor (str): Opaque, time-sortable identifier: an organization id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RosterCoverage
    """

    return (
        await asyncio_detailed(
            vendor=vendor,
            client=client,
        )
    ).parsed
