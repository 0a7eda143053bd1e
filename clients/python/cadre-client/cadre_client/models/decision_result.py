from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.appeal_view import AppealView


T = TypeVar("T", bound="DecisionResult")


@_attrs_define
class DecisionResult:
    """
    Attributes:
        appeal (AppealView):
        regraded (int): Gold answers overturned: how many graded answers changed verdict.
    """

    appeal: AppealView
    regraded: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        appeal = self.appeal.to_dict()

        regraded = self.regraded

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "appeal": appeal,
                "regraded": regraded,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.appeal_view import AppealView  # noqa: PLC0415

        d = dict(src_dict)
        appeal = AppealView.from_dict(d.pop("appeal"))

        regraded = d.pop("regraded")

        decision_result = cls(
            appeal=appeal,
            regraded=regraded,
        )

        decision_result.additional_properties = d
        return decision_result

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
