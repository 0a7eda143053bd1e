from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.row_result import RowResult


T = TypeVar("T", bound="BulkResult")


@_attrs_define
class BulkResult:
    """
    Attributes:
        conflicts (int): Rows whose `external_id` exists with different content.
        created (int):
        existing (int):
        invalid (int):
        results (list[RowResult]):
    """

    conflicts: int
    created: int
    existing: int
    invalid: int
    results: list[RowResult]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        conflicts = self.conflicts

        created = self.created

        existing = self.existing

        invalid = self.invalid

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "conflicts": conflicts,
                "created": created,
                "existing": existing,
                "invalid": invalid,
                "results": results,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.row_result import RowResult  # noqa: PLC0415

        d = dict(src_dict)
        conflicts = d.pop("conflicts")

        created = d.pop("created")

        existing = d.pop("existing")

        invalid = d.pop("invalid")

        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = RowResult.from_dict(results_item_data)

            results.append(results_item)

        bulk_result = cls(
            conflicts=conflicts,
            created=created,
            existing=existing,
            invalid=invalid,
            results=results,
        )

        bulk_result.additional_properties = d
        return bulk_result

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
