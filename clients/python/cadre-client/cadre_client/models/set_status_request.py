from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.slice_status import SliceStatus

T = TypeVar("T", bound="SetStatusRequest")


@_attrs_define
class SetStatusRequest:
    """
    Attributes:
        reason (str): Shown to the expert and kept in the history.
        status (SliceStatus):
    """

    reason: str
    status: SliceStatus

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        status = SliceStatus(d.pop("status"))

        set_status_request = cls(
            reason=reason,
            status=status,
        )

        return set_status_request
