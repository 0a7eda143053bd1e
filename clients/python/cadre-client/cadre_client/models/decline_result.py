from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.plan_report import PlanReport
    from ..models.shift_view import ShiftView


T = TypeVar("T", bound="DeclineResult")


@_attrs_define
class DeclineResult:
    """
    Attributes:
        replan (PlanReport): What a plan did.
        shift (ShiftView):
    """

    replan: PlanReport
    shift: ShiftView
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        replan = self.replan.to_dict()

        shift = self.shift.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "replan": replan,
                "shift": shift,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.plan_report import PlanReport  # noqa: PLC0415
        from ..models.shift_view import ShiftView  # noqa: PLC0415

        d = dict(src_dict)
        replan = PlanReport.from_dict(d.pop("replan"))

        shift = ShiftView.from_dict(d.pop("shift"))

        decline_result = cls(
            replan=replan,
            shift=shift,
        )

        decline_result.additional_properties = d
        return decline_result

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
