from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bulk_result import BulkResult
from ...models.gold_item_input import GoldItemInput
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    slice_: str,
    *,
    body: list[GoldItemInput],
    org_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["org_id"] = org_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/slices/{slice_}/gold-items".format(
            slice_=quote(str(slice_), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = []
    for componentsschemas_gold_upload_item_data in body:
        componentsschemas_gold_upload_item = componentsschemas_gold_upload_item_data.to_dict()
        _kwargs["json"].append(componentsschemas_gold_upload_item)

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> BulkResult | Problem | None:
    if response.status_code == 200:
        response_200 = BulkResult.from_dict(response.json())

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
) -> Response[BulkResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    slice_: str,
    *,
    client: AuthenticatedClient,
    body: list[GoldItemInput],
    org_id: str | Unset = UNSET,
) -> Response[BulkResult | Problem]:
    """Upload calibration or assessment gold for a shared slice

     With `org_id`: a vendor's calibration material (its vendor admins). Without: the slice's
    qualification-assessment pool (platform admins). Same formats and per-row results as
    project gold.

    Args:
        slice_ (str): Opaque, time-sortable identifier: a slice id.
        org_id (str | Unset): Opaque, time-sortable identifier: an organization id.
        body (list[GoldItemInput]): A bulk upload: 1 to 1000 gold items (a single object is
            accepted as one item).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BulkResult | Problem]
    """

    kwargs = _get_kwargs(
        slice_=slice_,
        body=body,
        org_id=org_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    slice_: str,
    *,
    client: AuthenticatedClient,
    body: list[GoldItemInput],
    org_id: str | Unset = UNSET,
) -> BulkResult | Problem | None:
    """Upload calibration or assessment gold for a shared slice

     With `org_id`: a vendor's calibration material (its vendor admins). Without: the slice's
    qualification-assessment pool (platform admins). Same formats and per-row results as
    project gold.

    Args:
        slice_ (str): Opaque, time-sortable identifier: a slice id.
        org_id (str | Unset): Opaque, time-sortable identifier: an organization id.
        body (list[GoldItemInput]): A bulk upload: 1 to 1000 gold items (a single object is
            accepted as one item).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BulkResult | Problem
    """

    return sync_detailed(
        slice_=slice_,
        client=client,
        body=body,
        org_id=org_id,
    ).parsed


async def asyncio_detailed(
    slice_: str,
    *,
    client: AuthenticatedClient,
    body: list[GoldItemInput],
    org_id: str | Unset = UNSET,
) -> Response[BulkResult | Problem]:
    """Upload calibration or assessment gold for a shared slice

     With `org_id`: a vendor's calibration material (its vendor admins). Without: the slice's
    qualification-assessment pool (platform admins). Same formats and per-row results as
    project gold.

    Args:
        slice_ (str): Opaque, time-sortable identifier: a slice id.
        org_id (str | Unset): Opaque, time-sortable identifier: an organization id.
        body (list[GoldItemInput]): A bulk upload: 1 to 1000 gold items (a single object is
            accepted as one item).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BulkResult | Problem]
    """

    kwargs = _get_kwargs(
        slice_=slice_,
        body=body,
        org_id=org_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    slice_: str,
    *,
    client: AuthenticatedClient,
    body: list[GoldItemInput],
    org_id: str | Unset = UNSET,
) -> BulkResult | Problem | None:
    """Upload calibration or assessment gold for a shared slice

     With `org_id`: a vendor's calibration material (its vendor admins). Without: the slice's
    qualification-assessment pool (platform admins). Same formats and per-row results as
    project gold.

    Args:
        slice_ (str): Opaque, time-sortable identifier: a slice id.
        org_id (str | Unset): Opaque, time-sortable identifier: an organization id.
        body (list[GoldItemInput]): A bulk upload: 1 to 1000 gold items (a single object is
            accepted as one item).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BulkResult | Problem
    """

    return (
        await asyncio_detailed(
            slice_=slice_,
            client=client,
            body=body,
            org_id=org_id,
        )
    ).parsed
