from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.min_qualification import MinQualification
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProjectSlice")


@_attrs_define
class ProjectSlice:
    """
    Attributes:
        slice_id (str): Opaque, time-sortable identifier: a slice id.
        min_qualification (MinQualification | Unset): The routing filter a project sets per slice: the least slice
            status an expert needs.
    """

    slice_id: str
    min_qualification: MinQualification | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        slice_id = self.slice_id

        min_qualification: str | Unset = UNSET
        if not isinstance(self.min_qualification, Unset):
            min_qualification = self.min_qualification.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "slice_id": slice_id,
            }
        )
        if min_qualification is not UNSET:
            field_dict["min_qualification"] = min_qualification

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        slice_id = d.pop("slice_id")

        _min_qualification = d.pop("min_qualification", UNSET)
        min_qualification: MinQualification | Unset
        if isinstance(_min_qualification, Unset):
            min_qualification = UNSET
        else:
            min_qualification = MinQualification(_min_qualification)

        project_slice = cls(
            slice_id=slice_id,
            min_qualification=min_qualification,
        )

        return project_slice
