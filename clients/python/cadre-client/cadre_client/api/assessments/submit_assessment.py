from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.assessment_view import AssessmentView
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    assessment: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/assessments/{assessment}/submit".format(
            assessment=quote(str(assessment), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AssessmentView | Problem | None:
    if response.status_code == 200:
        response_200 = AssessmentView.from_dict(response.json())

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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AssessmentView | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    assessment: str,
    *,
    client: AuthenticatedClient,
) -> Response[AssessmentView | Problem]:
    """Submit an assessment for grading

     Every item must be answered. Grading is immediate: passing puts the expert on
    `probation` in the slice. The result shows the score and the clauses behind the items
    answered wrongly, never the gold answers. The expert is e-mailed the result.

    Args:
        assessment (str): Opaque, time-sortable identifier: an assessment id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssessmentView | Problem]
    """

    kwargs = _get_kwargs(
        assessment=assessment,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    assessment: str,
    *,
    client: AuthenticatedClient,
) -> AssessmentView | Problem | None:
    """Submit an assessment for grading

     Every item must be answered. Grading is immediate: passing puts the expert on
    `probation` in the slice. The result shows the score and the clauses behind the items
    answered wrongly, never the gold answers. The expert is e-mailed the result.

    Args:
        assessment (str): Opaque, time-sortable identifier: an assessment id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssessmentView | Problem
    """

    return sync_detailed(
        assessment=assessment,
        client=client,
    ).parsed


async def asyncio_detailed(
    assessment: str,
    *,
    client: AuthenticatedClient,
) -> Response[AssessmentView | Problem]:
    """Submit an assessment for grading

     Every item must be answered. Grading is immediate: passing puts the expert on
    `probation` in the slice. The result shows the score and the clauses behind the items
    answered wrongly, never the gold answers. The expert is e-mailed the result.

    Args:
        assessment (str): Opaque, time-sortable identifier: an assessment id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssessmentView | Problem]
    """

    kwargs = _get_kwargs(
        assessment=assessment,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    assessment: str,
    *,
    client: AuthenticatedClient,
) -> AssessmentView | Problem | None:
    """Submit an assessment for grading

     Every item must be answered. Grading is immediate: passing puts the expert on
    `probation` in the slice. The result shows the score and the clauses behind the items
    answered wrongly, never the gold answers. The expert is e-mailed the result.

    Args:
        assessment (str): Opaque, time-sortable identifier: an assessment id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssessmentView | Problem
    """

    return (
        await asyncio_detailed(
            assessment=assessment,
            client=client,
        )
    ).parsed
