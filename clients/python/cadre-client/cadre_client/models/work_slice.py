from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.work_slice_label_schema import WorkSliceLabelSchema


T = TypeVar("T", bound="WorkSlice")


@_attrs_define
class WorkSlice:
    """
    Attributes:
        id (str): Opaque, time-sortable identifier: a slice id.
        key (str):
        label_schema (WorkSliceLabelSchema): The label format a judgment must follow.
        name (str):
    """

    id: str
    key: str
    label_schema: WorkSliceLabelSchema
    name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        key = self.key

        label_schema = self.label_schema.to_dict()

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "key": key,
                "label_schema": label_schema,
                "name": name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.work_slice_label_schema import WorkSliceLabelSchema  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        key = d.pop("key")

        label_schema = WorkSliceLabelSchema.from_dict(d.pop("label_schema"))

        name = d.pop("name")

        work_slice = cls(
            id=id,
            key=key,
            label_schema=label_schema,
            name=name,
        )

        work_slice.additional_properties = d
        return work_slice

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
