from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.expert_card import ExpertCard
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    expert: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/experts/{expert}/card".format(
            expert=quote(str(expert), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ExpertCard | Problem | None:
    if response.status_code == 200:
        response_200 = ExpertCard.from_dict(response.json())

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
) -> Response[ExpertCard | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    expert: str,
    *,
    client: AuthenticatedClient,
) -> Response[ExpertCard | Problem]:
    """An expert's pseudonymous card

     What labs see: handle, verified credentials summary, eligible domains, slice statuses;
    name and e-mail only with the expert's consent. Lab members see approved experts; the
    expert, their vendor's admins and platform admins see any card. 404 otherwise.

    Args:
        expert (str): Opaque, time-sortable identifier: an expert id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExpertCard | Problem]
    """

    kwargs = _get_kwargs(
        expert=expert,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    expert: str,
    *,
    client: AuthenticatedClient,
) -> ExpertCard | Problem | None:
    """An expert's pseudonymous card

     What labs see: handle, verified credentials summary, eligible domains, slice statuses;
    name and e-mail only with the expert's consent. Lab members see approved experts; the
    expert, their vendor's admins and platform admins see any card. 404 otherwise.

    Args:
        expert (str): Opaque, time-sortable identifier: an expert id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExpertCard | Problem
    """

    return sync_detailed(
        expert=expert,
        client=client,
    ).parsed


async def asyncio_detailed(
    expert: str,
    *,
    client: AuthenticatedClient,
) -> Response[ExpertCard | Problem]:
    """An expert's pseudonymous card

     What labs see: handle, verified credentials summary, eligible domains, slice statuses;
    name and e-mail only with the expert's consent. Lab members see approved experts; the
    expert, their vendor's admins and platform admins see any card. 404 otherwise.

    Args:
        expert (str): Opaque, time-sortable identifier: an expert id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExpertCard | Problem]
    """

    kwargs = _get_kwargs(
        expert=expert,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    expert: str,
    *,
    client: AuthenticatedClient,
) -> ExpertCard | Problem | None:
    """An expert's pseudonymous card

     What labs see: handle, verified credentials summary, eligible domains, slice statuses;
    name and e-mail only with the expert's consent. Lab members see approved experts; the
    expert, their vendor's admins and platform admins see any card. 404 otherwise.

    Args:
        expert (str): Opaque, time-sortable identifier: an expert id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExpertCard | Problem
    """

    return (
        await asyncio_detailed(
            expert=expert,
            client=client,
        )
    ).parsed
