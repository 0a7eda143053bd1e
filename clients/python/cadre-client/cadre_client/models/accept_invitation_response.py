from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.org_role import OrgRole

if TYPE_CHECKING:
    from ..models.org_view import OrgView
    from ..models.user_view import UserView


T = TypeVar("T", bound="AcceptInvitationResponse")


@_attrs_define
class AcceptInvitationResponse:
    """
    Attributes:
        organization (OrgView):
        role (OrgRole): A member's role in one organisation.
        user (UserView):
    """

    organization: OrgView
    role: OrgRole
    user: UserView
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        organization = self.organization.to_dict()

        role = self.role.value

        user = self.user.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "organization": organization,
                "role": role,
                "user": user,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.org_view import OrgView  # noqa: PLC0415
        from ..models.user_view import UserView  # noqa: PLC0415

        d = dict(src_dict)
        organization = OrgView.from_dict(d.pop("organization"))

        role = OrgRole(d.pop("role"))

        user = UserView.from_dict(d.pop("user"))

        accept_invitation_response = cls(
            organization=organization,
            role=role,
            user=user,
        )

        accept_invitation_response.additional_properties = d
        return accept_invitation_response

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
