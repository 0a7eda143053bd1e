from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.account_balance import AccountBalance
    from ..models.currency_totals import CurrencyTotals


T = TypeVar("T", bound="TrialBalance")


@_attrs_define
class TrialBalance:
    """
    Attributes:
        accounts (list[AccountBalance]):
        balanced (bool): Debits equal credits in every currency, and every transaction balances.
        currencies (list[CurrencyTotals]):
        entries (int):
        transactions (int):
    """

    accounts: list[AccountBalance]
    balanced: bool
    currencies: list[CurrencyTotals]
    entries: int
    transactions: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accounts = []
        for accounts_item_data in self.accounts:
            accounts_item = accounts_item_data.to_dict()
            accounts.append(accounts_item)

        balanced = self.balanced

        currencies = []
        for currencies_item_data in self.currencies:
            currencies_item = currencies_item_data.to_dict()
            currencies.append(currencies_item)

        entries = self.entries

        transactions = self.transactions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accounts": accounts,
                "balanced": balanced,
                "currencies": currencies,
                "entries": entries,
                "transactions": transactions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_balance import AccountBalance  # noqa: PLC0415
        from ..models.currency_totals import CurrencyTotals  # noqa: PLC0415

        d = dict(src_dict)
        accounts = []
        _accounts = d.pop("accounts")
        for accounts_item_data in _accounts:
            accounts_item = AccountBalance.from_dict(accounts_item_data)

            accounts.append(accounts_item)

        balanced = d.pop("balanced")

        currencies = []
        _currencies = d.pop("currencies")
        for currencies_item_data in _currencies:
            currencies_item = CurrencyTotals.from_dict(currencies_item_data)

            currencies.append(currencies_item)

        entries = d.pop("entries")

        transactions = d.pop("transactions")

        trial_balance = cls(
            accounts=accounts,
            balanced=balanced,
            currencies=currencies,
            entries=entries,
            transactions=transactions,
        )

        trial_balance.additional_properties = d
        return trial_balance

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
