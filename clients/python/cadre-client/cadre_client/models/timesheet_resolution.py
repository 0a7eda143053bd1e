from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.resolved_line import ResolvedLine


T = TypeVar("T", bound="TimesheetResolution")


@_attrs_define
class TimesheetResolution:
    """
    Attributes:
        note (str): The decision, shown to the lab and the expert (1–2000 characters).
        lines (list[ResolvedLine] | Unset): Lines whose time changes; lines not named are approved as measured.
    """

    note: str
    lines: list[ResolvedLine] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        note = self.note

        lines: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.lines, Unset):
            lines = []
            for lines_item_data in self.lines:
                lines_item = lines_item_data.to_dict()
                lines.append(lines_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "note": note,
            }
        )
        if lines is not UNSET:
            field_dict["lines"] = lines

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.resolved_line import ResolvedLine  # noqa: PLC0415

        d = dict(src_dict)
        note = d.pop("note")

        _lines = d.pop("lines", UNSET)
        lines: list[ResolvedLine] | Unset = UNSET
        if _lines is not UNSET:
            lines = []
            for lines_item_data in _lines:
                lines_item = ResolvedLine.from_dict(lines_item_data)

                lines.append(lines_item)

        timesheet_resolution = cls(
            note=note,
            lines=lines,
        )

        return timesheet_resolution
