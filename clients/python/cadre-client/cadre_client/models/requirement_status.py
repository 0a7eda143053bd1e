from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.credential_kind import CredentialKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="RequirementStatus")


@_attrs_define
class RequirementStatus:
    """
    Attributes:
        declared_by (str): Slug of the domain that declares the requirement (the domain or an ancestor).
        field (str):
        kind (CredentialKind): Kinds of credential a domain can require (checked by the credentials feature).
        met_by (None | str | Unset):
    """

    declared_by: str
    field: str
    kind: CredentialKind
    met_by: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        declared_by = self.declared_by

        field = self.field

        kind = self.kind.value

        met_by: None | str | Unset
        if isinstance(self.met_by, Unset):
            met_by = UNSET
        else:
            met_by = self.met_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "declared_by": declared_by,
                "field": field,
                "kind": kind,
            }
        )
        if met_by is not UNSET:
            field_dict["met_by"] = met_by

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        declared_by = d.pop("declared_by")

        field = d.pop("field")

        kind = CredentialKind(d.pop("kind"))

        def _parse_met_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        met_by = _parse_met_by(d.pop("met_by", UNSET))

        requirement_status = cls(
            declared_by=declared_by,
            field=field,
            kind=kind,
            met_by=met_by,
        )

        requirement_status.additional_properties = d
        return requirement_status

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
