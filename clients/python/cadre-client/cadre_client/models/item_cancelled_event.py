from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.item_view import ItemView


T = TypeVar("T", bound="ItemCancelledEvent")


@_attrs_define
class ItemCancelledEvent:
    """`item.cancelled`.

    Attributes:
        item (ItemView): An item as its lab sees it.
        reason (str): The reason the lab gave.
    """

    item: ItemView
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        item = self.item.to_dict()

        reason = self.reason

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

        reason = d.pop("reason")

        item_cancelled_event = cls(
            item=item,
            reason=reason,
        )

        item_cancelled_event.additional_properties = d
        return item_cancelled_event

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
