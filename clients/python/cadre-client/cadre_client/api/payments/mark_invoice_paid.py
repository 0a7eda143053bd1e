from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.invoice_view import InvoiceView
from ...models.mark_paid import MarkPaid
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    invoice: str,
    *,
    body: MarkPaid,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/invoices/{invoice}/mark-paid".format(
            invoice=quote(str(invoice), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> InvoiceView | Problem | None:
    if response.status_code == 200:
        response_200 = InvoiceView.from_dict(response.json())

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
) -> Response[InvoiceView | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    invoice: str,
    *,
    client: AuthenticatedClient,
    body: MarkPaid,
) -> Response[InvoiceView | Problem]:
    """Mark an invoice paid

     Platform admins record the payment of a manually collected invoice (no Stripe); the
    ledger moves the lab's receivable to cash. Invoices collected through Stripe are marked
    paid by Stripe's webhook only.

    Args:
        invoice (str): Opaque, time-sortable identifier: an invoice id.
        body (MarkPaid):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InvoiceView | Problem]
    """

    kwargs = _get_kwargs(
        invoice=invoice,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    invoice: str,
    *,
    client: AuthenticatedClient,
    body: MarkPaid,
) -> InvoiceView | Problem | None:
    """Mark an invoice paid

     Platform admins record the payment of a manually collected invoice (no Stripe); the
    ledger moves the lab's receivable to cash. Invoices collected through Stripe are marked
    paid by Stripe's webhook only.

    Args:
        invoice (str): Opaque, time-sortable identifier: an invoice id.
        body (MarkPaid):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InvoiceView | Problem
    """

    return sync_detailed(
        invoice=invoice,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    invoice: str,
    *,
    client: AuthenticatedClient,
    body: MarkPaid,
) -> Response[InvoiceView | Problem]:
    """Mark an invoice paid

     Platform admins record the payment of a manually collected invoice (no Stripe); the
    ledger moves the lab's receivable to cash. Invoices collected through Stripe are marked
    paid by Stripe's webhook only.

    Args:
        invoice (str): Opaque, time-sortable identifier: an invoice id.
        body (MarkPaid):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InvoiceView | Problem]
    """

    kwargs = _get_kwargs(
        invoice=invoice,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    invoice: str,
    *,
    client: AuthenticatedClient,
    body: MarkPaid,
) -> InvoiceView | Problem | None:
    """Mark an invoice paid

     Platform admins record the payment of a manually collected invoice (no Stripe); the
    ledger moves the lab's receivable to cash. Invoices collected through Stripe are marked
    paid by Stripe's webhook only.

    Args:
        invoice (str): Opaque, time-sortable identifier: an invoice id.
        body (MarkPaid):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InvoiceView | Problem
    """

    return (
        await asyncio_detailed(
            invoice=invoice,
            client=client,
            body=body,
        )
    ).parsed
