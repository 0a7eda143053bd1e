from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="JudgmentStanding")


@_attrs_define
class JudgmentStanding:
    """An expert's standing in a slice at the moment they submitted a judgment, as it was then
    (not as it is now).

        Attributes:
            gold_answers (float): Decayed number of gold answers behind the bound.
            status (str): Slice status: `none`, `probation`, `qualified` or `suspended`. Example: qualified.
            tier (str): Tier: `annotator`, `senior` or `adjudicator`. Example: senior.
            gold_lower_bound (float | None | Unset): Lower credible bound of the expert's decayed gold accuracy in the slice
                (`scoring.credible_level`) before this judgment counted, as their score profile
                showed it then; null before their first gold answer.
    """

    gold_answers: float
    status: str
    tier: str
    gold_lower_bound: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        gold_answers = self.gold_answers

        status = self.status

        tier = self.tier

        gold_lower_bound: float | None | Unset
        if isinstance(self.gold_lower_bound, Unset):
            gold_lower_bound = UNSET
        else:
            gold_lower_bound = self.gold_lower_bound

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "gold_answers": gold_answers,
                "status": status,
                "tier": tier,
            }
        )
        if gold_lower_bound is not UNSET:
            field_dict["gold_lower_bound"] = gold_lower_bound

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        gold_answers = d.pop("gold_answers")

        status = d.pop("status")

        tier = d.pop("tier")

        def _parse_gold_lower_bound(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        gold_lower_bound = _parse_gold_lower_bound(d.pop("gold_lower_bound", UNSET))

        judgment_standing = cls(
            gold_answers=gold_answers,
            status=status,
            tier=tier,
            gold_lower_bound=gold_lower_bound,
        )

        judgment_standing.additional_properties = d
        return judgment_standing

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
