from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StripePayment")


@_attrs_define
class StripePayment:
    """
    Attributes:
        client_secret (str): Confirm the payment with Stripe.js (`stripe.confirmPayment`) using this secret.
        payment_intent_id (str):
    """

    client_secret: str
    payment_intent_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        client_secret = self.client_secret

        payment_intent_id = self.payment_intent_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "client_secret": client_secret,
                "payment_intent_id": payment_intent_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        client_secret = d.pop("client_secret")

        payment_intent_id = d.pop("payment_intent_id")

        stripe_payment = cls(
            client_secret=client_secret,
            payment_intent_id=payment_intent_id,
        )

        stripe_payment.additional_properties = d
        return stripe_payment

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
