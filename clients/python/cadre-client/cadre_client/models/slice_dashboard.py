from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.distribution import Distribution
    from ..models.numbers import Numbers
    from ..models.status_counts import StatusCounts
    from ..models.tier_counts import TierCounts
    from ..models.week_numbers import WeekNumbers


T = TypeVar("T", bound="SliceDashboard")


@_attrs_define
class SliceDashboard:
    """
    Attributes:
        expert_gold_lower_bounds (Distribution): Five-number summary of a distribution (e.g. experts' gold-accuracy
            lower bounds).
        experts (StatusCounts):
        open_appeals (int): Appeals of the roster's experts in the slice waiting for a decision.
        open_sanctions (int): Suspensions in force (the roster's experts `suspended` in the slice).
        period (Numbers): The numbers of one bucket (a week, or the whole period).
        slice_id (str): Opaque, time-sortable identifier: a slice id.
        slice_key (str):
        tiers (TierCounts):
        weeks (list[WeekNumbers]): Each week of the period, oldest first.
    """

    expert_gold_lower_bounds: Distribution
    experts: StatusCounts
    open_appeals: int
    open_sanctions: int
    period: Numbers
    slice_id: str
    slice_key: str
    tiers: TierCounts
    weeks: list[WeekNumbers]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        expert_gold_lower_bounds = self.expert_gold_lower_bounds.to_dict()

        experts = self.experts.to_dict()

        open_appeals = self.open_appeals

        open_sanctions = self.open_sanctions

        period = self.period.to_dict()

        slice_id = self.slice_id

        slice_key = self.slice_key

        tiers = self.tiers.to_dict()

        weeks = []
        for weeks_item_data in self.weeks:
            weeks_item = weeks_item_data.to_dict()
            weeks.append(weeks_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "expert_gold_lower_bounds": expert_gold_lower_bounds,
                "experts": experts,
                "open_appeals": open_appeals,
                "open_sanctions": open_sanctions,
                "period": period,
                "slice_id": slice_id,
                "slice_key": slice_key,
                "tiers": tiers,
                "weeks": weeks,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.distribution import Distribution  # noqa: PLC0415
        from ..models.numbers import Numbers  # noqa: PLC0415
        from ..models.status_counts import StatusCounts  # noqa: PLC0415
        from ..models.tier_counts import TierCounts  # noqa: PLC0415
        from ..models.week_numbers import WeekNumbers  # noqa: PLC0415

        d = dict(src_dict)
        expert_gold_lower_bounds = Distribution.from_dict(d.pop("expert_gold_lower_bounds"))

        experts = StatusCounts.from_dict(d.pop("experts"))

        open_appeals = d.pop("open_appeals")

        open_sanctions = d.pop("open_sanctions")

        period = Numbers.from_dict(d.pop("period"))

        slice_id = d.pop("slice_id")

        slice_key = d.pop("slice_key")

        tiers = TierCounts.from_dict(d.pop("tiers"))

        weeks = []
        _weeks = d.pop("weeks")
        for weeks_item_data in _weeks:
            weeks_item = WeekNumbers.from_dict(weeks_item_data)

            weeks.append(weeks_item)

        slice_dashboard = cls(
            expert_gold_lower_bounds=expert_gold_lower_bounds,
            experts=experts,
            open_appeals=open_appeals,
            open_sanctions=open_sanctions,
            period=period,
            slice_id=slice_id,
            slice_key=slice_key,
            tiers=tiers,
            weeks=weeks,
        )

        slice_dashboard.additional_properties = d
        return slice_dashboard

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
