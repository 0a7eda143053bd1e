from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.payout_account_view import PayoutAccountView
from ...models.problem import Problem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/experts/me/payout-account",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PayoutAccountView | Problem | None:
    if response.status_code == 200:
        response_200 = PayoutAccountView.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PayoutAccountView | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[PayoutAccountView | Problem]:
    """Connect a payout account

     Creates the expert's Stripe Express account on first use, in the country of their
    profile, and returns a fresh, single-use onboarding link (Stripe-hosted) to finish or
    update it. 403 while the account's e-mail address is unconfirmed (an unverified
    account cannot be paid); 409 when this installation settles payouts manually (no
    Stripe) or Stripe refused to set the account up; 422 naming `country` when the
    profile's country is not one Stripe Connect opens accounts in here
    (`payments.stripe.connect_countries`); 503 when the payments provider is unavailable
    or misconfigured (its own words go to the server log only).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PayoutAccountView | Problem]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> PayoutAccountView | Problem | None:
    """Connect a payout account

     Creates the expert's Stripe Express account on first use, in the country of their
    profile, and returns a fresh, single-use onboarding link (Stripe-hosted) to finish or
    update it. 403 while the account's e-mail address is unconfirmed (an unverified
    account cannot be paid); 409 when this installation settles payouts manually (no
    Stripe) or Stripe refused to set the account up; 422 naming `country` when the
    profile's country is not one Stripe Connect opens accounts in here
    (`payments.stripe.connect_countries`); 503 when the payments provider is unavailable
    or misconfigured (its own words go to the server log only).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PayoutAccountView | Problem
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[PayoutAccountView | Problem]:
    """Connect a payout account

     Creates the expert's Stripe Express account on first use, in the country of their
    profile, and returns a fresh, single-use onboarding link (Stripe-hosted) to finish or
    update it. 403 while the account's e-mail address is unconfirmed (an unverified
    account cannot be paid); 409 when this installation settles payouts manually (no
    Stripe) or Stripe refused to set the account up; 422 naming `country` when the
    profile's country is not one Stripe Connect opens accounts in here
    (`payments.stripe.connect_countries`); 503 when the payments provider is unavailable
    or misconfigured (its own words go to the server log only).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PayoutAccountView | Problem]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> PayoutAccountView | Problem | None:
    """Connect a payout account

     Creates the expert's Stripe Express account on first use, in the country of their
    profile, and returns a fresh, single-use onboarding link (Stripe-hosted) to finish or
    update it. 403 while the account's e-mail address is unconfirmed (an unverified
    account cannot be paid); 409 when this installation settles payouts manually (no
    Stripe) or Stripe refused to set the account up; 422 naming `country` when the
    profile's country is not one Stripe Connect opens accounts in here
    (`payments.stripe.connect_countries`); 503 when the payments provider is unavailable
    or misconfigured (its own words go to the server log only).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PayoutAccountView | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
