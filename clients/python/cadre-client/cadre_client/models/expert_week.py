from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.amount import Amount
    from ..models.share import Share


T = TypeVar("T", bound="ExpertWeek")


@_attrs_define
class ExpertWeek:
    """The numbers of one expert in one week, with their cumulative scores at the week's end.

    Attributes:
        active_hours (float):
        adjudicated_agreement (Share): A count and the share of successes; `rate` is null when `n` is 0.
        calibration (Share): A count and the share of successes; `rate` is null when `n` is 0.
        gold (Share): A count and the share of successes; `rate` is null when `n` is 0.
        judgments (int):
        pay (list[Amount]):
        week_start (datetime.datetime):
        calibration_lower_bound (float | None | Unset): The same for calibration answers.
        gold_lower_bound (float | None | Unset): Lower credible bound of decayed gold accuracy at the week's end
            (everything up to
            then, as scoring computes it); null before the first gold answer.
    """

    active_hours: float
    adjudicated_agreement: Share
    calibration: Share
    gold: Share
    judgments: int
    pay: list[Amount]
    week_start: datetime.datetime
    calibration_lower_bound: float | None | Unset = UNSET
    gold_lower_bound: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active_hours = self.active_hours

        adjudicated_agreement = self.adjudicated_agreement.to_dict()

        calibration = self.calibration.to_dict()

        gold = self.gold.to_dict()

        judgments = self.judgments

        pay = []
        for pay_item_data in self.pay:
            pay_item = pay_item_data.to_dict()
            pay.append(pay_item)

        week_start = self.week_start.isoformat()

        calibration_lower_bound: float | None | Unset
        if isinstance(self.calibration_lower_bound, Unset):
            calibration_lower_bound = UNSET
        else:
            calibration_lower_bound = self.calibration_lower_bound

        gold_lower_bound: float | None | Unset
        if isinstance(self.gold_lower_bound, Unset):
            gold_lower_bound = UNSET
        else:
            gold_lower_bound = self.gold_lower_bound

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active_hours": active_hours,
                "adjudicated_agreement": adjudicated_agreement,
                "calibration": calibration,
                "gold": gold,
                "judgments": judgments,
                "pay": pay,
                "week_start": week_start,
            }
        )
        if calibration_lower_bound is not UNSET:
            field_dict["calibration_lower_bound"] = calibration_lower_bound
        if gold_lower_bound is not UNSET:
            field_dict["gold_lower_bound"] = gold_lower_bound

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.amount import Amount  # noqa: PLC0415
        from ..models.share import Share  # noqa: PLC0415

        d = dict(src_dict)
        active_hours = d.pop("active_hours")

        adjudicated_agreement = Share.from_dict(d.pop("adjudicated_agreement"))

        calibration = Share.from_dict(d.pop("calibration"))

        gold = Share.from_dict(d.pop("gold"))

        judgments = d.pop("judgments")

        pay = []
        _pay = d.pop("pay")
        for pay_item_data in _pay:
            pay_item = Amount.from_dict(pay_item_data)

            pay.append(pay_item)

        week_start = datetime.datetime.fromisoformat(d.pop("week_start"))

        def _parse_calibration_lower_bound(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        calibration_lower_bound = _parse_calibration_lower_bound(d.pop("calibration_lower_bound", UNSET))

        def _parse_gold_lower_bound(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        gold_lower_bound = _parse_gold_lower_bound(d.pop("gold_lower_bound", UNSET))

        expert_week = cls(
            active_hours=active_hours,
            adjudicated_agreement=adjudicated_agreement,
            calibration=calibration,
            gold=gold,
            judgments=judgments,
            pay=pay,
            week_start=week_start,
            calibration_lower_bound=calibration_lower_bound,
            gold_lower_bound=gold_lower_bound,
        )

        expert_week.additional_properties = d
        return expert_week

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
