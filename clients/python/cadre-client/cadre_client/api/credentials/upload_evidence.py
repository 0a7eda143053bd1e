from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.evidence_upload import EvidenceUpload
from ...models.evidence_view import EvidenceView
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    credential: str,
    *,
    body: EvidenceUpload,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/credentials/{credential}/evidence".format(
            credential=quote(str(credential), safe=""),
        ),
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EvidenceView | Problem | None:
    if response.status_code == 201:
        response_201 = EvidenceView.from_dict(response.json())

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
) -> Response[EvidenceView | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    credential: str,
    *,
    client: AuthenticatedClient,
    body: EvidenceUpload,
) -> Response[EvidenceView | Problem]:
    """Upload evidence for a credential

     The expert, while the credential is pending. Multipart with one part named `file`:
    PDF, PNG or JPEG detected from the content (a renamed executable is refused), at most
    `experts.max_evidence_bytes` (default 10 MiB). Stored in the database with its SHA-256.

    Args:
        credential (str): Opaque, time-sortable identifier: a credential id.
        body (EvidenceUpload): A multipart upload with one part named `file`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EvidenceView | Problem]
    """

    kwargs = _get_kwargs(
        credential=credential,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    credential: str,
    *,
    client: AuthenticatedClient,
    body: EvidenceUpload,
) -> EvidenceView | Problem | None:
    """Upload evidence for a credential

     The expert, while the credential is pending. Multipart with one part named `file`:
    PDF, PNG or JPEG detected from the content (a renamed executable is refused), at most
    `experts.max_evidence_bytes` (default 10 MiB). Stored in the database with its SHA-256.

    Args:
        credential (str): Opaque, time-sortable identifier: a credential id.
        body (EvidenceUpload): A multipart upload with one part named `file`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EvidenceView | Problem
    """

    return sync_detailed(
        credential=credential,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    credential: str,
    *,
    client: AuthenticatedClient,
    body: EvidenceUpload,
) -> Response[EvidenceView | Problem]:
    """Upload evidence for a credential

     The expert, while the credential is pending. Multipart with one part named `file`:
    PDF, PNG or JPEG detected from the content (a renamed executable is refused), at most
    `experts.max_evidence_bytes` (default 10 MiB). Stored in the database with its SHA-256.

    Args:
        credential (str): Opaque, time-sortable identifier: a credential id.
        body (EvidenceUpload): A multipart upload with one part named `file`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EvidenceView | Problem]
    """

    kwargs = _get_kwargs(
        credential=credential,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    credential: str,
    *,
    client: AuthenticatedClient,
    body: EvidenceUpload,
) -> EvidenceView | Problem | None:
    """Upload evidence for a credential

     The expert, while the credential is pending. Multipart with one part named `file`:
    PDF, PNG or JPEG detected from the content (a renamed executable is refused), at most
    `experts.max_evidence_bytes` (default 10 MiB). Stored in the database with its SHA-256.

    Args:
        credential (str): Opaque, time-sortable identifier: a credential id.
        body (EvidenceUpload): A multipart upload with one part named `file`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EvidenceView | Problem
    """

    return (
        await asyncio_detailed(
            credential=credential,
            client=client,
            body=body,
        )
    ).parsed
