from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.constitution_status import ConstitutionStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.clause import Clause


T = TypeVar("T", bound="ConstitutionView")


@_attrs_define
class ConstitutionView:
    """
    Attributes:
        clauses (list[Clause]):
        created_at (datetime.datetime):
        project_id (str): Opaque, time-sortable identifier: a project id.
        status (ConstitutionStatus):
        title (str):
        updated_at (datetime.datetime):
        version (int):
        published_at (datetime.datetime | None | Unset):
    """

    clauses: list[Clause]
    created_at: datetime.datetime
    project_id: str
    status: ConstitutionStatus
    title: str
    updated_at: datetime.datetime
    version: int
    published_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        clauses = []
        for clauses_item_data in self.clauses:
            clauses_item = clauses_item_data.to_dict()
            clauses.append(clauses_item)

        created_at = self.created_at.isoformat()

        project_id = self.project_id

        status = self.status.value

        title = self.title

        updated_at = self.updated_at.isoformat()

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
                "clauses": clauses,
                "created_at": created_at,
                "project_id": project_id,
                "status": status,
                "title": title,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if published_at is not UNSET:
            field_dict["published_at"] = published_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.clause import Clause  # noqa: PLC0415

        d = dict(src_dict)
        clauses = []
        _clauses = d.pop("clauses")
        for clauses_item_data in _clauses:
            clauses_item = Clause.from_dict(clauses_item_data)

            clauses.append(clauses_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        project_id = d.pop("project_id")

        status = ConstitutionStatus(d.pop("status"))

        title = d.pop("title")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

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

        constitution_view = cls(
            clauses=clauses,
            created_at=created_at,
            project_id=project_id,
            status=status,
            title=title,
            updated_at=updated_at,
            version=version,
            published_at=published_at,
        )

        constitution_view.additional_properties = d
        return constitution_view

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
