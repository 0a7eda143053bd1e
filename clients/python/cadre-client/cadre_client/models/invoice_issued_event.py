from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.issued_invoice_ref import IssuedInvoiceRef


T = TypeVar("T", bound="InvoiceIssuedEvent")


@_attrs_define
class InvoiceIssuedEvent:
    """`invoice.issued`.

    Attributes:
        invoice (IssuedInvoiceRef): The issued invoice in `invoice.issued`.
    """

    invoice: IssuedInvoiceRef
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        invoice = self.invoice.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "invoice": invoice,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.issued_invoice_ref import IssuedInvoiceRef  # noqa: PLC0415

        d = dict(src_dict)
        invoice = IssuedInvoiceRef.from_dict(d.pop("invoice"))

        invoice_issued_event = cls(
            invoice=invoice,
        )

        invoice_issued_event.additional_properties = d
        return invoice_issued_event

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
