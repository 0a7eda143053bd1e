from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.valid_label import ValidLabel
from ...models.validate_label_request import ValidateLabelRequest
from ...types import Response


def _get_kwargs(
    slice_: str,
    *,
    body: ValidateLabelRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/slices/{slice_}/validate-label".format(
            slice_=quote(str(slice_), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ValidLabel | None:
    if response.status_code == 200:
        response_200 = ValidLabel.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | ValidLabel]:
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
    body: ValidateLabelRequest,
) -> Response[Problem | ValidLabel]:
    """Check a label against the slice's schema

     200 with the label's typed form, or 422 naming each invalid field (`label.strength`, …).

    Args:
        slice_ (str): Opaque, time-sortable identifier: a slice id.
        body (ValidateLabelRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ValidLabel]
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
    body: ValidateLabelRequest,
) -> Problem | ValidLabel | None:
    """Check a label against the slice's schema

     200 with the label's typed form, or 422 naming each invalid field (`label.strength`, …).

    Args:
        slice_ (str): Opaque, time-sortable identifier: a slice id.
        body (ValidateLabelRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ValidLabel
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
    body: ValidateLabelRequest,
) -> Response[Problem | ValidLabel]:
    """Check a label against the slice's schema

     200 with the label's typed form, or 422 naming each invalid field (`label.strength`, …).

    Args:
        slice_ (str): Opaque, time-sortable identifier: a slice id.
        body (ValidateLabelRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ValidLabel]
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
    body: ValidateLabelRequest,
) -> Problem | ValidLabel | None:
    """Check a label against the slice's schema

     200 with the label's typed form, or 422 naming each invalid field (`label.strength`, …).

    Args:
        slice_ (str): Opaque, time-sortable identifier: a slice id.
        body (ValidateLabelRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ValidLabel
    """

    return (
        await asyncio_detailed(
            slice_=slice_,
            client=client,
            body=body,
        )
    ).parsed
