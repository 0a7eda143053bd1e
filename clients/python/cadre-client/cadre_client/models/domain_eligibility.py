from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.requirement_status import RequirementStatus


T = TypeVar("T", bound="DomainEligibility")


@_attrs_define
class DomainEligibility:
    """
    Attributes:
        domain_id (str): Opaque, time-sortable identifier: a domain id.
        eligible (bool): All requirements met (a domain without requirements is open to every expert).
        requirements (list[RequirementStatus]):
        slug (str):  Example: medicine/radiology.
    """

    domain_id: str
    eligible: bool
    requirements: list[RequirementStatus]
    slug: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        domain_id = self.domain_id

        eligible = self.eligible

        requirements = []
        for requirements_item_data in self.requirements:
            requirements_item = requirements_item_data.to_dict()
            requirements.append(requirements_item)

        slug = self.slug

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "domain_id": domain_id,
                "eligible": eligible,
                "requirements": requirements,
                "slug": slug,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.requirement_status import RequirementStatus  # noqa: PLC0415

        d = dict(src_dict)
        domain_id = d.pop("domain_id")

        eligible = d.pop("eligible")

        requirements = []
        _requirements = d.pop("requirements")
        for requirements_item_data in _requirements:
            requirements_item = RequirementStatus.from_dict(requirements_item_data)

            requirements.append(requirements_item)

        slug = d.pop("slug")

        domain_eligibility = cls(
            domain_id=domain_id,
            eligible=eligible,
            requirements=requirements,
            slug=slug,
        )

        domain_eligibility.additional_properties = d
        return domain_eligibility

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
