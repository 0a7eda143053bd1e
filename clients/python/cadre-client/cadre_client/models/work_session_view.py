from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="WorkSessionView")


@_attrs_define
class WorkSessionView:
    """
    Attributes:
        last_beat_at (datetime.datetime): The last heartbeat (or the submission) of the session.
        seconds (int):
        started_at (datetime.datetime):
    """

    last_beat_at: datetime.datetime
    seconds: int
    started_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        last_beat_at = self.last_beat_at.isoformat()

        seconds = self.seconds

        started_at = self.started_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "last_beat_at": last_beat_at,
                "seconds": seconds,
                "started_at": started_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        last_beat_at = datetime.datetime.fromisoformat(d.pop("last_beat_at"))

        seconds = d.pop("seconds")

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        work_session_view = cls(
            last_beat_at=last_beat_at,
            seconds=seconds,
            started_at=started_at,
        )

        work_session_view.additional_properties = d
        return work_session_view

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
