from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.org_approval import OrgApproval
from ..models.org_kind import OrgKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="PageOrgViewDataItem")


@_attrs_define
class PageOrgViewDataItem:
    """
    Attributes:
        approval (OrgApproval): Where an organisation stands with the platform (issue 21, "Approved vendors"). A vendor
            starts `pending`; a platform admin approves or rejects it (rejection is final). Labs are
            always `approved`.
        created_at (datetime.datetime):
        id (str): Opaque, time-sortable identifier: an organization id.
        kind (OrgKind): What an organisation is.
        name (str):
        trusted_reviewer (bool): A vendor whose admins' credential verifications the platform counts.
        approval_decided_at (datetime.datetime | None | Unset):
        approval_reason (None | str | Unset): Why the vendor was rejected (or the approval note), if one was given.
    """

    approval: OrgApproval
    created_at: datetime.datetime
    id: str
    kind: OrgKind
    name: str
    trusted_reviewer: bool
    approval_decided_at: datetime.datetime | None | Unset = UNSET
    approval_reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approval = self.approval.value

        created_at = self.created_at.isoformat()

        id = self.id

        kind = self.kind.value

        name = self.name

        trusted_reviewer = self.trusted_reviewer

        approval_decided_at: None | str | Unset
        if isinstance(self.approval_decided_at, Unset):
            approval_decided_at = UNSET
        elif isinstance(self.approval_decided_at, datetime.datetime):
            approval_decided_at = self.approval_decided_at.isoformat()
        else:
            approval_decided_at = self.approval_decided_at

        approval_reason: None | str | Unset
        if isinstance(self.approval_reason, Unset):
            approval_reason = UNSET
        else:
            approval_reason = self.approval_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approval": approval,
                "created_at": created_at,
                "id": id,
                "kind": kind,
                "name": name,
                "trusted_reviewer": trusted_reviewer,
            }
        )
        if approval_decided_at is not UNSET:
            field_dict["approval_decided_at"] = approval_decided_at
        if approval_reason is not UNSET:
            field_dict["approval_reason"] = approval_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        approval = OrgApproval(d.pop("approval"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        kind = OrgKind(d.pop("kind"))

        name = d.pop("name")

        trusted_reviewer = d.pop("trusted_reviewer")

        def _parse_approval_decided_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approval_decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return approval_decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        approval_decided_at = _parse_approval_decided_at(d.pop("approval_decided_at", UNSET))

        def _parse_approval_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        approval_reason = _parse_approval_reason(d.pop("approval_reason", UNSET))

        page_org_view_data_item = cls(
            approval=approval,
            created_at=created_at,
            id=id,
            kind=kind,
            name=name,
            trusted_reviewer=trusted_reviewer,
            approval_decided_at=approval_decided_at,
            approval_reason=approval_reason,
        )

        page_org_view_data_item.additional_properties = d
        return page_org_view_data_item

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
