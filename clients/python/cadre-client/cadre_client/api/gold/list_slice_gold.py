from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_gold_item_view import PageGoldItemView
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    slice_: str,
    *,
    org_id: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["org_id"] = org_id

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/slices/{slice_}/gold-items".format(
            slice_=quote(str(slice_), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageGoldItemView | Problem | None:
    if response.status_code == 200:
        response_200 = PageGoldItemView.from_dict(response.json())

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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PageGoldItemView | Problem]:
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
    org_id: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[PageGoldItemView | Problem]:
    """List calibration or assessment gold of a shared slice

     With `org_id`: that vendor's material (its vendor admins). Without: the platform pool
    (platform admins).

    Args:
        slice_ (str): Opaque, time-sortable identifier: a slice id.
        org_id (str | Unset): Opaque, time-sortable identifier: an organization id.
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageGoldItemView | Problem]
    """

    kwargs = _get_kwargs(
        slice_=slice_,
        org_id=org_id,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    slice_: str,
    *,
    client: AuthenticatedClient,
    org_id: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> PageGoldItemView | Problem | None:
    """List calibration or assessment gold of a shared slice

     With `org_id`: that vendor's material (its vendor admins). Without: the platform pool
    (platform admins).

    Args:
        slice_ (str): Opaque, time-sortable identifier: a slice id.
        org_id (str | Unset): Opaque, time-sortable identifier: an organization id.
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageGoldItemView | Problem
    """

    return sync_detailed(
        slice_=slice_,
        client=client,
        org_id=org_id,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    slice_: str,
    *,
    client: AuthenticatedClient,
    org_id: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[PageGoldItemView | Problem]:
    """List calibration or assessment gold of a shared slice

     With `org_id`: that vendor's material (its vendor admins). Without: the platform pool
    (platform admins).

    Args:
        slice_ (str): Opaque, time-sortable identifier: a slice id.
        org_id (str | Unset): Opaque, time-sortable identifier: an organization id.
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageGoldItemView | Problem]
    """

    kwargs = _get_kwargs(
        slice_=slice_,
        org_id=org_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    slice_: str,
    *,
    client: AuthenticatedClient,
    org_id: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> PageGoldItemView | Problem | None:
    """List calibration or assessment gold of a shared slice

     With `org_id`: that vendor's material (its vendor admins). Without: the platform pool
    (platform admins).

    Args:
        slice_ (str): Opaque, time-sortable identifier: a slice id.
        org_id (str | Unset): Opaque, time-sortable identifier: an organization id.
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageGoldItemView | Problem
    """

    return (
        await asyncio_detailed(
            slice_=slice_,
            client=client,
            org_id=org_id,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
