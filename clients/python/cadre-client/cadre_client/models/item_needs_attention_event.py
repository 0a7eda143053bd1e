from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.attention_reason import AttentionReason

if TYPE_CHECKING:
    from ..models.item_view import ItemView


T = TypeVar("T", bound="ItemNeedsAttentionEvent")


@_attrs_define
class ItemNeedsAttentionEvent:
    """`item.needs_attention`.

    Attributes:
        item (ItemView): An item as its lab sees it.
        reason (AttentionReason): Why an item needs the lab's attention.
    """

    item: ItemView
    reason: AttentionReason
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        item = self.item.to_dict()

        reason = self.reason.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "item": item,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.item_view import ItemView  # noqa: PLC0415

        d = dict(src_dict)
        item = ItemView.from_dict(d.pop("item"))

        reason = AttentionReason(d.pop("reason"))

        item_needs_attention_event = cls(
            item=item,
            reason=reason,
        )

        item_needs_attention_event.additional_properties = d
        return item_needs_attention_event

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
