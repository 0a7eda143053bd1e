from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.invoice_collection import InvoiceCollection

T = TypeVar("T", bound="IssuedInvoiceRef")


@_attrs_define
class IssuedInvoiceRef:
    """The issued invoice in `invoice.issued`.

    Attributes:
        collection (InvoiceCollection): How an invoice is collected.
        currency (str):  Example: EUR.
        id (str): Opaque, time-sortable identifier: an invoice id.
        timesheets (int): How many timesheets it bills.
        total_minor (int):
    """

    collection: InvoiceCollection
    currency: str
    id: str
    timesheets: int
    total_minor: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        collection = self.collection.value

        currency = self.currency

        id = self.id

        timesheets = self.timesheets

        total_minor = self.total_minor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "collection": collection,
                "currency": currency,
                "id": id,
                "timesheets": timesheets,
                "total_minor": total_minor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        collection = InvoiceCollection(d.pop("collection"))

        currency = d.pop("currency")

        id = d.pop("id")

        timesheets = d.pop("timesheets")

        total_minor = d.pop("total_minor")

        issued_invoice_ref = cls(
            collection=collection,
            currency=currency,
            id=id,
            timesheets=timesheets,
            total_minor=total_minor,
        )

        issued_invoice_ref.additional_properties = d
        return issued_invoice_ref

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
