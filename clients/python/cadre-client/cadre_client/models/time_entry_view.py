from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money
    from ..models.paid_interval import PaidInterval
    from ..models.work_session_view import WorkSessionView


T = TypeVar("T", bound="TimeEntryView")


@_attrs_define
class TimeEntryView:
    """
    Attributes:
        cap_seconds (int): The per-item cap that applied (`routing.max_item_seconds`).
        concurrent_seconds (int): Measured seconds of these sessions that another of the expert's entries (submitted
            earlier) had already paid: concurrent work, paid there and not here.
        expert_handle (str):
        id (str): Opaque, time-sortable identifier: a time entry id.
        idle_limit_secs (int): A longer gap between heartbeats ended a session (`routing.idle_limit_secs`).
        measured_seconds (int): The sessions' total before the cap.
        paid_sessions (list[PaidInterval]): The intervals this entry paid.
        payer_type (str): `lab` (billed to the project's lab through the weekly timesheet), `vendor` (the
            vendor running a calibration session) or `platform` (assessments, platform calibration).
        role (str):
        seconds (int): Paid seconds: the sessions' total less time another of the expert's entries already
            paid (`concurrent_seconds`), capped per item. An expert's time is paid once however
            many assignments they heartbeat at the same moment.
        sessions (list[WorkSessionView]): How the time was measured: each work session from accept (or the heartbeat
            after an
            idle gap) to its last heartbeat or the submission.
        slice_id (str): Opaque, time-sortable identifier: a slice id.
        source_id (str):
        source_type (str): `assignment` (a submitted item), `assessment`, or `calibration` (a participant's
            part in a session); the id in `source_id`.
        week_start (datetime.datetime): Monday 00:00 UTC of the timesheet week.
        worked_at (datetime.datetime):
        expert_id (None | str | Unset):
        pay (Money | None | Unset):
        payer_org_id (None | str | Unset):
        project_id (None | str | Unset):
    """

    cap_seconds: int
    concurrent_seconds: int
    expert_handle: str
    id: str
    idle_limit_secs: int
    measured_seconds: int
    paid_sessions: list[PaidInterval]
    payer_type: str
    role: str
    seconds: int
    sessions: list[WorkSessionView]
    slice_id: str
    source_id: str
    source_type: str
    week_start: datetime.datetime
    worked_at: datetime.datetime
    expert_id: None | str | Unset = UNSET
    pay: Money | None | Unset = UNSET
    payer_org_id: None | str | Unset = UNSET
    project_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.money import Money  # noqa: PLC0415

        cap_seconds = self.cap_seconds

        concurrent_seconds = self.concurrent_seconds

        expert_handle = self.expert_handle

        id = self.id

        idle_limit_secs = self.idle_limit_secs

        measured_seconds = self.measured_seconds

        paid_sessions = []
        for paid_sessions_item_data in self.paid_sessions:
            paid_sessions_item = paid_sessions_item_data.to_dict()
            paid_sessions.append(paid_sessions_item)

        payer_type = self.payer_type

        role = self.role

        seconds = self.seconds

        sessions = []
        for sessions_item_data in self.sessions:
            sessions_item = sessions_item_data.to_dict()
            sessions.append(sessions_item)

        slice_id = self.slice_id

        source_id = self.source_id

        source_type = self.source_type

        week_start = self.week_start.isoformat()

        worked_at = self.worked_at.isoformat()

        expert_id: None | str | Unset
        if isinstance(self.expert_id, Unset):
            expert_id = UNSET
        else:
            expert_id = self.expert_id

        pay: dict[str, Any] | None | Unset
        if isinstance(self.pay, Unset):
            pay = UNSET
        elif isinstance(self.pay, Money):
            pay = self.pay.to_dict()
        else:
            pay = self.pay

        payer_org_id: None | str | Unset
        if isinstance(self.payer_org_id, Unset):
            payer_org_id = UNSET
        else:
            payer_org_id = self.payer_org_id

        project_id: None | str | Unset
        if isinstance(self.project_id, Unset):
            project_id = UNSET
        else:
            project_id = self.project_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cap_seconds": cap_seconds,
                "concurrent_seconds": concurrent_seconds,
                "expert_handle": expert_handle,
                "id": id,
                "idle_limit_secs": idle_limit_secs,
                "measured_seconds": measured_seconds,
                "paid_sessions": paid_sessions,
                "payer_type": payer_type,
                "role": role,
                "seconds": seconds,
                "sessions": sessions,
                "slice_id": slice_id,
                "source_id": source_id,
                "source_type": source_type,
                "week_start": week_start,
                "worked_at": worked_at,
            }
        )
        if expert_id is not UNSET:
            field_dict["expert_id"] = expert_id
        if pay is not UNSET:
            field_dict["pay"] = pay
        if payer_org_id is not UNSET:
            field_dict["payer_org_id"] = payer_org_id
        if project_id is not UNSET:
            field_dict["project_id"] = project_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415
        from ..models.paid_interval import PaidInterval  # noqa: PLC0415
        from ..models.work_session_view import WorkSessionView  # noqa: PLC0415

        d = dict(src_dict)
        cap_seconds = d.pop("cap_seconds")

        concurrent_seconds = d.pop("concurrent_seconds")

        expert_handle = d.pop("expert_handle")

        id = d.pop("id")

        idle_limit_secs = d.pop("idle_limit_secs")

        measured_seconds = d.pop("measured_seconds")

        paid_sessions = []
        _paid_sessions = d.pop("paid_sessions")
        for paid_sessions_item_data in _paid_sessions:
            paid_sessions_item = PaidInterval.from_dict(paid_sessions_item_data)

            paid_sessions.append(paid_sessions_item)

        payer_type = d.pop("payer_type")

        role = d.pop("role")

        seconds = d.pop("seconds")

        sessions = []
        _sessions = d.pop("sessions")
        for sessions_item_data in _sessions:
            sessions_item = WorkSessionView.from_dict(sessions_item_data)

            sessions.append(sessions_item)

        slice_id = d.pop("slice_id")

        source_id = d.pop("source_id")

        source_type = d.pop("source_type")

        week_start = datetime.datetime.fromisoformat(d.pop("week_start"))

        worked_at = datetime.datetime.fromisoformat(d.pop("worked_at"))

        def _parse_expert_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        expert_id = _parse_expert_id(d.pop("expert_id", UNSET))

        def _parse_pay(data: object) -> Money | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                pay_type_0 = Money.from_dict(data)

                return pay_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None | Unset, data)

        pay = _parse_pay(d.pop("pay", UNSET))

        def _parse_payer_org_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        payer_org_id = _parse_payer_org_id(d.pop("payer_org_id", UNSET))

        def _parse_project_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project_id = _parse_project_id(d.pop("project_id", UNSET))

        time_entry_view = cls(
            cap_seconds=cap_seconds,
            concurrent_seconds=concurrent_seconds,
            expert_handle=expert_handle,
            id=id,
            idle_limit_secs=idle_limit_secs,
            measured_seconds=measured_seconds,
            paid_sessions=paid_sessions,
            payer_type=payer_type,
            role=role,
            seconds=seconds,
            sessions=sessions,
            slice_id=slice_id,
            source_id=source_id,
            source_type=source_type,
            week_start=week_start,
            worked_at=worked_at,
            expert_id=expert_id,
            pay=pay,
            payer_org_id=payer_org_id,
            project_id=project_id,
        )

        time_entry_view.additional_properties = d
        return time_entry_view

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
