from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.low_reliability import LowReliability
from ..types import UNSET, Unset

T = TypeVar("T", bound="SliceReliabilityLowEvent")


@_attrs_define
class SliceReliabilityLowEvent:
    """`slice.reliability_low`.

    Attributes:
        health (LowReliability): A project slice's reliability health below healthy.
        items (int): Resolved items with overlapping judgments in the window.
        project_id (str): Opaque, time-sortable identifier: a project id.
        slice_id (str): Opaque, time-sortable identifier: a slice id.
        slice_key (str):  Example: medicine/radiology:de.
        threshold (float): `scoring.reliability_healthy`.
        window_days (int): `scoring.reliability_window_days`.
        krippendorff_alpha (float | None | Unset): Over the project's own resolved items of the window; null when
            undefined.
    """

    health: LowReliability
    items: int
    project_id: str
    slice_id: str
    slice_key: str
    threshold: float
    window_days: int
    krippendorff_alpha: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        health = self.health.value

        items = self.items

        project_id = self.project_id

        slice_id = self.slice_id

        slice_key = self.slice_key

        threshold = self.threshold

        window_days = self.window_days

        krippendorff_alpha: float | None | Unset
        if isinstance(self.krippendorff_alpha, Unset):
            krippendorff_alpha = UNSET
        else:
            krippendorff_alpha = self.krippendorff_alpha

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "health": health,
                "items": items,
                "project_id": project_id,
                "slice_id": slice_id,
                "slice_key": slice_key,
                "threshold": threshold,
                "window_days": window_days,
            }
        )
        if krippendorff_alpha is not UNSET:
            field_dict["krippendorff_alpha"] = krippendorff_alpha

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        health = LowReliability(d.pop("health"))

        items = d.pop("items")

        project_id = d.pop("project_id")

        slice_id = d.pop("slice_id")

        slice_key = d.pop("slice_key")

        threshold = d.pop("threshold")

        window_days = d.pop("window_days")

        def _parse_krippendorff_alpha(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        krippendorff_alpha = _parse_krippendorff_alpha(d.pop("krippendorff_alpha", UNSET))

        slice_reliability_low_event = cls(
            health=health,
            items=items,
            project_id=project_id,
            slice_id=slice_id,
            slice_key=slice_key,
            threshold=threshold,
            window_days=window_days,
            krippendorff_alpha=krippendorff_alpha,
        )

        slice_reliability_low_event.additional_properties = d
        return slice_reliability_low_event

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
