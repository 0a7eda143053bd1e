from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PayRateView")


@_attrs_define
class PayRateView:
    """
    Attributes:
        basis (str): `expert_rate` (their own, same currency) or `standard_rate` (the bill rate net of
            fee and margin; the expert quotes another currency).
        currency (str):
        effective_week (datetime.datetime): The first timesheet week (Monday 00:00 UTC) this rate applies to.
        fixed_at (datetime.datetime):
        id (str): Opaque, time-sortable identifier: a pay rate id.
        pay_per_hour_minor (int):
        project_id (str): Opaque, time-sortable identifier: a project id.
    """

    basis: str
    currency: str
    effective_week: datetime.datetime
    fixed_at: datetime.datetime
    id: str
    pay_per_hour_minor: int
    project_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        basis = self.basis

        currency = self.currency

        effective_week = self.effective_week.isoformat()

        fixed_at = self.fixed_at.isoformat()

        id = self.id

        pay_per_hour_minor = self.pay_per_hour_minor

        project_id = self.project_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "basis": basis,
                "currency": currency,
                "effective_week": effective_week,
                "fixed_at": fixed_at,
                "id": id,
                "pay_per_hour_minor": pay_per_hour_minor,
                "project_id": project_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        basis = d.pop("basis")

        currency = d.pop("currency")

        effective_week = datetime.datetime.fromisoformat(d.pop("effective_week"))

        fixed_at = datetime.datetime.fromisoformat(d.pop("fixed_at"))

        id = d.pop("id")

        pay_per_hour_minor = d.pop("pay_per_hour_minor")

        project_id = d.pop("project_id")

        pay_rate_view = cls(
            basis=basis,
            currency=currency,
            effective_week=effective_week,
            fixed_at=fixed_at,
            id=id,
            pay_per_hour_minor=pay_per_hour_minor,
            project_id=project_id,
        )

        pay_rate_view.additional_properties = d
        return pay_rate_view

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
