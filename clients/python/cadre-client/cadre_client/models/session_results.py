from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.drift_point import DriftPoint
    from ..models.item_split import ItemSplit
    from ..models.participant_result import ParticipantResult


T = TypeVar("T", bound="SessionResults")


@_attrs_define
class SessionResults:
    """
    Attributes:
        drift (list[DriftPoint]): Every session of the same owner (this vendor, or the platform) on the same set of
            items, oldest first (this one included); never another organisation's sessions.
        items (list[ItemSplit]): Items ordered by how much they split the group.
        participants (list[ParticipantResult]):
        session_id (str): Opaque, time-sortable identifier: a calibration session id.
        alpha (float | None | Unset): Krippendorff's alpha (nominal) among the participants; null when undefined.
    """

    drift: list[DriftPoint]
    items: list[ItemSplit]
    participants: list[ParticipantResult]
    session_id: str
    alpha: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        drift = []
        for drift_item_data in self.drift:
            drift_item = drift_item_data.to_dict()
            drift.append(drift_item)

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        participants = []
        for participants_item_data in self.participants:
            participants_item = participants_item_data.to_dict()
            participants.append(participants_item)

        session_id = self.session_id

        alpha: float | None | Unset
        if isinstance(self.alpha, Unset):
            alpha = UNSET
        else:
            alpha = self.alpha

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "drift": drift,
                "items": items,
                "participants": participants,
                "session_id": session_id,
            }
        )
        if alpha is not UNSET:
            field_dict["alpha"] = alpha

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.drift_point import DriftPoint  # noqa: PLC0415
        from ..models.item_split import ItemSplit  # noqa: PLC0415
        from ..models.participant_result import ParticipantResult  # noqa: PLC0415

        d = dict(src_dict)
        drift = []
        _drift = d.pop("drift")
        for drift_item_data in _drift:
            drift_item = DriftPoint.from_dict(drift_item_data)

            drift.append(drift_item)

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ItemSplit.from_dict(items_item_data)

            items.append(items_item)

        participants = []
        _participants = d.pop("participants")
        for participants_item_data in _participants:
            participants_item = ParticipantResult.from_dict(participants_item_data)

            participants.append(participants_item)

        session_id = d.pop("session_id")

        def _parse_alpha(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        alpha = _parse_alpha(d.pop("alpha", UNSET))

        session_results = cls(
            drift=drift,
            items=items,
            participants=participants,
            session_id=session_id,
            alpha=alpha,
        )

        session_results.additional_properties = d
        return session_results

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
