from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CancelItemRequest")


@_attrs_define
class CancelItemRequest:
    """
    Attributes:
        reason (str): Why the lab cancels the item (1–500 characters); kept in the item's
            `status_reason`, the audit log and the `item.cancelled` event. Example: the upstream conversation was deleted.
    """

    reason: str

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        cancel_item_request = cls(
            reason=reason,
        )

        return cancel_item_request
