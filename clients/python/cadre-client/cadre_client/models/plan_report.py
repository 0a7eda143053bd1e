from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PlanReport")


@_attrs_define
class PlanReport:
    """What a plan did.

    Attributes:
        booked (int): Shifts this plan booked (offered to the experts).
        candidates (int): Eligible experts with a schedule the planner considered.
        minutes_booked (int):
        shortfall_experts (int):
        shortfall_minutes (int):
    """

    booked: int
    candidates: int
    minutes_booked: int
    shortfall_experts: int
    shortfall_minutes: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        booked = self.booked

        candidates = self.candidates

        minutes_booked = self.minutes_booked

        shortfall_experts = self.shortfall_experts

        shortfall_minutes = self.shortfall_minutes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "booked": booked,
                "candidates": candidates,
                "minutes_booked": minutes_booked,
                "shortfall_experts": shortfall_experts,
                "shortfall_minutes": shortfall_minutes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        booked = d.pop("booked")

        candidates = d.pop("candidates")

        minutes_booked = d.pop("minutes_booked")

        shortfall_experts = d.pop("shortfall_experts")

        shortfall_minutes = d.pop("shortfall_minutes")

        plan_report = cls(
            booked=booked,
            candidates=candidates,
            minutes_booked=minutes_booked,
            shortfall_experts=shortfall_experts,
            shortfall_minutes=shortfall_minutes,
        )

        plan_report.additional_properties = d
        return plan_report

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
