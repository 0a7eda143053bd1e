from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="InvoicePaidEvent")


@_attrs_define
class InvoicePaidEvent:
    """`invoice.paid`.

    Attributes:
        currency (str):  Example: EUR.
        invoice_id (str): Opaque, time-sortable identifier: an invoice id.
        reference (str): The payment's reference (Stripe's payment id or the admin's bank reference).
        total_minor (int):
    """

    currency: str
    invoice_id: str
    reference: str
    total_minor: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        invoice_id = self.invoice_id

        reference = self.reference

        total_minor = self.total_minor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
                "invoice_id": invoice_id,
                "reference": reference,
                "total_minor": total_minor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        currency = d.pop("currency")

        invoice_id = d.pop("invoice_id")

        reference = d.pop("reference")

        total_minor = d.pop("total_minor")

        invoice_paid_event = cls(
            currency=currency,
            invoice_id=invoice_id,
            reference=reference,
            total_minor=total_minor,
        )

        invoice_paid_event.additional_properties = d
        return invoice_paid_event

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
