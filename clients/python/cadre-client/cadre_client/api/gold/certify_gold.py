from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.certification_input import CertificationInput
from ...models.gold_item_view import GoldItemView
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    gold: str,
    *,
    body: CertificationInput,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/gold-items/{gold}/certification".format(
            gold=quote(str(gold), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> GoldItemView | Problem | None:
    if response.status_code == 200:
        response_200 = GoldItemView.from_dict(response.json())

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
) -> Response[GoldItemView | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    gold: str,
    *,
    client: AuthenticatedClient,
    body: CertificationInput,
) -> Response[GoldItemView | Problem]:
    """Certify a lab's gold item (or withdraw the certification)

     Platform admins. A lab's gold moves an expert's standing only in that lab's projects
    until a platform admin certifies the item; answers graded from then on count in the
    shared slice's standing too. Audited under the lab, which sees `certified_at` on the item.

    Args:
        gold (str): Opaque, time-sortable identifier: a gold item id.
        body (CertificationInput): A platform admin's decision on a lab's gold item.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GoldItemView | Problem]
    """

    kwargs = _get_kwargs(
        gold=gold,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    gold: str,
    *,
    client: AuthenticatedClient,
    body: CertificationInput,
) -> GoldItemView | Problem | None:
    """Certify a lab's gold item (or withdraw the certification)

     Platform admins. A lab's gold moves an expert's standing only in that lab's projects
    until a platform admin certifies the item; answers graded from then on count in the
    shared slice's standing too. Audited under the lab, which sees `certified_at` on the item.

    Args:
        gold (str): Opaque, time-sortable identifier: a gold item id.
        body (CertificationInput): A platform admin's decision on a lab's gold item.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GoldItemView | Problem
    """

    return sync_detailed(
        gold=gold,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    gold: str,
    *,
    client: AuthenticatedClient,
    body: CertificationInput,
) -> Response[GoldItemView | Problem]:
    """Certify a lab's gold item (or withdraw the certification)

     Platform admins. A lab's gold moves an expert's standing only in that lab's projects
    until a platform admin certifies the item; answers graded from then on count in the
    shared slice's standing too. Audited under the lab, which sees `certified_at` on the item.

    Args:
        gold (str): Opaque, time-sortable identifier: a gold item id.
        body (CertificationInput): A platform admin's decision on a lab's gold item.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GoldItemView | Problem]
    """

    kwargs = _get_kwargs(
        gold=gold,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    gold: str,
    *,
    client: AuthenticatedClient,
    body: CertificationInput,
) -> GoldItemView | Problem | None:
    """Certify a lab's gold item (or withdraw the certification)

     Platform admins. A lab's gold moves an expert's standing only in that lab's projects
    until a platform admin certifies the item; answers graded from then on count in the
    shared slice's standing too. Audited under the lab, which sees `certified_at` on the item.

    Args:
        gold (str): Opaque, time-sortable identifier: a gold item id.
        body (CertificationInput): A platform admin's decision on a lab's gold item.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GoldItemView | Problem
    """

    return (
        await asyncio_detailed(
            gold=gold,
            client=client,
            body=body,
        )
    ).parsed
