from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.project_quality import ProjectQuality
from ...types import UNSET, Response, Unset


def _get_kwargs(
    project: str,
    *,
    window_days: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["window_days"] = window_days

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/projects/{project}/quality".format(
            project=quote(str(project), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ProjectQuality | None:
    if response.status_code == 200:
        response_200 = ProjectQuality.from_dict(response.json())

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
) -> Response[Problem | ProjectQuality]:
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
    window_days: int | Unset = UNSET,
) -> Response[Problem | ProjectQuality]:
    """A project's quality

     Per slice of the project, over the project's resolved items in the window: reliability
    (alpha, Fleiss' kappa, health), pooled gold accuracy, informativeness and adjudication
    rate; and timeliness: the on-time resolution rate (resolved at or before the deadline /
    resolved) and the p50/p90 time from ingestion to resolution (nearest rank). Aggregates
    only: no expert's identity or individual score. The lab's members and API keys with
    `projects:read`; platform admins.

    Args:
        project (str): Opaque, time-sortable identifier: a project id.
        window_days (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProjectQuality]
    """

    kwargs = _get_kwargs(
        project=project,
        window_days=window_days,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project: str,
    *,
    client: AuthenticatedClient,
    window_days: int | Unset = UNSET,
) -> Problem | ProjectQuality | None:
    """A project's quality

     Per slice of the project, over the project's resolved items in the window: reliability
    (alpha, Fleiss' kappa, health), pooled gold accuracy, informativeness and adjudication
    rate; and timeliness: the on-time resolution rate (resolved at or before the deadline /
    resolved) and the p50/p90 time from ingestion to resolution (nearest rank). Aggregates
    only: no expert's identity or individual score. The lab's members and API keys with
    `projects:read`; platform admins.

    Args:
        project (str): Opaque, time-sortable identifier: a project id.
        window_days (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProjectQuality
    """

    return sync_detailed(
        project=project,
        client=client,
        window_days=window_days,
    ).parsed


async def asyncio_detailed(
    project: str,
    *,
    client: AuthenticatedClient,
    window_days: int | Unset = UNSET,
) -> Response[Problem | ProjectQuality]:
    """A project's quality

     Per slice of the project, over the project's resolved items in the window: reliability
    (alpha, Fleiss' kappa, health), pooled gold accuracy, informativeness and adjudication
    rate; and timeliness: the on-time resolution rate (resolved at or before the deadline /
    resolved) and the p50/p90 time from ingestion to resolution (nearest rank). Aggregates
    only: no expert's identity or individual score. The lab's members and API keys with
    `projects:read`; platform admins.

    Args:
        project (str): Opaque, time-sortable identifier: a project id.
        window_days (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProjectQuality]
    """

    kwargs = _get_kwargs(
        project=project,
        window_days=window_days,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project: str,
    *,
    client: AuthenticatedClient,
    window_days: int | Unset = UNSET,
) -> Problem | ProjectQuality | None:
    """A project's quality

     Per slice of the project, over the project's resolved items in the window: reliability
    (alpha, Fleiss' kappa, health), pooled gold accuracy, informativeness and adjudication
    rate; and timeliness: the on-time resolution rate (resolved at or before the deadline /
    resolved) and the p50/p90 time from ingestion to resolution (nearest rank). Aggregates
    only: no expert's identity or individual score. The lab's members and API keys with
    `projects:read`; platform admins.

    Args:
        project (str): Opaque, time-sortable identifier: a project id.
        window_days (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProjectQuality
    """

    return (
        await asyncio_detailed(
            project=project,
            client=client,
            window_days=window_days,
        )
    ).parsed
