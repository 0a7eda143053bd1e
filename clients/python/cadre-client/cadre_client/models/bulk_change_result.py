from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.change_row import ChangeRow


T = TypeVar("T", bound="BulkChangeResult")


@_attrs_define
class BulkChangeResult:
    """The per-row answer of a bulk cancel or update.

    Attributes:
        changed (int): Items cancelled or updated by this request.
        conflicts (int):
        invalid (int):
        not_found (int):
        results (list[ChangeRow]): One per named item, in request order.
        unchanged (int):
    """

    changed: int
    conflicts: int
    invalid: int
    not_found: int
    results: list[ChangeRow]
    unchanged: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        changed = self.changed

        conflicts = self.conflicts

        invalid = self.invalid

        not_found = self.not_found

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        unchanged = self.unchanged

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "changed": changed,
                "conflicts": conflicts,
                "invalid": invalid,
                "not_found": not_found,
                "results": results,
                "unchanged": unchanged,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.change_row import ChangeRow  # noqa: PLC0415

        d = dict(src_dict)
        changed = d.pop("changed")

        conflicts = d.pop("conflicts")

        invalid = d.pop("invalid")

        not_found = d.pop("not_found")

        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = ChangeRow.from_dict(results_item_data)

            results.append(results_item)

        unchanged = d.pop("unchanged")

        bulk_change_result = cls(
            changed=changed,
            conflicts=conflicts,
            invalid=invalid,
            not_found=not_found,
            results=results,
            unchanged=unchanged,
        )

        bulk_change_result.additional_properties = d
        return bulk_change_result

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
