from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CertificationInput")


@_attrs_define
class CertificationInput:
    """A platform admin's decision on a lab's gold item.

    Attributes:
        certified (bool): True to certify (its answers then count in shared slices), false to withdraw that.
        reason (str): Why (kept in the audit log, which the lab reads).
    """

    certified: bool
    reason: str

    def to_dict(self) -> dict[str, Any]:
        certified = self.certified

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "certified": certified,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        certified = d.pop("certified")

        reason = d.pop("reason")

        certification_input = cls(
            certified=certified,
            reason=reason,
        )

        return certification_input
