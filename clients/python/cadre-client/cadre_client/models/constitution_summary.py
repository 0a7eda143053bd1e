from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.constitution_status import ConstitutionStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConstitutionSummary")


@_attrs_define
class ConstitutionSummary:
    """
    Attributes:
        clause_count (int):
        status (ConstitutionStatus):
        title (str):
        version (int):
        published_at (datetime.datetime | None | Unset):
    """

    clause_count: int
    status: ConstitutionStatus
    title: str
    version: int
    published_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        clause_count = self.clause_count

        status = self.status.value

        title = self.title

        version = self.version

        published_at: None | str | Unset
        if isinstance(self.published_at, Unset):
            published_at = UNSET
        elif isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "clause_count": clause_count,
                "status": status,
                "title": title,
                "version": version,
            }
        )
        if published_at is not UNSET:
            field_dict["published_at"] = published_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        clause_count = d.pop("clause_count")

        status = ConstitutionStatus(d.pop("status"))

        title = d.pop("title")

        version = d.pop("version")

        def _parse_published_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_at_type_0 = datetime.datetime.fromisoformat(data)

                return published_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        published_at = _parse_published_at(d.pop("published_at", UNSET))

        constitution_summary = cls(
            clause_count=clause_count,
            status=status,
            title=title,
            version=version,
            published_at=published_at,
        )

        constitution_summary.additional_properties = d
        return constitution_summary

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
