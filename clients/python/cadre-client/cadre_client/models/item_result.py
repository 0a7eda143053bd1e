from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.item_resolution import ItemResolution
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.item_result_final_label_type_0 import ItemResultFinalLabelType0
    from ..models.judgment import Judgment


T = TypeVar("T", bound="ItemResult")


@_attrs_define
class ItemResult:
    """
    Attributes:
        adjudicated (bool):
        judgments (list[Judgment]):
        resolution (ItemResolution):
        final_label (ItemResultFinalLabelType0 | None | Unset): The resolved label (null without agreement).
    """

    adjudicated: bool
    judgments: list[Judgment]
    resolution: ItemResolution
    final_label: ItemResultFinalLabelType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.item_result_final_label_type_0 import ItemResultFinalLabelType0  # noqa: PLC0415

        adjudicated = self.adjudicated

        judgments = []
        for judgments_item_data in self.judgments:
            judgments_item = judgments_item_data.to_dict()
            judgments.append(judgments_item)

        resolution = self.resolution.value

        final_label: dict[str, Any] | None | Unset
        if isinstance(self.final_label, Unset):
            final_label = UNSET
        elif isinstance(self.final_label, ItemResultFinalLabelType0):
            final_label = self.final_label.to_dict()
        else:
            final_label = self.final_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "adjudicated": adjudicated,
                "judgments": judgments,
                "resolution": resolution,
            }
        )
        if final_label is not UNSET:
            field_dict["final_label"] = final_label

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.item_result_final_label_type_0 import ItemResultFinalLabelType0  # noqa: PLC0415
        from ..models.judgment import Judgment  # noqa: PLC0415

        d = dict(src_dict)
        adjudicated = d.pop("adjudicated")

        judgments = []
        _judgments = d.pop("judgments")
        for judgments_item_data in _judgments:
            judgments_item = Judgment.from_dict(judgments_item_data)

            judgments.append(judgments_item)

        resolution = ItemResolution(d.pop("resolution"))

        def _parse_final_label(data: object) -> ItemResultFinalLabelType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                final_label_type_0 = ItemResultFinalLabelType0.from_dict(data)

                return final_label_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ItemResultFinalLabelType0 | None | Unset, data)

        final_label = _parse_final_label(d.pop("final_label", UNSET))

        item_result = cls(
            adjudicated=adjudicated,
            judgments=judgments,
            resolution=resolution,
            final_label=final_label,
        )

        item_result.additional_properties = d
        return item_result

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
