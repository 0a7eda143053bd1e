from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.weekday import Weekday

T = TypeVar("T", bound="WeeklySlot")


@_attrs_define
class WeeklySlot:
    """A weekly rule as the API and the database write it.

    Attributes:
        end (str): Local wall-clock time, `HH:MM`; at or before `start`, the slot runs past midnight. Example: 22:00.
        start (str): Local wall-clock time, `HH:MM` (24 h). Example: 18:00.
        weekday (Weekday):
    """

    end: str
    start: str
    weekday: Weekday

    def to_dict(self) -> dict[str, Any]:
        end = self.end

        start = self.start

        weekday = self.weekday.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "end": end,
                "start": start,
                "weekday": weekday,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        end = d.pop("end")

        start = d.pop("start")

        weekday = Weekday(d.pop("weekday"))

        weekly_slot = cls(
            end=end,
            start=start,
            weekday=weekday,
        )

        return weekly_slot
