from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.label_schema_type_1_kind import LabelSchemaType1Kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="LabelSchemaType1")


@_attrs_define
class LabelSchemaType1:
    """One of a listed set of labels (their order matters for ordinal reliability).

    Attributes:
        kind (LabelSchemaType1Kind):
        labels (list[str]):
        citations_required (bool | Unset): Every label must cite at least one constitution clause. Default: False.
        rationale_required (bool | Unset): Every label must carry a rationale. Default: True.
    """

    kind: LabelSchemaType1Kind
    labels: list[str]
    citations_required: bool | Unset = False
    rationale_required: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        labels = self.labels

        citations_required = self.citations_required

        rationale_required = self.rationale_required

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "labels": labels,
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
        kind = LabelSchemaType1Kind(d.pop("kind"))

        labels = cast(list[str], d.pop("labels"))

        citations_required = d.pop("citations_required", UNSET)

        rationale_required = d.pop("rationale_required", UNSET)

        label_schema_type_1 = cls(
            kind=kind,
            labels=labels,
            citations_required=citations_required,
            rationale_required=rationale_required,
        )

        return label_schema_type_1
