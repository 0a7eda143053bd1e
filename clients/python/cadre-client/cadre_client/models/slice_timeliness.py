from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SliceTimeliness")


@_attrs_define
class SliceTimeliness:
    """One slice's deadline record over the window.

    Attributes:
        resolved (int): Items of the slice resolved in the window.
        resolved_on_time (int): Of those, resolved at or before their deadline.
        slice_id (str): Opaque, time-sortable identifier: a slice id.
        on_time_rate (float | None | Unset): `resolved_on_time / resolved`; null when nothing resolved.
        p50_seconds_to_resolution (int | None | Unset): Median seconds from ingestion to resolution (nearest rank); null
            when nothing
            resolved.
        p90_seconds_to_resolution (int | None | Unset): 90th percentile of the seconds from ingestion to resolution
            (nearest rank).
    """

    resolved: int
    resolved_on_time: int
    slice_id: str
    on_time_rate: float | None | Unset = UNSET
    p50_seconds_to_resolution: int | None | Unset = UNSET
    p90_seconds_to_resolution: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        resolved = self.resolved

        resolved_on_time = self.resolved_on_time

        slice_id = self.slice_id

        on_time_rate: float | None | Unset
        if isinstance(self.on_time_rate, Unset):
            on_time_rate = UNSET
        else:
            on_time_rate = self.on_time_rate

        p50_seconds_to_resolution: int | None | Unset
        if isinstance(self.p50_seconds_to_resolution, Unset):
            p50_seconds_to_resolution = UNSET
        else:
            p50_seconds_to_resolution = self.p50_seconds_to_resolution

        p90_seconds_to_resolution: int | None | Unset
        if isinstance(self.p90_seconds_to_resolution, Unset):
            p90_seconds_to_resolution = UNSET
        else:
            p90_seconds_to_resolution = self.p90_seconds_to_resolution

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "resolved": resolved,
                "resolved_on_time": resolved_on_time,
                "slice_id": slice_id,
            }
        )
        if on_time_rate is not UNSET:
            field_dict["on_time_rate"] = on_time_rate
        if p50_seconds_to_resolution is not UNSET:
            field_dict["p50_seconds_to_resolution"] = p50_seconds_to_resolution
        if p90_seconds_to_resolution is not UNSET:
            field_dict["p90_seconds_to_resolution"] = p90_seconds_to_resolution

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        resolved = d.pop("resolved")

        resolved_on_time = d.pop("resolved_on_time")

        slice_id = d.pop("slice_id")

        def _parse_on_time_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        on_time_rate = _parse_on_time_rate(d.pop("on_time_rate", UNSET))

        def _parse_p50_seconds_to_resolution(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        p50_seconds_to_resolution = _parse_p50_seconds_to_resolution(d.pop("p50_seconds_to_resolution", UNSET))

        def _parse_p90_seconds_to_resolution(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        p90_seconds_to_resolution = _parse_p90_seconds_to_resolution(d.pop("p90_seconds_to_resolution", UNSET))

        slice_timeliness = cls(
            resolved=resolved,
            resolved_on_time=resolved_on_time,
            slice_id=slice_id,
            on_time_rate=on_time_rate,
            p50_seconds_to_resolution=p50_seconds_to_resolution,
            p90_seconds_to_resolution=p90_seconds_to_resolution,
        )

        slice_timeliness.additional_properties = d
        return slice_timeliness

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
