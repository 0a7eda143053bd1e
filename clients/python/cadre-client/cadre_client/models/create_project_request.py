from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.exclusions import Exclusions
    from ..models.project_slice import ProjectSlice


T = TypeVar("T", bound="CreateProjectRequest")


@_attrs_define
class CreateProjectRequest:
    """
    Attributes:
        bill_rate_minor (int): What the lab pays per expert-hour, in minor units. Example: 12000.
        currency (str):  Example: USD.
        domain_id (str): Opaque, time-sortable identifier: a domain id.
        name (str):  Example: Radiology report preferences.
        org_id (str): Opaque, time-sortable identifier: an organization id.
        adjudication (bool | None | Unset): Send disagreements to an adjudicator (default true).
        budget_cap_minor (int | None | Unset):
        default_deadline_secs (int | None | Unset): Default item deadline in seconds (default 72 hours).
        description (str | Unset):
        exclusions (Exclusions | Unset): Conflict-of-interest exclusions applied by routing.
        expire_overdue_after_hours (int | None | Unset): Hours after its deadline an overdue item still unresolved
            expires (its open
            assignments end, `item.expired` is sent); null or absent: never (README "Deadlines").
        gold_rate (float | None | Unset): Share of routed work that is hidden gold (default 0.07).
        overlap (int | None | Unset): Independent experts per item (default 2).
        show_judge_confidence (bool | None | Unset): Show experts the AI judge's confidence (default false).
        slices (list[ProjectSlice] | Unset): Slices used, each shared or private to this lab and inside the project's
            domain.
    """

    bill_rate_minor: int
    currency: str
    domain_id: str
    name: str
    org_id: str
    adjudication: bool | None | Unset = UNSET
    budget_cap_minor: int | None | Unset = UNSET
    default_deadline_secs: int | None | Unset = UNSET
    description: str | Unset = UNSET
    exclusions: Exclusions | Unset = UNSET
    expire_overdue_after_hours: int | None | Unset = UNSET
    gold_rate: float | None | Unset = UNSET
    overlap: int | None | Unset = UNSET
    show_judge_confidence: bool | None | Unset = UNSET
    slices: list[ProjectSlice] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        bill_rate_minor = self.bill_rate_minor

        currency = self.currency

        domain_id = self.domain_id

        name = self.name

        org_id = self.org_id

        adjudication: bool | None | Unset
        if isinstance(self.adjudication, Unset):
            adjudication = UNSET
        else:
            adjudication = self.adjudication

        budget_cap_minor: int | None | Unset
        if isinstance(self.budget_cap_minor, Unset):
            budget_cap_minor = UNSET
        else:
            budget_cap_minor = self.budget_cap_minor

        default_deadline_secs: int | None | Unset
        if isinstance(self.default_deadline_secs, Unset):
            default_deadline_secs = UNSET
        else:
            default_deadline_secs = self.default_deadline_secs

        description = self.description

        exclusions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.exclusions, Unset):
            exclusions = self.exclusions.to_dict()

        expire_overdue_after_hours: int | None | Unset
        if isinstance(self.expire_overdue_after_hours, Unset):
            expire_overdue_after_hours = UNSET
        else:
            expire_overdue_after_hours = self.expire_overdue_after_hours

        gold_rate: float | None | Unset
        if isinstance(self.gold_rate, Unset):
            gold_rate = UNSET
        else:
            gold_rate = self.gold_rate

        overlap: int | None | Unset
        if isinstance(self.overlap, Unset):
            overlap = UNSET
        else:
            overlap = self.overlap

        show_judge_confidence: bool | None | Unset
        if isinstance(self.show_judge_confidence, Unset):
            show_judge_confidence = UNSET
        else:
            show_judge_confidence = self.show_judge_confidence

        slices: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.slices, Unset):
            slices = []
            for slices_item_data in self.slices:
                slices_item = slices_item_data.to_dict()
                slices.append(slices_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "bill_rate_minor": bill_rate_minor,
                "currency": currency,
                "domain_id": domain_id,
                "name": name,
                "org_id": org_id,
            }
        )
        if adjudication is not UNSET:
            field_dict["adjudication"] = adjudication
        if budget_cap_minor is not UNSET:
            field_dict["budget_cap_minor"] = budget_cap_minor
        if default_deadline_secs is not UNSET:
            field_dict["default_deadline_secs"] = default_deadline_secs
        if description is not UNSET:
            field_dict["description"] = description
        if exclusions is not UNSET:
            field_dict["exclusions"] = exclusions
        if expire_overdue_after_hours is not UNSET:
            field_dict["expire_overdue_after_hours"] = expire_overdue_after_hours
        if gold_rate is not UNSET:
            field_dict["gold_rate"] = gold_rate
        if overlap is not UNSET:
            field_dict["overlap"] = overlap
        if show_judge_confidence is not UNSET:
            field_dict["show_judge_confidence"] = show_judge_confidence
        if slices is not UNSET:
            field_dict["slices"] = slices

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.exclusions import Exclusions  # noqa: PLC0415
        from ..models.project_slice import ProjectSlice  # noqa: PLC0415

        d = dict(src_dict)
        bill_rate_minor = d.pop("bill_rate_minor")

        currency = d.pop("currency")

        domain_id = d.pop("domain_id")

        name = d.pop("name")

        org_id = d.pop("org_id")

        def _parse_adjudication(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        adjudication = _parse_adjudication(d.pop("adjudication", UNSET))

        def _parse_budget_cap_minor(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        budget_cap_minor = _parse_budget_cap_minor(d.pop("budget_cap_minor", UNSET))

        def _parse_default_deadline_secs(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        default_deadline_secs = _parse_default_deadline_secs(d.pop("default_deadline_secs", UNSET))

        description = d.pop("description", UNSET)

        _exclusions = d.pop("exclusions", UNSET)
        exclusions: Exclusions | Unset
        if isinstance(_exclusions, Unset):
            exclusions = UNSET
        else:
            exclusions = Exclusions.from_dict(_exclusions)

        def _parse_expire_overdue_after_hours(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        expire_overdue_after_hours = _parse_expire_overdue_after_hours(d.pop("expire_overdue_after_hours", UNSET))

        def _parse_gold_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        gold_rate = _parse_gold_rate(d.pop("gold_rate", UNSET))

        def _parse_overlap(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        overlap = _parse_overlap(d.pop("overlap", UNSET))

        def _parse_show_judge_confidence(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        show_judge_confidence = _parse_show_judge_confidence(d.pop("show_judge_confidence", UNSET))

        _slices = d.pop("slices", UNSET)
        slices: list[ProjectSlice] | Unset = UNSET
        if _slices is not UNSET:
            slices = []
            for slices_item_data in _slices:
                slices_item = ProjectSlice.from_dict(slices_item_data)

                slices.append(slices_item)

        create_project_request = cls(
            bill_rate_minor=bill_rate_minor,
            currency=currency,
            domain_id=domain_id,
            name=name,
            org_id=org_id,
            adjudication=adjudication,
            budget_cap_minor=budget_cap_minor,
            default_deadline_secs=default_deadline_secs,
            description=description,
            exclusions=exclusions,
            expire_overdue_after_hours=expire_overdue_after_hours,
            gold_rate=gold_rate,
            overlap=overlap,
            show_judge_confidence=show_judge_confidence,
            slices=slices,
        )

        return create_project_request
