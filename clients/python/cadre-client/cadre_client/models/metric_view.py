from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.metric import Metric
from ..types import UNSET, Unset

T = TypeVar("T", bound="MetricView")


@_attrs_define
class MetricView:
    """One metric of a profile, decayed to now.

    Attributes:
        effective_n (float): The decayed number of observations the posterior rests on.
        explanation (str): The numbers in one sentence.
        metric (Metric):
        n (int): Observations ever counted (raw, before decay).
        kappa (float | None | Unset): Co-annotator agreement only: Cohen's kappa of the expert against their co-
            annotators
            (pooled table of label classes); null when undefined.
        kappa_lower_bound (float | None | Unset): Co-annotator agreement only: the lower bound, chance-corrected like
            kappa.
        lower_bound (float | None | Unset): Lower credible bound (`scoring.credible_level`, default 90 %): what status
            changes use.
        mean (float | None | Unset): Posterior mean of the rate; null before any observation.
        upper_bound (float | None | Unset):
    """

    effective_n: float
    explanation: str
    metric: Metric
    n: int
    kappa: float | None | Unset = UNSET
    kappa_lower_bound: float | None | Unset = UNSET
    lower_bound: float | None | Unset = UNSET
    mean: float | None | Unset = UNSET
    upper_bound: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        effective_n = self.effective_n

        explanation = self.explanation

        metric = self.metric.value

        n = self.n

        kappa: float | None | Unset
        if isinstance(self.kappa, Unset):
            kappa = UNSET
        else:
            kappa = self.kappa

        kappa_lower_bound: float | None | Unset
        if isinstance(self.kappa_lower_bound, Unset):
            kappa_lower_bound = UNSET
        else:
            kappa_lower_bound = self.kappa_lower_bound

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

        upper_bound: float | None | Unset
        if isinstance(self.upper_bound, Unset):
            upper_bound = UNSET
        else:
            upper_bound = self.upper_bound

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "effective_n": effective_n,
                "explanation": explanation,
                "metric": metric,
                "n": n,
            }
        )
        if kappa is not UNSET:
            field_dict["kappa"] = kappa
        if kappa_lower_bound is not UNSET:
            field_dict["kappa_lower_bound"] = kappa_lower_bound
        if lower_bound is not UNSET:
            field_dict["lower_bound"] = lower_bound
        if mean is not UNSET:
            field_dict["mean"] = mean
        if upper_bound is not UNSET:
            field_dict["upper_bound"] = upper_bound

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        effective_n = d.pop("effective_n")

        explanation = d.pop("explanation")

        metric = Metric(d.pop("metric"))

        n = d.pop("n")

        def _parse_kappa(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        kappa = _parse_kappa(d.pop("kappa", UNSET))

        def _parse_kappa_lower_bound(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        kappa_lower_bound = _parse_kappa_lower_bound(d.pop("kappa_lower_bound", UNSET))

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

        def _parse_upper_bound(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        upper_bound = _parse_upper_bound(d.pop("upper_bound", UNSET))

        metric_view = cls(
            effective_n=effective_n,
            explanation=explanation,
            metric=metric,
            n=n,
            kappa=kappa,
            kappa_lower_bound=kappa_lower_bound,
            lower_bound=lower_bound,
            mean=mean,
            upper_bound=upper_bound,
        )

        metric_view.additional_properties = d
        return metric_view

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
