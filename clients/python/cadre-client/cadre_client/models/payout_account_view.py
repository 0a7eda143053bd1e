from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PayoutAccountView")


@_attrs_define
class PayoutAccountView:
    """
    Attributes:
        details_submitted (bool):
        method (str): `stripe`, or `manual` when this installation settles payouts outside Cadre.
        payouts_enabled (bool): Stripe can pay this account; payouts wait until it can.
        requirements_due (list[str]): What Stripe still needs from the expert.
        last_bank_payout_status (None | str | Unset): The latest bank payout Stripe reported (`paid` or `failed`).
        onboarding_url (None | str | Unset): A fresh onboarding link (only in the answer to `POST`).
        onboarding_url_expires_at (datetime.datetime | None | Unset):
        stripe_account_id (None | str | Unset):
    """

    details_submitted: bool
    method: str
    payouts_enabled: bool
    requirements_due: list[str]
    last_bank_payout_status: None | str | Unset = UNSET
    onboarding_url: None | str | Unset = UNSET
    onboarding_url_expires_at: datetime.datetime | None | Unset = UNSET
    stripe_account_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        details_submitted = self.details_submitted

        method = self.method

        payouts_enabled = self.payouts_enabled

        requirements_due = self.requirements_due

        last_bank_payout_status: None | str | Unset
        if isinstance(self.last_bank_payout_status, Unset):
            last_bank_payout_status = UNSET
        else:
            last_bank_payout_status = self.last_bank_payout_status

        onboarding_url: None | str | Unset
        if isinstance(self.onboarding_url, Unset):
            onboarding_url = UNSET
        else:
            onboarding_url = self.onboarding_url

        onboarding_url_expires_at: None | str | Unset
        if isinstance(self.onboarding_url_expires_at, Unset):
            onboarding_url_expires_at = UNSET
        elif isinstance(self.onboarding_url_expires_at, datetime.datetime):
            onboarding_url_expires_at = self.onboarding_url_expires_at.isoformat()
        else:
            onboarding_url_expires_at = self.onboarding_url_expires_at

        stripe_account_id: None | str | Unset
        if isinstance(self.stripe_account_id, Unset):
            stripe_account_id = UNSET
        else:
            stripe_account_id = self.stripe_account_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "details_submitted": details_submitted,
                "method": method,
                "payouts_enabled": payouts_enabled,
                "requirements_due": requirements_due,
            }
        )
        if last_bank_payout_status is not UNSET:
            field_dict["last_bank_payout_status"] = last_bank_payout_status
        if onboarding_url is not UNSET:
            field_dict["onboarding_url"] = onboarding_url
        if onboarding_url_expires_at is not UNSET:
            field_dict["onboarding_url_expires_at"] = onboarding_url_expires_at
        if stripe_account_id is not UNSET:
            field_dict["stripe_account_id"] = stripe_account_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        details_submitted = d.pop("details_submitted")

        method = d.pop("method")

        payouts_enabled = d.pop("payouts_enabled")

        requirements_due = cast(list[str], d.pop("requirements_due"))

        def _parse_last_bank_payout_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_bank_payout_status = _parse_last_bank_payout_status(d.pop("last_bank_payout_status", UNSET))

        def _parse_onboarding_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        onboarding_url = _parse_onboarding_url(d.pop("onboarding_url", UNSET))

        def _parse_onboarding_url_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                onboarding_url_expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return onboarding_url_expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        onboarding_url_expires_at = _parse_onboarding_url_expires_at(d.pop("onboarding_url_expires_at", UNSET))

        def _parse_stripe_account_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        stripe_account_id = _parse_stripe_account_id(d.pop("stripe_account_id", UNSET))

        payout_account_view = cls(
            details_submitted=details_submitted,
            method=method,
            payouts_enabled=payouts_enabled,
            requirements_due=requirements_due,
            last_bank_payout_status=last_bank_payout_status,
            onboarding_url=onboarding_url,
            onboarding_url_expires_at=onboarding_url_expires_at,
            stripe_account_id=stripe_account_id,
        )

        payout_account_view.additional_properties = d
        return payout_account_view

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
