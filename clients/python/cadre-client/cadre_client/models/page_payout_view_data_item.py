from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PagePayoutViewDataItem")


@_attrs_define
class PagePayoutViewDataItem:
    """
    Attributes:
        amount_minor (int):
        attempts (int):
        created_at (datetime.datetime):
        currency (str):
        expert_id (str): Opaque, time-sortable identifier: an expert id.
        id (str): Opaque, time-sortable identifier: a payout id.
        method (str): `stripe` (a Connect transfer) or `manual` (settled outside Cadre).
        status (str): `pending`, `submitted` (transfer made), `paid` (confirmed), `failed`.
        failed_at (datetime.datetime | None | Unset):
        idempotency_key (None | str | Unset): Sent with every attempt of the transfer (platform admins).
        last_error (None | str | Unset):
        paid_at (datetime.datetime | None | Unset):
        paid_reference (None | str | Unset):
        retry_of (None | str | Unset):
        stripe_transfer_id (None | str | Unset):
        submitted_at (datetime.datetime | None | Unset):
    """

    amount_minor: int
    attempts: int
    created_at: datetime.datetime
    currency: str
    expert_id: str
    id: str
    method: str
    status: str
    failed_at: datetime.datetime | None | Unset = UNSET
    idempotency_key: None | str | Unset = UNSET
    last_error: None | str | Unset = UNSET
    paid_at: datetime.datetime | None | Unset = UNSET
    paid_reference: None | str | Unset = UNSET
    retry_of: None | str | Unset = UNSET
    stripe_transfer_id: None | str | Unset = UNSET
    submitted_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_minor = self.amount_minor

        attempts = self.attempts

        created_at = self.created_at.isoformat()

        currency = self.currency

        expert_id = self.expert_id

        id = self.id

        method = self.method

        status = self.status

        failed_at: None | str | Unset
        if isinstance(self.failed_at, Unset):
            failed_at = UNSET
        elif isinstance(self.failed_at, datetime.datetime):
            failed_at = self.failed_at.isoformat()
        else:
            failed_at = self.failed_at

        idempotency_key: None | str | Unset
        if isinstance(self.idempotency_key, Unset):
            idempotency_key = UNSET
        else:
            idempotency_key = self.idempotency_key

        last_error: None | str | Unset
        if isinstance(self.last_error, Unset):
            last_error = UNSET
        else:
            last_error = self.last_error

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

        retry_of: None | str | Unset
        if isinstance(self.retry_of, Unset):
            retry_of = UNSET
        else:
            retry_of = self.retry_of

        stripe_transfer_id: None | str | Unset
        if isinstance(self.stripe_transfer_id, Unset):
            stripe_transfer_id = UNSET
        else:
            stripe_transfer_id = self.stripe_transfer_id

        submitted_at: None | str | Unset
        if isinstance(self.submitted_at, Unset):
            submitted_at = UNSET
        elif isinstance(self.submitted_at, datetime.datetime):
            submitted_at = self.submitted_at.isoformat()
        else:
            submitted_at = self.submitted_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_minor": amount_minor,
                "attempts": attempts,
                "created_at": created_at,
                "currency": currency,
                "expert_id": expert_id,
                "id": id,
                "method": method,
                "status": status,
            }
        )
        if failed_at is not UNSET:
            field_dict["failed_at"] = failed_at
        if idempotency_key is not UNSET:
            field_dict["idempotency_key"] = idempotency_key
        if last_error is not UNSET:
            field_dict["last_error"] = last_error
        if paid_at is not UNSET:
            field_dict["paid_at"] = paid_at
        if paid_reference is not UNSET:
            field_dict["paid_reference"] = paid_reference
        if retry_of is not UNSET:
            field_dict["retry_of"] = retry_of
        if stripe_transfer_id is not UNSET:
            field_dict["stripe_transfer_id"] = stripe_transfer_id
        if submitted_at is not UNSET:
            field_dict["submitted_at"] = submitted_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_minor = d.pop("amount_minor")

        attempts = d.pop("attempts")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        expert_id = d.pop("expert_id")

        id = d.pop("id")

        method = d.pop("method")

        status = d.pop("status")

        def _parse_failed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                failed_at_type_0 = datetime.datetime.fromisoformat(data)

                return failed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        failed_at = _parse_failed_at(d.pop("failed_at", UNSET))

        def _parse_idempotency_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        idempotency_key = _parse_idempotency_key(d.pop("idempotency_key", UNSET))

        def _parse_last_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_error = _parse_last_error(d.pop("last_error", UNSET))

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

        def _parse_retry_of(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        retry_of = _parse_retry_of(d.pop("retry_of", UNSET))

        def _parse_stripe_transfer_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        stripe_transfer_id = _parse_stripe_transfer_id(d.pop("stripe_transfer_id", UNSET))

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

        page_payout_view_data_item = cls(
            amount_minor=amount_minor,
            attempts=attempts,
            created_at=created_at,
            currency=currency,
            expert_id=expert_id,
            id=id,
            method=method,
            status=status,
            failed_at=failed_at,
            idempotency_key=idempotency_key,
            last_error=last_error,
            paid_at=paid_at,
            paid_reference=paid_reference,
            retry_of=retry_of,
            stripe_transfer_id=stripe_transfer_id,
            submitted_at=submitted_at,
        )

        page_payout_view_data_item.additional_properties = d
        return page_payout_view_data_item

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
