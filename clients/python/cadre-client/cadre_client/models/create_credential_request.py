from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.credential_kind import CredentialKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateCredentialRequest")


@_attrs_define
class CreateCredentialRequest:
    """
    Attributes:
        field (str): The field it supports, matched against domain requirements (`medicine`). Example: medicine.
        issuer (str):  Example: Ärztekammer Berlin.
        kind (CredentialKind): Kinds of credential a domain can require (checked by the credentials feature).
        expires_on (datetime.date | None | Unset):
        identifier (None | str | Unset): E.g. a licence number.
        issued_on (datetime.date | None | Unset):
        issuer_domain (None | str | Unset): The issuer's e-mail domain (`aekb.de`): institutional e-mail verification
            sends
            its link to an address at this domain or a subdomain. Example: aekb.de.
        jurisdiction (None | str | Unset):
    """

    field: str
    issuer: str
    kind: CredentialKind
    expires_on: datetime.date | None | Unset = UNSET
    identifier: None | str | Unset = UNSET
    issued_on: datetime.date | None | Unset = UNSET
    issuer_domain: None | str | Unset = UNSET
    jurisdiction: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        field = self.field

        issuer = self.issuer

        kind = self.kind.value

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

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "field": field,
                "issuer": issuer,
                "kind": kind,
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        field = d.pop("field")

        issuer = d.pop("issuer")

        kind = CredentialKind(d.pop("kind"))

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

        create_credential_request = cls(
            field=field,
            issuer=issuer,
            kind=kind,
            expires_on=expires_on,
            identifier=identifier,
            issued_on=issued_on,
            issuer_domain=issuer_domain,
            jurisdiction=jurisdiction,
        )

        return create_credential_request
