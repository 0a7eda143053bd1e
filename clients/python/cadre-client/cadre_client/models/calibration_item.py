from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.calibration_item_payload import CalibrationItemPayload
    from ..models.calibration_item_your_label_type_0 import CalibrationItemYourLabelType0


T = TypeVar("T", bound="CalibrationItem")


@_attrs_define
class CalibrationItem:
    """
    Attributes:
        assignment_id (str): Opaque, time-sortable identifier: an assignment id.
        payload (CalibrationItemPayload):
        position (int):
        status (str): `accepted` (to answer), `submitted` or `expired`.
        your_label (CalibrationItemYourLabelType0 | None | Unset):
    """

    assignment_id: str
    payload: CalibrationItemPayload
    position: int
    status: str
    your_label: CalibrationItemYourLabelType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.calibration_item_your_label_type_0 import CalibrationItemYourLabelType0  # noqa: PLC0415

        assignment_id = self.assignment_id

        payload = self.payload.to_dict()

        position = self.position

        status = self.status

        your_label: dict[str, Any] | None | Unset
        if isinstance(self.your_label, Unset):
            your_label = UNSET
        elif isinstance(self.your_label, CalibrationItemYourLabelType0):
            your_label = self.your_label.to_dict()
        else:
            your_label = self.your_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assignment_id": assignment_id,
                "payload": payload,
                "position": position,
                "status": status,
            }
        )
        if your_label is not UNSET:
            field_dict["your_label"] = your_label

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.calibration_item_payload import CalibrationItemPayload  # noqa: PLC0415
        from ..models.calibration_item_your_label_type_0 import CalibrationItemYourLabelType0  # noqa: PLC0415

        d = dict(src_dict)
        assignment_id = d.pop("assignment_id")

        payload = CalibrationItemPayload.from_dict(d.pop("payload"))

        position = d.pop("position")

        status = d.pop("status")

        def _parse_your_label(data: object) -> CalibrationItemYourLabelType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                your_label_type_0 = CalibrationItemYourLabelType0.from_dict(data)

                return your_label_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CalibrationItemYourLabelType0 | None | Unset, data)

        your_label = _parse_your_label(d.pop("your_label", UNSET))

        calibration_item = cls(
            assignment_id=assignment_id,
            payload=payload,
            position=position,
            status=status,
            your_label=your_label,
        )

        calibration_item.additional_properties = d
        return calibration_item

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
