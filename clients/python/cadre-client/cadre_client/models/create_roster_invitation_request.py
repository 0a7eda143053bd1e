from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateRosterInvitationRequest")


@_attrs_define
class CreateRosterInvitationRequest:
    """
    Attributes:
        email (str):
        message (str | Unset): A note shown in the e-mail (optional, up to 2000 characters).
    """

    email: str
    message: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        message = self.message

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email": email,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        message = d.pop("message", UNSET)

        create_roster_invitation_request = cls(
            email=email,
            message=message,
        )

        return create_roster_invitation_request
