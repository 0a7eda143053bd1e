from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.booked_view import BookedView
    from ..models.interval import Interval


T = TypeVar("T", bound="IntervalsView")


@_attrs_define
class IntervalsView:
    """
    Attributes:
        available (list[Interval]): When the expert is available (weekly slots plus extra hours, minus time off), as
            sorted, merged UTC intervals.
        booked (list[BookedView]): Shifts booked in the window (offered or confirmed, any project).
        expert_id (str): Opaque, time-sortable identifier: an expert id.
        free (list[Interval]): Available, not booked, and at least the minimum notice from now: what a new
            capacity request could book.
        from_ (datetime.datetime):
        time_zone (str):
        to (datetime.datetime):
    """

    available: list[Interval]
    booked: list[BookedView]
    expert_id: str
    free: list[Interval]
    from_: datetime.datetime
    time_zone: str
    to: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        available = []
        for available_item_data in self.available:
            available_item = available_item_data.to_dict()
            available.append(available_item)

        booked = []
        for booked_item_data in self.booked:
            booked_item = booked_item_data.to_dict()
            booked.append(booked_item)

        expert_id = self.expert_id

        free = []
        for free_item_data in self.free:
            free_item = free_item_data.to_dict()
            free.append(free_item)

        from_ = self.from_.isoformat()

        time_zone = self.time_zone

        to = self.to.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "available": available,
                "booked": booked,
                "expert_id": expert_id,
                "free": free,
                "from": from_,
                "time_zone": time_zone,
                "to": to,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.booked_view import BookedView  # noqa: PLC0415
        from ..models.interval import Interval  # noqa: PLC0415

        d = dict(src_dict)
        available = []
        _available = d.pop("available")
        for available_item_data in _available:
            available_item = Interval.from_dict(available_item_data)

            available.append(available_item)

        booked = []
        _booked = d.pop("booked")
        for booked_item_data in _booked:
            booked_item = BookedView.from_dict(booked_item_data)

            booked.append(booked_item)

        expert_id = d.pop("expert_id")

        free = []
        _free = d.pop("free")
        for free_item_data in _free:
            free_item = Interval.from_dict(free_item_data)

            free.append(free_item)

        from_ = datetime.datetime.fromisoformat(d.pop("from"))

        time_zone = d.pop("time_zone")

        to = datetime.datetime.fromisoformat(d.pop("to"))

        intervals_view = cls(
            available=available,
            booked=booked,
            expert_id=expert_id,
            free=free,
            from_=from_,
            time_zone=time_zone,
            to=to,
        )

        intervals_view.additional_properties = d
        return intervals_view

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
