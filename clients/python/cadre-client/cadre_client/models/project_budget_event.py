from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ProjectBudgetEvent")


@_attrs_define
class ProjectBudgetEvent:
    """`project.budget_warning` and `project.budget_reached`.

    Attributes:
        cap_minor (int): The project's budget cap, minor units.
        committed_minor (int): What the project's measured time bills, minor units.
        currency (str): The project's bill currency. Example: EUR.
        project_id (str): Opaque, time-sortable identifier: a project id.
        projected_minor (int): Committed spend plus the expected bill of open work, minor units.
    """

    cap_minor: int
    committed_minor: int
    currency: str
    project_id: str
    projected_minor: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cap_minor = self.cap_minor

        committed_minor = self.committed_minor

        currency = self.currency

        project_id = self.project_id

        projected_minor = self.projected_minor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cap_minor": cap_minor,
                "committed_minor": committed_minor,
                "currency": currency,
                "project_id": project_id,
                "projected_minor": projected_minor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cap_minor = d.pop("cap_minor")

        committed_minor = d.pop("committed_minor")

        currency = d.pop("currency")

        project_id = d.pop("project_id")

        projected_minor = d.pop("projected_minor")

        project_budget_event = cls(
            cap_minor=cap_minor,
            committed_minor=committed_minor,
            currency=currency,
            project_id=project_id,
            projected_minor=projected_minor,
        )

        project_budget_event.additional_properties = d
        return project_budget_event

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
