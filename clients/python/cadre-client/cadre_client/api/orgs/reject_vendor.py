from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.org_view import OrgView
from ...models.problem import Problem
from ...models.reject_request import RejectRequest
from ...types import Response


def _get_kwargs(
    vendor: str,
    *,
    body: RejectRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/vendors/{vendor}/reject".format(
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
    body: RejectRequest,
) -> Response[OrgView | Problem]:
    """Reject a vendor

     Platform admins only, with a reason. A `pending` vendor becomes `rejected`, which is
    final: its admins never vet, review credentials, change standings or run calibration,
    and its experts receive no lab work (they may leave the roster). Audited; the vendor's
    admins are e-mailed the reason. 409 when the vendor is not pending.

    Args:
        vendor (str): Opaque, time-sortable identifier: an organization id.
        body (RejectRequest):

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
    body: RejectRequest,
) -> OrgView | Problem | None:
    """Reject a vendor

     Platform admins only, with a reason. A `pending` vendor becomes `rejected`, which is
    final: its admins never vet, review credentials, change standings or run calibration,
    and its experts receive no lab work (they may leave the roster). Audited; the vendor's
    admins are e-mailed the reason. 409 when the vendor is not pending.

    Args:
        vendor (str): Opaque, time-sortable identifier: an organization id.
        body (RejectRequest):

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
    body: RejectRequest,
) -> Response[OrgView | Problem]:
    """Reject a vendor

     Platform admins only, with a reason. A `pending` vendor becomes `rejected`, which is
    final: its admins never vet, review credentials, change standings or run calibration,
    and its experts receive no lab work (they may leave the roster). Audited; the vendor's
    admins are e-mailed the reason. 409 when the vendor is not pending.

    Args:
        vendor (str): Opaque, time-sortable identifier: an organization id.
        body (RejectRequest):

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
    body: RejectRequest,
) -> OrgView | Problem | None:
    """Reject a vendor

     Platform admins only, with a reason. A `pending` vendor becomes `rejected`, which is
    final: its admins never vet, review credentials, change standings or run calibration,
    and its experts receive no lab work (they may leave the roster). Audited; the vendor's
    admins are e-mailed the reason. 409 when the vendor is not pending.

    Args:
        vendor (str): Opaque, time-sortable identifier: an organization id.
        body (RejectRequest):

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
