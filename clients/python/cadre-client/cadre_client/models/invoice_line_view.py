from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="InvoiceLineView")


@_attrs_define
class InvoiceLineView:
    """
    Attributes:
        amount_minor (int): The sum of the approved timesheet lines (each rounded half to even on its own).
        bill_rate_minor (int):
        hours (float): Hours worked (seconds / 3600, for reading).
        id (str): Opaque, time-sortable identifier: an invoice line id.
        project_id (str): Opaque, time-sortable identifier: a project id.
        seconds (int):
        slice_id (str): Opaque, time-sortable identifier: a slice id.
        timesheets (int):
    """

    amount_minor: int
    bill_rate_minor: int
    hours: float
    id: str
    project_id: str
    seconds: int
    slice_id: str
    timesheets: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_minor = self.amount_minor

        bill_rate_minor = self.bill_rate_minor

        hours = self.hours

        id = self.id

        project_id = self.project_id

        seconds = self.seconds

        slice_id = self.slice_id

        timesheets = self.timesheets

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_minor": amount_minor,
                "bill_rate_minor": bill_rate_minor,
                "hours": hours,
                "id": id,
                "project_id": project_id,
                "seconds": seconds,
                "slice_id": slice_id,
                "timesheets": timesheets,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_minor = d.pop("amount_minor")

        bill_rate_minor = d.pop("bill_rate_minor")

        hours = d.pop("hours")

        id = d.pop("id")

        project_id = d.pop("project_id")

        seconds = d.pop("seconds")

        slice_id = d.pop("slice_id")

        timesheets = d.pop("timesheets")

        invoice_line_view = cls(
            amount_minor=amount_minor,
            bill_rate_minor=bill_rate_minor,
            hours=hours,
            id=id,
            project_id=project_id,
            seconds=seconds,
            slice_id=slice_id,
            timesheets=timesheets,
        )

        invoice_line_view.additional_properties = d
        return invoice_line_view

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
