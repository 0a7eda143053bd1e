from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.capacity_request_detail import CapacityRequestDetail
from ...models.problem import Problem
from ...models.reason import Reason
from ...types import Response


def _get_kwargs(
    request: str,
    *,
    body: Reason,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/capacity-requests/{request}/cancel".format(
            request=quote(str(request), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CapacityRequestDetail | Problem | None:
    if response.status_code == 200:
        response_200 = CapacityRequestDetail.from_dict(response.json())

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
) -> Response[CapacityRequestDetail | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    request: str,
    *,
    client: AuthenticatedClient,
    body: Reason,
) -> Response[CapacityRequestDetail | Problem]:
    """Cancel a capacity request

     Cancels its shifts that have not started (experts are e-mailed; their calendars show
    the events cancelled); shifts under way run to their end.

    Args:
        request (str): Opaque, time-sortable identifier: a capacity request id.
        body (Reason):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CapacityRequestDetail | Problem]
    """

    kwargs = _get_kwargs(
        request=request,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    request: str,
    *,
    client: AuthenticatedClient,
    body: Reason,
) -> CapacityRequestDetail | Problem | None:
    """Cancel a capacity request

     Cancels its shifts that have not started (experts are e-mailed; their calendars show
    the events cancelled); shifts under way run to their end.

    Args:
        request (str): Opaque, time-sortable identifier: a capacity request id.
        body (Reason):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CapacityRequestDetail | Problem
    """

    return sync_detailed(
        request=request,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    request: str,
    *,
    client: AuthenticatedClient,
    body: Reason,
) -> Response[CapacityRequestDetail | Problem]:
    """Cancel a capacity request

     Cancels its shifts that have not started (experts are e-mailed; their calendars show
    the events cancelled); shifts under way run to their end.

    Args:
        request (str): Opaque, time-sortable identifier: a capacity request id.
        body (Reason):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CapacityRequestDetail | Problem]
    """

    kwargs = _get_kwargs(
        request=request,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    request: str,
    *,
    client: AuthenticatedClient,
    body: Reason,
) -> CapacityRequestDetail | Problem | None:
    """Cancel a capacity request

     Cancels its shifts that have not started (experts are e-mailed; their calendars show
    the events cancelled); shifts under way run to their end.

    Args:
        request (str): Opaque, time-sortable identifier: a capacity request id.
        body (Reason):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CapacityRequestDetail | Problem
    """

    return (
        await asyncio_detailed(
            request=request,
            client=client,
            body=body,
        )
    ).parsed
