from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.slice_view import SliceView
from ...models.update_slice_request import UpdateSliceRequest
from ...types import Response


def _get_kwargs(
    slice_: str,
    *,
    body: UpdateSliceRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/slices/{slice_}".format(
            slice_=quote(str(slice_), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SliceView | None:
    if response.status_code == 200:
        response_200 = SliceView.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | SliceView]:
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
    body: UpdateSliceRequest,
) -> Response[Problem | SliceView]:
    """Rename or re-describe a slice

     Its key, domain and label schema are fixed.

    Args:
        slice_ (str): Opaque, time-sortable identifier: a slice id.
        body (UpdateSliceRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SliceView]
    """

    kwargs = _get_kwargs(
        slice_=slice_,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    slice_: str,
    *,
    client: AuthenticatedClient,
    body: UpdateSliceRequest,
) -> Problem | SliceView | None:
    """Rename or re-describe a slice

     Its key, domain and label schema are fixed.

    Args:
        slice_ (str): Opaque, time-sortable identifier: a slice id.
        body (UpdateSliceRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SliceView
    """

    return sync_detailed(
        slice_=slice_,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    slice_: str,
    *,
    client: AuthenticatedClient,
    body: UpdateSliceRequest,
) -> Response[Problem | SliceView]:
    """Rename or re-describe a slice

     Its key, domain and label schema are fixed.

    Args:
        slice_ (str): Opaque, time-sortable identifier: a slice id.
        body (UpdateSliceRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SliceView]
    """

    kwargs = _get_kwargs(
        slice_=slice_,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    slice_: str,
    *,
    client: AuthenticatedClient,
    body: UpdateSliceRequest,
) -> Problem | SliceView | None:
    """Rename or re-describe a slice

     Its key, domain and label schema are fixed.

    Args:
        slice_ (str): Opaque, time-sortable identifier: a slice id.
        body (UpdateSliceRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SliceView
    """

    return (
        await asyncio_detailed(
            slice_=slice_,
            client=client,
            body=body,
        )
    ).parsed
