from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.item_view import ItemView


T = TypeVar("T", bound="ItemExpiredEvent")


@_attrs_define
class ItemExpiredEvent:
    """`item.expired`.

    Attributes:
        deadline_at (datetime.datetime): The deadline it missed.
        expire_overdue_after_hours (int): The project's setting that expired it.
        item (ItemView): An item as its lab sees it.
    """

    deadline_at: datetime.datetime
    expire_overdue_after_hours: int
    item: ItemView
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        deadline_at = self.deadline_at.isoformat()

        expire_overdue_after_hours = self.expire_overdue_after_hours

        item = self.item.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "deadline_at": deadline_at,
                "expire_overdue_after_hours": expire_overdue_after_hours,
                "item": item,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.item_view import ItemView  # noqa: PLC0415

        d = dict(src_dict)
        deadline_at = datetime.datetime.fromisoformat(d.pop("deadline_at"))

        expire_overdue_after_hours = d.pop("expire_overdue_after_hours")

        item = ItemView.from_dict(d.pop("item"))

        item_expired_event = cls(
            deadline_at=deadline_at,
            expire_overdue_after_hours=expire_overdue_after_hours,
            item=item,
        )

        item_expired_event.additional_properties = d
        return item_expired_event

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
