from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.budget_estimate import BudgetEstimate
from ..models.budget_state import BudgetState
from ..types import UNSET, Unset

T = TypeVar("T", bound="BudgetView")


@_attrs_define
class BudgetView:
    """A project's spend against its budget cap, in the project's bill currency (README
    "Budget" has the formula).

        Attributes:
            committed_minor (int): Measured, billed time: what the project's timesheets bill (approved lines as
                posted, the others at their sheet's rate), as its invoices will.
            currency (str):  Example: USD.
            estimate (BudgetEstimate): Where the expected time of an open assignment comes from.
            expected_seconds_per_assignment (int): Expected seconds of one open assignment.
            open_assignments (int): Open (offered or accepted) assignments of the project, items and gold.
            projected_minor (int): `committed_minor` plus the expected bill of the open (offered or accepted)
                assignments.
            state (BudgetState):
            cap_minor (int | None | Unset): The cap (`null`: no limit).
    """

    committed_minor: int
    currency: str
    estimate: BudgetEstimate
    expected_seconds_per_assignment: int
    open_assignments: int
    projected_minor: int
    state: BudgetState
    cap_minor: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        committed_minor = self.committed_minor

        currency = self.currency

        estimate = self.estimate.value

        expected_seconds_per_assignment = self.expected_seconds_per_assignment

        open_assignments = self.open_assignments

        projected_minor = self.projected_minor

        state = self.state.value

        cap_minor: int | None | Unset
        if isinstance(self.cap_minor, Unset):
            cap_minor = UNSET
        else:
            cap_minor = self.cap_minor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "committed_minor": committed_minor,
                "currency": currency,
                "estimate": estimate,
                "expected_seconds_per_assignment": expected_seconds_per_assignment,
                "open_assignments": open_assignments,
                "projected_minor": projected_minor,
                "state": state,
            }
        )
        if cap_minor is not UNSET:
            field_dict["cap_minor"] = cap_minor

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        committed_minor = d.pop("committed_minor")

        currency = d.pop("currency")

        estimate = BudgetEstimate(d.pop("estimate"))

        expected_seconds_per_assignment = d.pop("expected_seconds_per_assignment")

        open_assignments = d.pop("open_assignments")

        projected_minor = d.pop("projected_minor")

        state = BudgetState(d.pop("state"))

        def _parse_cap_minor(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        cap_minor = _parse_cap_minor(d.pop("cap_minor", UNSET))

        budget_view = cls(
            committed_minor=committed_minor,
            currency=currency,
            estimate=estimate,
            expected_seconds_per_assignment=expected_seconds_per_assignment,
            open_assignments=open_assignments,
            projected_minor=projected_minor,
            state=state,
            cap_minor=cap_minor,
        )

        budget_view.additional_properties = d
        return budget_view

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
