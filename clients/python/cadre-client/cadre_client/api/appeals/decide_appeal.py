from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.decide_appeal import DecideAppeal
from ...models.decision_result import DecisionResult
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    appeal: str,
    *,
    body: DecideAppeal,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/appeals/{appeal}/decision".format(
            appeal=quote(str(appeal), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DecisionResult | Problem | None:
    if response.status_code == 200:
        response_200 = DecisionResult.from_dict(response.json())

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
) -> Response[DecisionResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    appeal: str,
    *,
    client: AuthenticatedClient,
    body: DecideAppeal,
) -> Response[DecisionResult | Problem]:
    """Decide an appeal

     Platform admins; the expert's vendor admins (sanctions). Appeals against a gold answer
    are decided by a platform admin only: the organisation that wrote the gold reads the
    appeal but is refused the decision (403 naming the rule). The expert is e-mailed the
    decision and its reason.

    Args:
        appeal (str): Opaque, time-sortable identifier: an appeal id.
        body (DecideAppeal):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DecisionResult | Problem]
    """

    kwargs = _get_kwargs(
        appeal=appeal,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    appeal: str,
    *,
    client: AuthenticatedClient,
    body: DecideAppeal,
) -> DecisionResult | Problem | None:
    """Decide an appeal

     Platform admins; the expert's vendor admins (sanctions). Appeals against a gold answer
    are decided by a platform admin only: the organisation that wrote the gold reads the
    appeal but is refused the decision (403 naming the rule). The expert is e-mailed the
    decision and its reason.

    Args:
        appeal (str): Opaque, time-sortable identifier: an appeal id.
        body (DecideAppeal):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DecisionResult | Problem
    """

    return sync_detailed(
        appeal=appeal,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    appeal: str,
    *,
    client: AuthenticatedClient,
    body: DecideAppeal,
) -> Response[DecisionResult | Problem]:
    """Decide an appeal

     Platform admins; the expert's vendor admins (sanctions). Appeals against a gold answer
    are decided by a platform admin only: the organisation that wrote the gold reads the
    appeal but is refused the decision (403 naming the rule). The expert is e-mailed the
    decision and its reason.

    Args:
        appeal (str): Opaque, time-sortable identifier: an appeal id.
        body (DecideAppeal):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DecisionResult | Problem]
    """

    kwargs = _get_kwargs(
        appeal=appeal,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    appeal: str,
    *,
    client: AuthenticatedClient,
    body: DecideAppeal,
) -> DecisionResult | Problem | None:
    """Decide an appeal

     Platform admins; the expert's vendor admins (sanctions). Appeals against a gold answer
    are decided by a platform admin only: the organisation that wrote the gold reads the
    appeal but is refused the decision (403 naming the rule). The expert is e-mailed the
    decision and its reason.

    Args:
        appeal (str): Opaque, time-sortable identifier: an appeal id.
        body (DecideAppeal):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DecisionResult | Problem
    """

    return (
        await asyncio_detailed(
            appeal=appeal,
            client=client,
            body=body,
        )
    ).parsed
