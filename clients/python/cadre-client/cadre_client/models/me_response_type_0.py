from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.me_response_type_0_kind import MeResponseType0Kind

if TYPE_CHECKING:
    from ..models.me_user import MeUser


T = TypeVar("T", bound="MeResponseType0")


@_attrs_define
class MeResponseType0:
    """
    Attributes:
        kind (MeResponseType0Kind):
        user (MeUser):
    """

    kind: MeResponseType0Kind
    user: MeUser
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        user = self.user.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "user": user,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.me_user import MeUser  # noqa: PLC0415

        d = dict(src_dict)
        kind = MeResponseType0Kind(d.pop("kind"))

        user = MeUser.from_dict(d.pop("user"))

        me_response_type_0 = cls(
            kind=kind,
            user=user,
        )

        me_response_type_0.additional_properties = d
        return me_response_type_0

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
