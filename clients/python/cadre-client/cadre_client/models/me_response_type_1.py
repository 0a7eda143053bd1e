from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.me_response_type_1_kind import MeResponseType1Kind

if TYPE_CHECKING:
    from ..models.me_api_key import MeApiKey


T = TypeVar("T", bound="MeResponseType1")


@_attrs_define
class MeResponseType1:
    """
    Attributes:
        api_key (MeApiKey):
        kind (MeResponseType1Kind):
    """

    api_key: MeApiKey
    kind: MeResponseType1Kind
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        api_key = self.api_key.to_dict()

        kind = self.kind.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "api_key": api_key,
                "kind": kind,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.me_api_key import MeApiKey  # noqa: PLC0415

        d = dict(src_dict)
        api_key = MeApiKey.from_dict(d.pop("api_key"))

        kind = MeResponseType1Kind(d.pop("kind"))

        me_response_type_1 = cls(
            api_key=api_key,
            kind=kind,
        )

        me_response_type_1.additional_properties = d
        return me_response_type_1

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
