import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.accuracy_chart_metric import AccuracyChartMetric
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    vendor: str,
    *,
    slice_: str,
    metric: AccuracyChartMetric | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["slice"] = slice_

    json_metric: str | Unset = UNSET
    if not isinstance(metric, Unset):
        json_metric = metric.value

    params["metric"] = json_metric

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
        "url": "/v1/vendors/{vendor}/charts/accuracy.svg".format(
            vendor=quote(str(vendor), safe=""),
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
    vendor: str,
    *,
    client: AuthenticatedClient,
    slice_: str,
    metric: AccuracyChartMetric | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> Response[Problem]:
    """Accuracy trend per expert (SVG)

     One line per expert of the roster in the slice (by handle): the lower credible bound of
    their decayed gold accuracy (or calibration) at the end of each week, as scoring
    computes it, with the 0.80 and 0.75 thresholds drawn. The vendor's admins and platform
    admins.

    Args:
        vendor (str): Opaque, time-sortable identifier: an organization id.
        slice_ (str): Opaque, time-sortable identifier: a slice id.
        metric (AccuracyChartMetric | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem]
    """

    kwargs = _get_kwargs(
        vendor=vendor,
        slice_=slice_,
        metric=metric,
        from_=from_,
        to=to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    vendor: str,
    *,
    client: AuthenticatedClient,
    slice_: str,
    metric: AccuracyChartMetric | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> Problem | None:
    """Accuracy trend per expert (SVG)

     One line per expert of the roster in the slice (by handle): the lower credible bound of
    their decayed gold accuracy (or calibration) at the end of each week, as scoring
    computes it, with the 0.80 and 0.75 thresholds drawn. The vendor's admins and platform
    admins.

    Args:
        vendor (str): Opaque, time-sortable identifier: an organization id.
        slice_ (str): Opaque, time-sortable identifier: a slice id.
        metric (AccuracyChartMetric | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem
    """

    return sync_detailed(
        vendor=vendor,
        client=client,
        slice_=slice_,
        metric=metric,
        from_=from_,
        to=to,
    ).parsed


async def asyncio_detailed(
    vendor: str,
    *,
    client: AuthenticatedClient,
    slice_: str,
    metric: AccuracyChartMetric | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> Response[Problem]:
    """Accuracy trend per expert (SVG)

     One line per expert of the roster in the slice (by handle): the lower credible bound of
    their decayed gold accuracy (or calibration) at the end of each week, as scoring
    computes it, with the 0.80 and 0.75 thresholds drawn. The vendor's admins and platform
    admins.

    Args:
        vendor (str): Opaque, time-sortable identifier: an organization id.
        slice_ (str): Opaque, time-sortable identifier: a slice id.
        metric (AccuracyChartMetric | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem]
    """

    kwargs = _get_kwargs(
        vendor=vendor,
        slice_=slice_,
        metric=metric,
        from_=from_,
        to=to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    vendor: str,
    *,
    client: AuthenticatedClient,
    slice_: str,
    metric: AccuracyChartMetric | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> Problem | None:
    """Accuracy trend per expert (SVG)

     One line per expert of the roster in the slice (by handle): the lower credible bound of
    their decayed gold accuracy (or calibration) at the end of each week, as scoring
    computes it, with the 0.80 and 0.75 thresholds drawn. The vendor's admins and platform
    admins.

    Args:
        vendor (str): Opaque, time-sortable identifier: an organization id.
        slice_ (str): Opaque, time-sortable identifier: a slice id.
        metric (AccuracyChartMetric | Unset):
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
            vendor=vendor,
            client=client,
            slice_=slice_,
            metric=metric,
            from_=from_,
            to=to,
        )
    ).parsed
