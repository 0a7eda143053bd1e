from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.status import Status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.history_entry import HistoryEntry
    from ..models.line_view import LineView


T = TypeVar("T", bound="TimesheetView")


@_attrs_define
class TimesheetView:
    """
    Attributes:
        currency (str):
        expert_handle (str):
        history (list[HistoryEntry]): Every change of the sheet (the audit trail).
        id (str): Opaque, time-sortable identifier: a timesheet id.
        lab_org_id (str): Opaque, time-sortable identifier: an organization id.
        lines (list[LineView]):
        project_id (str): Opaque, time-sortable identifier: a project id.
        seconds (int):
        status (Status):
        week_end (datetime.datetime): The next Monday 00:00 UTC (exclusive).
        week_start (datetime.datetime): Monday 00:00 UTC.
        approved_at (datetime.datetime | None | Unset):
        approved_by_type (None | str | Unset): `lab`, `system` (auto-approval) or `platform` (dispute resolved).
        auto_approve_at (datetime.datetime | None | Unset): When the sheet approves itself if nobody disputes it.
        bill_minor (int | None | Unset): Total billed (after approval).
        bill_rate_minor (int | None | Unset): The project's bill rate per hour, fixed at submission (not shown to the
            expert).
        disputed_at (datetime.datetime | None | Unset):
        effective_hourly_minor (int | None | Unset): Effective hourly pay: pay (with the top-up) per hour worked (after
            approval).
        expert_id (None | str | Unset):
        floor_top_up_minor (int | None | Unset): The platform's top-up to the pay floor (after approval).
        invoice_id (None | str | Unset): The invoice that billed it (lab and platform).
        pay_floor_per_hour_minor (int | None | Unset): The configured pay floor per hour, if any.
        pay_minor (int | None | Unset): Total paid to the expert, including any pay-floor top-up (after approval).
        pay_rate_minor (int | None | Unset): The expert's pay rate per hour, fixed at submission (not shown to the lab).
        platform_fee_bps (int | None | Unset):
        resolution_note (None | str | Unset):
        submitted_at (datetime.datetime | None | Unset):
        vendor_margin_bps (int | None | Unset):
        vendor_org_id (None | str | Unset):
    """

    currency: str
    expert_handle: str
    history: list[HistoryEntry]
    id: str
    lab_org_id: str
    lines: list[LineView]
    project_id: str
    seconds: int
    status: Status
    week_end: datetime.datetime
    week_start: datetime.datetime
    approved_at: datetime.datetime | None | Unset = UNSET
    approved_by_type: None | str | Unset = UNSET
    auto_approve_at: datetime.datetime | None | Unset = UNSET
    bill_minor: int | None | Unset = UNSET
    bill_rate_minor: int | None | Unset = UNSET
    disputed_at: datetime.datetime | None | Unset = UNSET
    effective_hourly_minor: int | None | Unset = UNSET
    expert_id: None | str | Unset = UNSET
    floor_top_up_minor: int | None | Unset = UNSET
    invoice_id: None | str | Unset = UNSET
    pay_floor_per_hour_minor: int | None | Unset = UNSET
    pay_minor: int | None | Unset = UNSET
    pay_rate_minor: int | None | Unset = UNSET
    platform_fee_bps: int | None | Unset = UNSET
    resolution_note: None | str | Unset = UNSET
    submitted_at: datetime.datetime | None | Unset = UNSET
    vendor_margin_bps: int | None | Unset = UNSET
    vendor_org_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        expert_handle = self.expert_handle

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        id = self.id

        lab_org_id = self.lab_org_id

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        project_id = self.project_id

        seconds = self.seconds

        status = self.status.value

        week_end = self.week_end.isoformat()

        week_start = self.week_start.isoformat()

        approved_at: None | str | Unset
        if isinstance(self.approved_at, Unset):
            approved_at = UNSET
        elif isinstance(self.approved_at, datetime.datetime):
            approved_at = self.approved_at.isoformat()
        else:
            approved_at = self.approved_at

        approved_by_type: None | str | Unset
        if isinstance(self.approved_by_type, Unset):
            approved_by_type = UNSET
        else:
            approved_by_type = self.approved_by_type

        auto_approve_at: None | str | Unset
        if isinstance(self.auto_approve_at, Unset):
            auto_approve_at = UNSET
        elif isinstance(self.auto_approve_at, datetime.datetime):
            auto_approve_at = self.auto_approve_at.isoformat()
        else:
            auto_approve_at = self.auto_approve_at

        bill_minor: int | None | Unset
        if isinstance(self.bill_minor, Unset):
            bill_minor = UNSET
        else:
            bill_minor = self.bill_minor

        bill_rate_minor: int | None | Unset
        if isinstance(self.bill_rate_minor, Unset):
            bill_rate_minor = UNSET
        else:
            bill_rate_minor = self.bill_rate_minor

        disputed_at: None | str | Unset
        if isinstance(self.disputed_at, Unset):
            disputed_at = UNSET
        elif isinstance(self.disputed_at, datetime.datetime):
            disputed_at = self.disputed_at.isoformat()
        else:
            disputed_at = self.disputed_at

        effective_hourly_minor: int | None | Unset
        if isinstance(self.effective_hourly_minor, Unset):
            effective_hourly_minor = UNSET
        else:
            effective_hourly_minor = self.effective_hourly_minor

        expert_id: None | str | Unset
        if isinstance(self.expert_id, Unset):
            expert_id = UNSET
        else:
            expert_id = self.expert_id

        floor_top_up_minor: int | None | Unset
        if isinstance(self.floor_top_up_minor, Unset):
            floor_top_up_minor = UNSET
        else:
            floor_top_up_minor = self.floor_top_up_minor

        invoice_id: None | str | Unset
        if isinstance(self.invoice_id, Unset):
            invoice_id = UNSET
        else:
            invoice_id = self.invoice_id

        pay_floor_per_hour_minor: int | None | Unset
        if isinstance(self.pay_floor_per_hour_minor, Unset):
            pay_floor_per_hour_minor = UNSET
        else:
            pay_floor_per_hour_minor = self.pay_floor_per_hour_minor

        pay_minor: int | None | Unset
        if isinstance(self.pay_minor, Unset):
            pay_minor = UNSET
        else:
            pay_minor = self.pay_minor

        pay_rate_minor: int | None | Unset
        if isinstance(self.pay_rate_minor, Unset):
            pay_rate_minor = UNSET
        else:
            pay_rate_minor = self.pay_rate_minor

        platform_fee_bps: int | None | Unset
        if isinstance(self.platform_fee_bps, Unset):
            platform_fee_bps = UNSET
        else:
            platform_fee_bps = self.platform_fee_bps

        resolution_note: None | str | Unset
        if isinstance(self.resolution_note, Unset):
            resolution_note = UNSET
        else:
            resolution_note = self.resolution_note

        submitted_at: None | str | Unset
        if isinstance(self.submitted_at, Unset):
            submitted_at = UNSET
        elif isinstance(self.submitted_at, datetime.datetime):
            submitted_at = self.submitted_at.isoformat()
        else:
            submitted_at = self.submitted_at

        vendor_margin_bps: int | None | Unset
        if isinstance(self.vendor_margin_bps, Unset):
            vendor_margin_bps = UNSET
        else:
            vendor_margin_bps = self.vendor_margin_bps

        vendor_org_id: None | str | Unset
        if isinstance(self.vendor_org_id, Unset):
            vendor_org_id = UNSET
        else:
            vendor_org_id = self.vendor_org_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
                "expert_handle": expert_handle,
                "history": history,
                "id": id,
                "lab_org_id": lab_org_id,
                "lines": lines,
                "project_id": project_id,
                "seconds": seconds,
                "status": status,
                "week_end": week_end,
                "week_start": week_start,
            }
        )
        if approved_at is not UNSET:
            field_dict["approved_at"] = approved_at
        if approved_by_type is not UNSET:
            field_dict["approved_by_type"] = approved_by_type
        if auto_approve_at is not UNSET:
            field_dict["auto_approve_at"] = auto_approve_at
        if bill_minor is not UNSET:
            field_dict["bill_minor"] = bill_minor
        if bill_rate_minor is not UNSET:
            field_dict["bill_rate_minor"] = bill_rate_minor
        if disputed_at is not UNSET:
            field_dict["disputed_at"] = disputed_at
        if effective_hourly_minor is not UNSET:
            field_dict["effective_hourly_minor"] = effective_hourly_minor
        if expert_id is not UNSET:
            field_dict["expert_id"] = expert_id
        if floor_top_up_minor is not UNSET:
            field_dict["floor_top_up_minor"] = floor_top_up_minor
        if invoice_id is not UNSET:
            field_dict["invoice_id"] = invoice_id
        if pay_floor_per_hour_minor is not UNSET:
            field_dict["pay_floor_per_hour_minor"] = pay_floor_per_hour_minor
        if pay_minor is not UNSET:
            field_dict["pay_minor"] = pay_minor
        if pay_rate_minor is not UNSET:
            field_dict["pay_rate_minor"] = pay_rate_minor
        if platform_fee_bps is not UNSET:
            field_dict["platform_fee_bps"] = platform_fee_bps
        if resolution_note is not UNSET:
            field_dict["resolution_note"] = resolution_note
        if submitted_at is not UNSET:
            field_dict["submitted_at"] = submitted_at
        if vendor_margin_bps is not UNSET:
            field_dict["vendor_margin_bps"] = vendor_margin_bps
        if vendor_org_id is not UNSET:
            field_dict["vendor_org_id"] = vendor_org_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.history_entry import HistoryEntry  # noqa: PLC0415
        from ..models.line_view import LineView  # noqa: PLC0415

        d = dict(src_dict)
        currency = d.pop("currency")

        expert_handle = d.pop("expert_handle")

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = HistoryEntry.from_dict(history_item_data)

            history.append(history_item)

        id = d.pop("id")

        lab_org_id = d.pop("lab_org_id")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = LineView.from_dict(lines_item_data)

            lines.append(lines_item)

        project_id = d.pop("project_id")

        seconds = d.pop("seconds")

        status = Status(d.pop("status"))

        week_end = datetime.datetime.fromisoformat(d.pop("week_end"))

        week_start = datetime.datetime.fromisoformat(d.pop("week_start"))

        def _parse_approved_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_at_type_0 = datetime.datetime.fromisoformat(data)

                return approved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        approved_at = _parse_approved_at(d.pop("approved_at", UNSET))

        def _parse_approved_by_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        approved_by_type = _parse_approved_by_type(d.pop("approved_by_type", UNSET))

        def _parse_auto_approve_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                auto_approve_at_type_0 = datetime.datetime.fromisoformat(data)

                return auto_approve_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        auto_approve_at = _parse_auto_approve_at(d.pop("auto_approve_at", UNSET))

        def _parse_bill_minor(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        bill_minor = _parse_bill_minor(d.pop("bill_minor", UNSET))

        def _parse_bill_rate_minor(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        bill_rate_minor = _parse_bill_rate_minor(d.pop("bill_rate_minor", UNSET))

        def _parse_disputed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                disputed_at_type_0 = datetime.datetime.fromisoformat(data)

                return disputed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        disputed_at = _parse_disputed_at(d.pop("disputed_at", UNSET))

        def _parse_effective_hourly_minor(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        effective_hourly_minor = _parse_effective_hourly_minor(d.pop("effective_hourly_minor", UNSET))

        def _parse_expert_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        expert_id = _parse_expert_id(d.pop("expert_id", UNSET))

        def _parse_floor_top_up_minor(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        floor_top_up_minor = _parse_floor_top_up_minor(d.pop("floor_top_up_minor", UNSET))

        def _parse_invoice_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        invoice_id = _parse_invoice_id(d.pop("invoice_id", UNSET))

        def _parse_pay_floor_per_hour_minor(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        pay_floor_per_hour_minor = _parse_pay_floor_per_hour_minor(d.pop("pay_floor_per_hour_minor", UNSET))

        def _parse_pay_minor(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        pay_minor = _parse_pay_minor(d.pop("pay_minor", UNSET))

        def _parse_pay_rate_minor(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        pay_rate_minor = _parse_pay_rate_minor(d.pop("pay_rate_minor", UNSET))

        def _parse_platform_fee_bps(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        platform_fee_bps = _parse_platform_fee_bps(d.pop("platform_fee_bps", UNSET))

        def _parse_resolution_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resolution_note = _parse_resolution_note(d.pop("resolution_note", UNSET))

        def _parse_submitted_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                submitted_at_type_0 = datetime.datetime.fromisoformat(data)

                return submitted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        submitted_at = _parse_submitted_at(d.pop("submitted_at", UNSET))

        def _parse_vendor_margin_bps(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        vendor_margin_bps = _parse_vendor_margin_bps(d.pop("vendor_margin_bps", UNSET))

        def _parse_vendor_org_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vendor_org_id = _parse_vendor_org_id(d.pop("vendor_org_id", UNSET))

        timesheet_view = cls(
            currency=currency,
            expert_handle=expert_handle,
            history=history,
            id=id,
            lab_org_id=lab_org_id,
            lines=lines,
            project_id=project_id,
            seconds=seconds,
            status=status,
            week_end=week_end,
            week_start=week_start,
            approved_at=approved_at,
            approved_by_type=approved_by_type,
            auto_approve_at=auto_approve_at,
            bill_minor=bill_minor,
            bill_rate_minor=bill_rate_minor,
            disputed_at=disputed_at,
            effective_hourly_minor=effective_hourly_minor,
            expert_id=expert_id,
            floor_top_up_minor=floor_top_up_minor,
            invoice_id=invoice_id,
            pay_floor_per_hour_minor=pay_floor_per_hour_minor,
            pay_minor=pay_minor,
            pay_rate_minor=pay_rate_minor,
            platform_fee_bps=platform_fee_bps,
            resolution_note=resolution_note,
            submitted_at=submitted_at,
            vendor_margin_bps=vendor_margin_bps,
            vendor_org_id=vendor_org_id,
        )

        timesheet_view.additional_properties = d
        return timesheet_view

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
