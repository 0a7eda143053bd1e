from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.assessment_status import AssessmentStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.assessment_item_view import AssessmentItemView
    from ..models.assessment_result import AssessmentResult
    from ..models.money import Money


T = TypeVar("T", bound="AssessmentView")


@_attrs_define
class AssessmentView:
    """
    Attributes:
        answered (int):
        due_at (datetime.datetime): Answers saved after this are refused; the assessment is then graded as it stands.
        id (str): Opaque, time-sortable identifier: an assessment id.
        item_count (int):
        slice_id (str): Opaque, time-sortable identifier: a slice id.
        slice_key (str):  Example: medicine/radiology:de.
        started_at (datetime.datetime):
        status (AssessmentStatus):
        active_seconds (int | None | Unset): Time from start to submission (at most the time limit), for payment.
        finished_at (datetime.datetime | None | Unset):
        items (list[AssessmentItemView] | None | Unset): Only for the expert, and only while the assessment is in
            progress.
        pay_per_hour (Money | None | Unset):
        result (AssessmentResult | None | Unset):
    """

    answered: int
    due_at: datetime.datetime
    id: str
    item_count: int
    slice_id: str
    slice_key: str
    started_at: datetime.datetime
    status: AssessmentStatus
    active_seconds: int | None | Unset = UNSET
    finished_at: datetime.datetime | None | Unset = UNSET
    items: list[AssessmentItemView] | None | Unset = UNSET
    pay_per_hour: Money | None | Unset = UNSET
    result: AssessmentResult | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.assessment_result import AssessmentResult  # noqa: PLC0415
        from ..models.money import Money  # noqa: PLC0415

        answered = self.answered

        due_at = self.due_at.isoformat()

        id = self.id

        item_count = self.item_count

        slice_id = self.slice_id

        slice_key = self.slice_key

        started_at = self.started_at.isoformat()

        status = self.status.value

        active_seconds: int | None | Unset
        if isinstance(self.active_seconds, Unset):
            active_seconds = UNSET
        else:
            active_seconds = self.active_seconds

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        elif isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        items: list[dict[str, Any]] | None | Unset
        if isinstance(self.items, Unset):
            items = UNSET
        elif isinstance(self.items, list):
            items = []
            for items_type_0_item_data in self.items:
                items_type_0_item = items_type_0_item_data.to_dict()
                items.append(items_type_0_item)

        else:
            items = self.items

        pay_per_hour: dict[str, Any] | None | Unset
        if isinstance(self.pay_per_hour, Unset):
            pay_per_hour = UNSET
        elif isinstance(self.pay_per_hour, Money):
            pay_per_hour = self.pay_per_hour.to_dict()
        else:
            pay_per_hour = self.pay_per_hour

        result: dict[str, Any] | None | Unset
        if isinstance(self.result, Unset):
            result = UNSET
        elif isinstance(self.result, AssessmentResult):
            result = self.result.to_dict()
        else:
            result = self.result

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "answered": answered,
                "due_at": due_at,
                "id": id,
                "item_count": item_count,
                "slice_id": slice_id,
                "slice_key": slice_key,
                "started_at": started_at,
                "status": status,
            }
        )
        if active_seconds is not UNSET:
            field_dict["active_seconds"] = active_seconds
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at
        if items is not UNSET:
            field_dict["items"] = items
        if pay_per_hour is not UNSET:
            field_dict["pay_per_hour"] = pay_per_hour
        if result is not UNSET:
            field_dict["result"] = result

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.assessment_item_view import AssessmentItemView  # noqa: PLC0415
        from ..models.assessment_result import AssessmentResult  # noqa: PLC0415
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        answered = d.pop("answered")

        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))

        id = d.pop("id")

        item_count = d.pop("item_count")

        slice_id = d.pop("slice_id")

        slice_key = d.pop("slice_key")

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        status = AssessmentStatus(d.pop("status"))

        def _parse_active_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        active_seconds = _parse_active_seconds(d.pop("active_seconds", UNSET))

        def _parse_finished_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        finished_at = _parse_finished_at(d.pop("finished_at", UNSET))

        def _parse_items(data: object) -> list[AssessmentItemView] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                items_type_0 = []
                _items_type_0 = data
                for items_type_0_item_data in _items_type_0:
                    items_type_0_item = AssessmentItemView.from_dict(items_type_0_item_data)

                    items_type_0.append(items_type_0_item)

                return items_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AssessmentItemView] | None | Unset, data)

        items = _parse_items(d.pop("items", UNSET))

        def _parse_pay_per_hour(data: object) -> Money | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                pay_per_hour_type_0 = Money.from_dict(data)

                return pay_per_hour_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None | Unset, data)

        pay_per_hour = _parse_pay_per_hour(d.pop("pay_per_hour", UNSET))

        def _parse_result(data: object) -> AssessmentResult | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                result_type_0 = AssessmentResult.from_dict(data)

                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AssessmentResult | None | Unset, data)

        result = _parse_result(d.pop("result", UNSET))

        assessment_view = cls(
            answered=answered,
            due_at=due_at,
            id=id,
            item_count=item_count,
            slice_id=slice_id,
            slice_key=slice_key,
            started_at=started_at,
            status=status,
            active_seconds=active_seconds,
            finished_at=finished_at,
            items=items,
            pay_per_hour=pay_per_hour,
            result=result,
        )

        assessment_view.additional_properties = d
        return assessment_view

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
