from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GoldPoolExhaustedEvent")


@_attrs_define
class GoldPoolExhaustedEvent:
    """`gold.pool_exhausted`.

    Attributes:
        expert (str): The expert's pseudonymous handle.
        pool_size (int): Gold items of the project slice, all offered to the expert.
        project_id (str): Opaque, time-sortable identifier: a project id.
        slice_id (str): Opaque, time-sortable identifier: a slice id.
    """

    expert: str
    pool_size: int
    project_id: str
    slice_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        expert = self.expert

        pool_size = self.pool_size

        project_id = self.project_id

        slice_id = self.slice_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "expert": expert,
                "pool_size": pool_size,
                "project_id": project_id,
                "slice_id": slice_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        expert = d.pop("expert")

        pool_size = d.pop("pool_size")

        project_id = d.pop("project_id")

        slice_id = d.pop("slice_id")

        gold_pool_exhausted_event = cls(
            expert=expert,
            pool_size=pool_size,
            project_id=project_id,
            slice_id=slice_id,
        )

        gold_pool_exhausted_event.additional_properties = d
        return gold_pool_exhausted_event

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
