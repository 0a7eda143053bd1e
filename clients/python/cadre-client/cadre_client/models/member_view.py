from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.org_role import OrgRole

T = TypeVar("T", bound="MemberView")


@_attrs_define
class MemberView:
    """
    Attributes:
        display_name (str):
        email (str):
        email_verified (bool):
        joined_at (datetime.datetime):
        role (OrgRole): A member's role in one organisation.
        user_id (str): Opaque, time-sortable identifier: a user id.
    """

    display_name: str
    email: str
    email_verified: bool
    joined_at: datetime.datetime
    role: OrgRole
    user_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        display_name = self.display_name

        email = self.email

        email_verified = self.email_verified

        joined_at = self.joined_at.isoformat()

        role = self.role.value

        user_id = self.user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "display_name": display_name,
                "email": email,
                "email_verified": email_verified,
                "joined_at": joined_at,
                "role": role,
                "user_id": user_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        display_name = d.pop("display_name")

        email = d.pop("email")

        email_verified = d.pop("email_verified")

        joined_at = datetime.datetime.fromisoformat(d.pop("joined_at"))

        role = OrgRole(d.pop("role"))

        user_id = d.pop("user_id")

        member_view = cls(
            display_name=display_name,
            email=email,
            email_verified=email_verified,
            joined_at=joined_at,
            role=role,
            user_id=user_id,
        )

        member_view.additional_properties = d
        return member_view

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
