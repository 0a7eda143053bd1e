from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AcceptRosterInvitationRequest")


@_attrs_define
class AcceptRosterInvitationRequest:
    """
    Attributes:
        token (str): The token from the invitation e-mail.
        leave_current_roster (bool | Unset): Your consent to leave the roster you are on now (required when you are on
            one;
            without it accepting is refused with 409 naming this field).
    """

    token: str
    leave_current_roster: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        token = self.token

        leave_current_roster = self.leave_current_roster

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "token": token,
            }
        )
        if leave_current_roster is not UNSET:
            field_dict["leave_current_roster"] = leave_current_roster

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        token = d.pop("token")

        leave_current_roster = d.pop("leave_current_roster", UNSET)

        accept_roster_invitation_request = cls(
            token=token,
            leave_current_roster=leave_current_roster,
        )

        return accept_roster_invitation_request
