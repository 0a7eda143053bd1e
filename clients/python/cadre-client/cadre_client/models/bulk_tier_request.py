from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.tier_change import TierChange


T = TypeVar("T", bound="BulkTierRequest")


@_attrs_define
class BulkTierRequest:
    """
    Attributes:
        changes (list[TierChange]): 1–500 changes, each expert and slice at most once.
        reason (str): Shown to every expert whose tier changes and kept in each standing's history.
    """

    changes: list[TierChange]
    reason: str

    def to_dict(self) -> dict[str, Any]:
        changes = []
        for changes_item_data in self.changes:
            changes_item = changes_item_data.to_dict()
            changes.append(changes_item)

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "changes": changes,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tier_change import TierChange  # noqa: PLC0415

        d = dict(src_dict)
        changes = []
        _changes = d.pop("changes")
        for changes_item_data in _changes:
            changes_item = TierChange.from_dict(changes_item_data)

            changes.append(changes_item)

        reason = d.pop("reason")

        bulk_tier_request = cls(
            changes=changes,
            reason=reason,
        )

        return bulk_tier_request
