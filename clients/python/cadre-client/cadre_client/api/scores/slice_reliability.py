from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.reliability_report import ReliabilityReport
from ...types import UNSET, Response, Unset


def _get_kwargs(
    slice_: str,
    *,
    project: str | Unset = UNSET,
    vendor: str | Unset = UNSET,
    window_days: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["project"] = project

    params["vendor"] = vendor

    params["window_days"] = window_days

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/slices/{slice_}/reliability".format(
            slice_=quote(str(slice_), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ReliabilityReport | None:
    if response.status_code == 200:
        response_200 = ReliabilityReport.from_dict(response.json())

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
) -> Response[Problem | ReliabilityReport]:
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
    project: str | Unset = UNSET,
    vendor: str | Unset = UNSET,
    window_days: int | Unset = UNSET,
) -> Response[Problem | ReliabilityReport]:
    """A slice's reliability

     Krippendorff's alpha (at the slice's measurement level) and Fleiss' kappa over the
    resolved items of the window, the health that follows (≥ 0.80 healthy, < 0.80 warning,
    < 0.75 corrective), adjudication rate, informativeness, pooled gold accuracy and the
    distribution of the experts' gold-accuracy lower bounds, and a Dawid–Skene check.
    Platform admins for any scope; vendor admins for their own roster (`vendor` required);
    a lab's members for one of their projects (`project` required, no per-expert numbers).

    Args:
        slice_ (str): Opaque, time-sortable identifier: a slice id.
        project (str | Unset): Opaque, time-sortable identifier: a project id.
        vendor (str | Unset): Opaque, time-sortable identifier: an organization id.
        window_days (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReliabilityReport]
    """

    kwargs = _get_kwargs(
        slice_=slice_,
        project=project,
        vendor=vendor,
        window_days=window_days,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    slice_: str,
    *,
    client: AuthenticatedClient,
    project: str | Unset = UNSET,
    vendor: str | Unset = UNSET,
    window_days: int | Unset = UNSET,
) -> Problem | ReliabilityReport | None:
    """A slice's reliability

     Krippendorff's alpha (at the slice's measurement level) and Fleiss' kappa over the
    resolved items of the window, the health that follows (≥ 0.80 healthy, < 0.80 warning,
    < 0.75 corrective), adjudication rate, informativeness, pooled gold accuracy and the
    distribution of the experts' gold-accuracy lower bounds, and a Dawid–Skene check.
    Platform admins for any scope; vendor admins for their own roster (`vendor` required);
    a lab's members for one of their projects (`project` required, no per-expert numbers).

    Args:
        slice_ (str): Opaque, time-sortable identifier: a slice id.
        project (str | Unset): Opaque, time-sortable identifier: a project id.
        vendor (str | Unset): Opaque, time-sortable identifier: an organization id.
        window_days (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReliabilityReport
    """

    return sync_detailed(
        slice_=slice_,
        client=client,
        project=project,
        vendor=vendor,
        window_days=window_days,
    ).parsed


async def asyncio_detailed(
    slice_: str,
    *,
    client: AuthenticatedClient,
    project: str | Unset = UNSET,
    vendor: str | Unset = UNSET,
    window_days: int | Unset = UNSET,
) -> Response[Problem | ReliabilityReport]:
    """A slice's reliability

     Krippendorff's alpha (at the slice's measurement level) and Fleiss' kappa over the
    resolved items of the window, the health that follows (≥ 0.80 healthy, < 0.80 warning,
    < 0.75 corrective), adjudication rate, informativeness, pooled gold accuracy and the
    distribution of the experts' gold-accuracy lower bounds, and a Dawid–Skene check.
    Platform admins for any scope; vendor admins for their own roster (`vendor` required);
    a lab's members for one of their projects (`project` required, no per-expert numbers).

    Args:
        slice_ (str): Opaque, time-sortable identifier: a slice id.
        project (str | Unset): Opaque, time-sortable identifier: a project id.
        vendor (str | Unset): Opaque, time-sortable identifier: an organization id.
        window_days (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReliabilityReport]
    """

    kwargs = _get_kwargs(
        slice_=slice_,
        project=project,
        vendor=vendor,
        window_days=window_days,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    slice_: str,
    *,
    client: AuthenticatedClient,
    project: str | Unset = UNSET,
    vendor: str | Unset = UNSET,
    window_days: int | Unset = UNSET,
) -> Problem | ReliabilityReport | None:
    """A slice's reliability

     Krippendorff's alpha (at the slice's measurement level) and Fleiss' kappa over the
    resolved items of the window, the health that follows (≥ 0.80 healthy, < 0.80 warning,
    < 0.75 corrective), adjudication rate, informativeness, pooled gold accuracy and the
    distribution of the experts' gold-accuracy lower bounds, and a Dawid–Skene check.
    Platform admins for any scope; vendor admins for their own roster (`vendor` required);
    a lab's members for one of their projects (`project` required, no per-expert numbers).

    Args:
        slice_ (str): Opaque, time-sortable identifier: a slice id.
        project (str | Unset): Opaque, time-sortable identifier: a project id.
        vendor (str | Unset): Opaque, time-sortable identifier: an organization id.
        window_days (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReliabilityReport
    """

    return (
        await asyncio_detailed(
            slice_=slice_,
            client=client,
            project=project,
            vendor=vendor,
            window_days=window_days,
        )
    ).parsed
