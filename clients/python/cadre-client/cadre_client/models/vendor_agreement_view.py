from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="VendorAgreementView")


@_attrs_define
class VendorAgreementView:
    """
    Attributes:
        margin_bps (int):
        source (str): `agreement`, or `default` (`payments.vendor_margin_bps`; no agreement yet).
        vendor_org_id (str): Opaque, time-sortable identifier: an organization id.
        updated_at (datetime.datetime | None | Unset):
    """

    margin_bps: int
    source: str
    vendor_org_id: str
    updated_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        margin_bps = self.margin_bps

        source = self.source

        vendor_org_id = self.vendor_org_id

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "margin_bps": margin_bps,
                "source": source,
                "vendor_org_id": vendor_org_id,
            }
        )
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        margin_bps = d.pop("margin_bps")

        source = d.pop("source")

        vendor_org_id = d.pop("vendor_org_id")

        def _parse_updated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        vendor_agreement_view = cls(
            margin_bps=margin_bps,
            source=source,
            vendor_org_id=vendor_org_id,
            updated_at=updated_at,
        )

        vendor_agreement_view.additional_properties = d
        return vendor_agreement_view

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
