from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.account_type import AccountType
from ..types import UNSET, Unset

T = TypeVar("T", bound="RegisterRequest")


@_attrs_define
class RegisterRequest:
    """
    Attributes:
        account_type (AccountType):
        display_name (str):  Example: Ada Lovelace.
        email (str):  Example: ada@helix-labs.example.
        password (str): 10–128 characters, not a common password, not containing the e-mail name.
        organization_name (None | str | Unset): Required for `lab` and `vendor` accounts; not allowed for `expert`.
            Example: Helix Labs.
    """

    account_type: AccountType
    display_name: str
    email: str
    password: str
    organization_name: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        account_type = self.account_type.value

        display_name = self.display_name

        email = self.email

        password = self.password

        organization_name: None | str | Unset
        if isinstance(self.organization_name, Unset):
            organization_name = UNSET
        else:
            organization_name = self.organization_name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "account_type": account_type,
                "display_name": display_name,
                "email": email,
                "password": password,
            }
        )
        if organization_name is not UNSET:
            field_dict["organization_name"] = organization_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_type = AccountType(d.pop("account_type"))

        display_name = d.pop("display_name")

        email = d.pop("email")

        password = d.pop("password")

        def _parse_organization_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        organization_name = _parse_organization_name(d.pop("organization_name", UNSET))

        register_request = cls(
            account_type=account_type,
            display_name=display_name,
            email=email,
            password=password,
            organization_name=organization_name,
        )

        return register_request
