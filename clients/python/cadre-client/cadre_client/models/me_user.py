from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.membership_view import MembershipView


T = TypeVar("T", bound="MeUser")


@_attrs_define
class MeUser:
    """
    Attributes:
        display_name (str):
        email (str):
        email_verified (bool):
        id (str): Opaque, time-sortable identifier: a user id.
        is_expert (bool):
        is_platform_admin (bool):
        memberships (list[MembershipView]):
    """

    display_name: str
    email: str
    email_verified: bool
    id: str
    is_expert: bool
    is_platform_admin: bool
    memberships: list[MembershipView]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        display_name = self.display_name

        email = self.email

        email_verified = self.email_verified

        id = self.id

        is_expert = self.is_expert

        is_platform_admin = self.is_platform_admin

        memberships = []
        for memberships_item_data in self.memberships:
            memberships_item = memberships_item_data.to_dict()
            memberships.append(memberships_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "display_name": display_name,
                "email": email,
                "email_verified": email_verified,
                "id": id,
                "is_expert": is_expert,
                "is_platform_admin": is_platform_admin,
                "memberships": memberships,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.membership_view import MembershipView  # noqa: PLC0415

        d = dict(src_dict)
        display_name = d.pop("display_name")

        email = d.pop("email")

        email_verified = d.pop("email_verified")

        id = d.pop("id")

        is_expert = d.pop("is_expert")

        is_platform_admin = d.pop("is_platform_admin")

        memberships = []
        _memberships = d.pop("memberships")
        for memberships_item_data in _memberships:
            memberships_item = MembershipView.from_dict(memberships_item_data)

            memberships.append(memberships_item)

        me_user = cls(
            display_name=display_name,
            email=email,
            email_verified=email_verified,
            id=id,
            is_expert=is_expert,
            is_platform_admin=is_platform_admin,
            memberships=memberships,
        )

        me_user.additional_properties = d
        return me_user

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
