from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.effective_requirement import EffectiveRequirement
    from ..models.requirement_view import RequirementView


T = TypeVar("T", bound="PageDomainViewDataItem")


@_attrs_define
class PageDomainViewDataItem:
    """
    Attributes:
        created_at (datetime.datetime):
        description (str):
        effective_requirements (list[EffectiveRequirement]): Everything an expert needs for this domain: its own
            requirements and its ancestors'.
        id (str): Opaque, time-sortable identifier: a domain id.
        name (str):
        requirements (list[RequirementView]): Requirements declared on this domain.
        slug (str):  Example: medicine/radiology.
        updated_at (datetime.datetime):
        parent_id (None | str | Unset):
    """

    created_at: datetime.datetime
    description: str
    effective_requirements: list[EffectiveRequirement]
    id: str
    name: str
    requirements: list[RequirementView]
    slug: str
    updated_at: datetime.datetime
    parent_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        description = self.description

        effective_requirements = []
        for effective_requirements_item_data in self.effective_requirements:
            effective_requirements_item = effective_requirements_item_data.to_dict()
            effective_requirements.append(effective_requirements_item)

        id = self.id

        name = self.name

        requirements = []
        for requirements_item_data in self.requirements:
            requirements_item = requirements_item_data.to_dict()
            requirements.append(requirements_item)

        slug = self.slug

        updated_at = self.updated_at.isoformat()

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        else:
            parent_id = self.parent_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "description": description,
                "effective_requirements": effective_requirements,
                "id": id,
                "name": name,
                "requirements": requirements,
                "slug": slug,
                "updated_at": updated_at,
            }
        )
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.effective_requirement import EffectiveRequirement  # noqa: PLC0415
        from ..models.requirement_view import RequirementView  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        description = d.pop("description")

        effective_requirements = []
        _effective_requirements = d.pop("effective_requirements")
        for effective_requirements_item_data in _effective_requirements:
            effective_requirements_item = EffectiveRequirement.from_dict(effective_requirements_item_data)

            effective_requirements.append(effective_requirements_item)

        id = d.pop("id")

        name = d.pop("name")

        requirements = []
        _requirements = d.pop("requirements")
        for requirements_item_data in _requirements:
            requirements_item = RequirementView.from_dict(requirements_item_data)

            requirements.append(requirements_item)

        slug = d.pop("slug")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_parent_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))

        page_domain_view_data_item = cls(
            created_at=created_at,
            description=description,
            effective_requirements=effective_requirements,
            id=id,
            name=name,
            requirements=requirements,
            slug=slug,
            updated_at=updated_at,
            parent_id=parent_id,
        )

        page_domain_view_data_item.additional_properties = d
        return page_domain_view_data_item

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
