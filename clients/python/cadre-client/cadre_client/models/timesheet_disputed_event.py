from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.disputed_line_ref import DisputedLineRef


T = TypeVar("T", bound="TimesheetDisputedEvent")


@_attrs_define
class TimesheetDisputedEvent:
    """`timesheet.disputed`.

    Attributes:
        lines (list[DisputedLineRef]):
        project_id (str): Opaque, time-sortable identifier: a project id.
        timesheet_id (str): Opaque, time-sortable identifier: a timesheet id.
    """

    lines: list[DisputedLineRef]
    project_id: str
    timesheet_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        project_id = self.project_id

        timesheet_id = self.timesheet_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "lines": lines,
                "project_id": project_id,
                "timesheet_id": timesheet_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.disputed_line_ref import DisputedLineRef  # noqa: PLC0415

        d = dict(src_dict)
        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = DisputedLineRef.from_dict(lines_item_data)

            lines.append(lines_item)

        project_id = d.pop("project_id")

        timesheet_id = d.pop("timesheet_id")

        timesheet_disputed_event = cls(
            lines=lines,
            project_id=project_id,
            timesheet_id=timesheet_id,
        )

        timesheet_disputed_event.additional_properties = d
        return timesheet_disputed_event

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
