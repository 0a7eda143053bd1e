from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RepeatSession")


@_attrs_define
class RepeatSession:
    """
    Attributes:
        closes_at (datetime.datetime):
        participant_ids (list[str] | None | Unset): Default: the same participants.
        title (None | str | Unset):
    """

    closes_at: datetime.datetime
    participant_ids: list[str] | None | Unset = UNSET
    title: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        closes_at = self.closes_at.isoformat()

        participant_ids: list[str] | None | Unset
        if isinstance(self.participant_ids, Unset):
            participant_ids = UNSET
        elif isinstance(self.participant_ids, list):
            participant_ids = self.participant_ids

        else:
            participant_ids = self.participant_ids

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "closes_at": closes_at,
            }
        )
        if participant_ids is not UNSET:
            field_dict["participant_ids"] = participant_ids
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        closes_at = datetime.datetime.fromisoformat(d.pop("closes_at"))

        def _parse_participant_ids(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                participant_ids_type_0 = cast(list[str], data)

                return participant_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        participant_ids = _parse_participant_ids(d.pop("participant_ids", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        repeat_session = cls(
            closes_at=closes_at,
            participant_ids=participant_ids,
            title=title,
        )

        return repeat_session
