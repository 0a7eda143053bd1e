from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CancelItemsRequest")


@_attrs_define
class CancelItemsRequest:
    """
    Attributes:
        reason (str): Why the lab cancels the items (1–500 characters).
        external_ids (list[str] | None | Unset): Your external ids, up to 1000; or use `ids`.
        ids (list[str] | None | Unset): Item ids (`itm_…`), up to 1000; or use `external_ids`.
    """

    reason: str
    external_ids: list[str] | None | Unset = UNSET
    ids: list[str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        external_ids: list[str] | None | Unset
        if isinstance(self.external_ids, Unset):
            external_ids = UNSET
        elif isinstance(self.external_ids, list):
            external_ids = self.external_ids

        else:
            external_ids = self.external_ids

        ids: list[str] | None | Unset
        if isinstance(self.ids, Unset):
            ids = UNSET
        elif isinstance(self.ids, list):
            ids = self.ids

        else:
            ids = self.ids

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )
        if external_ids is not UNSET:
            field_dict["external_ids"] = external_ids
        if ids is not UNSET:
            field_dict["ids"] = ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        def _parse_external_ids(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                external_ids_type_0 = cast(list[str], data)

                return external_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        external_ids = _parse_external_ids(d.pop("external_ids", UNSET))

        def _parse_ids(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                ids_type_0 = cast(list[str], data)

                return ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        ids = _parse_ids(d.pop("ids", UNSET))

        cancel_items_request = cls(
            reason=reason,
            external_ids=external_ids,
            ids=ids,
        )

        return cancel_items_request
