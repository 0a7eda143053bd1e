from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RunReport")


@_attrs_define
class RunReport:
    """What a run did.

    Attributes:
        created (list[str]): Payouts created by this run.
        failed (list[str]): Payouts Stripe refused (now `failed`; their amount is payable again).
        not_sent (list[str]): Payouts this run did not send because Stripe refused Cadre's API key (they stay
            `pending`; the next run after the key is fixed sends them).
        retrying (list[str]): Payouts whose transfer had an unknown outcome; the next run sends them again with
            the same idempotency key.
        submitted (list[str]): Transfers Stripe confirmed to this run (now `submitted`).
        waiting_for_account (list[str]): Experts owed money who have no payout account that can receive it yet.
        waiting_for_verification (list[str]): Experts owed money whose account's e-mail address is not confirmed: an
            unverified
            account is not paid (README, Security model); the money waits for them.
        stripe_configuration_error (None | str | Unset): Set when Stripe refused Cadre's API key (HTTP 401 or 403): a
            configuration error
            for the operators. Stripe's own message is in the server log.
    """

    created: list[str]
    failed: list[str]
    not_sent: list[str]
    retrying: list[str]
    submitted: list[str]
    waiting_for_account: list[str]
    waiting_for_verification: list[str]
    stripe_configuration_error: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created = self.created

        failed = self.failed

        not_sent = self.not_sent

        retrying = self.retrying

        submitted = self.submitted

        waiting_for_account = self.waiting_for_account

        waiting_for_verification = self.waiting_for_verification

        stripe_configuration_error: None | str | Unset
        if isinstance(self.stripe_configuration_error, Unset):
            stripe_configuration_error = UNSET
        else:
            stripe_configuration_error = self.stripe_configuration_error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created": created,
                "failed": failed,
                "not_sent": not_sent,
                "retrying": retrying,
                "submitted": submitted,
                "waiting_for_account": waiting_for_account,
                "waiting_for_verification": waiting_for_verification,
            }
        )
        if stripe_configuration_error is not UNSET:
            field_dict["stripe_configuration_error"] = stripe_configuration_error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created = cast(list[str], d.pop("created"))

        failed = cast(list[str], d.pop("failed"))

        not_sent = cast(list[str], d.pop("not_sent"))

        retrying = cast(list[str], d.pop("retrying"))

        submitted = cast(list[str], d.pop("submitted"))

        waiting_for_account = cast(list[str], d.pop("waiting_for_account"))

        waiting_for_verification = cast(list[str], d.pop("waiting_for_verification"))

        def _parse_stripe_configuration_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        stripe_configuration_error = _parse_stripe_configuration_error(d.pop("stripe_configuration_error", UNSET))

        run_report = cls(
            created=created,
            failed=failed,
            not_sent=not_sent,
            retrying=retrying,
            submitted=submitted,
            waiting_for_account=waiting_for_account,
            waiting_for_verification=waiting_for_verification,
            stripe_configuration_error=stripe_configuration_error,
        )

        run_report.additional_properties = d
        return run_report

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
