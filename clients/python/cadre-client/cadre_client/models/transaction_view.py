from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.entry_view import EntryView


T = TypeVar("T", bound="TransactionView")


@_attrs_define
class TransactionView:
    """
    Attributes:
        created_at (datetime.datetime):
        description (str):
        entries (list[EntryView]):
        id (str): Opaque, time-sortable identifier: a ledger transaction id.
        kind (str):
        source_id (str):
        source_type (str):
        reverses (None | str | Unset): The transaction this one reverses.
    """

    created_at: datetime.datetime
    description: str
    entries: list[EntryView]
    id: str
    kind: str
    source_id: str
    source_type: str
    reverses: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        description = self.description

        entries = []
        for entries_item_data in self.entries:
            entries_item = entries_item_data.to_dict()
            entries.append(entries_item)

        id = self.id

        kind = self.kind

        source_id = self.source_id

        source_type = self.source_type

        reverses: None | str | Unset
        if isinstance(self.reverses, Unset):
            reverses = UNSET
        else:
            reverses = self.reverses

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "description": description,
                "entries": entries,
                "id": id,
                "kind": kind,
                "source_id": source_id,
                "source_type": source_type,
            }
        )
        if reverses is not UNSET:
            field_dict["reverses"] = reverses

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.entry_view import EntryView  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        description = d.pop("description")

        entries = []
        _entries = d.pop("entries")
        for entries_item_data in _entries:
            entries_item = EntryView.from_dict(entries_item_data)

            entries.append(entries_item)

        id = d.pop("id")

        kind = d.pop("kind")

        source_id = d.pop("source_id")

        source_type = d.pop("source_type")

        def _parse_reverses(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reverses = _parse_reverses(d.pop("reverses", UNSET))

        transaction_view = cls(
            created_at=created_at,
            description=description,
            entries=entries,
            id=id,
            kind=kind,
            source_id=source_id,
            source_type=source_type,
            reverses=reverses,
        )

        transaction_view.additional_properties = d
        return transaction_view

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
