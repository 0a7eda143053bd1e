from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.set_tier_request import SetTierRequest
from ...models.standing_view import StandingView
from ...types import Response


def _get_kwargs(
    expert: str,
    slice_: str,
    *,
    body: SetTierRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/experts/{expert}/slices/{slice_}/tier".format(
            expert=quote(str(expert), safe=""),
            slice_=quote(str(slice_), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | StandingView | None:
    if response.status_code == 200:
        response_200 = StandingView.from_dict(response.json())

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
) -> Response[Problem | StandingView]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    expert: str,
    slice_: str,
    *,
    client: AuthenticatedClient,
    body: SetTierRequest,
) -> Response[Problem | StandingView]:
    """Set an expert's tier in a slice

     Admins of the expert's approved vendor and platform admins, with a reason (a pending or
    rejected vendor's admins: 403). `senior` and
    `adjudicator` only for experts `qualified` in the slice (409 naming the status);
    `adjudicator` also needs a gold-accuracy lower bound in the slice of at least
    `scoring.adjudicator_min_lower_bound` (409 naming `tier` with the numbers).

    Args:
        expert (str): Opaque, time-sortable identifier: an expert id.
        slice_ (str): Opaque, time-sortable identifier: a slice id.
        body (SetTierRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StandingView]
    """

    kwargs = _get_kwargs(
        expert=expert,
        slice_=slice_,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    expert: str,
    slice_: str,
    *,
    client: AuthenticatedClient,
    body: SetTierRequest,
) -> Problem | StandingView | None:
    """Set an expert's tier in a slice

     Admins of the expert's approved vendor and platform admins, with a reason (a pending or
    rejected vendor's admins: 403). `senior` and
    `adjudicator` only for experts `qualified` in the slice (409 naming the status);
    `adjudicator` also needs a gold-accuracy lower bound in the slice of at least
    `scoring.adjudicator_min_lower_bound` (409 naming `tier` with the numbers).

    Args:
        expert (str): Opaque, time-sortable identifier: an expert id.
        slice_ (str): Opaque, time-sortable identifier: a slice id.
        body (SetTierRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StandingView
    """

    return sync_detailed(
        expert=expert,
        slice_=slice_,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    expert: str,
    slice_: str,
    *,
    client: AuthenticatedClient,
    body: SetTierRequest,
) -> Response[Problem | StandingView]:
    """Set an expert's tier in a slice

     Admins of the expert's approved vendor and platform admins, with a reason (a pending or
    rejected vendor's admins: 403). `senior` and
    `adjudicator` only for experts `qualified` in the slice (409 naming the status);
    `adjudicator` also needs a gold-accuracy lower bound in the slice of at least
    `scoring.adjudicator_min_lower_bound` (409 naming `tier` with the numbers).

    Args:
        expert (str): Opaque, time-sortable identifier: an expert id.
        slice_ (str): Opaque, time-sortable identifier: a slice id.
        body (SetTierRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StandingView]
    """

    kwargs = _get_kwargs(
        expert=expert,
        slice_=slice_,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    expert: str,
    slice_: str,
    *,
    client: AuthenticatedClient,
    body: SetTierRequest,
) -> Problem | StandingView | None:
    """Set an expert's tier in a slice

     Admins of the expert's approved vendor and platform admins, with a reason (a pending or
    rejected vendor's admins: 403). `senior` and
    `adjudicator` only for experts `qualified` in the slice (409 naming the status);
    `adjudicator` also needs a gold-accuracy lower bound in the slice of at least
    `scoring.adjudicator_min_lower_bound` (409 naming `tier` with the numbers).

    Args:
        expert (str): Opaque, time-sortable identifier: an expert id.
        slice_ (str): Opaque, time-sortable identifier: a slice id.
        body (SetTierRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StandingView
    """

    return (
        await asyncio_detailed(
            expert=expert,
            slice_=slice_,
            client=client,
            body=body,
        )
    ).parsed
