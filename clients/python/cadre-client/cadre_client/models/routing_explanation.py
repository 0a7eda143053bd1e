from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.item_status import ItemStatus

if TYPE_CHECKING:
    from ..models.decision_view import DecisionView


T = TypeVar("T", bound="RoutingExplanation")


@_attrs_define
class RoutingExplanation:
    """
    Attributes:
        decisions (list[DecisionView]): Every decision for the item, oldest first (re-routing after a decline or expiry,
            and adjudication, add decisions).
        item_id (str): Opaque, time-sortable identifier: an item id.
        status (ItemStatus):
        status_reason (str):
    """

    decisions: list[DecisionView]
    item_id: str
    status: ItemStatus
    status_reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        decisions = []
        for decisions_item_data in self.decisions:
            decisions_item = decisions_item_data.to_dict()
            decisions.append(decisions_item)

        item_id = self.item_id

        status = self.status.value

        status_reason = self.status_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "decisions": decisions,
                "item_id": item_id,
                "status": status,
                "status_reason": status_reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.decision_view import DecisionView  # noqa: PLC0415

        d = dict(src_dict)
        decisions = []
        _decisions = d.pop("decisions")
        for decisions_item_data in _decisions:
            decisions_item = DecisionView.from_dict(decisions_item_data)

            decisions.append(decisions_item)

        item_id = d.pop("item_id")

        status = ItemStatus(d.pop("status"))

        status_reason = d.pop("status_reason")

        routing_explanation = cls(
            decisions=decisions,
            item_id=item_id,
            status=status,
            status_reason=status_reason,
        )

        routing_explanation.additional_properties = d
        return routing_explanation

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
