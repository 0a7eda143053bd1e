from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Exclusions")


@_attrs_define
class Exclusions:
    """Conflict-of-interest exclusions applied by routing.

    Attributes:
        affiliation_keywords (list[str] | Unset): Matched case-insensitively against experts' current and past
            affiliations
            (e.g. a competitor's name).
        expert_ids (list[str] | Unset): Individual experts who never work on this project.
        vendor_ids (list[str] | Unset): Vendors whose experts never work on this project.
    """

    affiliation_keywords: list[str] | Unset = UNSET
    expert_ids: list[str] | Unset = UNSET
    vendor_ids: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        affiliation_keywords: list[str] | Unset = UNSET
        if not isinstance(self.affiliation_keywords, Unset):
            affiliation_keywords = self.affiliation_keywords

        expert_ids: list[str] | Unset = UNSET
        if not isinstance(self.expert_ids, Unset):
            expert_ids = self.expert_ids

        vendor_ids: list[str] | Unset = UNSET
        if not isinstance(self.vendor_ids, Unset):
            vendor_ids = self.vendor_ids

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if affiliation_keywords is not UNSET:
            field_dict["affiliation_keywords"] = affiliation_keywords
        if expert_ids is not UNSET:
            field_dict["expert_ids"] = expert_ids
        if vendor_ids is not UNSET:
            field_dict["vendor_ids"] = vendor_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        affiliation_keywords = cast(list[str], d.pop("affiliation_keywords", UNSET))

        expert_ids = cast(list[str], d.pop("expert_ids", UNSET))

        vendor_ids = cast(list[str], d.pop("vendor_ids", UNSET))

        exclusions = cls(
            affiliation_keywords=affiliation_keywords,
            expert_ids=expert_ids,
            vendor_ids=vendor_ids,
        )

        return exclusions
