from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Progress")


@_attrs_define
class Progress:
    """
    Attributes:
        accepted (int):
        cancelled (int): Ended because the lab cancelled the item.
        declined (int):
        expired (int):
        offered (int):
        submitted (int):
    """

    accepted: int
    cancelled: int
    declined: int
    expired: int
    offered: int
    submitted: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accepted = self.accepted

        cancelled = self.cancelled

        declined = self.declined

        expired = self.expired

        offered = self.offered

        submitted = self.submitted

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accepted": accepted,
                "cancelled": cancelled,
                "declined": declined,
                "expired": expired,
                "offered": offered,
                "submitted": submitted,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accepted = d.pop("accepted")

        cancelled = d.pop("cancelled")

        declined = d.pop("declined")

        expired = d.pop("expired")

        offered = d.pop("offered")

        submitted = d.pop("submitted")

        progress = cls(
            accepted=accepted,
            cancelled=cancelled,
            declined=declined,
            expired=expired,
            offered=offered,
            submitted=submitted,
        )

        progress.additional_properties = d
        return progress

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
