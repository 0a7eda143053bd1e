from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.item_status import ItemStatus
from ..models.stakes import Stakes
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.item_result import ItemResult
    from ..models.item_view_payload import ItemViewPayload
    from ..models.progress import Progress


T = TypeVar("T", bound="ItemView")


@_attrs_define
class ItemView:
    """An item as its lab sees it.

    Attributes:
        created_at (datetime.datetime):
        deadline (datetime.datetime):
        effective_priority (int): What routing orders waiting items by: `priority` plus the deadline curve's boost
            (+10 within 24 h of the deadline, +25 within 4 h, +50 within 1 h, +75 overdue).
        external_id (str):
        id (str): Opaque, time-sortable identifier: an item id.
        payload (ItemViewPayload):
        priority (int): The lab's priority, 0 (lowest) to 100 (highest).
        progress (Progress):
        project_id (str): Opaque, time-sortable identifier: a project id.
        slice_id (str): Opaque, time-sortable identifier: a slice id.
        stage (ItemStatus):
        stakes (Stakes): How much is riding on the item (routing and the lab's reports use it).
        status (ItemStatus):
        status_reason (str): Why the item is in its status (e.g. why it still waits).
        updated_at (datetime.datetime):
        constitution_version (int | None | Unset): The published constitution version the experts applied.
        judge_confidence (float | None | Unset):
        overdue_at (datetime.datetime | None | Unset): When the item was found past its deadline unresolved
            (`item.deadline_missed` was
            sent then); null if it never was, or its deadline was moved since.
        resolved_at (datetime.datetime | None | Unset):
        result (ItemResult | None | Unset):
    """

    created_at: datetime.datetime
    deadline: datetime.datetime
    effective_priority: int
    external_id: str
    id: str
    payload: ItemViewPayload
    priority: int
    progress: Progress
    project_id: str
    slice_id: str
    stage: ItemStatus
    stakes: Stakes
    status: ItemStatus
    status_reason: str
    updated_at: datetime.datetime
    constitution_version: int | None | Unset = UNSET
    judge_confidence: float | None | Unset = UNSET
    overdue_at: datetime.datetime | None | Unset = UNSET
    resolved_at: datetime.datetime | None | Unset = UNSET
    result: ItemResult | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.item_result import ItemResult  # noqa: PLC0415

        created_at = self.created_at.isoformat()

        deadline = self.deadline.isoformat()

        effective_priority = self.effective_priority

        external_id = self.external_id

        id = self.id

        payload = self.payload.to_dict()

        priority = self.priority

        progress = self.progress.to_dict()

        project_id = self.project_id

        slice_id = self.slice_id

        stage = self.stage.value

        stakes = self.stakes.value

        status = self.status.value

        status_reason = self.status_reason

        updated_at = self.updated_at.isoformat()

        constitution_version: int | None | Unset
        if isinstance(self.constitution_version, Unset):
            constitution_version = UNSET
        else:
            constitution_version = self.constitution_version

        judge_confidence: float | None | Unset
        if isinstance(self.judge_confidence, Unset):
            judge_confidence = UNSET
        else:
            judge_confidence = self.judge_confidence

        overdue_at: None | str | Unset
        if isinstance(self.overdue_at, Unset):
            overdue_at = UNSET
        elif isinstance(self.overdue_at, datetime.datetime):
            overdue_at = self.overdue_at.isoformat()
        else:
            overdue_at = self.overdue_at

        resolved_at: None | str | Unset
        if isinstance(self.resolved_at, Unset):
            resolved_at = UNSET
        elif isinstance(self.resolved_at, datetime.datetime):
            resolved_at = self.resolved_at.isoformat()
        else:
            resolved_at = self.resolved_at

        result: dict[str, Any] | None | Unset
        if isinstance(self.result, Unset):
            result = UNSET
        elif isinstance(self.result, ItemResult):
            result = self.result.to_dict()
        else:
            result = self.result

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "deadline": deadline,
                "effective_priority": effective_priority,
                "external_id": external_id,
                "id": id,
                "payload": payload,
                "priority": priority,
                "progress": progress,
                "project_id": project_id,
                "slice_id": slice_id,
                "stage": stage,
                "stakes": stakes,
                "status": status,
                "status_reason": status_reason,
                "updated_at": updated_at,
            }
        )
        if constitution_version is not UNSET:
            field_dict["constitution_version"] = constitution_version
        if judge_confidence is not UNSET:
            field_dict["judge_confidence"] = judge_confidence
        if overdue_at is not UNSET:
            field_dict["overdue_at"] = overdue_at
        if resolved_at is not UNSET:
            field_dict["resolved_at"] = resolved_at
        if result is not UNSET:
            field_dict["result"] = result

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.item_result import ItemResult  # noqa: PLC0415
        from ..models.item_view_payload import ItemViewPayload  # noqa: PLC0415
        from ..models.progress import Progress  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        deadline = datetime.datetime.fromisoformat(d.pop("deadline"))

        effective_priority = d.pop("effective_priority")

        external_id = d.pop("external_id")

        id = d.pop("id")

        payload = ItemViewPayload.from_dict(d.pop("payload"))

        priority = d.pop("priority")

        progress = Progress.from_dict(d.pop("progress"))

        project_id = d.pop("project_id")

        slice_id = d.pop("slice_id")

        stage = ItemStatus(d.pop("stage"))

        stakes = Stakes(d.pop("stakes"))

        status = ItemStatus(d.pop("status"))

        status_reason = d.pop("status_reason")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_constitution_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        constitution_version = _parse_constitution_version(d.pop("constitution_version", UNSET))

        def _parse_judge_confidence(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        judge_confidence = _parse_judge_confidence(d.pop("judge_confidence", UNSET))

        def _parse_overdue_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                overdue_at_type_0 = datetime.datetime.fromisoformat(data)

                return overdue_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        overdue_at = _parse_overdue_at(d.pop("overdue_at", UNSET))

        def _parse_resolved_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_at_type_0 = datetime.datetime.fromisoformat(data)

                return resolved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        resolved_at = _parse_resolved_at(d.pop("resolved_at", UNSET))

        def _parse_result(data: object) -> ItemResult | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                result_type_0 = ItemResult.from_dict(data)

                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ItemResult | None | Unset, data)

        result = _parse_result(d.pop("result", UNSET))

        item_view = cls(
            created_at=created_at,
            deadline=deadline,
            effective_priority=effective_priority,
            external_id=external_id,
            id=id,
            payload=payload,
            priority=priority,
            progress=progress,
            project_id=project_id,
            slice_id=slice_id,
            stage=stage,
            stakes=stakes,
            status=status,
            status_reason=status_reason,
            updated_at=updated_at,
            constitution_version=constitution_version,
            judge_confidence=judge_confidence,
            overdue_at=overdue_at,
            resolved_at=resolved_at,
            result=result,
        )

        item_view.additional_properties = d
        return item_view

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
