from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.results_page import ResultsPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    project: str,
    *,
    slice_: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["slice"] = slice_

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/projects/{project}/results".format(
            project=quote(str(project), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ResultsPage | None:
    if response.status_code == 200:
        response_200 = ResultsPage.from_dict(response.json())

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
) -> Response[Problem | ResultsPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    project: str,
    *,
    client: AuthenticatedClient,
    slice_: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[Problem | ResultsPage]:
    """Read the results feed

     The project's resolved items in the order they resolved, each with its final label,
    the judgments under pseudonymous expert handles (labels with rationale and cited
    clauses), the constitution version and whether it was adjudicated. The lab's members
    and its API keys with `items:read`. A result appears once it is
    `routing.results_feed_lag_secs` (default 5) seconds old, so a consumer that polls with
    its last cursor never skips one.

    Args:
        project (str): Opaque, time-sortable identifier: a project id.
        slice_ (str | Unset): Opaque, time-sortable identifier: a slice id.
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ResultsPage]
    """

    kwargs = _get_kwargs(
        project=project,
        slice_=slice_,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project: str,
    *,
    client: AuthenticatedClient,
    slice_: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Problem | ResultsPage | None:
    """Read the results feed

     The project's resolved items in the order they resolved, each with its final label,
    the judgments under pseudonymous expert handles (labels with rationale and cited
    clauses), the constitution version and whether it was adjudicated. The lab's members
    and its API keys with `items:read`. A result appears once it is
    `routing.results_feed_lag_secs` (default 5) seconds old, so a consumer that polls with
    its last cursor never skips one.

    Args:
        project (str): Opaque, time-sortable identifier: a project id.
        slice_ (str | Unset): Opaque, time-sortable identifier: a slice id.
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ResultsPage
    """

    return sync_detailed(
        project=project,
        client=client,
        slice_=slice_,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    project: str,
    *,
    client: AuthenticatedClient,
    slice_: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[Problem | ResultsPage]:
    """Read the results feed

     The project's resolved items in the order they resolved, each with its final label,
    the judgments under pseudonymous expert handles (labels with rationale and cited
    clauses), the constitution version and whether it was adjudicated. The lab's members
    and its API keys with `items:read`. A result appears once it is
    `routing.results_feed_lag_secs` (default 5) seconds old, so a consumer that polls with
    its last cursor never skips one.

    Args:
        project (str): Opaque, time-sortable identifier: a project id.
        slice_ (str | Unset): Opaque, time-sortable identifier: a slice id.
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ResultsPage]
    """

    kwargs = _get_kwargs(
        project=project,
        slice_=slice_,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project: str,
    *,
    client: AuthenticatedClient,
    slice_: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Problem | ResultsPage | None:
    """Read the results feed

     The project's resolved items in the order they resolved, each with its final label,
    the judgments under pseudonymous expert handles (labels with rationale and cited
    clauses), the constitution version and whether it was adjudicated. The lab's members
    and its API keys with `items:read`. A result appears once it is
    `routing.results_feed_lag_secs` (default 5) seconds old, so a consumer that polls with
    its last cursor never skips one.

    Args:
        project (str): Opaque, time-sortable identifier: a project id.
        slice_ (str | Unset): Opaque, time-sortable identifier: a slice id.
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ResultsPage
    """

    return (
        await asyncio_detailed(
            project=project,
            client=client,
            slice_=slice_,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
