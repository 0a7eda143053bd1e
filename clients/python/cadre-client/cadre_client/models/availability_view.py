from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.exception_view import ExceptionView
    from ..models.weekly_slot import WeeklySlot


T = TypeVar("T", bound="AvailabilityView")


@_attrs_define
class AvailabilityView:
    """
    Attributes:
        calendar_feed (bool): Whether a calendar feed URL is active.
        exceptions (list[ExceptionView]):
        expert_id (str): Opaque, time-sortable identifier: an expert id.
        max_hours_per_week (float):
        min_notice_minutes (int):
        time_zone (str): The IANA zone the weekly slots and exceptions are written in.
        updated_at (datetime.datetime):
        weekly (list[WeeklySlot]):
    """

    calendar_feed: bool
    exceptions: list[ExceptionView]
    expert_id: str
    max_hours_per_week: float
    min_notice_minutes: int
    time_zone: str
    updated_at: datetime.datetime
    weekly: list[WeeklySlot]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        calendar_feed = self.calendar_feed

        exceptions = []
        for exceptions_item_data in self.exceptions:
            exceptions_item = exceptions_item_data.to_dict()
            exceptions.append(exceptions_item)

        expert_id = self.expert_id

        max_hours_per_week = self.max_hours_per_week

        min_notice_minutes = self.min_notice_minutes

        time_zone = self.time_zone

        updated_at = self.updated_at.isoformat()

        weekly = []
        for weekly_item_data in self.weekly:
            weekly_item = weekly_item_data.to_dict()
            weekly.append(weekly_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "calendar_feed": calendar_feed,
                "exceptions": exceptions,
                "expert_id": expert_id,
                "max_hours_per_week": max_hours_per_week,
                "min_notice_minutes": min_notice_minutes,
                "time_zone": time_zone,
                "updated_at": updated_at,
                "weekly": weekly,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.exception_view import ExceptionView  # noqa: PLC0415
        from ..models.weekly_slot import WeeklySlot  # noqa: PLC0415

        d = dict(src_dict)
        calendar_feed = d.pop("calendar_feed")

        exceptions = []
        _exceptions = d.pop("exceptions")
        for exceptions_item_data in _exceptions:
            exceptions_item = ExceptionView.from_dict(exceptions_item_data)

            exceptions.append(exceptions_item)

        expert_id = d.pop("expert_id")

        max_hours_per_week = d.pop("max_hours_per_week")

        min_notice_minutes = d.pop("min_notice_minutes")

        time_zone = d.pop("time_zone")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        weekly = []
        _weekly = d.pop("weekly")
        for weekly_item_data in _weekly:
            weekly_item = WeeklySlot.from_dict(weekly_item_data)

            weekly.append(weekly_item)

        availability_view = cls(
            calendar_feed=calendar_feed,
            exceptions=exceptions,
            expert_id=expert_id,
            max_hours_per_week=max_hours_per_week,
            min_notice_minutes=min_notice_minutes,
            time_zone=time_zone,
            updated_at=updated_at,
            weekly=weekly,
        )

        availability_view.additional_properties = d
        return availability_view

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
