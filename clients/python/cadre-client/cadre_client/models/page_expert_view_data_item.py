from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.vetting_status import VettingStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.affiliation import Affiliation
    from ..models.money import Money


T = TypeVar("T", bound="PageExpertViewDataItem")


@_attrs_define
class PageExpertViewDataItem:
    """The full profile, as the expert, their vendor's admins and platform admins see it.

    Attributes:
        affiliations (list[Affiliation]):
        bio (str):
        contact_consent (bool): May labs see the expert's name and contact details?
        country (str):
        created_at (datetime.datetime):
        desired_rate (Money):
        display_name (str):
        domain_ids (list[str]):
        email (str):
        handle (str): Pseudonymous handle; the only identity labs see unless the expert consents.
        headline (str):
        id (str): Opaque, time-sortable identifier: an expert id.
        languages (list[str]):
        status_changed_at (datetime.datetime):
        time_zone (str):
        updated_at (datetime.datetime):
        user_id (str): Opaque, time-sortable identifier: a user id.
        vetting_status (VettingStatus):
        vendor_id (None | str | Unset):
    """

    affiliations: list[Affiliation]
    bio: str
    contact_consent: bool
    country: str
    created_at: datetime.datetime
    desired_rate: Money
    display_name: str
    domain_ids: list[str]
    email: str
    handle: str
    headline: str
    id: str
    languages: list[str]
    status_changed_at: datetime.datetime
    time_zone: str
    updated_at: datetime.datetime
    user_id: str
    vetting_status: VettingStatus
    vendor_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        affiliations = []
        for affiliations_item_data in self.affiliations:
            affiliations_item = affiliations_item_data.to_dict()
            affiliations.append(affiliations_item)

        bio = self.bio

        contact_consent = self.contact_consent

        country = self.country

        created_at = self.created_at.isoformat()

        desired_rate = self.desired_rate.to_dict()

        display_name = self.display_name

        domain_ids = self.domain_ids

        email = self.email

        handle = self.handle

        headline = self.headline

        id = self.id

        languages = self.languages

        status_changed_at = self.status_changed_at.isoformat()

        time_zone = self.time_zone

        updated_at = self.updated_at.isoformat()

        user_id = self.user_id

        vetting_status = self.vetting_status.value

        vendor_id: None | str | Unset
        if isinstance(self.vendor_id, Unset):
            vendor_id = UNSET
        else:
            vendor_id = self.vendor_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "affiliations": affiliations,
                "bio": bio,
                "contact_consent": contact_consent,
                "country": country,
                "created_at": created_at,
                "desired_rate": desired_rate,
                "display_name": display_name,
                "domain_ids": domain_ids,
                "email": email,
                "handle": handle,
                "headline": headline,
                "id": id,
                "languages": languages,
                "status_changed_at": status_changed_at,
                "time_zone": time_zone,
                "updated_at": updated_at,
                "user_id": user_id,
                "vetting_status": vetting_status,
            }
        )
        if vendor_id is not UNSET:
            field_dict["vendor_id"] = vendor_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.affiliation import Affiliation  # noqa: PLC0415
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        affiliations = []
        _affiliations = d.pop("affiliations")
        for affiliations_item_data in _affiliations:
            affiliations_item = Affiliation.from_dict(affiliations_item_data)

            affiliations.append(affiliations_item)

        bio = d.pop("bio")

        contact_consent = d.pop("contact_consent")

        country = d.pop("country")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        desired_rate = Money.from_dict(d.pop("desired_rate"))

        display_name = d.pop("display_name")

        domain_ids = cast(list[str], d.pop("domain_ids"))

        email = d.pop("email")

        handle = d.pop("handle")

        headline = d.pop("headline")

        id = d.pop("id")

        languages = cast(list[str], d.pop("languages"))

        status_changed_at = datetime.datetime.fromisoformat(d.pop("status_changed_at"))

        time_zone = d.pop("time_zone")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        user_id = d.pop("user_id")

        vetting_status = VettingStatus(d.pop("vetting_status"))

        def _parse_vendor_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vendor_id = _parse_vendor_id(d.pop("vendor_id", UNSET))

        page_expert_view_data_item = cls(
            affiliations=affiliations,
            bio=bio,
            contact_consent=contact_consent,
            country=country,
            created_at=created_at,
            desired_rate=desired_rate,
            display_name=display_name,
            domain_ids=domain_ids,
            email=email,
            handle=handle,
            headline=headline,
            id=id,
            languages=languages,
            status_changed_at=status_changed_at,
            time_zone=time_zone,
            updated_at=updated_at,
            user_id=user_id,
            vetting_status=vetting_status,
            vendor_id=vendor_id,
        )

        page_expert_view_data_item.additional_properties = d
        return page_expert_view_data_item

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
