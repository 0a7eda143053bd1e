from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.credential_kind import CredentialKind

T = TypeVar("T", bound="RequirementInput")


@_attrs_define
class RequirementInput:
    """
    Attributes:
        field (str): Field of the credential, a slug like `medicine` or `law`. Example: medicine.
        kind (CredentialKind): Kinds of credential a domain can require (checked by the credentials feature).
    """

    field: str
    kind: CredentialKind

    def to_dict(self) -> dict[str, Any]:
        field = self.field

        kind = self.kind.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "field": field,
                "kind": kind,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        field = d.pop("field")

        kind = CredentialKind(d.pop("kind"))

        requirement_input = cls(
            field=field,
            kind=kind,
        )

        return requirement_input
