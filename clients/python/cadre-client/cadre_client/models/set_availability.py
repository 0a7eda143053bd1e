from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.weekly_slot import WeeklySlot


T = TypeVar("T", bound="SetAvailability")


@_attrs_define
class SetAvailability:
    """
    Attributes:
        weekly (list[WeeklySlot]): Recurring weekly slots in local wall-clock time (at most 50). A slot keeps its
            local hours across daylight-saving changes; local times skipped by a change are
            never available, and repeated ones count twice (README "Scheduling").
        max_hours_per_week (float | None | Unset): Most hours booked in shifts per UTC week (Monday to Sunday), 1–80;
            default from
            `scheduling.default_max_hours_per_week`.
        min_notice_minutes (int | None | Unset): Shifts never start sooner than this after they are booked (0–20160;
            default 60).
        time_zone (None | str | Unset): IANA time zone (`Europe/Berlin`); default: the zone in your expert profile.
    """

    weekly: list[WeeklySlot]
    max_hours_per_week: float | None | Unset = UNSET
    min_notice_minutes: int | None | Unset = UNSET
    time_zone: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        weekly = []
        for weekly_item_data in self.weekly:
            weekly_item = weekly_item_data.to_dict()
            weekly.append(weekly_item)

        max_hours_per_week: float | None | Unset
        if isinstance(self.max_hours_per_week, Unset):
            max_hours_per_week = UNSET
        else:
            max_hours_per_week = self.max_hours_per_week

        min_notice_minutes: int | None | Unset
        if isinstance(self.min_notice_minutes, Unset):
            min_notice_minutes = UNSET
        else:
            min_notice_minutes = self.min_notice_minutes

        time_zone: None | str | Unset
        if isinstance(self.time_zone, Unset):
            time_zone = UNSET
        else:
            time_zone = self.time_zone

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "weekly": weekly,
            }
        )
        if max_hours_per_week is not UNSET:
            field_dict["max_hours_per_week"] = max_hours_per_week
        if min_notice_minutes is not UNSET:
            field_dict["min_notice_minutes"] = min_notice_minutes
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.weekly_slot import WeeklySlot  # noqa: PLC0415

        d = dict(src_dict)
        weekly = []
        _weekly = d.pop("weekly")
        for weekly_item_data in _weekly:
            weekly_item = WeeklySlot.from_dict(weekly_item_data)

            weekly.append(weekly_item)

        def _parse_max_hours_per_week(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        max_hours_per_week = _parse_max_hours_per_week(d.pop("max_hours_per_week", UNSET))

        def _parse_min_notice_minutes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_notice_minutes = _parse_min_notice_minutes(d.pop("min_notice_minutes", UNSET))

        def _parse_time_zone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        time_zone = _parse_time_zone(d.pop("time_zone", UNSET))

        set_availability = cls(
            weekly=weekly,
            max_hours_per_week=max_hours_per_week,
            min_notice_minutes=min_notice_minutes,
            time_zone=time_zone,
        )

        return set_availability
