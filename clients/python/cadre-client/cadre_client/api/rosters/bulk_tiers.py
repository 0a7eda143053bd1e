from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bulk_tier_request import BulkTierRequest
from ...models.bulk_tier_result import BulkTierResult
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    vendor: str,
    *,
    body: BulkTierRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/vendors/{vendor}/roster/tiers".format(
            vendor=quote(str(vendor), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BulkTierResult | Problem | None:
    if response.status_code == 200:
        response_200 = BulkTierResult.from_dict(response.json())

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
) -> Response[BulkTierResult | Problem]:
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
    body: BulkTierRequest,
) -> Response[BulkTierResult | Problem]:
    """Change tiers across the roster

     The vendor's admins (and platform admins), with one reason. All or nothing: every
    change is checked first — the expert must be on this roster (422), the slice must exist
    (422), `senior` and `adjudicator` need `qualified` in the slice, and `adjudicator`
    needs a gold-accuracy lower bound of at least `scoring.adjudicator_min_lower_bound`
    (409). Each problem names its change (`changes[3].tier`). Every expert whose tier moves
    is e-mailed, and each change is kept in the standing's history.

    Args:
        vendor (str): Opaque, time-sortable identifier: an organization id.
        body (BulkTierRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BulkTierResult | Problem]
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
    body: BulkTierRequest,
) -> BulkTierResult | Problem | None:
    """Change tiers across the roster

     The vendor's admins (and platform admins), with one reason. All or nothing: every
    change is checked first — the expert must be on this roster (422), the slice must exist
    (422), `senior` and `adjudicator` need `qualified` in the slice, and `adjudicator`
    needs a gold-accuracy lower bound of at least `scoring.adjudicator_min_lower_bound`
    (409). Each problem names its change (`changes[3].tier`). Every expert whose tier moves
    is e-mailed, and each change is kept in the standing's history.

    Args:
        vendor (str): Opaque, time-sortable identifier: an organization id.
        body (BulkTierRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BulkTierResult | Problem
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
    body: BulkTierRequest,
) -> Response[BulkTierResult | Problem]:
    """Change tiers across the roster

     The vendor's admins (and platform admins), with one reason. All or nothing: every
    change is checked first — the expert must be on this roster (422), the slice must exist
    (422), `senior` and `adjudicator` need `qualified` in the slice, and `adjudicator`
    needs a gold-accuracy lower bound of at least `scoring.adjudicator_min_lower_bound`
    (409). Each problem names its change (`changes[3].tier`). Every expert whose tier moves
    is e-mailed, and each change is kept in the standing's history.

    Args:
        vendor (str): Opaque, time-sortable identifier: an organization id.
        body (BulkTierRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BulkTierResult | Problem]
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
    body: BulkTierRequest,
) -> BulkTierResult | Problem | None:
    """Change tiers across the roster

     The vendor's admins (and platform admins), with one reason. All or nothing: every
    change is checked first — the expert must be on this roster (422), the slice must exist
    (422), `senior` and `adjudicator` need `qualified` in the slice, and `adjudicator`
    needs a gold-accuracy lower bound of at least `scoring.adjudicator_min_lower_bound`
    (409). Each problem names its change (`changes[3].tier`). Every expert whose tier moves
    is e-mailed, and each change is kept in the standing's history.

    Args:
        vendor (str): Opaque, time-sortable identifier: an organization id.
        body (BulkTierRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BulkTierResult | Problem
    """

    return (
        await asyncio_detailed(
            vendor=vendor,
            client=client,
            body=body,
        )
    ).parsed
