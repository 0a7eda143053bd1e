from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="DisputedLine")


@_attrs_define
class DisputedLine:
    """
    Attributes:
        line_id (str): Opaque, time-sortable identifier: a timesheet line id.
        reason (str): Why the lab disputes the line (1–1000 characters); shown to the expert.
    """

    line_id: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        line_id = self.line_id

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "line_id": line_id,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        line_id = d.pop("line_id")

        reason = d.pop("reason")

        disputed_line = cls(
            line_id=line_id,
            reason=reason,
        )

        return disputed_line
