from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.gold_item_input_answer import GoldItemInputAnswer
    from ..models.gold_item_input_payload import GoldItemInputPayload


T = TypeVar("T", bound="GoldItemInput")


@_attrs_define
class GoldItemInput:
    """One uploaded row.

    Attributes:
        answer (GoldItemInputAnswer): The known answer, in the slice's label format (its `cited_clauses` cite the
            constitution).
        explanation (str): Why this is the answer.
        payload (GoldItemInputPayload): The item as experts will see it (e.g. prompt and responses A/B).
        external_id (None | str | Unset): Your id for the item; re-sending it reports the existing item instead of a
            duplicate.
        slice_id (None | str | Unset):
    """

    answer: GoldItemInputAnswer
    explanation: str
    payload: GoldItemInputPayload
    external_id: None | str | Unset = UNSET
    slice_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        answer = self.answer.to_dict()

        explanation = self.explanation

        payload = self.payload.to_dict()

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        slice_id: None | str | Unset
        if isinstance(self.slice_id, Unset):
            slice_id = UNSET
        else:
            slice_id = self.slice_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "answer": answer,
                "explanation": explanation,
                "payload": payload,
            }
        )
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if slice_id is not UNSET:
            field_dict["slice_id"] = slice_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.gold_item_input_answer import GoldItemInputAnswer  # noqa: PLC0415
        from ..models.gold_item_input_payload import GoldItemInputPayload  # noqa: PLC0415

        d = dict(src_dict)
        answer = GoldItemInputAnswer.from_dict(d.pop("answer"))

        explanation = d.pop("explanation")

        payload = GoldItemInputPayload.from_dict(d.pop("payload"))

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        def _parse_slice_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        slice_id = _parse_slice_id(d.pop("slice_id", UNSET))

        gold_item_input = cls(
            answer=answer,
            explanation=explanation,
            payload=payload,
            external_id=external_id,
            slice_id=slice_id,
        )

        return gold_item_input
