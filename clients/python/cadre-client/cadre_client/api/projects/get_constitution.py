from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.constitution_view import ConstitutionView
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    project: str,
    version: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/projects/{project}/constitutions/{version}".format(
            project=quote(str(project), safe=""),
            version=quote(str(version), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ConstitutionView | Problem | None:
    if response.status_code == 200:
        response_200 = ConstitutionView.from_dict(response.json())

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
) -> Response[ConstitutionView | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    project: str,
    version: int,
    *,
    client: AuthenticatedClient,
) -> Response[ConstitutionView | Problem]:
    """Get a constitution version with its clauses

    Args:
        project (str): Opaque, time-sortable identifier: a project id.
        version (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConstitutionView | Problem]
    """

    kwargs = _get_kwargs(
        project=project,
        version=version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project: str,
    version: int,
    *,
    client: AuthenticatedClient,
) -> ConstitutionView | Problem | None:
    """Get a constitution version with its clauses

    Args:
        project (str): Opaque, time-sortable identifier: a project id.
        version (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConstitutionView | Problem
    """

    return sync_detailed(
        project=project,
        version=version,
        client=client,
    ).parsed


async def asyncio_detailed(
    project: str,
    version: int,
    *,
    client: AuthenticatedClient,
) -> Response[ConstitutionView | Problem]:
    """Get a constitution version with its clauses

    Args:
        project (str): Opaque, time-sortable identifier: a project id.
        version (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConstitutionView | Problem]
    """

    kwargs = _get_kwargs(
        project=project,
        version=version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project: str,
    version: int,
    *,
    client: AuthenticatedClient,
) -> ConstitutionView | Problem | None:
    """Get a constitution version with its clauses

    Args:
        project (str): Opaque, time-sortable identifier: a project id.
        version (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConstitutionView | Problem
    """

    return (
        await asyncio_detailed(
            project=project,
            version=version,
            client=client,
        )
    ).parsed
