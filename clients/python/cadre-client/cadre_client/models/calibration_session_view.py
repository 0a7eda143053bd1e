from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.my_participation import MyParticipation


T = TypeVar("T", bound="CalibrationSessionView")


@_attrs_define
class CalibrationSessionView:
    """
    Attributes:
        closes_at (datetime.datetime):
        created_at (datetime.datetime):
        id (str): Opaque, time-sortable identifier: a calibration session id.
        items (int):
        opens_at (datetime.datetime):
        origin (str): `manual`, `repeat` or `corrective`.
        pass_threshold (float):
        reason (str):
        set_key (str): Sessions on the same items share it.
        slice_id (str): Opaque, time-sortable identifier: a slice id.
        status (str): `open` or `closed`.
        title (str):
        closed_at (datetime.datetime | None | Unset):
        gold_item_ids (list[str] | None | Unset): Managers only: the gold items (ids only; answers are under the gold
            endpoints).
        me (MyParticipation | None | Unset):
        org_id (None | str | Unset):
        participants (int | None | Unset): Managers only.
        repeat_of (None | str | Unset):
    """

    closes_at: datetime.datetime
    created_at: datetime.datetime
    id: str
    items: int
    opens_at: datetime.datetime
    origin: str
    pass_threshold: float
    reason: str
    set_key: str
    slice_id: str
    status: str
    title: str
    closed_at: datetime.datetime | None | Unset = UNSET
    gold_item_ids: list[str] | None | Unset = UNSET
    me: MyParticipation | None | Unset = UNSET
    org_id: None | str | Unset = UNSET
    participants: int | None | Unset = UNSET
    repeat_of: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.my_participation import MyParticipation  # noqa: PLC0415

        closes_at = self.closes_at.isoformat()

        created_at = self.created_at.isoformat()

        id = self.id

        items = self.items

        opens_at = self.opens_at.isoformat()

        origin = self.origin

        pass_threshold = self.pass_threshold

        reason = self.reason

        set_key = self.set_key

        slice_id = self.slice_id

        status = self.status

        title = self.title

        closed_at: None | str | Unset
        if isinstance(self.closed_at, Unset):
            closed_at = UNSET
        elif isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        gold_item_ids: list[str] | None | Unset
        if isinstance(self.gold_item_ids, Unset):
            gold_item_ids = UNSET
        elif isinstance(self.gold_item_ids, list):
            gold_item_ids = self.gold_item_ids

        else:
            gold_item_ids = self.gold_item_ids

        me: dict[str, Any] | None | Unset
        if isinstance(self.me, Unset):
            me = UNSET
        elif isinstance(self.me, MyParticipation):
            me = self.me.to_dict()
        else:
            me = self.me

        org_id: None | str | Unset
        if isinstance(self.org_id, Unset):
            org_id = UNSET
        else:
            org_id = self.org_id

        participants: int | None | Unset
        if isinstance(self.participants, Unset):
            participants = UNSET
        else:
            participants = self.participants

        repeat_of: None | str | Unset
        if isinstance(self.repeat_of, Unset):
            repeat_of = UNSET
        else:
            repeat_of = self.repeat_of

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "closes_at": closes_at,
                "created_at": created_at,
                "id": id,
                "items": items,
                "opens_at": opens_at,
                "origin": origin,
                "pass_threshold": pass_threshold,
                "reason": reason,
                "set_key": set_key,
                "slice_id": slice_id,
                "status": status,
                "title": title,
            }
        )
        if closed_at is not UNSET:
            field_dict["closed_at"] = closed_at
        if gold_item_ids is not UNSET:
            field_dict["gold_item_ids"] = gold_item_ids
        if me is not UNSET:
            field_dict["me"] = me
        if org_id is not UNSET:
            field_dict["org_id"] = org_id
        if participants is not UNSET:
            field_dict["participants"] = participants
        if repeat_of is not UNSET:
            field_dict["repeat_of"] = repeat_of

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.my_participation import MyParticipation  # noqa: PLC0415

        d = dict(src_dict)
        closes_at = datetime.datetime.fromisoformat(d.pop("closes_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        items = d.pop("items")

        opens_at = datetime.datetime.fromisoformat(d.pop("opens_at"))

        origin = d.pop("origin")

        pass_threshold = d.pop("pass_threshold")

        reason = d.pop("reason")

        set_key = d.pop("set_key")

        slice_id = d.pop("slice_id")

        status = d.pop("status")

        title = d.pop("title")

        def _parse_closed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        closed_at = _parse_closed_at(d.pop("closed_at", UNSET))

        def _parse_gold_item_ids(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                gold_item_ids_type_0 = cast(list[str], data)

                return gold_item_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        gold_item_ids = _parse_gold_item_ids(d.pop("gold_item_ids", UNSET))

        def _parse_me(data: object) -> MyParticipation | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                me_type_0 = MyParticipation.from_dict(data)

                return me_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MyParticipation | None | Unset, data)

        me = _parse_me(d.pop("me", UNSET))

        def _parse_org_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        org_id = _parse_org_id(d.pop("org_id", UNSET))

        def _parse_participants(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        participants = _parse_participants(d.pop("participants", UNSET))

        def _parse_repeat_of(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        repeat_of = _parse_repeat_of(d.pop("repeat_of", UNSET))

        calibration_session_view = cls(
            closes_at=closes_at,
            created_at=created_at,
            id=id,
            items=items,
            opens_at=opens_at,
            origin=origin,
            pass_threshold=pass_threshold,
            reason=reason,
            set_key=set_key,
            slice_id=slice_id,
            status=status,
            title=title,
            closed_at=closed_at,
            gold_item_ids=gold_item_ids,
            me=me,
            org_id=org_id,
            participants=participants,
            repeat_of=repeat_of,
        )

        calibration_session_view.additional_properties = d
        return calibration_session_view

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
