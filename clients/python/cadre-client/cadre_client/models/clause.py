from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Clause")


@_attrs_define
class Clause:
    """
    Attributes:
        id (str): Stable id, `C` followed by dot-separated numbers (`C1.2`); judgments cite it. Example: C1.2.
        text (str):  Example: Prefer the response that states its uncertainty over one that guesses..
        counter_examples (list[str] | Unset):
        examples (list[str] | Unset):
    """

    id: str
    text: str
    counter_examples: list[str] | Unset = UNSET
    examples: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        text = self.text

        counter_examples: list[str] | Unset = UNSET
        if not isinstance(self.counter_examples, Unset):
            counter_examples = self.counter_examples

        examples: list[str] | Unset = UNSET
        if not isinstance(self.examples, Unset):
            examples = self.examples

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "text": text,
            }
        )
        if counter_examples is not UNSET:
            field_dict["counter_examples"] = counter_examples
        if examples is not UNSET:
            field_dict["examples"] = examples

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        text = d.pop("text")

        counter_examples = cast(list[str], d.pop("counter_examples", UNSET))

        examples = cast(list[str], d.pop("examples", UNSET))

        clause = cls(
            id=id,
            text=text,
            counter_examples=counter_examples,
            examples=examples,
        )

        return clause
