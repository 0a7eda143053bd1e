from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.org_kind import OrgKind
from ..models.org_role import OrgRole

T = TypeVar("T", bound="MembershipView")


@_attrs_define
class MembershipView:
    """
    Attributes:
        org_id (str): Opaque, time-sortable identifier: an organization id.
        org_kind (OrgKind): What an organisation is.
        org_name (str):
        role (OrgRole): A member's role in one organisation.
    """

    org_id: str
    org_kind: OrgKind
    org_name: str
    role: OrgRole
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        org_id = self.org_id

        org_kind = self.org_kind.value

        org_name = self.org_name

        role = self.role.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "org_id": org_id,
                "org_kind": org_kind,
                "org_name": org_name,
                "role": role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        org_id = d.pop("org_id")

        org_kind = OrgKind(d.pop("org_kind"))

        org_name = d.pop("org_name")

        role = OrgRole(d.pop("role"))

        membership_view = cls(
            org_id=org_id,
            org_kind=org_kind,
            org_name=org_name,
            role=role,
        )

        membership_view.additional_properties = d
        return membership_view

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
