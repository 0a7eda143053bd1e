from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.adjudication_load import AdjudicationLoad
    from ..models.status_counts import StatusCounts
    from ..models.tier_counts import TierCounts


T = TypeVar("T", bound="SliceCoverage")


@_attrs_define
class SliceCoverage:
    """
    Attributes:
        adjudication (AdjudicationLoad):
        adjudicators_below_floor (int): Adjudicators whose gold-accuracy lower bound is below the adjudicator floor now.
        bottlenecks (list[str]): Why adjudication is a bottleneck here (empty: it is not): `no_adjudicator` (the
            roster has qualified experts but no adjudicator), `items_waiting` (disagreements
            wait for an adjudicator), `adjudicators_below_floor`.
        experts (StatusCounts):
        slice_id (str): Opaque, time-sortable identifier: a slice id.
        slice_key (str):
        tiers (TierCounts):
    """

    adjudication: AdjudicationLoad
    adjudicators_below_floor: int
    bottlenecks: list[str]
    experts: StatusCounts
    slice_id: str
    slice_key: str
    tiers: TierCounts
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        adjudication = self.adjudication.to_dict()

        adjudicators_below_floor = self.adjudicators_below_floor

        bottlenecks = self.bottlenecks

        experts = self.experts.to_dict()

        slice_id = self.slice_id

        slice_key = self.slice_key

        tiers = self.tiers.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "adjudication": adjudication,
                "adjudicators_below_floor": adjudicators_below_floor,
                "bottlenecks": bottlenecks,
                "experts": experts,
                "slice_id": slice_id,
                "slice_key": slice_key,
                "tiers": tiers,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.adjudication_load import AdjudicationLoad  # noqa: PLC0415
        from ..models.status_counts import StatusCounts  # noqa: PLC0415
        from ..models.tier_counts import TierCounts  # noqa: PLC0415

        d = dict(src_dict)
        adjudication = AdjudicationLoad.from_dict(d.pop("adjudication"))

        adjudicators_below_floor = d.pop("adjudicators_below_floor")

        bottlenecks = cast(list[str], d.pop("bottlenecks"))

        experts = StatusCounts.from_dict(d.pop("experts"))

        slice_id = d.pop("slice_id")

        slice_key = d.pop("slice_key")

        tiers = TierCounts.from_dict(d.pop("tiers"))

        slice_coverage = cls(
            adjudication=adjudication,
            adjudicators_below_floor=adjudicators_below_floor,
            bottlenecks=bottlenecks,
            experts=experts,
            slice_id=slice_id,
            slice_key=slice_key,
            tiers=tiers,
        )

        slice_coverage.additional_properties = d
        return slice_coverage

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
