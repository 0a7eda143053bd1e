from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.domain_eligibility import DomainEligibility


T = TypeVar("T", bound="Eligibility")


@_attrs_define
class Eligibility:
    """
    Attributes:
        as_of (datetime.date): The UTC day the answer holds for.
        domains (list[DomainEligibility]): Every domain of the taxonomy, in slug order.
    """

    as_of: datetime.date
    domains: list[DomainEligibility]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        domains = []
        for domains_item_data in self.domains:
            domains_item = domains_item_data.to_dict()
            domains.append(domains_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "domains": domains,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.domain_eligibility import DomainEligibility  # noqa: PLC0415

        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        domains = []
        _domains = d.pop("domains")
        for domains_item_data in _domains:
            domains_item = DomainEligibility.from_dict(domains_item_data)

            domains.append(domains_item)

        eligibility = cls(
            as_of=as_of,
            domains=domains,
        )

        eligibility.additional_properties = d
        return eligibility

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
