from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ShiftView")


@_attrs_define
class ShiftView:
    """
    Attributes:
        capacity_request_id (str): Opaque, time-sortable identifier: a capacity request id.
        created_at (datetime.datetime):
        ends_at (datetime.datetime):
        expert_handle (str):
        id (str): Opaque, time-sortable identifier: a shift id.
        project_id (str): Opaque, time-sortable identifier: a project id.
        reason (str): Why it was cancelled or lapsed; for a decline, the expert's reason (labs see only
            that the expert declined).
        sequence (int): Changes so far (the calendar feed's SEQUENCE).
        slice_id (str): Opaque, time-sortable identifier: a slice id.
        starts_at (datetime.datetime):
        status (str): `offered` (awaiting the expert), `confirmed`, `declined`, `expired` (not confirmed
            in time) or `cancelled`.
        updated_at (datetime.datetime):
        expert_id (None | str | Unset):
    """

    capacity_request_id: str
    created_at: datetime.datetime
    ends_at: datetime.datetime
    expert_handle: str
    id: str
    project_id: str
    reason: str
    sequence: int
    slice_id: str
    starts_at: datetime.datetime
    status: str
    updated_at: datetime.datetime
    expert_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        capacity_request_id = self.capacity_request_id

        created_at = self.created_at.isoformat()

        ends_at = self.ends_at.isoformat()

        expert_handle = self.expert_handle

        id = self.id

        project_id = self.project_id

        reason = self.reason

        sequence = self.sequence

        slice_id = self.slice_id

        starts_at = self.starts_at.isoformat()

        status = self.status

        updated_at = self.updated_at.isoformat()

        expert_id: None | str | Unset
        if isinstance(self.expert_id, Unset):
            expert_id = UNSET
        else:
            expert_id = self.expert_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "capacity_request_id": capacity_request_id,
                "created_at": created_at,
                "ends_at": ends_at,
                "expert_handle": expert_handle,
                "id": id,
                "project_id": project_id,
                "reason": reason,
                "sequence": sequence,
                "slice_id": slice_id,
                "starts_at": starts_at,
                "status": status,
                "updated_at": updated_at,
            }
        )
        if expert_id is not UNSET:
            field_dict["expert_id"] = expert_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        capacity_request_id = d.pop("capacity_request_id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))

        expert_handle = d.pop("expert_handle")

        id = d.pop("id")

        project_id = d.pop("project_id")

        reason = d.pop("reason")

        sequence = d.pop("sequence")

        slice_id = d.pop("slice_id")

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))

        status = d.pop("status")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_expert_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        expert_id = _parse_expert_id(d.pop("expert_id", UNSET))

        shift_view = cls(
            capacity_request_id=capacity_request_id,
            created_at=created_at,
            ends_at=ends_at,
            expert_handle=expert_handle,
            id=id,
            project_id=project_id,
            reason=reason,
            sequence=sequence,
            slice_id=slice_id,
            starts_at=starts_at,
            status=status,
            updated_at=updated_at,
            expert_id=expert_id,
        )

        shift_view.additional_properties = d
        return shift_view

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
