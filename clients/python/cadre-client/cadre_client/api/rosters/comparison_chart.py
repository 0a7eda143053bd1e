import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    slice_: str,
    *,
    vendors: str | Unset = UNSET,
    lab: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["vendors"] = vendors

    params["lab"] = lab

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/slices/{slice_}/charts/vendor-comparison.svg".format(
            slice_=quote(str(slice_), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | None:
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem]:
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
    vendors: str | Unset = UNSET,
    lab: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> Response[Problem]:
    """Vendor comparison chart (SVG)

     The comparison's accuracy per vendor with its Wilson 95 % interval, on the common gold
    items only (the legend gives each vendor's numbers). Same access and parameters as the
    JSON.

    Args:
        slice_ (str): Opaque, time-sortable identifier: a slice id.
        vendors (str | Unset):
        lab (str | Unset): Opaque, time-sortable identifier: an organization id.
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem]
    """

    kwargs = _get_kwargs(
        slice_=slice_,
        vendors=vendors,
        lab=lab,
        from_=from_,
        to=to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    slice_: str,
    *,
    client: AuthenticatedClient,
    vendors: str | Unset = UNSET,
    lab: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> Problem | None:
    """Vendor comparison chart (SVG)

     The comparison's accuracy per vendor with its Wilson 95 % interval, on the common gold
    items only (the legend gives each vendor's numbers). Same access and parameters as the
    JSON.

    Args:
        slice_ (str): Opaque, time-sortable identifier: a slice id.
        vendors (str | Unset):
        lab (str | Unset): Opaque, time-sortable identifier: an organization id.
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem
    """

    return sync_detailed(
        slice_=slice_,
        client=client,
        vendors=vendors,
        lab=lab,
        from_=from_,
        to=to,
    ).parsed


async def asyncio_detailed(
    slice_: str,
    *,
    client: AuthenticatedClient,
    vendors: str | Unset = UNSET,
    lab: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> Response[Problem]:
    """Vendor comparison chart (SVG)

     The comparison's accuracy per vendor with its Wilson 95 % interval, on the common gold
    items only (the legend gives each vendor's numbers). Same access and parameters as the
    JSON.

    Args:
        slice_ (str): Opaque, time-sortable identifier: a slice id.
        vendors (str | Unset):
        lab (str | Unset): Opaque, time-sortable identifier: an organization id.
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem]
    """

    kwargs = _get_kwargs(
        slice_=slice_,
        vendors=vendors,
        lab=lab,
        from_=from_,
        to=to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    slice_: str,
    *,
    client: AuthenticatedClient,
    vendors: str | Unset = UNSET,
    lab: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> Problem | None:
    """Vendor comparison chart (SVG)

     The comparison's accuracy per vendor with its Wilson 95 % interval, on the common gold
    items only (the legend gives each vendor's numbers). Same access and parameters as the
    JSON.

    Args:
        slice_ (str): Opaque, time-sortable identifier: a slice id.
        vendors (str | Unset):
        lab (str | Unset): Opaque, time-sortable identifier: an organization id.
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem
    """

    return (
        await asyncio_detailed(
            slice_=slice_,
            client=client,
            vendors=vendors,
            lab=lab,
            from_=from_,
            to=to,
        )
    ).parsed
