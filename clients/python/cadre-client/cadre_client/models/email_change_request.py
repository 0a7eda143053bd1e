from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="EmailChangeRequest")


@_attrs_define
class EmailChangeRequest:
    """
    Attributes:
        new_email (str):  Example: ada@new-lab.example.
        password (str): The account's current password, to confirm.
    """

    new_email: str
    password: str

    def to_dict(self) -> dict[str, Any]:
        new_email = self.new_email

        password = self.password

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "new_email": new_email,
                "password": password,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        new_email = d.pop("new_email")

        password = d.pop("password")

        email_change_request = cls(
            new_email=new_email,
            password=password,
        )

        return email_change_request
