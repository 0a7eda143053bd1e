from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.invoice_line_view import InvoiceLineView
    from ..models.stripe_payment import StripePayment


T = TypeVar("T", bound="PageInvoiceViewDataItem")


@_attrs_define
class PageInvoiceViewDataItem:
    """
    Attributes:
        collection (str): `stripe` (pay through the PaymentIntent) or `manual` (bank transfer; a platform
            admin marks it paid).
        currency (str):
        id (str): Opaque, time-sortable identifier: an invoice id.
        issued_at (datetime.datetime):
        lines (list[InvoiceLineView]):
        org_id (str): Opaque, time-sortable identifier: an organization id.
        period_end (datetime.datetime): The end of the last timesheet week billed.
        period_start (datetime.datetime): The first timesheet week billed (Monday 00:00 UTC).
        status (str): `open` or `paid`.
        timesheet_ids (list[str]):
        total_minor (int):
        paid_at (datetime.datetime | None | Unset):
        paid_reference (None | str | Unset):
        stripe (None | StripePayment | Unset):
    """

    collection: str
    currency: str
    id: str
    issued_at: datetime.datetime
    lines: list[InvoiceLineView]
    org_id: str
    period_end: datetime.datetime
    period_start: datetime.datetime
    status: str
    timesheet_ids: list[str]
    total_minor: int
    paid_at: datetime.datetime | None | Unset = UNSET
    paid_reference: None | str | Unset = UNSET
    stripe: None | StripePayment | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.stripe_payment import StripePayment  # noqa: PLC0415

        collection = self.collection

        currency = self.currency

        id = self.id

        issued_at = self.issued_at.isoformat()

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        org_id = self.org_id

        period_end = self.period_end.isoformat()

        period_start = self.period_start.isoformat()

        status = self.status

        timesheet_ids = self.timesheet_ids

        total_minor = self.total_minor

        paid_at: None | str | Unset
        if isinstance(self.paid_at, Unset):
            paid_at = UNSET
        elif isinstance(self.paid_at, datetime.datetime):
            paid_at = self.paid_at.isoformat()
        else:
            paid_at = self.paid_at

        paid_reference: None | str | Unset
        if isinstance(self.paid_reference, Unset):
            paid_reference = UNSET
        else:
            paid_reference = self.paid_reference

        stripe: dict[str, Any] | None | Unset
        if isinstance(self.stripe, Unset):
            stripe = UNSET
        elif isinstance(self.stripe, StripePayment):
            stripe = self.stripe.to_dict()
        else:
            stripe = self.stripe

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "collection": collection,
                "currency": currency,
                "id": id,
                "issued_at": issued_at,
                "lines": lines,
                "org_id": org_id,
                "period_end": period_end,
                "period_start": period_start,
                "status": status,
                "timesheet_ids": timesheet_ids,
                "total_minor": total_minor,
            }
        )
        if paid_at is not UNSET:
            field_dict["paid_at"] = paid_at
        if paid_reference is not UNSET:
            field_dict["paid_reference"] = paid_reference
        if stripe is not UNSET:
            field_dict["stripe"] = stripe

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.invoice_line_view import InvoiceLineView  # noqa: PLC0415
        from ..models.stripe_payment import StripePayment  # noqa: PLC0415

        d = dict(src_dict)
        collection = d.pop("collection")

        currency = d.pop("currency")

        id = d.pop("id")

        issued_at = datetime.datetime.fromisoformat(d.pop("issued_at"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = InvoiceLineView.from_dict(lines_item_data)

            lines.append(lines_item)

        org_id = d.pop("org_id")

        period_end = datetime.datetime.fromisoformat(d.pop("period_end"))

        period_start = datetime.datetime.fromisoformat(d.pop("period_start"))

        status = d.pop("status")

        timesheet_ids = cast(list[str], d.pop("timesheet_ids"))

        total_minor = d.pop("total_minor")

        def _parse_paid_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paid_at_type_0 = datetime.datetime.fromisoformat(data)

                return paid_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        paid_at = _parse_paid_at(d.pop("paid_at", UNSET))

        def _parse_paid_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        paid_reference = _parse_paid_reference(d.pop("paid_reference", UNSET))

        def _parse_stripe(data: object) -> None | StripePayment | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                stripe_type_0 = StripePayment.from_dict(data)

                return stripe_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StripePayment | Unset, data)

        stripe = _parse_stripe(d.pop("stripe", UNSET))

        page_invoice_view_data_item = cls(
            collection=collection,
            currency=currency,
            id=id,
            issued_at=issued_at,
            lines=lines,
            org_id=org_id,
            period_end=period_end,
            period_start=period_start,
            status=status,
            timesheet_ids=timesheet_ids,
            total_minor=total_minor,
            paid_at=paid_at,
            paid_reference=paid_reference,
            stripe=stripe,
        )

        page_invoice_view_data_item.additional_properties = d
        return page_invoice_view_data_item

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
