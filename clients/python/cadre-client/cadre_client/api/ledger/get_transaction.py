from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.transaction_view import TransactionView
from ...types import Response


def _get_kwargs(
    transaction: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/ledger/transactions/{transaction}".format(
            transaction=quote(str(transaction), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TransactionView | None:
    if response.status_code == 200:
        response_200 = TransactionView.from_dict(response.json())

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
) -> Response[Problem | TransactionView]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    transaction: str,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | TransactionView]:
    """A ledger transaction

     One transaction with its entries. Platform admins only.

    Args:
        transaction (str): Opaque, time-sortable identifier: a ledger transaction id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TransactionView]
    """

    kwargs = _get_kwargs(
        transaction=transaction,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    transaction: str,
    *,
    client: AuthenticatedClient,
) -> Problem | TransactionView | None:
    """A ledger transaction

     One transaction with its entries. Platform admins only.

    Args:
        transaction (str): Opaque, time-sortable identifier: a ledger transaction id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TransactionView
    """

    return sync_detailed(
        transaction=transaction,
        client=client,
    ).parsed


async def asyncio_detailed(
    transaction: str,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | TransactionView]:
    """A ledger transaction

     One transaction with its entries. Platform admins only.

    Args:
        transaction (str): Opaque, time-sortable identifier: a ledger transaction id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TransactionView]
    """

    kwargs = _get_kwargs(
        transaction=transaction,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    transaction: str,
    *,
    client: AuthenticatedClient,
) -> Problem | TransactionView | None:
    """A ledger transaction

     One transaction with its entries. Platform admins only.

    Args:
        transaction (str): Opaque, time-sortable identifier: a ledger transaction id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TransactionView
    """

    return (
        await asyncio_detailed(
            transaction=transaction,
            client=client,
        )
    ).parsed
