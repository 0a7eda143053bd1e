from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.card_standing import CardStanding
    from ..models.contact import Contact
    from ..models.credential_summary import CredentialSummary


T = TypeVar("T", bound="ExpertCard")


@_attrs_define
class ExpertCard:
    """
    Attributes:
        eligible_domains (list[str]): Slugs of the domains whose credential requirements the expert meets today.
        handle (str):  Example: expert-7f3k9q2m.
        id (str): Opaque, time-sortable identifier: an expert id.
        languages (list[str]):
        slices (list[CardStanding]): Shared slices, and the viewing lab's own private slices.
        time_zone (str):
        verified_credentials (list[CredentialSummary]): Verified credentials that count today.
        contact (Contact | None | Unset):
    """

    eligible_domains: list[str]
    handle: str
    id: str
    languages: list[str]
    slices: list[CardStanding]
    time_zone: str
    verified_credentials: list[CredentialSummary]
    contact: Contact | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.contact import Contact  # noqa: PLC0415

        eligible_domains = self.eligible_domains

        handle = self.handle

        id = self.id

        languages = self.languages

        slices = []
        for slices_item_data in self.slices:
            slices_item = slices_item_data.to_dict()
            slices.append(slices_item)

        time_zone = self.time_zone

        verified_credentials = []
        for verified_credentials_item_data in self.verified_credentials:
            verified_credentials_item = verified_credentials_item_data.to_dict()
            verified_credentials.append(verified_credentials_item)

        contact: dict[str, Any] | None | Unset
        if isinstance(self.contact, Unset):
            contact = UNSET
        elif isinstance(self.contact, Contact):
            contact = self.contact.to_dict()
        else:
            contact = self.contact

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "eligible_domains": eligible_domains,
                "handle": handle,
                "id": id,
                "languages": languages,
                "slices": slices,
                "time_zone": time_zone,
                "verified_credentials": verified_credentials,
            }
        )
        if contact is not UNSET:
            field_dict["contact"] = contact

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.card_standing import CardStanding  # noqa: PLC0415
        from ..models.contact import Contact  # noqa: PLC0415
        from ..models.credential_summary import CredentialSummary  # noqa: PLC0415

        d = dict(src_dict)
        eligible_domains = cast(list[str], d.pop("eligible_domains"))

        handle = d.pop("handle")

        id = d.pop("id")

        languages = cast(list[str], d.pop("languages"))

        slices = []
        _slices = d.pop("slices")
        for slices_item_data in _slices:
            slices_item = CardStanding.from_dict(slices_item_data)

            slices.append(slices_item)

        time_zone = d.pop("time_zone")

        verified_credentials = []
        _verified_credentials = d.pop("verified_credentials")
        for verified_credentials_item_data in _verified_credentials:
            verified_credentials_item = CredentialSummary.from_dict(verified_credentials_item_data)

            verified_credentials.append(verified_credentials_item)

        def _parse_contact(data: object) -> Contact | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                contact_type_0 = Contact.from_dict(data)

                return contact_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Contact | None | Unset, data)

        contact = _parse_contact(d.pop("contact", UNSET))

        expert_card = cls(
            eligible_domains=eligible_domains,
            handle=handle,
            id=id,
            languages=languages,
            slices=slices,
            time_zone=time_zone,
            verified_credentials=verified_credentials,
            contact=contact,
        )

        expert_card.additional_properties = d
        return expert_card

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
