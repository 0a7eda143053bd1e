from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SubmittedTimesheetRef")


@_attrs_define
class SubmittedTimesheetRef:
    """The submitted timesheet in `timesheet.submitted`.

    Attributes:
        auto_approve_at (datetime.datetime): When it is approved unless the lab disputes a line.
        bill_rate_minor (int): The project's bill rate per hour, minor units.
        currency (str):  Example: EUR.
        expert (str): The expert's pseudonymous handle.
        id (str): Opaque, time-sortable identifier: a timesheet id.
        project_id (str): Opaque, time-sortable identifier: a project id.
        week_start (datetime.datetime): Monday 00:00 UTC of the week.
    """

    auto_approve_at: datetime.datetime
    bill_rate_minor: int
    currency: str
    expert: str
    id: str
    project_id: str
    week_start: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        auto_approve_at = self.auto_approve_at.isoformat()

        bill_rate_minor = self.bill_rate_minor

        currency = self.currency

        expert = self.expert

        id = self.id

        project_id = self.project_id

        week_start = self.week_start.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "auto_approve_at": auto_approve_at,
                "bill_rate_minor": bill_rate_minor,
                "currency": currency,
                "expert": expert,
                "id": id,
                "project_id": project_id,
                "week_start": week_start,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        auto_approve_at = datetime.datetime.fromisoformat(d.pop("auto_approve_at"))

        bill_rate_minor = d.pop("bill_rate_minor")

        currency = d.pop("currency")

        expert = d.pop("expert")

        id = d.pop("id")

        project_id = d.pop("project_id")

        week_start = datetime.datetime.fromisoformat(d.pop("week_start"))

        submitted_timesheet_ref = cls(
            auto_approve_at=auto_approve_at,
            bill_rate_minor=bill_rate_minor,
            currency=currency,
            expert=expert,
            id=id,
            project_id=project_id,
            week_start=week_start,
        )

        submitted_timesheet_ref.additional_properties = d
        return submitted_timesheet_ref

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
