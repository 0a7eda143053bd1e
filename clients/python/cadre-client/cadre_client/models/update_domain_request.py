from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.requirement_input import RequirementInput


T = TypeVar("T", bound="UpdateDomainRequest")


@_attrs_define
class UpdateDomainRequest:
    """
    Attributes:
        description (None | str | Unset):
        name (None | str | Unset):
        parent_slug (None | str | Unset): Move under this parent slug (`""` for the root). Refused (409) while the
            domain is in use.
        requirements (list[RequirementInput] | None | Unset): Replaces the domain's own requirements.
    """

    description: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    parent_slug: None | str | Unset = UNSET
    requirements: list[RequirementInput] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        parent_slug: None | str | Unset
        if isinstance(self.parent_slug, Unset):
            parent_slug = UNSET
        else:
            parent_slug = self.parent_slug

        requirements: list[dict[str, Any]] | None | Unset
        if isinstance(self.requirements, Unset):
            requirements = UNSET
        elif isinstance(self.requirements, list):
            requirements = []
            for requirements_type_0_item_data in self.requirements:
                requirements_type_0_item = requirements_type_0_item_data.to_dict()
                requirements.append(requirements_type_0_item)

        else:
            requirements = self.requirements

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if description is not UNSET:
            field_dict["description"] = description
        if name is not UNSET:
            field_dict["name"] = name
        if parent_slug is not UNSET:
            field_dict["parent_slug"] = parent_slug
        if requirements is not UNSET:
            field_dict["requirements"] = requirements

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.requirement_input import RequirementInput  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_parent_slug(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_slug = _parse_parent_slug(d.pop("parent_slug", UNSET))

        def _parse_requirements(data: object) -> list[RequirementInput] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                requirements_type_0 = []
                _requirements_type_0 = data
                for requirements_type_0_item_data in _requirements_type_0:
                    requirements_type_0_item = RequirementInput.from_dict(requirements_type_0_item_data)

                    requirements_type_0.append(requirements_type_0_item)

                return requirements_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[RequirementInput] | None | Unset, data)

        requirements = _parse_requirements(d.pop("requirements", UNSET))

        update_domain_request = cls(
            description=description,
            name=name,
            parent_slug=parent_slug,
            requirements=requirements,
        )

        return update_domain_request
