from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response


def _get_kwargs(
    expert: str,
    *,
    token: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["token"] = token

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/experts/{expert}/calendar.ics".format(
            expert=quote(str(expert), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    expert: str,
    *,
    client: AuthenticatedClient | Client,
    token: str,
) -> Response[Problem | str]:
    """An expert's shifts as iCalendar

     The feed a calendar client subscribes to (RFC 5545): one event per shift with a
    stable UID, UTC times, `TENTATIVE` while offered, `CONFIRMED`, and `CANCELLED` once
    declined or cancelled. Authorised by the secret `token` in the URL, not by a login;
    a wrong or revoked token answers 404.

    Args:
        expert (str): Opaque, time-sortable identifier: an expert id.
        token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        expert=expert,
        token=token,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    expert: str,
    *,
    client: AuthenticatedClient | Client,
    token: str,
) -> Problem | str | None:
    """An expert's shifts as iCalendar

     The feed a calendar client subscribes to (RFC 5545): one event per shift with a
    stable UID, UTC times, `TENTATIVE` while offered, `CONFIRMED`, and `CANCELLED` once
    declined or cancelled. Authorised by the secret `token` in the URL, not by a login;
    a wrong or revoked token answers 404.

    Args:
        expert (str): Opaque, time-sortable identifier: an expert id.
        token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        expert=expert,
        client=client,
        token=token,
    ).parsed


async def asyncio_detailed(
    expert: str,
    *,
    client: AuthenticatedClient | Client,
    token: str,
) -> Response[Problem | str]:
    """An expert's shifts as iCalendar

     The feed a calendar client subscribes to (RFC 5545): one event per shift with a
    stable UID, UTC times, `TENTATIVE` while offered, `CONFIRMED`, and `CANCELLED` once
    declined or cancelled. Authorised by the secret `token` in the URL, not by a login;
    a wrong or revoked token answers 404.

    Args:
        expert (str): Opaque, time-sortable identifier: an expert id.
        token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        expert=expert,
        token=token,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    expert: str,
    *,
    client: AuthenticatedClient | Client,
    token: str,
) -> Problem | str | None:
    """An expert's shifts as iCalendar

     The feed a calendar client subscribes to (RFC 5545): one event per shift with a
    stable UID, UTC times, `TENTATIVE` while offered, `CONFIRMED`, and `CANCELLED` once
    declined or cancelled. Authorised by the secret `token` in the URL, not by a login;
    a wrong or revoked token answers 404.

    Args:
        expert (str): Opaque, time-sortable identifier: an expert id.
        token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            expert=expert,
            client=client,
            token=token,
        )
    ).parsed
