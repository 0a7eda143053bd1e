from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.assessment_answer_request import AssessmentAnswerRequest
from ...models.assessment_view import AssessmentView
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    assessment: str,
    item: str,
    *,
    body: AssessmentAnswerRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/assessments/{assessment}/items/{item}".format(
            assessment=quote(str(assessment), safe=""),
            item=quote(str(item), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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
) -> Response[AssessmentView | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    assessment: str,
    item: str,
    *,
    client: AuthenticatedClient,
    body: AssessmentAnswerRequest,
) -> Response[AssessmentView | Problem]:
    """Answer an assessment item

     The expert's answer to one item, validated against the slice's label schema (422
    naming the field). Answers can be changed until the assessment is submitted or due.

    Args:
        assessment (str): Opaque, time-sortable identifier: an assessment id.
        item (str): Opaque, time-sortable identifier: an assignment id.
        body (AssessmentAnswerRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssessmentView | Problem]
    """

    kwargs = _get_kwargs(
        assessment=assessment,
        item=item,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    assessment: str,
    item: str,
    *,
    client: AuthenticatedClient,
    body: AssessmentAnswerRequest,
) -> AssessmentView | Problem | None:
    """Answer an assessment item

     The expert's answer to one item, validated against the slice's label schema (422
    naming the field). Answers can be changed until the assessment is submitted or due.

    Args:
        assessment (str): Opaque, time-sortable identifier: an assessment id.
        item (str): Opaque, time-sortable identifier: an assignment id.
        body (AssessmentAnswerRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssessmentView | Problem
    """

    return sync_detailed(
        assessment=assessment,
        item=item,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    assessment: str,
    item: str,
    *,
    client: AuthenticatedClient,
    body: AssessmentAnswerRequest,
) -> Response[AssessmentView | Problem]:
    """Answer an assessment item

     The expert's answer to one item, validated against the slice's label schema (422
    naming the field). Answers can be changed until the assessment is submitted or due.

    Args:
        assessment (str): Opaque, time-sortable identifier: an assessment id.
        item (str): Opaque, time-sortable identifier: an assignment id.
        body (AssessmentAnswerRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssessmentView | Problem]
    """

    kwargs = _get_kwargs(
        assessment=assessment,
        item=item,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    assessment: str,
    item: str,
    *,
    client: AuthenticatedClient,
    body: AssessmentAnswerRequest,
) -> AssessmentView | Problem | None:
    """Answer an assessment item

     The expert's answer to one item, validated against the slice's label schema (422
    naming the field). Answers can be changed until the assessment is submitted or due.

    Args:
        assessment (str): Opaque, time-sortable identifier: an assessment id.
        item (str): Opaque, time-sortable identifier: an assignment id.
        body (AssessmentAnswerRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssessmentView | Problem
    """

    return (
        await asyncio_detailed(
            assessment=assessment,
            item=item,
            client=client,
            body=body,
        )
    ).parsed
