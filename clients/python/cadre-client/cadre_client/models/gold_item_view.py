from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.gold_item_view_answer import GoldItemViewAnswer
    from ..models.gold_item_view_payload import GoldItemViewPayload


T = TypeVar("T", bound="GoldItemView")


@_attrs_define
class GoldItemView:
    """A gold item as its owner reads it (with the answer). Never served to experts.

    Attributes:
        answer (GoldItemViewAnswer):
        created_at (datetime.datetime):
        explanation (str):
        id (str): Opaque, time-sortable identifier: a gold item id.
        owner_kind (str): `lab`, `vendor` or `platform`.
        payload (GoldItemViewPayload):
        slice_id (str): Opaque, time-sortable identifier: a slice id.
        certified_at (datetime.datetime | None | Unset): A lab's gold only: when a platform admin certified the item.
            Until then its answers
            count only in the expert's standing with the lab (its own projects), never in a
            shared slice's standing; in the lab's private slices they count as they are.
        external_id (None | str | Unset):
        org_id (None | str | Unset):
        project_id (None | str | Unset):
    """

    answer: GoldItemViewAnswer
    created_at: datetime.datetime
    explanation: str
    id: str
    owner_kind: str
    payload: GoldItemViewPayload
    slice_id: str
    certified_at: datetime.datetime | None | Unset = UNSET
    external_id: None | str | Unset = UNSET
    org_id: None | str | Unset = UNSET
    project_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        answer = self.answer.to_dict()

        created_at = self.created_at.isoformat()

        explanation = self.explanation

        id = self.id

        owner_kind = self.owner_kind

        payload = self.payload.to_dict()

        slice_id = self.slice_id

        certified_at: None | str | Unset
        if isinstance(self.certified_at, Unset):
            certified_at = UNSET
        elif isinstance(self.certified_at, datetime.datetime):
            certified_at = self.certified_at.isoformat()
        else:
            certified_at = self.certified_at

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        org_id: None | str | Unset
        if isinstance(self.org_id, Unset):
            org_id = UNSET
        else:
            org_id = self.org_id

        project_id: None | str | Unset
        if isinstance(self.project_id, Unset):
            project_id = UNSET
        else:
            project_id = self.project_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "answer": answer,
                "created_at": created_at,
                "explanation": explanation,
                "id": id,
                "owner_kind": owner_kind,
                "payload": payload,
                "slice_id": slice_id,
            }
        )
        if certified_at is not UNSET:
            field_dict["certified_at"] = certified_at
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if org_id is not UNSET:
            field_dict["org_id"] = org_id
        if project_id is not UNSET:
            field_dict["project_id"] = project_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.gold_item_view_answer import GoldItemViewAnswer  # noqa: PLC0415
        from ..models.gold_item_view_payload import GoldItemViewPayload  # noqa: PLC0415

        d = dict(src_dict)
        answer = GoldItemViewAnswer.from_dict(d.pop("answer"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        explanation = d.pop("explanation")

        id = d.pop("id")

        owner_kind = d.pop("owner_kind")

        payload = GoldItemViewPayload.from_dict(d.pop("payload"))

        slice_id = d.pop("slice_id")

        def _parse_certified_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                certified_at_type_0 = datetime.datetime.fromisoformat(data)

                return certified_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        certified_at = _parse_certified_at(d.pop("certified_at", UNSET))

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        def _parse_org_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        org_id = _parse_org_id(d.pop("org_id", UNSET))

        def _parse_project_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project_id = _parse_project_id(d.pop("project_id", UNSET))

        gold_item_view = cls(
            answer=answer,
            created_at=created_at,
            explanation=explanation,
            id=id,
            owner_kind=owner_kind,
            payload=payload,
            slice_id=slice_id,
            certified_at=certified_at,
            external_id=external_id,
            org_id=org_id,
            project_id=project_id,
        )

        gold_item_view.additional_properties = d
        return gold_item_view

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
