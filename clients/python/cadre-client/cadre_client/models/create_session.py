from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateSession")


@_attrs_define
class CreateSession:
    """
    Attributes:
        closes_at (datetime.datetime): When the window ends (within 60 days).
        gold_item_ids (list[str]): The fixed set: the vendor's calibration gold or the platform pool of the slice
            (1–200 items, e.g. 50 pairs).
        participant_ids (list[str]): Experts with a standing in the slice (1–500).
        slice_id (str): Opaque, time-sortable identifier: a slice id.
        title (str):  Example: Rust review: November calibration.
        org_id (None | str | Unset):
        pass_threshold (float | None | Unset): Share of items to answer like the reference to pass (default the
            assessment pass
            threshold, 0.8). Passing reinstates an expert suspended in the slice to probation.
    """

    closes_at: datetime.datetime
    gold_item_ids: list[str]
    participant_ids: list[str]
    slice_id: str
    title: str
    org_id: None | str | Unset = UNSET
    pass_threshold: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        closes_at = self.closes_at.isoformat()

        gold_item_ids = self.gold_item_ids

        participant_ids = self.participant_ids

        slice_id = self.slice_id

        title = self.title

        org_id: None | str | Unset
        if isinstance(self.org_id, Unset):
            org_id = UNSET
        else:
            org_id = self.org_id

        pass_threshold: float | None | Unset
        if isinstance(self.pass_threshold, Unset):
            pass_threshold = UNSET
        else:
            pass_threshold = self.pass_threshold

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "closes_at": closes_at,
                "gold_item_ids": gold_item_ids,
                "participant_ids": participant_ids,
                "slice_id": slice_id,
                "title": title,
            }
        )
        if org_id is not UNSET:
            field_dict["org_id"] = org_id
        if pass_threshold is not UNSET:
            field_dict["pass_threshold"] = pass_threshold

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        closes_at = datetime.datetime.fromisoformat(d.pop("closes_at"))

        gold_item_ids = cast(list[str], d.pop("gold_item_ids"))

        participant_ids = cast(list[str], d.pop("participant_ids"))

        slice_id = d.pop("slice_id")

        title = d.pop("title")

        def _parse_org_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        org_id = _parse_org_id(d.pop("org_id", UNSET))

        def _parse_pass_threshold(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        pass_threshold = _parse_pass_threshold(d.pop("pass_threshold", UNSET))

        create_session = cls(
            closes_at=closes_at,
            gold_item_ids=gold_item_ids,
            participant_ids=participant_ids,
            slice_id=slice_id,
            title=title,
            org_id=org_id,
            pass_threshold=pass_threshold,
        )

        return create_session
