from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.event_type import EventType
from ..types import UNSET, Unset

T = TypeVar("T", bound="PageEndpointViewDataItem")


@_attrs_define
class PageEndpointViewDataItem:
    """A webhook endpoint (its secret is shown only when created or rotated).

    Attributes:
        created_at (datetime.datetime):
        description (str):
        enabled (bool): Disabled endpoints receive nothing; their pending deliveries fail.
        events (list[EventType]):
        id (str): Opaque, time-sortable identifier: a webhook endpoint id.
        org_id (str): Opaque, time-sortable identifier: an organization id.
        updated_at (datetime.datetime):
        url (str):  Example: https://hooks.example-lab.com/cadre.
        previous_secret_expires_at (datetime.datetime | None | Unset): Until when the previous secret also signs, after
            a rotation.
    """

    created_at: datetime.datetime
    description: str
    enabled: bool
    events: list[EventType]
    id: str
    org_id: str
    updated_at: datetime.datetime
    url: str
    previous_secret_expires_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        description = self.description

        enabled = self.enabled

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.value
            events.append(events_item)

        id = self.id

        org_id = self.org_id

        updated_at = self.updated_at.isoformat()

        url = self.url

        previous_secret_expires_at: None | str | Unset
        if isinstance(self.previous_secret_expires_at, Unset):
            previous_secret_expires_at = UNSET
        elif isinstance(self.previous_secret_expires_at, datetime.datetime):
            previous_secret_expires_at = self.previous_secret_expires_at.isoformat()
        else:
            previous_secret_expires_at = self.previous_secret_expires_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "description": description,
                "enabled": enabled,
                "events": events,
                "id": id,
                "org_id": org_id,
                "updated_at": updated_at,
                "url": url,
            }
        )
        if previous_secret_expires_at is not UNSET:
            field_dict["previous_secret_expires_at"] = previous_secret_expires_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        description = d.pop("description")

        enabled = d.pop("enabled")

        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = EventType(events_item_data)

            events.append(events_item)

        id = d.pop("id")

        org_id = d.pop("org_id")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        url = d.pop("url")

        def _parse_previous_secret_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                previous_secret_expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return previous_secret_expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        previous_secret_expires_at = _parse_previous_secret_expires_at(d.pop("previous_secret_expires_at", UNSET))

        page_endpoint_view_data_item = cls(
            created_at=created_at,
            description=description,
            enabled=enabled,
            events=events,
            id=id,
            org_id=org_id,
            updated_at=updated_at,
            url=url,
            previous_secret_expires_at=previous_secret_expires_at,
        )

        page_endpoint_view_data_item.additional_properties = d
        return page_endpoint_view_data_item

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
