from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.reliability_report import ReliabilityReport
    from ..models.slice_timeliness import SliceTimeliness


T = TypeVar("T", bound="ProjectQuality")


@_attrs_define
class ProjectQuality:
    """
    Attributes:
        project_id (str): Opaque, time-sortable identifier: a project id.
        slices (list[ReliabilityReport]): One report per slice of the project, over the project's items only.
        timeliness (list[SliceTimeliness]): Per slice of the project (same order), the items resolved in the window: how
            many
            met their deadline and how long resolution took (README "Deadlines").
        window_days (int):
    """

    project_id: str
    slices: list[ReliabilityReport]
    timeliness: list[SliceTimeliness]
    window_days: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        project_id = self.project_id

        slices = []
        for slices_item_data in self.slices:
            slices_item = slices_item_data.to_dict()
            slices.append(slices_item)

        timeliness = []
        for timeliness_item_data in self.timeliness:
            timeliness_item = timeliness_item_data.to_dict()
            timeliness.append(timeliness_item)

        window_days = self.window_days

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "project_id": project_id,
                "slices": slices,
                "timeliness": timeliness,
                "window_days": window_days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reliability_report import ReliabilityReport  # noqa: PLC0415
        from ..models.slice_timeliness import SliceTimeliness  # noqa: PLC0415

        d = dict(src_dict)
        project_id = d.pop("project_id")

        slices = []
        _slices = d.pop("slices")
        for slices_item_data in _slices:
            slices_item = ReliabilityReport.from_dict(slices_item_data)

            slices.append(slices_item)

        timeliness = []
        _timeliness = d.pop("timeliness")
        for timeliness_item_data in _timeliness:
            timeliness_item = SliceTimeliness.from_dict(timeliness_item_data)

            timeliness.append(timeliness_item)

        window_days = d.pop("window_days")

        project_quality = cls(
            project_id=project_id,
            slices=slices,
            timeliness=timeliness,
            window_days=window_days,
        )

        project_quality.additional_properties = d
        return project_quality

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
