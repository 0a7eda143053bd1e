from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.mark_paid import MarkPaid
from ...models.payout_view import PayoutView
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    payout: str,
    *,
    body: MarkPaid,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/payouts/{payout}/mark-paid".format(
            payout=quote(str(payout), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PayoutView | Problem | None:
    if response.status_code == 200:
        response_200 = PayoutView.from_dict(response.json())

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
) -> Response[PayoutView | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    payout: str,
    *,
    client: AuthenticatedClient,
    body: MarkPaid,
) -> Response[PayoutView | Problem]:
    """Mark a manual payout paid

     Platform admins record that a manual payout (no Stripe) was settled; the ledger moves
    the expert's payable out of cash.

    Args:
        payout (str): Opaque, time-sortable identifier: a payout id.
        body (MarkPaid):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PayoutView | Problem]
    """

    kwargs = _get_kwargs(
        payout=payout,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    payout: str,
    *,
    client: AuthenticatedClient,
    body: MarkPaid,
) -> PayoutView | Problem | None:
    """Mark a manual payout paid

     Platform admins record that a manual payout (no Stripe) was settled; the ledger moves
    the expert's payable out of cash.

    Args:
        payout (str): Opaque, time-sortable identifier: a payout id.
        body (MarkPaid):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PayoutView | Problem
    """

    return sync_detailed(
        payout=payout,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    payout: str,
    *,
    client: AuthenticatedClient,
    body: MarkPaid,
) -> Response[PayoutView | Problem]:
    """Mark a manual payout paid

     Platform admins record that a manual payout (no Stripe) was settled; the ledger moves
    the expert's payable out of cash.

    Args:
        payout (str): Opaque, time-sortable identifier: a payout id.
        body (MarkPaid):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PayoutView | Problem]
    """

    kwargs = _get_kwargs(
        payout=payout,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    payout: str,
    *,
    client: AuthenticatedClient,
    body: MarkPaid,
) -> PayoutView | Problem | None:
    """Mark a manual payout paid

     Platform admins record that a manual payout (no Stripe) was settled; the ledger moves
    the expert's payable out of cash.

    Args:
        payout (str): Opaque, time-sortable identifier: a payout id.
        body (MarkPaid):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PayoutView | Problem
    """

    return (
        await asyncio_detailed(
            payout=payout,
            client=client,
            body=body,
        )
    ).parsed
