from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.exception_kind import ExceptionKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="NewException")


@_attrs_define
class NewException:
    """
    Attributes:
        end (str):  Example: 2026-12-27T00:00.
        kind (ExceptionKind):
        start (str): Local wall-clock time in your schedule's zone, `YYYY-MM-DDTHH:MM`. Example: 2026-12-24T00:00.
        reason (str | Unset): Optional note (at most 500 characters).
    """

    end: str
    kind: ExceptionKind
    start: str
    reason: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        end = self.end

        kind = self.kind.value

        start = self.start

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "end": end,
                "kind": kind,
                "start": start,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        end = d.pop("end")

        kind = ExceptionKind(d.pop("kind"))

        start = d.pop("start")

        reason = d.pop("reason", UNSET)

        new_exception = cls(
            end=end,
            kind=kind,
            start=start,
            reason=reason,
        )

        return new_exception
