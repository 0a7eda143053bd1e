from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="LineView")


@_attrs_define
class LineView:
    """
    Attributes:
        entries (int): Time entries (submitted items) in the line.
        id (str): Opaque, time-sortable identifier: a timesheet line id.
        measured_seconds (int):
        slice_id (str): Opaque, time-sortable identifier: a slice id.
        approved_seconds (int | None | Unset): Set when a platform admin resolved a dispute with less time.
        bill_minor (int | None | Unset): Billed to the lab (after approval; not shown to the expert).
        dispute_reason (None | str | Unset): The lab's reason, when it disputed this line.
        ledger_transaction_id (None | str | Unset): The ledger transaction posted on approval (platform admins).
        pay_minor (int | None | Unset): Paid to the expert (after approval; not shown to the lab).
        platform_minor (int | None | Unset): The platform's fee and remainder (platform admins).
        vendor_margin_minor (int | None | Unset):
    """

    entries: int
    id: str
    measured_seconds: int
    slice_id: str
    approved_seconds: int | None | Unset = UNSET
    bill_minor: int | None | Unset = UNSET
    dispute_reason: None | str | Unset = UNSET
    ledger_transaction_id: None | str | Unset = UNSET
    pay_minor: int | None | Unset = UNSET
    platform_minor: int | None | Unset = UNSET
    vendor_margin_minor: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        entries = self.entries

        id = self.id

        measured_seconds = self.measured_seconds

        slice_id = self.slice_id

        approved_seconds: int | None | Unset
        if isinstance(self.approved_seconds, Unset):
            approved_seconds = UNSET
        else:
            approved_seconds = self.approved_seconds

        bill_minor: int | None | Unset
        if isinstance(self.bill_minor, Unset):
            bill_minor = UNSET
        else:
            bill_minor = self.bill_minor

        dispute_reason: None | str | Unset
        if isinstance(self.dispute_reason, Unset):
            dispute_reason = UNSET
        else:
            dispute_reason = self.dispute_reason

        ledger_transaction_id: None | str | Unset
        if isinstance(self.ledger_transaction_id, Unset):
            ledger_transaction_id = UNSET
        else:
            ledger_transaction_id = self.ledger_transaction_id

        pay_minor: int | None | Unset
        if isinstance(self.pay_minor, Unset):
            pay_minor = UNSET
        else:
            pay_minor = self.pay_minor

        platform_minor: int | None | Unset
        if isinstance(self.platform_minor, Unset):
            platform_minor = UNSET
        else:
            platform_minor = self.platform_minor

        vendor_margin_minor: int | None | Unset
        if isinstance(self.vendor_margin_minor, Unset):
            vendor_margin_minor = UNSET
        else:
            vendor_margin_minor = self.vendor_margin_minor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "entries": entries,
                "id": id,
                "measured_seconds": measured_seconds,
                "slice_id": slice_id,
            }
        )
        if approved_seconds is not UNSET:
            field_dict["approved_seconds"] = approved_seconds
        if bill_minor is not UNSET:
            field_dict["bill_minor"] = bill_minor
        if dispute_reason is not UNSET:
            field_dict["dispute_reason"] = dispute_reason
        if ledger_transaction_id is not UNSET:
            field_dict["ledger_transaction_id"] = ledger_transaction_id
        if pay_minor is not UNSET:
            field_dict["pay_minor"] = pay_minor
        if platform_minor is not UNSET:
            field_dict["platform_minor"] = platform_minor
        if vendor_margin_minor is not UNSET:
            field_dict["vendor_margin_minor"] = vendor_margin_minor

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        entries = d.pop("entries")

        id = d.pop("id")

        measured_seconds = d.pop("measured_seconds")

        slice_id = d.pop("slice_id")

        def _parse_approved_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        approved_seconds = _parse_approved_seconds(d.pop("approved_seconds", UNSET))

        def _parse_bill_minor(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        bill_minor = _parse_bill_minor(d.pop("bill_minor", UNSET))

        def _parse_dispute_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        dispute_reason = _parse_dispute_reason(d.pop("dispute_reason", UNSET))

        def _parse_ledger_transaction_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ledger_transaction_id = _parse_ledger_transaction_id(d.pop("ledger_transaction_id", UNSET))

        def _parse_pay_minor(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        pay_minor = _parse_pay_minor(d.pop("pay_minor", UNSET))

        def _parse_platform_minor(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        platform_minor = _parse_platform_minor(d.pop("platform_minor", UNSET))

        def _parse_vendor_margin_minor(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        vendor_margin_minor = _parse_vendor_margin_minor(d.pop("vendor_margin_minor", UNSET))

        line_view = cls(
            entries=entries,
            id=id,
            measured_seconds=measured_seconds,
            slice_id=slice_id,
            approved_seconds=approved_seconds,
            bill_minor=bill_minor,
            dispute_reason=dispute_reason,
            ledger_transaction_id=ledger_transaction_id,
            pay_minor=pay_minor,
            platform_minor=platform_minor,
            vendor_margin_minor=vendor_margin_minor,
        )

        line_view.additional_properties = d
        return line_view

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
