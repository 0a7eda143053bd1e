from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.credential_kind import CredentialKind

T = TypeVar("T", bound="EffectiveRequirement")


@_attrs_define
class EffectiveRequirement:
    """
    Attributes:
        declared_by (str): Slug of the domain that declares it (this one or an ancestor).
        field (str):
        kind (CredentialKind): Kinds of credential a domain can require (checked by the credentials feature).
    """

    declared_by: str
    field: str
    kind: CredentialKind
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        declared_by = self.declared_by

        field = self.field

        kind = self.kind.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "declared_by": declared_by,
                "field": field,
                "kind": kind,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        declared_by = d.pop("declared_by")

        field = d.pop("field")

        kind = CredentialKind(d.pop("kind"))

        effective_requirement = cls(
            declared_by=declared_by,
            field=field,
            kind=kind,
        )

        effective_requirement.additional_properties = d
        return effective_requirement

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
