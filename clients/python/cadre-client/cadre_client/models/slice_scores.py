from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.slice_status import SliceStatus
from ..models.tier import Tier

if TYPE_CHECKING:
    from ..models.failed_gold_check import FailedGoldCheck
    from ..models.metric_view import MetricView


T = TypeVar("T", bound="SliceScores")


@_attrs_define
class SliceScores:
    """An expert's scores in one slice.

    Attributes:
        failed_gold_checks (list[FailedGoldCheck]): The latest (up to 20) answers marked wrong against a gold answer,
            listed
            `routing.gold_feedback_delay_hours` (default 48) after they were submitted: what the
            expert may appeal (`POST /v1/appeals` with the assignment id). The gold answers stay
            hidden.
        metrics (list[MetricView]):
        outlook (str): What gold accuracy means for the status now (the next threshold and what is missing).
        slice_id (str): Opaque, time-sortable identifier: a slice id.
        slice_key (str):  Example: code/rust-review.
        status (SliceStatus):
        status_reason (str): Why the status is what it is, e.g. "suspended in `code/rust-review` because the 90 %
            lower bound of gold accuracy is 0.72 after 37 answers …".
        tier (Tier):
    """

    failed_gold_checks: list[FailedGoldCheck]
    metrics: list[MetricView]
    outlook: str
    slice_id: str
    slice_key: str
    status: SliceStatus
    status_reason: str
    tier: Tier
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        failed_gold_checks = []
        for failed_gold_checks_item_data in self.failed_gold_checks:
            failed_gold_checks_item = failed_gold_checks_item_data.to_dict()
            failed_gold_checks.append(failed_gold_checks_item)

        metrics = []
        for metrics_item_data in self.metrics:
            metrics_item = metrics_item_data.to_dict()
            metrics.append(metrics_item)

        outlook = self.outlook

        slice_id = self.slice_id

        slice_key = self.slice_key

        status = self.status.value

        status_reason = self.status_reason

        tier = self.tier.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "failed_gold_checks": failed_gold_checks,
                "metrics": metrics,
                "outlook": outlook,
                "slice_id": slice_id,
                "slice_key": slice_key,
                "status": status,
                "status_reason": status_reason,
                "tier": tier,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.failed_gold_check import FailedGoldCheck  # noqa: PLC0415
        from ..models.metric_view import MetricView  # noqa: PLC0415

        d = dict(src_dict)
        failed_gold_checks = []
        _failed_gold_checks = d.pop("failed_gold_checks")
        for failed_gold_checks_item_data in _failed_gold_checks:
            failed_gold_checks_item = FailedGoldCheck.from_dict(failed_gold_checks_item_data)

            failed_gold_checks.append(failed_gold_checks_item)

        metrics = []
        _metrics = d.pop("metrics")
        for metrics_item_data in _metrics:
            metrics_item = MetricView.from_dict(metrics_item_data)

            metrics.append(metrics_item)

        outlook = d.pop("outlook")

        slice_id = d.pop("slice_id")

        slice_key = d.pop("slice_key")

        status = SliceStatus(d.pop("status"))

        status_reason = d.pop("status_reason")

        tier = Tier(d.pop("tier"))

        slice_scores = cls(
            failed_gold_checks=failed_gold_checks,
            metrics=metrics,
            outlook=outlook,
            slice_id=slice_id,
            slice_key=slice_key,
            status=status,
            status_reason=status_reason,
            tier=tier,
        )

        slice_scores.additional_properties = d
        return slice_scores

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
