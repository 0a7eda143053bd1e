from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="FileAppeal")


@_attrs_define
class FileAppeal:
    """
    Attributes:
        explanation (str): Why (10–4000 characters); shown to whoever decides.
        assignment_id (None | str | Unset):
        sanction_id (None | str | Unset):
    """

    explanation: str
    assignment_id: None | str | Unset = UNSET
    sanction_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        explanation = self.explanation

        assignment_id: None | str | Unset
        if isinstance(self.assignment_id, Unset):
            assignment_id = UNSET
        else:
            assignment_id = self.assignment_id

        sanction_id: None | str | Unset
        if isinstance(self.sanction_id, Unset):
            sanction_id = UNSET
        else:
            sanction_id = self.sanction_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "explanation": explanation,
            }
        )
        if assignment_id is not UNSET:
            field_dict["assignment_id"] = assignment_id
        if sanction_id is not UNSET:
            field_dict["sanction_id"] = sanction_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        explanation = d.pop("explanation")

        def _parse_assignment_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        assignment_id = _parse_assignment_id(d.pop("assignment_id", UNSET))

        def _parse_sanction_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sanction_id = _parse_sanction_id(d.pop("sanction_id", UNSET))

        file_appeal = cls(
            explanation=explanation,
            assignment_id=assignment_id,
            sanction_id=sanction_id,
        )

        return file_appeal
