from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.vetting_status import VettingStatus

T = TypeVar("T", bound="TransitionRequest")


@_attrs_define
class TransitionRequest:
    """
    Attributes:
        reason (str): Shown to the expert in the e-mail and the history.
        to (VettingStatus):
    """

    reason: str
    to: VettingStatus

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        to = self.to.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
                "to": to,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        to = VettingStatus(d.pop("to"))

        transition_request = cls(
            reason=reason,
            to=to,
        )

        return transition_request
