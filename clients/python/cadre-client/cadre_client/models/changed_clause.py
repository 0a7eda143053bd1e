from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.clause import Clause


T = TypeVar("T", bound="ChangedClause")


@_attrs_define
class ChangedClause:
    """
    Attributes:
        after (Clause):
        before (Clause):
        id (str):
    """

    after: Clause
    before: Clause
    id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        after = self.after.to_dict()

        before = self.before.to_dict()

        id = self.id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "after": after,
                "before": before,
                "id": id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.clause import Clause  # noqa: PLC0415

        d = dict(src_dict)
        after = Clause.from_dict(d.pop("after"))

        before = Clause.from_dict(d.pop("before"))

        id = d.pop("id")

        changed_clause = cls(
            after=after,
            before=before,
            id=id,
        )

        changed_clause.additional_properties = d
        return changed_clause

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
