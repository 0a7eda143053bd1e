from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.project_status import ProjectStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.budget_view import BudgetView
    from ..models.exclusions import Exclusions
    from ..models.money import Money
    from ..models.project_slice import ProjectSlice


T = TypeVar("T", bound="PageProjectViewDataItem")


@_attrs_define
class PageProjectViewDataItem:
    """
    Attributes:
        adjudication (bool): Send disagreements to an adjudicator.
        bill_rate (Money):
        budget (BudgetView): A project's spend against its budget cap, in the project's bill currency (README
            "Budget" has the formula).
        created_at (datetime.datetime):
        default_deadline_secs (int):
        description (str):
        domain_id (str): Opaque, time-sortable identifier: a domain id.
        exclusions (Exclusions): Conflict-of-interest exclusions applied by routing.
        gold_rate (float): Share of routed work that is hidden gold (0–0.5).
        id (str): Opaque, time-sortable identifier: a project id.
        name (str):
        org_id (str): Opaque, time-sortable identifier: an organization id.
        overlap (int): Independent experts per item.
        show_judge_confidence (bool): Experts see the AI judge's confidence.
        slices (list[ProjectSlice]):
        status (ProjectStatus):
        updated_at (datetime.datetime):
        budget_cap_minor (int | None | Unset):
        constitution_version (int | None | Unset): The published constitution version experts apply; required to
            activate.
        expire_overdue_after_hours (int | None | Unset): Hours after its deadline an overdue item still unresolved
            expires (null: never).
    """

    adjudication: bool
    bill_rate: Money
    budget: BudgetView
    created_at: datetime.datetime
    default_deadline_secs: int
    description: str
    domain_id: str
    exclusions: Exclusions
    gold_rate: float
    id: str
    name: str
    org_id: str
    overlap: int
    show_judge_confidence: bool
    slices: list[ProjectSlice]
    status: ProjectStatus
    updated_at: datetime.datetime
    budget_cap_minor: int | None | Unset = UNSET
    constitution_version: int | None | Unset = UNSET
    expire_overdue_after_hours: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        adjudication = self.adjudication

        bill_rate = self.bill_rate.to_dict()

        budget = self.budget.to_dict()

        created_at = self.created_at.isoformat()

        default_deadline_secs = self.default_deadline_secs

        description = self.description

        domain_id = self.domain_id

        exclusions = self.exclusions.to_dict()

        gold_rate = self.gold_rate

        id = self.id

        name = self.name

        org_id = self.org_id

        overlap = self.overlap

        show_judge_confidence = self.show_judge_confidence

        slices = []
        for slices_item_data in self.slices:
            slices_item = slices_item_data.to_dict()
            slices.append(slices_item)

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        budget_cap_minor: int | None | Unset
        if isinstance(self.budget_cap_minor, Unset):
            budget_cap_minor = UNSET
        else:
            budget_cap_minor = self.budget_cap_minor

        constitution_version: int | None | Unset
        if isinstance(self.constitution_version, Unset):
            constitution_version = UNSET
        else:
            constitution_version = self.constitution_version

        expire_overdue_after_hours: int | None | Unset
        if isinstance(self.expire_overdue_after_hours, Unset):
            expire_overdue_after_hours = UNSET
        else:
            expire_overdue_after_hours = self.expire_overdue_after_hours

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "adjudication": adjudication,
                "bill_rate": bill_rate,
                "budget": budget,
                "created_at": created_at,
                "default_deadline_secs": default_deadline_secs,
                "description": description,
                "domain_id": domain_id,
                "exclusions": exclusions,
                "gold_rate": gold_rate,
                "id": id,
                "name": name,
                "org_id": org_id,
                "overlap": overlap,
                "show_judge_confidence": show_judge_confidence,
                "slices": slices,
                "status": status,
                "updated_at": updated_at,
            }
        )
        if budget_cap_minor is not UNSET:
            field_dict["budget_cap_minor"] = budget_cap_minor
        if constitution_version is not UNSET:
            field_dict["constitution_version"] = constitution_version
        if expire_overdue_after_hours is not UNSET:
            field_dict["expire_overdue_after_hours"] = expire_overdue_after_hours

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.budget_view import BudgetView  # noqa: PLC0415
        from ..models.exclusions import Exclusions  # noqa: PLC0415
        from ..models.money import Money  # noqa: PLC0415
        from ..models.project_slice import ProjectSlice  # noqa: PLC0415

        d = dict(src_dict)
        adjudication = d.pop("adjudication")

        bill_rate = Money.from_dict(d.pop("bill_rate"))

        budget = BudgetView.from_dict(d.pop("budget"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        default_deadline_secs = d.pop("default_deadline_secs")

        description = d.pop("description")

        domain_id = d.pop("domain_id")

        exclusions = Exclusions.from_dict(d.pop("exclusions"))

        gold_rate = d.pop("gold_rate")

        id = d.pop("id")

        name = d.pop("name")

        org_id = d.pop("org_id")

        overlap = d.pop("overlap")

        show_judge_confidence = d.pop("show_judge_confidence")

        slices = []
        _slices = d.pop("slices")
        for slices_item_data in _slices:
            slices_item = ProjectSlice.from_dict(slices_item_data)

            slices.append(slices_item)

        status = ProjectStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_budget_cap_minor(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        budget_cap_minor = _parse_budget_cap_minor(d.pop("budget_cap_minor", UNSET))

        def _parse_constitution_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        constitution_version = _parse_constitution_version(d.pop("constitution_version", UNSET))

        def _parse_expire_overdue_after_hours(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        expire_overdue_after_hours = _parse_expire_overdue_after_hours(d.pop("expire_overdue_after_hours", UNSET))

        page_project_view_data_item = cls(
            adjudication=adjudication,
            bill_rate=bill_rate,
            budget=budget,
            created_at=created_at,
            default_deadline_secs=default_deadline_secs,
            description=description,
            domain_id=domain_id,
            exclusions=exclusions,
            gold_rate=gold_rate,
            id=id,
            name=name,
            org_id=org_id,
            overlap=overlap,
            show_judge_confidence=show_judge_confidence,
            slices=slices,
            status=status,
            updated_at=updated_at,
            budget_cap_minor=budget_cap_minor,
            constitution_version=constitution_version,
            expire_overdue_after_hours=expire_overdue_after_hours,
        )

        page_project_view_data_item.additional_properties = d
        return page_project_view_data_item

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
