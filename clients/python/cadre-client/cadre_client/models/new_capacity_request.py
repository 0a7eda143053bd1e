from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="NewCapacityRequest")


@_attrs_define
class NewCapacityRequest:
    """
    Attributes:
        hours (float): Expert-hours needed in the window (0.25–10000).
        project_id (str): Opaque, time-sortable identifier: a project id.
        slice_id (str): Opaque, time-sortable identifier: a slice id.
        window_end (datetime.datetime): At most `scheduling.max_window_days` after the start, and in the future.
        window_start (datetime.datetime):
        max_shift_minutes (int | None | Unset): Longest shift to book (default and upper limit
            `scheduling.max_shift_minutes`).
        min_experts (int | None | Unset): At least this many distinct experts (0–100, default 0).
        min_shift_minutes (int | None | Unset): Shortest shift to book, 15–720 minutes (default 60).
    """

    hours: float
    project_id: str
    slice_id: str
    window_end: datetime.datetime
    window_start: datetime.datetime
    max_shift_minutes: int | None | Unset = UNSET
    min_experts: int | None | Unset = UNSET
    min_shift_minutes: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        hours = self.hours

        project_id = self.project_id

        slice_id = self.slice_id

        window_end = self.window_end.isoformat()

        window_start = self.window_start.isoformat()

        max_shift_minutes: int | None | Unset
        if isinstance(self.max_shift_minutes, Unset):
            max_shift_minutes = UNSET
        else:
            max_shift_minutes = self.max_shift_minutes

        min_experts: int | None | Unset
        if isinstance(self.min_experts, Unset):
            min_experts = UNSET
        else:
            min_experts = self.min_experts

        min_shift_minutes: int | None | Unset
        if isinstance(self.min_shift_minutes, Unset):
            min_shift_minutes = UNSET
        else:
            min_shift_minutes = self.min_shift_minutes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "hours": hours,
                "project_id": project_id,
                "slice_id": slice_id,
                "window_end": window_end,
                "window_start": window_start,
            }
        )
        if max_shift_minutes is not UNSET:
            field_dict["max_shift_minutes"] = max_shift_minutes
        if min_experts is not UNSET:
            field_dict["min_experts"] = min_experts
        if min_shift_minutes is not UNSET:
            field_dict["min_shift_minutes"] = min_shift_minutes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        hours = d.pop("hours")

        project_id = d.pop("project_id")

        slice_id = d.pop("slice_id")

        window_end = datetime.datetime.fromisoformat(d.pop("window_end"))

        window_start = datetime.datetime.fromisoformat(d.pop("window_start"))

        def _parse_max_shift_minutes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_shift_minutes = _parse_max_shift_minutes(d.pop("max_shift_minutes", UNSET))

        def _parse_min_experts(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_experts = _parse_min_experts(d.pop("min_experts", UNSET))

        def _parse_min_shift_minutes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_shift_minutes = _parse_min_shift_minutes(d.pop("min_shift_minutes", UNSET))

        new_capacity_request = cls(
            hours=hours,
            project_id=project_id,
            slice_id=slice_id,
            window_end=window_end,
            window_start=window_start,
            max_shift_minutes=max_shift_minutes,
            min_experts=min_experts,
            min_shift_minutes=min_shift_minutes,
        )

        return new_capacity_request
