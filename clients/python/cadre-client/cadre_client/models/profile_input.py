from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.affiliation import Affiliation


T = TypeVar("T", bound="ProfileInput")


@_attrs_define
class ProfileInput:
    """
    Attributes:
        country (str): Where the expert lives and is paid: an ISO 3166-1 alpha-2 code, upper case. A
            Stripe payout account is opened in this country (and cannot move later). Example: DE.
        desired_currency (str):  Example: EUR.
        desired_rate_minor (int):  Example: 9000.
        display_name (str):  Example: Dr. Wei Chen.
        domain_ids (list[str]): Rubric domains of expertise (1–20).
        languages (list[str]): BCP 47 tags (1–20). Example: ['de', 'en'].
        time_zone (str): IANA time zone. Example: Europe/Berlin.
        affiliations (list[Affiliation] | Unset): Current and past employers and institutions (used for conflict-of-
            interest checks).
        bio (str | Unset):
        contact_consent (bool | Unset): Let labs see your name and contact details (default: no, they see your handle).
        headline (str | Unset):  Example: Radiologist, 12 years of chest CT.
        roster_invitation (None | str | Unset): When applying: the token of a vendor's roster invitation sent to your
            address. You
            apply with that vendor set (their admins vet you); without one you apply
            independently. Not accepted when editing.
    """

    country: str
    desired_currency: str
    desired_rate_minor: int
    display_name: str
    domain_ids: list[str]
    languages: list[str]
    time_zone: str
    affiliations: list[Affiliation] | Unset = UNSET
    bio: str | Unset = UNSET
    contact_consent: bool | Unset = UNSET
    headline: str | Unset = UNSET
    roster_invitation: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        country = self.country

        desired_currency = self.desired_currency

        desired_rate_minor = self.desired_rate_minor

        display_name = self.display_name

        domain_ids = self.domain_ids

        languages = self.languages

        time_zone = self.time_zone

        affiliations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.affiliations, Unset):
            affiliations = []
            for affiliations_item_data in self.affiliations:
                affiliations_item = affiliations_item_data.to_dict()
                affiliations.append(affiliations_item)

        bio = self.bio

        contact_consent = self.contact_consent

        headline = self.headline

        roster_invitation: None | str | Unset
        if isinstance(self.roster_invitation, Unset):
            roster_invitation = UNSET
        else:
            roster_invitation = self.roster_invitation

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "country": country,
                "desired_currency": desired_currency,
                "desired_rate_minor": desired_rate_minor,
                "display_name": display_name,
                "domain_ids": domain_ids,
                "languages": languages,
                "time_zone": time_zone,
            }
        )
        if affiliations is not UNSET:
            field_dict["affiliations"] = affiliations
        if bio is not UNSET:
            field_dict["bio"] = bio
        if contact_consent is not UNSET:
            field_dict["contact_consent"] = contact_consent
        if headline is not UNSET:
            field_dict["headline"] = headline
        if roster_invitation is not UNSET:
            field_dict["roster_invitation"] = roster_invitation

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.affiliation import Affiliation  # noqa: PLC0415

        d = dict(src_dict)
        country = d.pop("country")

        desired_currency = d.pop("desired_currency")

        desired_rate_minor = d.pop("desired_rate_minor")

        display_name = d.pop("display_name")

        domain_ids = cast(list[str], d.pop("domain_ids"))

        languages = cast(list[str], d.pop("languages"))

        time_zone = d.pop("time_zone")

        _affiliations = d.pop("affiliations", UNSET)
        affiliations: list[Affiliation] | Unset = UNSET
        if _affiliations is not UNSET:
            affiliations = []
            for affiliations_item_data in _affiliations:
                affiliations_item = Affiliation.from_dict(affiliations_item_data)

                affiliations.append(affiliations_item)

        bio = d.pop("bio", UNSET)

        contact_consent = d.pop("contact_consent", UNSET)

        headline = d.pop("headline", UNSET)

        def _parse_roster_invitation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        roster_invitation = _parse_roster_invitation(d.pop("roster_invitation", UNSET))

        profile_input = cls(
            country=country,
            desired_currency=desired_currency,
            desired_rate_minor=desired_rate_minor,
            display_name=display_name,
            domain_ids=domain_ids,
            languages=languages,
            time_zone=time_zone,
            affiliations=affiliations,
            bio=bio,
            contact_consent=contact_consent,
            headline=headline,
            roster_invitation=roster_invitation,
        )

        return profile_input
