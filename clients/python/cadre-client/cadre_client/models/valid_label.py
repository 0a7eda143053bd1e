from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ValidLabel")


@_attrs_define
class ValidLabel:
    """The typed form of a valid label.

    Attributes:
        both_bad (bool):
        cited_clauses (list[str]):
        choice (None | str | Unset): `a`, `b` or `tie` (pairwise) or the chosen label (categorical).
        score (int | None | Unset):
        strength (int | None | Unset):
    """

    both_bad: bool
    cited_clauses: list[str]
    choice: None | str | Unset = UNSET
    score: int | None | Unset = UNSET
    strength: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        both_bad = self.both_bad

        cited_clauses = self.cited_clauses

        choice: None | str | Unset
        if isinstance(self.choice, Unset):
            choice = UNSET
        else:
            choice = self.choice

        score: int | None | Unset
        if isinstance(self.score, Unset):
            score = UNSET
        else:
            score = self.score

        strength: int | None | Unset
        if isinstance(self.strength, Unset):
            strength = UNSET
        else:
            strength = self.strength

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "both_bad": both_bad,
                "cited_clauses": cited_clauses,
            }
        )
        if choice is not UNSET:
            field_dict["choice"] = choice
        if score is not UNSET:
            field_dict["score"] = score
        if strength is not UNSET:
            field_dict["strength"] = strength

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        both_bad = d.pop("both_bad")

        cited_clauses = cast(list[str], d.pop("cited_clauses"))

        def _parse_choice(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        choice = _parse_choice(d.pop("choice", UNSET))

        def _parse_score(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        score = _parse_score(d.pop("score", UNSET))

        def _parse_strength(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        strength = _parse_strength(d.pop("strength", UNSET))

        valid_label = cls(
            both_bad=both_bad,
            cited_clauses=cited_clauses,
            choice=choice,
            score=score,
            strength=strength,
        )

        valid_label.additional_properties = d
        return valid_label

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
