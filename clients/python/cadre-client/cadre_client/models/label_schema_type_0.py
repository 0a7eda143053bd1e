from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.label_schema_type_0_kind import LabelSchemaType0Kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="LabelSchemaType0")


@_attrs_define
class LabelSchemaType0:
    """Preference a / b / tie between two responses, with a strength for a non-tie and an optional both-bad flag.

    Attributes:
        kind (LabelSchemaType0Kind):
        allow_both_bad (bool | Unset):  Default: True.
        allow_tie (bool | Unset):  Default: True.
        citations_required (bool | Unset): Every label must cite at least one constitution clause. Default: False.
        max_strength (int | Unset):  Default: 3.
        rationale_required (bool | Unset): Every label must carry a rationale. Default: True.
    """

    kind: LabelSchemaType0Kind
    allow_both_bad: bool | Unset = True
    allow_tie: bool | Unset = True
    citations_required: bool | Unset = False
    max_strength: int | Unset = 3
    rationale_required: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        allow_both_bad = self.allow_both_bad

        allow_tie = self.allow_tie

        citations_required = self.citations_required

        max_strength = self.max_strength

        rationale_required = self.rationale_required

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
            }
        )
        if allow_both_bad is not UNSET:
            field_dict["allow_both_bad"] = allow_both_bad
        if allow_tie is not UNSET:
            field_dict["allow_tie"] = allow_tie
        if citations_required is not UNSET:
            field_dict["citations_required"] = citations_required
        if max_strength is not UNSET:
            field_dict["max_strength"] = max_strength
        if rationale_required is not UNSET:
            field_dict["rationale_required"] = rationale_required

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = LabelSchemaType0Kind(d.pop("kind"))

        allow_both_bad = d.pop("allow_both_bad", UNSET)

        allow_tie = d.pop("allow_tie", UNSET)

        citations_required = d.pop("citations_required", UNSET)

        max_strength = d.pop("max_strength", UNSET)

        rationale_required = d.pop("rationale_required", UNSET)

        label_schema_type_0 = cls(
            kind=kind,
            allow_both_bad=allow_both_bad,
            allow_tie=allow_tie,
            citations_required=citations_required,
            max_strength=max_strength,
            rationale_required=rationale_required,
        )

        return label_schema_type_0
