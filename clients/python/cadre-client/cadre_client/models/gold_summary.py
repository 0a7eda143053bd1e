from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.distribution import Distribution


T = TypeVar("T", bound="GoldSummary")


@_attrs_define
class GoldSummary:
    """
    Attributes:
        answers (int): Gold answers in the window, pooled over the experts in scope.
        correct (int):
        expert_lower_bounds (Distribution | None | Unset):
        lower_bound (float | None | Unset):
        mean (float | None | Unset): Posterior mean and lower bound of the pooled accuracy; null without answers.
    """

    answers: int
    correct: int
    expert_lower_bounds: Distribution | None | Unset = UNSET
    lower_bound: float | None | Unset = UNSET
    mean: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.distribution import Distribution  # noqa: PLC0415

        answers = self.answers

        correct = self.correct

        expert_lower_bounds: dict[str, Any] | None | Unset
        if isinstance(self.expert_lower_bounds, Unset):
            expert_lower_bounds = UNSET
        elif isinstance(self.expert_lower_bounds, Distribution):
            expert_lower_bounds = self.expert_lower_bounds.to_dict()
        else:
            expert_lower_bounds = self.expert_lower_bounds

        lower_bound: float | None | Unset
        if isinstance(self.lower_bound, Unset):
            lower_bound = UNSET
        else:
            lower_bound = self.lower_bound

        mean: float | None | Unset
        if isinstance(self.mean, Unset):
            mean = UNSET
        else:
            mean = self.mean

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "answers": answers,
                "correct": correct,
            }
        )
        if expert_lower_bounds is not UNSET:
            field_dict["expert_lower_bounds"] = expert_lower_bounds
        if lower_bound is not UNSET:
            field_dict["lower_bound"] = lower_bound
        if mean is not UNSET:
            field_dict["mean"] = mean

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.distribution import Distribution  # noqa: PLC0415

        d = dict(src_dict)
        answers = d.pop("answers")

        correct = d.pop("correct")

        def _parse_expert_lower_bounds(data: object) -> Distribution | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                expert_lower_bounds_type_0 = Distribution.from_dict(data)

                return expert_lower_bounds_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Distribution | None | Unset, data)

        expert_lower_bounds = _parse_expert_lower_bounds(d.pop("expert_lower_bounds", UNSET))

        def _parse_lower_bound(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        lower_bound = _parse_lower_bound(d.pop("lower_bound", UNSET))

        def _parse_mean(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        mean = _parse_mean(d.pop("mean", UNSET))

        gold_summary = cls(
            answers=answers,
            correct=correct,
            expert_lower_bounds=expert_lower_bounds,
            lower_bound=lower_bound,
            mean=mean,
        )

        gold_summary.additional_properties = d
        return gold_summary

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
