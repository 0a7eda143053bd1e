from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Affiliation")


@_attrs_define
class Affiliation:
    """
    Attributes:
        current (bool): Current (true) or past (false).
        name (str): Employer or institution, matched against labs' conflict-of-interest keywords. Example: Charité
            Berlin.
    """

    current: bool
    name: str

    def to_dict(self) -> dict[str, Any]:
        current = self.current

        name = self.name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "current": current,
                "name": name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        current = d.pop("current")

        name = d.pop("name")

        affiliation = cls(
            current=current,
            name=name,
        )

        return affiliation
