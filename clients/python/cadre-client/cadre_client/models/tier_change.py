from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.tier import Tier

T = TypeVar("T", bound="TierChange")


@_attrs_define
class TierChange:
    """
    Attributes:
        expert_id (str): Opaque, time-sortable identifier: an expert id.
        slice_id (str): Opaque, time-sortable identifier: a slice id.
        tier (Tier):
    """

    expert_id: str
    slice_id: str
    tier: Tier

    def to_dict(self) -> dict[str, Any]:
        expert_id = self.expert_id

        slice_id = self.slice_id

        tier = self.tier.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "expert_id": expert_id,
                "slice_id": slice_id,
                "tier": tier,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        expert_id = d.pop("expert_id")

        slice_id = d.pop("slice_id")

        tier = Tier(d.pop("tier"))

        tier_change = cls(
            expert_id=expert_id,
            slice_id=slice_id,
            tier=tier,
        )

        return tier_change
