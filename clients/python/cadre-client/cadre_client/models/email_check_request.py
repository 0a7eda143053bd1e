from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="EmailCheckRequest")


@_attrs_define
class EmailCheckRequest:
    """
    Attributes:
        email (str): An address at the credential's `issuer_domain` (or a subdomain of it). Example: a.weber@charite.de.
    """

    email: str

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email": email,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        email_check_request = cls(
            email=email,
        )

        return email_check_request
