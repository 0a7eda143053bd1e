from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reliability_health import ReliabilityHealth
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.agreement import Agreement
    from ..models.dawid_skene_summary import DawidSkeneSummary
    from ..models.gold_summary import GoldSummary
    from ..models.rate import Rate
    from ..models.thresholds import Thresholds


T = TypeVar("T", bound="ReliabilityReport")


@_attrs_define
class ReliabilityReport:
    """A slice's reliability over a window.

    Attributes:
        adjudication_rate (Rate): A rate with its sample size; `rate` is null when `n` is 0.
        agreement (Agreement):
        gold_accuracy (GoldSummary):
        health (ReliabilityHealth): The slice's health from its alpha.
        measurement_level (str): The level alpha is computed at (`nominal` for pairwise and categorical slices).
        since (datetime.datetime):
        slice_id (str): Opaque, time-sortable identifier: a slice id.
        slice_key (str):
        thresholds (Thresholds):
        window_days (int):
        dawid_skene (DawidSkeneSummary | None | Unset):
        informativeness (None | Rate | Unset):
        project_id (None | str | Unset):
        vendor_id (None | str | Unset):
    """

    adjudication_rate: Rate
    agreement: Agreement
    gold_accuracy: GoldSummary
    health: ReliabilityHealth
    measurement_level: str
    since: datetime.datetime
    slice_id: str
    slice_key: str
    thresholds: Thresholds
    window_days: int
    dawid_skene: DawidSkeneSummary | None | Unset = UNSET
    informativeness: None | Rate | Unset = UNSET
    project_id: None | str | Unset = UNSET
    vendor_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.dawid_skene_summary import DawidSkeneSummary  # noqa: PLC0415
        from ..models.rate import Rate  # noqa: PLC0415

        adjudication_rate = self.adjudication_rate.to_dict()

        agreement = self.agreement.to_dict()

        gold_accuracy = self.gold_accuracy.to_dict()

        health = self.health.value

        measurement_level = self.measurement_level

        since = self.since.isoformat()

        slice_id = self.slice_id

        slice_key = self.slice_key

        thresholds = self.thresholds.to_dict()

        window_days = self.window_days

        dawid_skene: dict[str, Any] | None | Unset
        if isinstance(self.dawid_skene, Unset):
            dawid_skene = UNSET
        elif isinstance(self.dawid_skene, DawidSkeneSummary):
            dawid_skene = self.dawid_skene.to_dict()
        else:
            dawid_skene = self.dawid_skene

        informativeness: dict[str, Any] | None | Unset
        if isinstance(self.informativeness, Unset):
            informativeness = UNSET
        elif isinstance(self.informativeness, Rate):
            informativeness = self.informativeness.to_dict()
        else:
            informativeness = self.informativeness

        project_id: None | str | Unset
        if isinstance(self.project_id, Unset):
            project_id = UNSET
        else:
            project_id = self.project_id

        vendor_id: None | str | Unset
        if isinstance(self.vendor_id, Unset):
            vendor_id = UNSET
        else:
            vendor_id = self.vendor_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "adjudication_rate": adjudication_rate,
                "agreement": agreement,
                "gold_accuracy": gold_accuracy,
                "health": health,
                "measurement_level": measurement_level,
                "since": since,
                "slice_id": slice_id,
                "slice_key": slice_key,
                "thresholds": thresholds,
                "window_days": window_days,
            }
        )
        if dawid_skene is not UNSET:
            field_dict["dawid_skene"] = dawid_skene
        if informativeness is not UNSET:
            field_dict["informativeness"] = informativeness
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if vendor_id is not UNSET:
            field_dict["vendor_id"] = vendor_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agreement import Agreement  # noqa: PLC0415
        from ..models.dawid_skene_summary import DawidSkeneSummary  # noqa: PLC0415
        from ..models.gold_summary import GoldSummary  # noqa: PLC0415
        from ..models.rate import Rate  # noqa: PLC0415
        from ..models.thresholds import Thresholds  # noqa: PLC0415

        d = dict(src_dict)
        adjudication_rate = Rate.from_dict(d.pop("adjudication_rate"))

        agreement = Agreement.from_dict(d.pop("agreement"))

        gold_accuracy = GoldSummary.from_dict(d.pop("gold_accuracy"))

        health = ReliabilityHealth(d.pop("health"))

        measurement_level = d.pop("measurement_level")

        since = datetime.datetime.fromisoformat(d.pop("since"))

        slice_id = d.pop("slice_id")

        slice_key = d.pop("slice_key")

        thresholds = Thresholds.from_dict(d.pop("thresholds"))

        window_days = d.pop("window_days")

        def _parse_dawid_skene(data: object) -> DawidSkeneSummary | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                dawid_skene_type_0 = DawidSkeneSummary.from_dict(data)

                return dawid_skene_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DawidSkeneSummary | None | Unset, data)

        dawid_skene = _parse_dawid_skene(d.pop("dawid_skene", UNSET))

        def _parse_informativeness(data: object) -> None | Rate | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                informativeness_type_0 = Rate.from_dict(data)

                return informativeness_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Rate | Unset, data)

        informativeness = _parse_informativeness(d.pop("informativeness", UNSET))

        def _parse_project_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project_id = _parse_project_id(d.pop("project_id", UNSET))

        def _parse_vendor_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vendor_id = _parse_vendor_id(d.pop("vendor_id", UNSET))

        reliability_report = cls(
            adjudication_rate=adjudication_rate,
            agreement=agreement,
            gold_accuracy=gold_accuracy,
            health=health,
            measurement_level=measurement_level,
            since=since,
            slice_id=slice_id,
            slice_key=slice_key,
            thresholds=thresholds,
            window_days=window_days,
            dawid_skene=dawid_skene,
            informativeness=informativeness,
            project_id=project_id,
            vendor_id=vendor_id,
        )

        reliability_report.additional_properties = d
        return reliability_report

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
