from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.tier import Tier

T = TypeVar("T", bound="SetTierRequest")


@_attrs_define
class SetTierRequest:
    """
    Attributes:
        reason (str): Shown to the expert and kept in the history.
        tier (Tier):
    """

    reason: str
    tier: Tier

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        tier = self.tier.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
                "tier": tier,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        tier = Tier(d.pop("tier"))

        set_tier_request = cls(
            reason=reason,
            tier=tier,
        )

        return set_tier_request
