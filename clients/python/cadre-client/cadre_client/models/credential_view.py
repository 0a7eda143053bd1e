from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.credential_kind import CredentialKind
from ..models.credential_status import CredentialStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.email_check_view import EmailCheckView
    from ..models.evidence_view import EvidenceView


T = TypeVar("T", bound="CredentialView")


@_attrs_define
class CredentialView:
    """
    Attributes:
        created_at (datetime.datetime):
        email_checks (list[EmailCheckView]): Every institutional e-mail check asked for, confirmed or not.
        evidence (list[EvidenceView]): Files and confirmed institutional e-mail checks.
        expert_id (str): Opaque, time-sortable identifier: an expert id.
        field (str):
        id (str): Opaque, time-sortable identifier: a credential id.
        issuer (str):
        kind (CredentialKind): Kinds of credential a domain can require (checked by the credentials feature).
        status (CredentialStatus):
        expires_on (datetime.date | None | Unset): It counts for eligibility through the day before this date.
        identifier (None | str | Unset):
        issued_on (datetime.date | None | Unset):
        issuer_domain (None | str | Unset): The issuer's e-mail domain, for institutional e-mail verification.
        jurisdiction (None | str | Unset):
        review_reason (None | str | Unset): The reviewer's reason for the decision or revocation (shown to the expert).
        reviewed_at (datetime.datetime | None | Unset):
    """

    created_at: datetime.datetime
    email_checks: list[EmailCheckView]
    evidence: list[EvidenceView]
    expert_id: str
    field: str
    id: str
    issuer: str
    kind: CredentialKind
    status: CredentialStatus
    expires_on: datetime.date | None | Unset = UNSET
    identifier: None | str | Unset = UNSET
    issued_on: datetime.date | None | Unset = UNSET
    issuer_domain: None | str | Unset = UNSET
    jurisdiction: None | str | Unset = UNSET
    review_reason: None | str | Unset = UNSET
    reviewed_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        email_checks = []
        for email_checks_item_data in self.email_checks:
            email_checks_item = email_checks_item_data.to_dict()
            email_checks.append(email_checks_item)

        evidence = []
        for evidence_item_data in self.evidence:
            evidence_item = evidence_item_data.to_dict()
            evidence.append(evidence_item)

        expert_id = self.expert_id

        field = self.field

        id = self.id

        issuer = self.issuer

        kind = self.kind.value

        status = self.status.value

        expires_on: None | str | Unset
        if isinstance(self.expires_on, Unset):
            expires_on = UNSET
        elif isinstance(self.expires_on, datetime.date):
            expires_on = self.expires_on.isoformat()
        else:
            expires_on = self.expires_on

        identifier: None | str | Unset
        if isinstance(self.identifier, Unset):
            identifier = UNSET
        else:
            identifier = self.identifier

        issued_on: None | str | Unset
        if isinstance(self.issued_on, Unset):
            issued_on = UNSET
        elif isinstance(self.issued_on, datetime.date):
            issued_on = self.issued_on.isoformat()
        else:
            issued_on = self.issued_on

        issuer_domain: None | str | Unset
        if isinstance(self.issuer_domain, Unset):
            issuer_domain = UNSET
        else:
            issuer_domain = self.issuer_domain

        jurisdiction: None | str | Unset
        if isinstance(self.jurisdiction, Unset):
            jurisdiction = UNSET
        else:
            jurisdiction = self.jurisdiction

        review_reason: None | str | Unset
        if isinstance(self.review_reason, Unset):
            review_reason = UNSET
        else:
            review_reason = self.review_reason

        reviewed_at: None | str | Unset
        if isinstance(self.reviewed_at, Unset):
            reviewed_at = UNSET
        elif isinstance(self.reviewed_at, datetime.datetime):
            reviewed_at = self.reviewed_at.isoformat()
        else:
            reviewed_at = self.reviewed_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "email_checks": email_checks,
                "evidence": evidence,
                "expert_id": expert_id,
                "field": field,
                "id": id,
                "issuer": issuer,
                "kind": kind,
                "status": status,
            }
        )
        if expires_on is not UNSET:
            field_dict["expires_on"] = expires_on
        if identifier is not UNSET:
            field_dict["identifier"] = identifier
        if issued_on is not UNSET:
            field_dict["issued_on"] = issued_on
        if issuer_domain is not UNSET:
            field_dict["issuer_domain"] = issuer_domain
        if jurisdiction is not UNSET:
            field_dict["jurisdiction"] = jurisdiction
        if review_reason is not UNSET:
            field_dict["review_reason"] = review_reason
        if reviewed_at is not UNSET:
            field_dict["reviewed_at"] = reviewed_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.email_check_view import EmailCheckView  # noqa: PLC0415
        from ..models.evidence_view import EvidenceView  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        email_checks = []
        _email_checks = d.pop("email_checks")
        for email_checks_item_data in _email_checks:
            email_checks_item = EmailCheckView.from_dict(email_checks_item_data)

            email_checks.append(email_checks_item)

        evidence = []
        _evidence = d.pop("evidence")
        for evidence_item_data in _evidence:
            evidence_item = EvidenceView.from_dict(evidence_item_data)

            evidence.append(evidence_item)

        expert_id = d.pop("expert_id")

        field = d.pop("field")

        id = d.pop("id")

        issuer = d.pop("issuer")

        kind = CredentialKind(d.pop("kind"))

        status = CredentialStatus(d.pop("status"))

        def _parse_expires_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_on_type_0 = datetime.date.fromisoformat(data)

                return expires_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        expires_on = _parse_expires_on(d.pop("expires_on", UNSET))

        def _parse_identifier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        identifier = _parse_identifier(d.pop("identifier", UNSET))

        def _parse_issued_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                issued_on_type_0 = datetime.date.fromisoformat(data)

                return issued_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        issued_on = _parse_issued_on(d.pop("issued_on", UNSET))

        def _parse_issuer_domain(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        issuer_domain = _parse_issuer_domain(d.pop("issuer_domain", UNSET))

        def _parse_jurisdiction(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        jurisdiction = _parse_jurisdiction(d.pop("jurisdiction", UNSET))

        def _parse_review_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        review_reason = _parse_review_reason(d.pop("review_reason", UNSET))

        def _parse_reviewed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reviewed_at_type_0 = datetime.datetime.fromisoformat(data)

                return reviewed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        reviewed_at = _parse_reviewed_at(d.pop("reviewed_at", UNSET))

        credential_view = cls(
            created_at=created_at,
            email_checks=email_checks,
            evidence=evidence,
            expert_id=expert_id,
            field=field,
            id=id,
            issuer=issuer,
            kind=kind,
            status=status,
            expires_on=expires_on,
            identifier=identifier,
            issued_on=issued_on,
            issuer_domain=issuer_domain,
            jurisdiction=jurisdiction,
            review_reason=review_reason,
            reviewed_at=reviewed_at,
        )

        credential_view.additional_properties = d
        return credential_view

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
