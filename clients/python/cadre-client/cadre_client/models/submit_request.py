from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.submit_request_label import SubmitRequestLabel


T = TypeVar("T", bound="SubmitRequest")


@_attrs_define
class SubmitRequest:
    """
    Attributes:
        label (SubmitRequestLabel): Your judgment in the slice's label schema, with `rationale` and `cited_clauses`
            (clause ids of the pinned constitution).
    """

    label: SubmitRequestLabel

    def to_dict(self) -> dict[str, Any]:
        label = self.label.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "label": label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.submit_request_label import SubmitRequestLabel  # noqa: PLC0415

        d = dict(src_dict)
        label = SubmitRequestLabel.from_dict(d.pop("label"))

        submit_request = cls(
            label=label,
        )

        return submit_request
