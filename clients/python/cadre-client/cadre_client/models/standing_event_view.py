from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.standing_event_view_details import StandingEventViewDetails


T = TypeVar("T", bound="StandingEventView")


@_attrs_define
class StandingEventView:
    """
    Attributes:
        actor_type (str): `user` (an admin) or `system` (assessments, scoring).
        aspect (str): `status` or `tier`.
        at (datetime.datetime):
        details (StandingEventViewDetails): The numbers behind the change (e.g. an assessment's score), if any.
        from_ (str):
        id (str): Opaque, time-sortable identifier: a slice standing event id.
        reason (str):
        to (str):
    """

    actor_type: str
    aspect: str
    at: datetime.datetime
    details: StandingEventViewDetails
    from_: str
    id: str
    reason: str
    to: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actor_type = self.actor_type

        aspect = self.aspect

        at = self.at.isoformat()

        details = self.details.to_dict()

        from_ = self.from_

        id = self.id

        reason = self.reason

        to = self.to

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actor_type": actor_type,
                "aspect": aspect,
                "at": at,
                "details": details,
                "from": from_,
                "id": id,
                "reason": reason,
                "to": to,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.standing_event_view_details import StandingEventViewDetails  # noqa: PLC0415

        d = dict(src_dict)
        actor_type = d.pop("actor_type")

        aspect = d.pop("aspect")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        details = StandingEventViewDetails.from_dict(d.pop("details"))

        from_ = d.pop("from")

        id = d.pop("id")

        reason = d.pop("reason")

        to = d.pop("to")

        standing_event_view = cls(
            actor_type=actor_type,
            aspect=aspect,
            at=at,
            details=details,
            from_=from_,
            id=id,
            reason=reason,
            to=to,
        )

        standing_event_view.additional_properties = d
        return standing_event_view

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
