import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.vendor_comparison import VendorComparison
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
        "url": "/v1/slices/{slice_}/vendor-comparison".format(
            slice_=quote(str(slice_), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | VendorComparison | None:
    if response.status_code == 200:
        response_200 = VendorComparison.from_dict(response.json())

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
) -> Response[Problem | VendorComparison]:
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
) -> Response[Problem | VendorComparison]:
    """Compare vendors on shared gold

     Per vendor, on the gold items of the slice that every compared vendor answered in the
    period (only those count; `common_items` and `excluded_items` say how many): accuracy
    with a Wilson 95 % interval, answers and experts counted, cost per correct label (the
    bill for the measured time of routed gold), and the cross-vendor agreement of their
    labels. Vendors are the experts' current rosters. Platform admins: any vendors, all
    gold. Lab members (or the lab's API keys with `projects:read`): `lab` required, the
    vendors working on the lab's projects, the lab's routed gold only; never an expert.

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
        Response[Problem | VendorComparison]
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
) -> Problem | VendorComparison | None:
    """Compare vendors on shared gold

     Per vendor, on the gold items of the slice that every compared vendor answered in the
    period (only those count; `common_items` and `excluded_items` say how many): accuracy
    with a Wilson 95 % interval, answers and experts counted, cost per correct label (the
    bill for the measured time of routed gold), and the cross-vendor agreement of their
    labels. Vendors are the experts' current rosters. Platform admins: any vendors, all
    gold. Lab members (or the lab's API keys with `projects:read`): `lab` required, the
    vendors working on the lab's projects, the lab's routed gold only; never an expert.

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
        Problem | VendorComparison
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
) -> Response[Problem | VendorComparison]:
    """Compare vendors on shared gold

     Per vendor, on the gold items of the slice that every compared vendor answered in the
    period (only those count; `common_items` and `excluded_items` say how many): accuracy
    with a Wilson 95 % interval, answers and experts counted, cost per correct label (the
    bill for the measured time of routed gold), and the cross-vendor agreement of their
    labels. Vendors are the experts' current rosters. Platform admins: any vendors, all
    gold. Lab members (or the lab's API keys with `projects:read`): `lab` required, the
    vendors working on the lab's projects, the lab's routed gold only; never an expert.

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
        Response[Problem | VendorComparison]
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
) -> Problem | VendorComparison | None:
    """Compare vendors on shared gold

     Per vendor, on the gold items of the slice that every compared vendor answered in the
    period (only those count; `common_items` and `excluded_items` say how many): accuracy
    with a Wilson 95 % interval, answers and experts counted, cost per correct label (the
    bill for the measured time of routed gold), and the cross-vendor agreement of their
    labels. Vendors are the experts' current rosters. Platform admins: any vendors, all
    gold. Lab members (or the lab's API keys with `projects:read`): `lab` required, the
    vendors working on the lab's projects, the lab's routed gold only; never an expert.

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
        Problem | VendorComparison
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
