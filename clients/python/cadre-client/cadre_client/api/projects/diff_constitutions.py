from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.constitution_diff import ConstitutionDiff
from ...models.problem import Problem
from ...types import UNSET, Response


def _get_kwargs(
    project: str,
    version: int,
    *,
    from_: int,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["from"] = from_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/projects/{project}/constitutions/{version}/diff".format(
            project=quote(str(project), safe=""),
            version=quote(str(version), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ConstitutionDiff | Problem | None:
    if response.status_code == 200:
        response_200 = ConstitutionDiff.from_dict(response.json())

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
) -> Response[ConstitutionDiff | Problem]:
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
    from_: int,
) -> Response[ConstitutionDiff | Problem]:
    """Diff two constitution versions

     Clauses added, removed and changed (by clause id) from `from` to `version`.

    Args:
        project (str): Opaque, time-sortable identifier: a project id.
        version (int):
        from_ (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConstitutionDiff | Problem]
    """

    kwargs = _get_kwargs(
        project=project,
        version=version,
        from_=from_,
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
    from_: int,
) -> ConstitutionDiff | Problem | None:
    """Diff two constitution versions

     Clauses added, removed and changed (by clause id) from `from` to `version`.

    Args:
        project (str): Opaque, time-sortable identifier: a project id.
        version (int):
        from_ (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConstitutionDiff | Problem
    """

    return sync_detailed(
        project=project,
        version=version,
        client=client,
        from_=from_,
    ).parsed


async def asyncio_detailed(
    project: str,
    version: int,
    *,
    client: AuthenticatedClient,
    from_: int,
) -> Response[ConstitutionDiff | Problem]:
    """Diff two constitution versions

     Clauses added, removed and changed (by clause id) from `from` to `version`.

    Args:
        project (str): Opaque, time-sortable identifier: a project id.
        version (int):
        from_ (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConstitutionDiff | Problem]
    """

    kwargs = _get_kwargs(
        project=project,
        version=version,
        from_=from_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project: str,
    version: int,
    *,
    client: AuthenticatedClient,
    from_: int,
) -> ConstitutionDiff | Problem | None:
    """Diff two constitution versions

     Clauses added, removed and changed (by clause id) from `from` to `version`.

    Args:
        project (str): Opaque, time-sortable identifier: a project id.
        version (int):
        from_ (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConstitutionDiff | Problem
    """

    return (
        await asyncio_detailed(
            project=project,
            version=version,
            client=client,
            from_=from_,
        )
    ).parsed
