from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PageAuditEventViewDataItem")


@_attrs_define
class PageAuditEventViewDataItem:
    """An audit event as platform admins read it.

    Attributes:
        action (str): Dotted action name, e.g. `auth.login`, `org.member_role_changed`, `api_key.revoked`.
        actor_type (str): `user`, `api_key`, `system` or `anonymous`.
        at (datetime.datetime):
        details (Any):
        id (str): Opaque, time-sortable identifier: an audit event id.
        subject_type (str):
        actor_id (None | str | Unset):
        org_id (None | str | Unset):
        request_id (None | str | Unset):
        subject_id (None | str | Unset):
    """

    action: str
    actor_type: str
    at: datetime.datetime
    details: Any
    id: str
    subject_type: str
    actor_id: None | str | Unset = UNSET
    org_id: None | str | Unset = UNSET
    request_id: None | str | Unset = UNSET
    subject_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        actor_type = self.actor_type

        at = self.at.isoformat()

        details = self.details

        id = self.id

        subject_type = self.subject_type

        actor_id: None | str | Unset
        if isinstance(self.actor_id, Unset):
            actor_id = UNSET
        else:
            actor_id = self.actor_id

        org_id: None | str | Unset
        if isinstance(self.org_id, Unset):
            org_id = UNSET
        else:
            org_id = self.org_id

        request_id: None | str | Unset
        if isinstance(self.request_id, Unset):
            request_id = UNSET
        else:
            request_id = self.request_id

        subject_id: None | str | Unset
        if isinstance(self.subject_id, Unset):
            subject_id = UNSET
        else:
            subject_id = self.subject_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "actor_type": actor_type,
                "at": at,
                "details": details,
                "id": id,
                "subject_type": subject_type,
            }
        )
        if actor_id is not UNSET:
            field_dict["actor_id"] = actor_id
        if org_id is not UNSET:
            field_dict["org_id"] = org_id
        if request_id is not UNSET:
            field_dict["request_id"] = request_id
        if subject_id is not UNSET:
            field_dict["subject_id"] = subject_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = d.pop("action")

        actor_type = d.pop("actor_type")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        details = d.pop("details")

        id = d.pop("id")

        subject_type = d.pop("subject_type")

        def _parse_actor_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        actor_id = _parse_actor_id(d.pop("actor_id", UNSET))

        def _parse_org_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        org_id = _parse_org_id(d.pop("org_id", UNSET))

        def _parse_request_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        request_id = _parse_request_id(d.pop("request_id", UNSET))

        def _parse_subject_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject_id = _parse_subject_id(d.pop("subject_id", UNSET))

        page_audit_event_view_data_item = cls(
            action=action,
            actor_type=actor_type,
            at=at,
            details=details,
            id=id,
            subject_type=subject_type,
            actor_id=actor_id,
            org_id=org_id,
            request_id=request_id,
            subject_id=subject_id,
        )

        page_audit_event_view_data_item.additional_properties = d
        return page_audit_event_view_data_item

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
