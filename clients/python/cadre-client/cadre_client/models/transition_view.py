from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.vetting_status import VettingStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="TransitionView")


@_attrs_define
class TransitionView:
    """
    Attributes:
        actor_type (str): `user` (an admin or the expert) or `system`.
        at (datetime.datetime):
        reason (str):
        to (VettingStatus):
        from_ (None | Unset | VettingStatus):
    """

    actor_type: str
    at: datetime.datetime
    reason: str
    to: VettingStatus
    from_: None | Unset | VettingStatus = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actor_type = self.actor_type

        at = self.at.isoformat()

        reason = self.reason

        to = self.to.value

        from_: None | str | Unset
        if isinstance(self.from_, Unset):
            from_ = UNSET
        elif isinstance(self.from_, VettingStatus):
            from_ = self.from_.value
        else:
            from_ = self.from_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actor_type": actor_type,
                "at": at,
                "reason": reason,
                "to": to,
            }
        )
        if from_ is not UNSET:
            field_dict["from"] = from_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        actor_type = d.pop("actor_type")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        reason = d.pop("reason")

        to = VettingStatus(d.pop("to"))

        def _parse_from_(data: object) -> None | Unset | VettingStatus:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_type_0 = VettingStatus(data)

                return from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VettingStatus, data)

        from_ = _parse_from_(d.pop("from", UNSET))

        transition_view = cls(
            actor_type=actor_type,
            at=at,
            reason=reason,
            to=to,
            from_=from_,
        )

        transition_view.additional_properties = d
        return transition_view

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
