from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UserView")


@_attrs_define
class UserView:
    """
    Attributes:
        created_at (datetime.datetime):
        display_name (str):
        email (str):
        email_verified (bool):
        id (str): Opaque, time-sortable identifier: a user id.
        is_expert (bool):
        is_platform_admin (bool):
    """

    created_at: datetime.datetime
    display_name: str
    email: str
    email_verified: bool
    id: str
    is_expert: bool
    is_platform_admin: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        display_name = self.display_name

        email = self.email

        email_verified = self.email_verified

        id = self.id

        is_expert = self.is_expert

        is_platform_admin = self.is_platform_admin

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "display_name": display_name,
                "email": email,
                "email_verified": email_verified,
                "id": id,
                "is_expert": is_expert,
                "is_platform_admin": is_platform_admin,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        display_name = d.pop("display_name")

        email = d.pop("email")

        email_verified = d.pop("email_verified")

        id = d.pop("id")

        is_expert = d.pop("is_expert")

        is_platform_admin = d.pop("is_platform_admin")

        user_view = cls(
            created_at=created_at,
            display_name=display_name,
            email=email,
            email_verified=email_verified,
            id=id,
            is_expert=is_expert,
            is_platform_admin=is_platform_admin,
        )

        user_view.additional_properties = d
        return user_view

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
