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
    slice_: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/slices/{slice_}/assessments".format(
            slice_=quote(str(slice_), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AssessmentView | Problem | None:
    if response.status_code == 201:
        response_201 = AssessmentView.from_dict(response.json())

        return response_201

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
    slice_: str,
    *,
    client: AuthenticatedClient,
) -> Response[AssessmentView | Problem]:
    """Start a qualification assessment

     For experts in the `assessment` or `approved` vetting stage, in a shared slice where
    they have no status yet. Draws `experts.assessment_items` unseen items from the slice's
    assessment pool; answer them before `due_at`, then submit. After a failed or timed-out
    attempt a retake waits `experts.assessment_retake_cooldown_days`.

    Args:
        slice_ (str): Opaque, time-sortable identifier: a slice id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssessmentView | Problem]
    """

    kwargs = _get_kwargs(
        slice_=slice_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    slice_: str,
    *,
    client: AuthenticatedClient,
) -> AssessmentView | Problem | None:
    """Start a qualification assessment

     For experts in the `assessment` or `approved` vetting stage, in a shared slice where
    they have no status yet. Draws `experts.assessment_items` unseen items from the slice's
    assessment pool; answer them before `due_at`, then submit. After a failed or timed-out
    attempt a retake waits `experts.assessment_retake_cooldown_days`.

    Args:
        slice_ (str): Opaque, time-sortable identifier: a slice id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssessmentView | Problem
    """

    return sync_detailed(
        slice_=slice_,
        client=client,
    ).parsed


async def asyncio_detailed(
    slice_: str,
    *,
    client: AuthenticatedClient,
) -> Response[AssessmentView | Problem]:
    """Start a qualification assessment

     For experts in the `assessment` or `approved` vetting stage, in a shared slice where
    they have no status yet. Draws `experts.assessment_items` unseen items from the slice's
    assessment pool; answer them before `due_at`, then submit. After a failed or timed-out
    attempt a retake waits `experts.assessment_retake_cooldown_days`.

    Args:
        slice_ (str): Opaque, time-sortable identifier: a slice id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssessmentView | Problem]
    """

    kwargs = _get_kwargs(
        slice_=slice_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    slice_: str,
    *,
    client: AuthenticatedClient,
) -> AssessmentView | Problem | None:
    """Start a qualification assessment

     For experts in the `assessment` or `approved` vetting stage, in a shared slice where
    they have no status yet. Draws `experts.assessment_items` unseen items from the slice's
    assessment pool; answer them before `due_at`, then submit. After a failed or timed-out
    attempt a retake waits `experts.assessment_retake_cooldown_days`.

    Args:
        slice_ (str): Opaque, time-sortable identifier: a slice id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssessmentView | Problem
    """

    return (
        await asyncio_detailed(
            slice_=slice_,
            client=client,
        )
    ).parsed
