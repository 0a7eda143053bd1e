from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AdjudicationLoad")


@_attrs_define
class AdjudicationLoad:
    """
    Attributes:
        items_waiting (int): Items of the slice (any lab) waiting for an eligible adjudicator: disagreements no
            adjudicator has been offered.
        open_assignments (int): Open adjudication assignments (offered or accepted) held by this roster's experts.
        per_adjudicator (float | None | Unset): `open_assignments` per adjudicator on the roster; null without
            adjudicators.
    """

    items_waiting: int
    open_assignments: int
    per_adjudicator: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items_waiting = self.items_waiting

        open_assignments = self.open_assignments

        per_adjudicator: float | None | Unset
        if isinstance(self.per_adjudicator, Unset):
            per_adjudicator = UNSET
        else:
            per_adjudicator = self.per_adjudicator

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items_waiting": items_waiting,
                "open_assignments": open_assignments,
            }
        )
        if per_adjudicator is not UNSET:
            field_dict["per_adjudicator"] = per_adjudicator

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        items_waiting = d.pop("items_waiting")

        open_assignments = d.pop("open_assignments")

        def _parse_per_adjudicator(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        per_adjudicator = _parse_per_adjudicator(d.pop("per_adjudicator", UNSET))

        adjudication_load = cls(
            items_waiting=items_waiting,
            open_assignments=open_assignments,
            per_adjudicator=per_adjudicator,
        )

        adjudication_load.additional_properties = d
        return adjudication_load

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
