from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PageCapacityRequestViewDataItem")


@_attrs_define
class PageCapacityRequestViewDataItem:
    """
    Attributes:
        created_at (datetime.datetime):
        id (str): Opaque, time-sortable identifier: a capacity request id.
        max_shift_minutes (int):
        min_experts (int):
        min_shift_minutes (int):
        minutes_booked (int): Minutes of shifts offered or confirmed.
        minutes_confirmed (int):
        minutes_needed (int):
        note (str):
        org_id (str): Opaque, time-sortable identifier: an organization id.
        planned_at (datetime.datetime):
        project_id (str): Opaque, time-sortable identifier: a project id.
        shortfall_experts (int):
        shortfall_minutes (int): What the last plan could not cover.
        slice_id (str): Opaque, time-sortable identifier: a slice id.
        status (str): `open` or `cancelled`.
        window_end (datetime.datetime):
        window_start (datetime.datetime):
    """

    created_at: datetime.datetime
    id: str
    max_shift_minutes: int
    min_experts: int
    min_shift_minutes: int
    minutes_booked: int
    minutes_confirmed: int
    minutes_needed: int
    note: str
    org_id: str
    planned_at: datetime.datetime
    project_id: str
    shortfall_experts: int
    shortfall_minutes: int
    slice_id: str
    status: str
    window_end: datetime.datetime
    window_start: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = self.id

        max_shift_minutes = self.max_shift_minutes

        min_experts = self.min_experts

        min_shift_minutes = self.min_shift_minutes

        minutes_booked = self.minutes_booked

        minutes_confirmed = self.minutes_confirmed

        minutes_needed = self.minutes_needed

        note = self.note

        org_id = self.org_id

        planned_at = self.planned_at.isoformat()

        project_id = self.project_id

        shortfall_experts = self.shortfall_experts

        shortfall_minutes = self.shortfall_minutes

        slice_id = self.slice_id

        status = self.status

        window_end = self.window_end.isoformat()

        window_start = self.window_start.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "max_shift_minutes": max_shift_minutes,
                "min_experts": min_experts,
                "min_shift_minutes": min_shift_minutes,
                "minutes_booked": minutes_booked,
                "minutes_confirmed": minutes_confirmed,
                "minutes_needed": minutes_needed,
                "note": note,
                "org_id": org_id,
                "planned_at": planned_at,
                "project_id": project_id,
                "shortfall_experts": shortfall_experts,
                "shortfall_minutes": shortfall_minutes,
                "slice_id": slice_id,
                "status": status,
                "window_end": window_end,
                "window_start": window_start,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        max_shift_minutes = d.pop("max_shift_minutes")

        min_experts = d.pop("min_experts")

        min_shift_minutes = d.pop("min_shift_minutes")

        minutes_booked = d.pop("minutes_booked")

        minutes_confirmed = d.pop("minutes_confirmed")

        minutes_needed = d.pop("minutes_needed")

        note = d.pop("note")

        org_id = d.pop("org_id")

        planned_at = datetime.datetime.fromisoformat(d.pop("planned_at"))

        project_id = d.pop("project_id")

        shortfall_experts = d.pop("shortfall_experts")

        shortfall_minutes = d.pop("shortfall_minutes")

        slice_id = d.pop("slice_id")

        status = d.pop("status")

        window_end = datetime.datetime.fromisoformat(d.pop("window_end"))

        window_start = datetime.datetime.fromisoformat(d.pop("window_start"))

        page_capacity_request_view_data_item = cls(
            created_at=created_at,
            id=id,
            max_shift_minutes=max_shift_minutes,
            min_experts=min_experts,
            min_shift_minutes=min_shift_minutes,
            minutes_booked=minutes_booked,
            minutes_confirmed=minutes_confirmed,
            minutes_needed=minutes_needed,
            note=note,
            org_id=org_id,
            planned_at=planned_at,
            project_id=project_id,
            shortfall_experts=shortfall_experts,
            shortfall_minutes=shortfall_minutes,
            slice_id=slice_id,
            status=status,
            window_end=window_end,
            window_start=window_start,
        )

        page_capacity_request_view_data_item.additional_properties = d
        return page_capacity_request_view_data_item

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
