from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ResolvedLine")


@_attrs_define
class ResolvedLine:
    """
    Attributes:
        approved_seconds (int): The seconds to pay and bill (0 up to the measured seconds).
        line_id (str): Opaque, time-sortable identifier: a timesheet line id.
    """

    approved_seconds: int
    line_id: str

    def to_dict(self) -> dict[str, Any]:
        approved_seconds = self.approved_seconds

        line_id = self.line_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "approved_seconds": approved_seconds,
                "line_id": line_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        approved_seconds = d.pop("approved_seconds")

        line_id = d.pop("line_id")

        resolved_line = cls(
            approved_seconds=approved_seconds,
            line_id=line_id,
        )

        return resolved_line
