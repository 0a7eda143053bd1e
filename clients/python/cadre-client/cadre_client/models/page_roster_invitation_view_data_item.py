from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.roster_invitation_status import RosterInvitationStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="PageRosterInvitationViewDataItem")


@_attrs_define
class PageRosterInvitationViewDataItem:
    """
    Attributes:
        created_at (datetime.datetime):
        email (str):
        expires_at (datetime.datetime):
        id (str): Opaque, time-sortable identifier: a roster invitation id.
        invited_by (str): Opaque, time-sortable identifier: a user id.
        message (str):
        status (RosterInvitationStatus):
        vendor_id (str): Opaque, time-sortable identifier: an organization id.
        accepted_at (datetime.datetime | None | Unset):
        accepted_by_expert (None | str | Unset):
    """

    created_at: datetime.datetime
    email: str
    expires_at: datetime.datetime
    id: str
    invited_by: str
    message: str
    status: RosterInvitationStatus
    vendor_id: str
    accepted_at: datetime.datetime | None | Unset = UNSET
    accepted_by_expert: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        email = self.email

        expires_at = self.expires_at.isoformat()

        id = self.id

        invited_by = self.invited_by

        message = self.message

        status = self.status.value

        vendor_id = self.vendor_id

        accepted_at: None | str | Unset
        if isinstance(self.accepted_at, Unset):
            accepted_at = UNSET
        elif isinstance(self.accepted_at, datetime.datetime):
            accepted_at = self.accepted_at.isoformat()
        else:
            accepted_at = self.accepted_at

        accepted_by_expert: None | str | Unset
        if isinstance(self.accepted_by_expert, Unset):
            accepted_by_expert = UNSET
        else:
            accepted_by_expert = self.accepted_by_expert

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "email": email,
                "expires_at": expires_at,
                "id": id,
                "invited_by": invited_by,
                "message": message,
                "status": status,
                "vendor_id": vendor_id,
            }
        )
        if accepted_at is not UNSET:
            field_dict["accepted_at"] = accepted_at
        if accepted_by_expert is not UNSET:
            field_dict["accepted_by_expert"] = accepted_by_expert

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        email = d.pop("email")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        id = d.pop("id")

        invited_by = d.pop("invited_by")

        message = d.pop("message")

        status = RosterInvitationStatus(d.pop("status"))

        vendor_id = d.pop("vendor_id")

        def _parse_accepted_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                accepted_at_type_0 = datetime.datetime.fromisoformat(data)

                return accepted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        accepted_at = _parse_accepted_at(d.pop("accepted_at", UNSET))

        def _parse_accepted_by_expert(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        accepted_by_expert = _parse_accepted_by_expert(d.pop("accepted_by_expert", UNSET))

        page_roster_invitation_view_data_item = cls(
            created_at=created_at,
            email=email,
            expires_at=expires_at,
            id=id,
            invited_by=invited_by,
            message=message,
            status=status,
            vendor_id=vendor_id,
            accepted_at=accepted_at,
            accepted_by_expert=accepted_by_expert,
        )

        page_roster_invitation_view_data_item.additional_properties = d
        return page_roster_invitation_view_data_item

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
