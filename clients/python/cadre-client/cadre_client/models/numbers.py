from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.agreement import Agreement
    from ..models.amount import Amount
    from ..models.share import Share


T = TypeVar("T", bound="Numbers")


@_attrs_define
class Numbers:
    """The numbers of one bucket (a week, or the whole period).

    Attributes:
        active_hours (float): Measured hours (time entries on this roster).
        adjudication_overturn (Share): A count and the share of successes; `rate` is null when `n` is 0.
        agreement (Agreement):
        calibration (Share): A count and the share of successes; `rate` is null when `n` is 0.
        calibration_agreement (Agreement):
        gold (Share): A count and the share of successes; `rate` is null when `n` is 0.
        judgments (int): Judgments submitted in routed work (annotator and adjudicator, gold included).
        pay (list[Amount]): Pay per currency: approved timesheets on this roster and paid training time.
        unapproved_sheet_lines (int): Timesheet lines of the period not approved yet (their pay is not in `pay`).
        informativeness (None | Share | Unset):
    """

    active_hours: float
    adjudication_overturn: Share
    agreement: Agreement
    calibration: Share
    calibration_agreement: Agreement
    gold: Share
    judgments: int
    pay: list[Amount]
    unapproved_sheet_lines: int
    informativeness: None | Share | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.share import Share  # noqa: PLC0415

        active_hours = self.active_hours

        adjudication_overturn = self.adjudication_overturn.to_dict()

        agreement = self.agreement.to_dict()

        calibration = self.calibration.to_dict()

        calibration_agreement = self.calibration_agreement.to_dict()

        gold = self.gold.to_dict()

        judgments = self.judgments

        pay = []
        for pay_item_data in self.pay:
            pay_item = pay_item_data.to_dict()
            pay.append(pay_item)

        unapproved_sheet_lines = self.unapproved_sheet_lines

        informativeness: dict[str, Any] | None | Unset
        if isinstance(self.informativeness, Unset):
            informativeness = UNSET
        elif isinstance(self.informativeness, Share):
            informativeness = self.informativeness.to_dict()
        else:
            informativeness = self.informativeness

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active_hours": active_hours,
                "adjudication_overturn": adjudication_overturn,
                "agreement": agreement,
                "calibration": calibration,
                "calibration_agreement": calibration_agreement,
                "gold": gold,
                "judgments": judgments,
                "pay": pay,
                "unapproved_sheet_lines": unapproved_sheet_lines,
            }
        )
        if informativeness is not UNSET:
            field_dict["informativeness"] = informativeness

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agreement import Agreement  # noqa: PLC0415
        from ..models.amount import Amount  # noqa: PLC0415
        from ..models.share import Share  # noqa: PLC0415

        d = dict(src_dict)
        active_hours = d.pop("active_hours")

        adjudication_overturn = Share.from_dict(d.pop("adjudication_overturn"))

        agreement = Agreement.from_dict(d.pop("agreement"))

        calibration = Share.from_dict(d.pop("calibration"))

        calibration_agreement = Agreement.from_dict(d.pop("calibration_agreement"))

        gold = Share.from_dict(d.pop("gold"))

        judgments = d.pop("judgments")

        pay = []
        _pay = d.pop("pay")
        for pay_item_data in _pay:
            pay_item = Amount.from_dict(pay_item_data)

            pay.append(pay_item)

        unapproved_sheet_lines = d.pop("unapproved_sheet_lines")

        def _parse_informativeness(data: object) -> None | Share | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                informativeness_type_0 = Share.from_dict(data)

                return informativeness_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Share | Unset, data)

        informativeness = _parse_informativeness(d.pop("informativeness", UNSET))

        numbers = cls(
            active_hours=active_hours,
            adjudication_overturn=adjudication_overturn,
            agreement=agreement,
            calibration=calibration,
            calibration_agreement=calibration_agreement,
            gold=gold,
            judgments=judgments,
            pay=pay,
            unapproved_sheet_lines=unapproved_sheet_lines,
            informativeness=informativeness,
        )

        numbers.additional_properties = d
        return numbers

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
