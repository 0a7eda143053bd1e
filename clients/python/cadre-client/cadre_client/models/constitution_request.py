from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.clause import Clause


T = TypeVar("T", bound="ConstitutionRequest")


@_attrs_define
class ConstitutionRequest:
    """
    Attributes:
        clauses (list[Clause]):
        title (str):  Example: Radiology report policy.
    """

    clauses: list[Clause]
    title: str

    def to_dict(self) -> dict[str, Any]:
        clauses = []
        for clauses_item_data in self.clauses:
            clauses_item = clauses_item_data.to_dict()
            clauses.append(clauses_item)

        title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "clauses": clauses,
                "title": title,
            }
        )

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

        title = d.pop("title")

        constitution_request = cls(
            clauses=clauses,
            title=title,
        )

        return constitution_request
