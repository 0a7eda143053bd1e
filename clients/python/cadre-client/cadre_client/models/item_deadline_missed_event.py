from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.item_view import ItemView


T = TypeVar("T", bound="ItemDeadlineMissedEvent")


@_attrs_define
class ItemDeadlineMissedEvent:
    """`item.deadline_missed`.

    Attributes:
        deadline_at (datetime.datetime): The deadline it missed.
        item (ItemView): An item as its lab sees it.
    """

    deadline_at: datetime.datetime
    item: ItemView
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        deadline_at = self.deadline_at.isoformat()

        item = self.item.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "deadline_at": deadline_at,
                "item": item,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.item_view import ItemView  # noqa: PLC0415

        d = dict(src_dict)
        deadline_at = datetime.datetime.fromisoformat(d.pop("deadline_at"))

        item = ItemView.from_dict(d.pop("item"))

        item_deadline_missed_event = cls(
            deadline_at=deadline_at,
            item=item,
        )

        item_deadline_missed_event.additional_properties = d
        return item_deadline_missed_event

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
