from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.approve_request import ApproveRequest
from ...models.org_view import OrgView
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    vendor: str,
    *,
    body: ApproveRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/vendors/{vendor}/approve".format(
            vendor=quote(str(vendor), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> OrgView | Problem | None:
    if response.status_code == 200:
        response_200 = OrgView.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[OrgView | Problem]:
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
    body: ApproveRequest,
) -> Response[OrgView | Problem]:
    """Approve a vendor

     Platform admins only. A `pending` vendor becomes `approved`: its admins may now vet
    their roster, review credentials (counted only for a trusted reviewer), protect
    standings, set tiers and run calibration, and its experts receive lab work. Audited;
    the vendor's admins are e-mailed. 409 when the vendor is not pending (a rejected vendor
    stays refused).

    Args:
        vendor (str): Opaque, time-sortable identifier: an organization id.
        body (ApproveRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrgView | Problem]
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
    body: ApproveRequest,
) -> OrgView | Problem | None:
    """Approve a vendor

     Platform admins only. A `pending` vendor becomes `approved`: its admins may now vet
    their roster, review credentials (counted only for a trusted reviewer), protect
    standings, set tiers and run calibration, and its experts receive lab work. Audited;
    the vendor's admins are e-mailed. 409 when the vendor is not pending (a rejected vendor
    stays refused).

    Args:
        vendor (str): Opaque, time-sortable identifier: an organization id.
        body (ApproveRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrgView | Problem
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
    body: ApproveRequest,
) -> Response[OrgView | Problem]:
    """Approve a vendor

     Platform admins only. A `pending` vendor becomes `approved`: its admins may now vet
    their roster, review credentials (counted only for a trusted reviewer), protect
    standings, set tiers and run calibration, and its experts receive lab work. Audited;
    the vendor's admins are e-mailed. 409 when the vendor is not pending (a rejected vendor
    stays refused).

    Args:
        vendor (str): Opaque, time-sortable identifier: an organization id.
        body (ApproveRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrgView | Problem]
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
    body: ApproveRequest,
) -> OrgView | Problem | None:
    """Approve a vendor

     Platform admins only. A `pending` vendor becomes `approved`: its admins may now vet
    their roster, review credentials (counted only for a trusted reviewer), protect
    standings, set tiers and run calibration, and its experts receive lab work. Audited;
    the vendor's admins are e-mailed. 409 when the vendor is not pending (a rejected vendor
    stays refused).

    Args:
        vendor (str): Opaque, time-sortable identifier: an organization id.
        body (ApproveRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrgView | Problem
    """

    return (
        await asyncio_detailed(
            vendor=vendor,
            client=client,
            body=body,
        )
    ).parsed
