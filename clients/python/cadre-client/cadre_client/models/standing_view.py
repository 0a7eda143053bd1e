from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.slice_status import SliceStatus
from ..models.tier import Tier

T = TypeVar("T", bound="StandingView")


@_attrs_define
class StandingView:
    """
    Attributes:
        expert_id (str): Opaque, time-sortable identifier: an expert id.
        slice_id (str): Opaque, time-sortable identifier: a slice id.
        slice_key (str):  Example: medicine/radiology:de.
        status (SliceStatus):
        status_changed_at (datetime.datetime):
        status_reason (str): Why the status is what it is (the last change's reason).
        tier (Tier):
        tier_changed_at (datetime.datetime):
    """

    expert_id: str
    slice_id: str
    slice_key: str
    status: SliceStatus
    status_changed_at: datetime.datetime
    status_reason: str
    tier: Tier
    tier_changed_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        expert_id = self.expert_id

        slice_id = self.slice_id

        slice_key = self.slice_key

        status = self.status.value

        status_changed_at = self.status_changed_at.isoformat()

        status_reason = self.status_reason

        tier = self.tier.value

        tier_changed_at = self.tier_changed_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "expert_id": expert_id,
                "slice_id": slice_id,
                "slice_key": slice_key,
                "status": status,
                "status_changed_at": status_changed_at,
                "status_reason": status_reason,
                "tier": tier,
                "tier_changed_at": tier_changed_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        expert_id = d.pop("expert_id")

        slice_id = d.pop("slice_id")

        slice_key = d.pop("slice_key")

        status = SliceStatus(d.pop("status"))

        status_changed_at = datetime.datetime.fromisoformat(d.pop("status_changed_at"))

        status_reason = d.pop("status_reason")

        tier = Tier(d.pop("tier"))

        tier_changed_at = datetime.datetime.fromisoformat(d.pop("tier_changed_at"))

        standing_view = cls(
            expert_id=expert_id,
            slice_id=slice_id,
            slice_key=slice_key,
            status=status,
            status_changed_at=status_changed_at,
            status_reason=status_reason,
            tier=tier,
            tier_changed_at=tier_changed_at,
        )

        standing_view.additional_properties = d
        return standing_view

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
