from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.email_check_status import EmailCheckStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="EmailCheckView")


@_attrs_define
class EmailCheckView:
    """
    Attributes:
        created_at (datetime.datetime):
        domain (str): The institutional domain (the address itself is not shown again). Example: charite.de.
        expires_at (datetime.datetime):
        id (str): Opaque, time-sortable identifier: a credential e-mail check id.
        status (EmailCheckStatus):
        confirmed_at (datetime.datetime | None | Unset):
    """

    created_at: datetime.datetime
    domain: str
    expires_at: datetime.datetime
    id: str
    status: EmailCheckStatus
    confirmed_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        domain = self.domain

        expires_at = self.expires_at.isoformat()

        id = self.id

        status = self.status.value

        confirmed_at: None | str | Unset
        if isinstance(self.confirmed_at, Unset):
            confirmed_at = UNSET
        elif isinstance(self.confirmed_at, datetime.datetime):
            confirmed_at = self.confirmed_at.isoformat()
        else:
            confirmed_at = self.confirmed_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "domain": domain,
                "expires_at": expires_at,
                "id": id,
                "status": status,
            }
        )
        if confirmed_at is not UNSET:
            field_dict["confirmed_at"] = confirmed_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        domain = d.pop("domain")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        id = d.pop("id")

        status = EmailCheckStatus(d.pop("status"))

        def _parse_confirmed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                confirmed_at_type_0 = datetime.datetime.fromisoformat(data)

                return confirmed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        confirmed_at = _parse_confirmed_at(d.pop("confirmed_at", UNSET))

        email_check_view = cls(
            created_at=created_at,
            domain=domain,
            expires_at=expires_at,
            id=id,
            status=status,
            confirmed_at=confirmed_at,
        )

        email_check_view.additional_properties = d
        return email_check_view

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
