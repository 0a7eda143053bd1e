from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.requirement_input import RequirementInput


T = TypeVar("T", bound="CreateDomainRequest")


@_attrs_define
class CreateDomainRequest:
    """
    Attributes:
        name (str):  Example: Radiology.
        slug (str): Lowercase path; its parent (`medicine` for `medicine/radiology`) must exist. Example:
            medicine/radiology.
        description (str | Unset):
        requirements (list[RequirementInput] | Unset): Credentials an expert needs here (in addition to those inherited
            from ancestors).
    """

    name: str
    slug: str
    description: str | Unset = UNSET
    requirements: list[RequirementInput] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        slug = self.slug

        description = self.description

        requirements: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.requirements, Unset):
            requirements = []
            for requirements_item_data in self.requirements:
                requirements_item = requirements_item_data.to_dict()
                requirements.append(requirements_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "slug": slug,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if requirements is not UNSET:
            field_dict["requirements"] = requirements

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.requirement_input import RequirementInput  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        slug = d.pop("slug")

        description = d.pop("description", UNSET)

        _requirements = d.pop("requirements", UNSET)
        requirements: list[RequirementInput] | Unset = UNSET
        if _requirements is not UNSET:
            requirements = []
            for requirements_item_data in _requirements:
                requirements_item = RequirementInput.from_dict(requirements_item_data)

                requirements.append(requirements_item)

        create_domain_request = cls(
            name=name,
            slug=slug,
            description=description,
            requirements=requirements,
        )

        return create_domain_request
