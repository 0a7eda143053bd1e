from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.label_schema_type_2_kind import LabelSchemaType2Kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="LabelSchemaType2")


@_attrs_define
class LabelSchemaType2:
    """An integer score from min to max (at most 100 steps).

    Attributes:
        kind (LabelSchemaType2Kind):
        max_ (int):
        min_ (int):
        citations_required (bool | Unset): Every label must cite at least one constitution clause. Default: False.
        rationale_required (bool | Unset): Every label must carry a rationale. Default: True.
    """

    kind: LabelSchemaType2Kind
    max_: int
    min_: int
    citations_required: bool | Unset = False
    rationale_required: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        max_ = self.max_

        min_ = self.min_

        citations_required = self.citations_required

        rationale_required = self.rationale_required

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "max": max_,
                "min": min_,
            }
        )
        if citations_required is not UNSET:
            field_dict["citations_required"] = citations_required
        if rationale_required is not UNSET:
            field_dict["rationale_required"] = rationale_required

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = LabelSchemaType2Kind(d.pop("kind"))

        max_ = d.pop("max")

        min_ = d.pop("min")

        citations_required = d.pop("citations_required", UNSET)

        rationale_required = d.pop("rationale_required", UNSET)

        label_schema_type_2 = cls(
            kind=kind,
            max_=max_,
            min_=min_,
            citations_required=citations_required,
            rationale_required=rationale_required,
        )

        return label_schema_type_2
