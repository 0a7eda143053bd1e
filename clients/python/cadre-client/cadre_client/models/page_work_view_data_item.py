from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.work_role import WorkRole
from ..models.work_status import WorkStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.anonymous_judgment import AnonymousJudgment
    from ..models.page_work_view_data_item_payload import PageWorkViewDataItemPayload
    from ..models.page_work_view_data_item_your_label_type_0 import PageWorkViewDataItemYourLabelType0
    from ..models.work_constitution import WorkConstitution
    from ..models.work_project import WorkProject
    from ..models.work_slice import WorkSlice


T = TypeVar("T", bound="PageWorkViewDataItem")


@_attrs_define
class PageWorkViewDataItem:
    """An assignment as its expert sees it.

    Attributes:
        active_seconds (int): Your measured working time on it so far (heartbeat-covered sessions).
        due_at (datetime.datetime):
        id (str): Opaque, time-sortable identifier: an assignment id.
        judgments (list[AnonymousJudgment]): The other experts' judgments, anonymised (adjudication only; empty
            otherwise).
        offered_at (datetime.datetime):
        payload (PageWorkViewDataItemPayload): The item to judge.
        priority (int): The item's effective priority when offered: the lab's priority (0–100) plus the
            deadline curve's boost (up to +75 once the item is overdue).
        project (WorkProject):
        role (WorkRole):
        slice_ (WorkSlice):
        status (WorkStatus):
        accepted_at (datetime.datetime | None | Unset):
        constitution (None | Unset | WorkConstitution):
        judge_confidence (float | None | Unset): The AI judge's confidence, only where the project shows it (else null).
        submitted_at (datetime.datetime | None | Unset):
        your_label (None | PageWorkViewDataItemYourLabelType0 | Unset): Your submitted judgment.
    """

    active_seconds: int
    due_at: datetime.datetime
    id: str
    judgments: list[AnonymousJudgment]
    offered_at: datetime.datetime
    payload: PageWorkViewDataItemPayload
    priority: int
    project: WorkProject
    role: WorkRole
    slice_: WorkSlice
    status: WorkStatus
    accepted_at: datetime.datetime | None | Unset = UNSET
    constitution: None | Unset | WorkConstitution = UNSET
    judge_confidence: float | None | Unset = UNSET
    submitted_at: datetime.datetime | None | Unset = UNSET
    your_label: None | PageWorkViewDataItemYourLabelType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.page_work_view_data_item_your_label_type_0 import PageWorkViewDataItemYourLabelType0  # noqa: PLC0415
        from ..models.work_constitution import WorkConstitution  # noqa: PLC0415

        active_seconds = self.active_seconds

        due_at = self.due_at.isoformat()

        id = self.id

        judgments = []
        for judgments_item_data in self.judgments:
            judgments_item = judgments_item_data.to_dict()
            judgments.append(judgments_item)

        offered_at = self.offered_at.isoformat()

        payload = self.payload.to_dict()

        priority = self.priority

        project = self.project.to_dict()

        role = self.role.value

        slice_ = self.slice_.to_dict()

        status = self.status.value

        accepted_at: None | str | Unset
        if isinstance(self.accepted_at, Unset):
            accepted_at = UNSET
        elif isinstance(self.accepted_at, datetime.datetime):
            accepted_at = self.accepted_at.isoformat()
        else:
            accepted_at = self.accepted_at

        constitution: dict[str, Any] | None | Unset
        if isinstance(self.constitution, Unset):
            constitution = UNSET
        elif isinstance(self.constitution, WorkConstitution):
            constitution = self.constitution.to_dict()
        else:
            constitution = self.constitution

        judge_confidence: float | None | Unset
        if isinstance(self.judge_confidence, Unset):
            judge_confidence = UNSET
        else:
            judge_confidence = self.judge_confidence

        submitted_at: None | str | Unset
        if isinstance(self.submitted_at, Unset):
            submitted_at = UNSET
        elif isinstance(self.submitted_at, datetime.datetime):
            submitted_at = self.submitted_at.isoformat()
        else:
            submitted_at = self.submitted_at

        your_label: dict[str, Any] | None | Unset
        if isinstance(self.your_label, Unset):
            your_label = UNSET
        elif isinstance(self.your_label, PageWorkViewDataItemYourLabelType0):
            your_label = self.your_label.to_dict()
        else:
            your_label = self.your_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active_seconds": active_seconds,
                "due_at": due_at,
                "id": id,
                "judgments": judgments,
                "offered_at": offered_at,
                "payload": payload,
                "priority": priority,
                "project": project,
                "role": role,
                "slice": slice_,
                "status": status,
            }
        )
        if accepted_at is not UNSET:
            field_dict["accepted_at"] = accepted_at
        if constitution is not UNSET:
            field_dict["constitution"] = constitution
        if judge_confidence is not UNSET:
            field_dict["judge_confidence"] = judge_confidence
        if submitted_at is not UNSET:
            field_dict["submitted_at"] = submitted_at
        if your_label is not UNSET:
            field_dict["your_label"] = your_label

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.anonymous_judgment import AnonymousJudgment  # noqa: PLC0415
        from ..models.page_work_view_data_item_payload import PageWorkViewDataItemPayload  # noqa: PLC0415
        from ..models.page_work_view_data_item_your_label_type_0 import PageWorkViewDataItemYourLabelType0  # noqa: PLC0415
        from ..models.work_constitution import WorkConstitution  # noqa: PLC0415
        from ..models.work_project import WorkProject  # noqa: PLC0415
        from ..models.work_slice import WorkSlice  # noqa: PLC0415

        d = dict(src_dict)
        active_seconds = d.pop("active_seconds")

        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))

        id = d.pop("id")

        judgments = []
        _judgments = d.pop("judgments")
        for judgments_item_data in _judgments:
            judgments_item = AnonymousJudgment.from_dict(judgments_item_data)

            judgments.append(judgments_item)

        offered_at = datetime.datetime.fromisoformat(d.pop("offered_at"))

        payload = PageWorkViewDataItemPayload.from_dict(d.pop("payload"))

        priority = d.pop("priority")

        project = WorkProject.from_dict(d.pop("project"))

        role = WorkRole(d.pop("role"))

        slice_ = WorkSlice.from_dict(d.pop("slice"))

        status = WorkStatus(d.pop("status"))

        def _parse_accepted_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                accepted_at_type_0 = datetime.datetime.fromisoformat(data)

                return accepted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        accepted_at = _parse_accepted_at(d.pop("accepted_at", UNSET))

        def _parse_constitution(data: object) -> None | Unset | WorkConstitution:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                constitution_type_0 = WorkConstitution.from_dict(data)

                return constitution_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WorkConstitution, data)

        constitution = _parse_constitution(d.pop("constitution", UNSET))

        def _parse_judge_confidence(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        judge_confidence = _parse_judge_confidence(d.pop("judge_confidence", UNSET))

        def _parse_submitted_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                submitted_at_type_0 = datetime.datetime.fromisoformat(data)

                return submitted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        submitted_at = _parse_submitted_at(d.pop("submitted_at", UNSET))

        def _parse_your_label(data: object) -> None | PageWorkViewDataItemYourLabelType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                your_label_type_0 = PageWorkViewDataItemYourLabelType0.from_dict(data)

                return your_label_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PageWorkViewDataItemYourLabelType0 | Unset, data)

        your_label = _parse_your_label(d.pop("your_label", UNSET))

        page_work_view_data_item = cls(
            active_seconds=active_seconds,
            due_at=due_at,
            id=id,
            judgments=judgments,
            offered_at=offered_at,
            payload=payload,
            priority=priority,
            project=project,
            role=role,
            slice_=slice_,
            status=status,
            accepted_at=accepted_at,
            constitution=constitution,
            judge_confidence=judge_confidence,
            submitted_at=submitted_at,
            your_label=your_label,
        )

        page_work_view_data_item.additional_properties = d
        return page_work_view_data_item

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
