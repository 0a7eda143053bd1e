from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DriftPoint")


@_attrs_define
class DriftPoint:
    """
    Attributes:
        created_at (datetime.datetime):
        participants_answered (int):
        session_id (str): Opaque, time-sortable identifier: a calibration session id.
        status (str):
        alpha (float | None | Unset):
        mean_accuracy (float | None | Unset): Mean accuracy of participants who answered at least one item; null if none
            did.
    """

    created_at: datetime.datetime
    participants_answered: int
    session_id: str
    status: str
    alpha: float | None | Unset = UNSET
    mean_accuracy: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        participants_answered = self.participants_answered

        session_id = self.session_id

        status = self.status

        alpha: float | None | Unset
        if isinstance(self.alpha, Unset):
            alpha = UNSET
        else:
            alpha = self.alpha

        mean_accuracy: float | None | Unset
        if isinstance(self.mean_accuracy, Unset):
            mean_accuracy = UNSET
        else:
            mean_accuracy = self.mean_accuracy

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "participants_answered": participants_answered,
                "session_id": session_id,
                "status": status,
            }
        )
        if alpha is not UNSET:
            field_dict["alpha"] = alpha
        if mean_accuracy is not UNSET:
            field_dict["mean_accuracy"] = mean_accuracy

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        participants_answered = d.pop("participants_answered")

        session_id = d.pop("session_id")

        status = d.pop("status")

        def _parse_alpha(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        alpha = _parse_alpha(d.pop("alpha", UNSET))

        def _parse_mean_accuracy(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        mean_accuracy = _parse_mean_accuracy(d.pop("mean_accuracy", UNSET))

        drift_point = cls(
            created_at=created_at,
            participants_answered=participants_answered,
            session_id=session_id,
            status=status,
            alpha=alpha,
            mean_accuracy=mean_accuracy,
        )

        drift_point.additional_properties = d
        return drift_point

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
