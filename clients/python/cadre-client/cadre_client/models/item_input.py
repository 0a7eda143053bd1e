from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.stakes import Stakes
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.item_input_payload import ItemInputPayload


T = TypeVar("T", bound="ItemInput")


@_attrs_define
class ItemInput:
    """One pushed item.

    Attributes:
        external_id (str): Your id for the item, unique per project; re-sending it with the same slice, payload
            and stakes returns the existing item (`exists`), with a different one a `conflict`
            naming the differing fields. Example: conv-88121-turn-4.
        payload (ItemInputPayload): The item as experts will see it (e.g. prompt and responses A/B), at most 64 KiB.
        deadline (datetime.datetime | None | Unset): When the lab needs the result; default: now + the project's default
            deadline.
            At least 5 minutes and at most 90 days ahead.
        judge_confidence (float | None | Unset): Your AI judge's confidence in [0, 1]; experts do not see it.
        priority (int | Unset): 0 (lowest) to 100 (highest), default 50.
        slice_id (None | str | Unset):
        stakes (Stakes | Unset): How much is riding on the item (routing and the lab's reports use it).
    """

    external_id: str
    payload: ItemInputPayload
    deadline: datetime.datetime | None | Unset = UNSET
    judge_confidence: float | None | Unset = UNSET
    priority: int | Unset = UNSET
    slice_id: None | str | Unset = UNSET
    stakes: Stakes | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        external_id = self.external_id

        payload = self.payload.to_dict()

        deadline: None | str | Unset
        if isinstance(self.deadline, Unset):
            deadline = UNSET
        elif isinstance(self.deadline, datetime.datetime):
            deadline = self.deadline.isoformat()
        else:
            deadline = self.deadline

        judge_confidence: float | None | Unset
        if isinstance(self.judge_confidence, Unset):
            judge_confidence = UNSET
        else:
            judge_confidence = self.judge_confidence

        priority = self.priority

        slice_id: None | str | Unset
        if isinstance(self.slice_id, Unset):
            slice_id = UNSET
        else:
            slice_id = self.slice_id

        stakes: str | Unset = UNSET
        if not isinstance(self.stakes, Unset):
            stakes = self.stakes.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "external_id": external_id,
                "payload": payload,
            }
        )
        if deadline is not UNSET:
            field_dict["deadline"] = deadline
        if judge_confidence is not UNSET:
            field_dict["judge_confidence"] = judge_confidence
        if priority is not UNSET:
            field_dict["priority"] = priority
        if slice_id is not UNSET:
            field_dict["slice_id"] = slice_id
        if stakes is not UNSET:
            field_dict["stakes"] = stakes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.item_input_payload import ItemInputPayload  # noqa: PLC0415

        d = dict(src_dict)
        external_id = d.pop("external_id")

        payload = ItemInputPayload.from_dict(d.pop("payload"))

        def _parse_deadline(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                deadline_type_0 = datetime.datetime.fromisoformat(data)

                return deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        deadline = _parse_deadline(d.pop("deadline", UNSET))

        def _parse_judge_confidence(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        judge_confidence = _parse_judge_confidence(d.pop("judge_confidence", UNSET))

        priority = d.pop("priority", UNSET)

        def _parse_slice_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        slice_id = _parse_slice_id(d.pop("slice_id", UNSET))

        _stakes = d.pop("stakes", UNSET)
        stakes: Stakes | Unset
        if isinstance(_stakes, Unset):
            stakes = UNSET
        else:
            stakes = Stakes(_stakes)

        item_input = cls(
            external_id=external_id,
            payload=payload,
            deadline=deadline,
            judge_confidence=judge_confidence,
            priority=priority,
            slice_id=slice_id,
            stakes=stakes,
        )

        return item_input
