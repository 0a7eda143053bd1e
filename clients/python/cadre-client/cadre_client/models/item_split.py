from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.item_split_classes import ItemSplitClasses


T = TypeVar("T", bound="ItemSplit")


@_attrs_define
class ItemSplit:
    """
    Attributes:
        answers (int):
        classes (ItemSplitClasses): Answers per class.
        gold_item_id (str):
        reference (str): The reference answer's class.
        split (float): 1 − the largest class's share: 0 when everyone agrees, higher when the group splits.
        agreement_with_reference (float | None | Unset): Share of answers matching the reference; null without answers.
    """

    answers: int
    classes: ItemSplitClasses
    gold_item_id: str
    reference: str
    split: float
    agreement_with_reference: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        answers = self.answers

        classes = self.classes.to_dict()

        gold_item_id = self.gold_item_id

        reference = self.reference

        split = self.split

        agreement_with_reference: float | None | Unset
        if isinstance(self.agreement_with_reference, Unset):
            agreement_with_reference = UNSET
        else:
            agreement_with_reference = self.agreement_with_reference

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "answers": answers,
                "classes": classes,
                "gold_item_id": gold_item_id,
                "reference": reference,
                "split": split,
            }
        )
        if agreement_with_reference is not UNSET:
            field_dict["agreement_with_reference"] = agreement_with_reference

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.item_split_classes import ItemSplitClasses  # noqa: PLC0415

        d = dict(src_dict)
        answers = d.pop("answers")

        classes = ItemSplitClasses.from_dict(d.pop("classes"))

        gold_item_id = d.pop("gold_item_id")

        reference = d.pop("reference")

        split = d.pop("split")

        def _parse_agreement_with_reference(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        agreement_with_reference = _parse_agreement_with_reference(d.pop("agreement_with_reference", UNSET))

        item_split = cls(
            answers=answers,
            classes=classes,
            gold_item_id=gold_item_id,
            reference=reference,
            split=split,
            agreement_with_reference=agreement_with_reference,
        )

        item_split.additional_properties = d
        return item_split

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
