from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.exclusions import Exclusions
    from ..models.project_slice import ProjectSlice


T = TypeVar("T", bound="UpdateProjectRequest")


@_attrs_define
class UpdateProjectRequest:
    """
    Attributes:
        adjudication (bool | None | Unset):
        bill_rate_minor (int | None | Unset):
        budget_cap_minor (int | None | Unset): The budget cap in minor units of the project's currency; `null` removes
            it (no
            limit). Raising it above the projected spend resumes routing at once.
        constitution_version (int | None | Unset): Pin a published constitution version of this project.
        currency (None | str | Unset): Fixed once the project has been activated.
        default_deadline_secs (int | None | Unset):
        description (None | str | Unset):
        domain_id (None | str | Unset):
        exclusions (Exclusions | None | Unset):
        expire_overdue_after_hours (int | None | Unset): Hours after its deadline an overdue item still unresolved
            expires; `null` clears it
            (never expire).
        gold_rate (float | None | Unset):
        name (None | str | Unset):
        overlap (int | None | Unset):
        show_judge_confidence (bool | None | Unset):
        slices (list[ProjectSlice] | None | Unset): Replaces the project's slices.
    """

    adjudication: bool | None | Unset = UNSET
    bill_rate_minor: int | None | Unset = UNSET
    budget_cap_minor: int | None | Unset = UNSET
    constitution_version: int | None | Unset = UNSET
    currency: None | str | Unset = UNSET
    default_deadline_secs: int | None | Unset = UNSET
    description: None | str | Unset = UNSET
    domain_id: None | str | Unset = UNSET
    exclusions: Exclusions | None | Unset = UNSET
    expire_overdue_after_hours: int | None | Unset = UNSET
    gold_rate: float | None | Unset = UNSET
    name: None | str | Unset = UNSET
    overlap: int | None | Unset = UNSET
    show_judge_confidence: bool | None | Unset = UNSET
    slices: list[ProjectSlice] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.exclusions import Exclusions  # noqa: PLC0415

        adjudication: bool | None | Unset
        if isinstance(self.adjudication, Unset):
            adjudication = UNSET
        else:
            adjudication = self.adjudication

        bill_rate_minor: int | None | Unset
        if isinstance(self.bill_rate_minor, Unset):
            bill_rate_minor = UNSET
        else:
            bill_rate_minor = self.bill_rate_minor

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

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        default_deadline_secs: int | None | Unset
        if isinstance(self.default_deadline_secs, Unset):
            default_deadline_secs = UNSET
        else:
            default_deadline_secs = self.default_deadline_secs

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        domain_id: None | str | Unset
        if isinstance(self.domain_id, Unset):
            domain_id = UNSET
        else:
            domain_id = self.domain_id

        exclusions: dict[str, Any] | None | Unset
        if isinstance(self.exclusions, Unset):
            exclusions = UNSET
        elif isinstance(self.exclusions, Exclusions):
            exclusions = self.exclusions.to_dict()
        else:
            exclusions = self.exclusions

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

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

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

        slices: list[dict[str, Any]] | None | Unset
        if isinstance(self.slices, Unset):
            slices = UNSET
        elif isinstance(self.slices, list):
            slices = []
            for slices_type_0_item_data in self.slices:
                slices_type_0_item = slices_type_0_item_data.to_dict()
                slices.append(slices_type_0_item)

        else:
            slices = self.slices

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if adjudication is not UNSET:
            field_dict["adjudication"] = adjudication
        if bill_rate_minor is not UNSET:
            field_dict["bill_rate_minor"] = bill_rate_minor
        if budget_cap_minor is not UNSET:
            field_dict["budget_cap_minor"] = budget_cap_minor
        if constitution_version is not UNSET:
            field_dict["constitution_version"] = constitution_version
        if currency is not UNSET:
            field_dict["currency"] = currency
        if default_deadline_secs is not UNSET:
            field_dict["default_deadline_secs"] = default_deadline_secs
        if description is not UNSET:
            field_dict["description"] = description
        if domain_id is not UNSET:
            field_dict["domain_id"] = domain_id
        if exclusions is not UNSET:
            field_dict["exclusions"] = exclusions
        if expire_overdue_after_hours is not UNSET:
            field_dict["expire_overdue_after_hours"] = expire_overdue_after_hours
        if gold_rate is not UNSET:
            field_dict["gold_rate"] = gold_rate
        if name is not UNSET:
            field_dict["name"] = name
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

        def _parse_adjudication(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        adjudication = _parse_adjudication(d.pop("adjudication", UNSET))

        def _parse_bill_rate_minor(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        bill_rate_minor = _parse_bill_rate_minor(d.pop("bill_rate_minor", UNSET))

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

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_default_deadline_secs(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        default_deadline_secs = _parse_default_deadline_secs(d.pop("default_deadline_secs", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_domain_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        domain_id = _parse_domain_id(d.pop("domain_id", UNSET))

        def _parse_exclusions(data: object) -> Exclusions | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                exclusions_type_0 = Exclusions.from_dict(data)

                return exclusions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Exclusions | None | Unset, data)

        exclusions = _parse_exclusions(d.pop("exclusions", UNSET))

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

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

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

        def _parse_slices(data: object) -> list[ProjectSlice] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                slices_type_0 = []
                _slices_type_0 = data
                for slices_type_0_item_data in _slices_type_0:
                    slices_type_0_item = ProjectSlice.from_dict(slices_type_0_item_data)

                    slices_type_0.append(slices_type_0_item)

                return slices_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ProjectSlice] | None | Unset, data)

        slices = _parse_slices(d.pop("slices", UNSET))

        update_project_request = cls(
            adjudication=adjudication,
            bill_rate_minor=bill_rate_minor,
            budget_cap_minor=budget_cap_minor,
            constitution_version=constitution_version,
            currency=currency,
            default_deadline_secs=default_deadline_secs,
            description=description,
            domain_id=domain_id,
            exclusions=exclusions,
            expire_overdue_after_hours=expire_overdue_after_hours,
            gold_rate=gold_rate,
            name=name,
            overlap=overlap,
            show_judge_confidence=show_judge_confidence,
            slices=slices,
        )

        return update_project_request
