from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.decision_view_chosen_item import DecisionViewChosenItem
    from ..models.decision_view_removed import DecisionViewRemoved


T = TypeVar("T", bound="DecisionView")


@_attrs_define
class DecisionView:
    """One routing decision.

    Attributes:
        at (datetime.datetime):
        chosen (list[DecisionViewChosenItem]): The chosen experts (pseudonymous handles) with their slice status, tier
            and score
            terms: `sample` (Thompson draw from Beta(alpha, beta), capped at `bound` = min(1, mean + 4 sd); the sample was
            drawn ahead, when the expert was
            last compared), `load`,
            `cost` and `score = w_perf·sample − w_load·load − w_cost·cost`.
        note (str):
        removed (DecisionViewRemoved): How many candidates each hard filter removed, among those scanned.
        role (str): `annotator` or `adjudicator`.
        sampled (int): Candidates that passed every filter and were scored.
        scanned (int): Candidates read from the slice's candidate table (those without a pre-drawn sample
            first, then best routing key first; the scan stops when no remaining key can beat
            the shortlist).
        wanted (int): Experts the decision looked for.
    """

    at: datetime.datetime
    chosen: list[DecisionViewChosenItem]
    note: str
    removed: DecisionViewRemoved
    role: str
    sampled: int
    scanned: int
    wanted: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        chosen = []
        for chosen_item_data in self.chosen:
            chosen_item = chosen_item_data.to_dict()
            chosen.append(chosen_item)

        note = self.note

        removed = self.removed.to_dict()

        role = self.role

        sampled = self.sampled

        scanned = self.scanned

        wanted = self.wanted

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "chosen": chosen,
                "note": note,
                "removed": removed,
                "role": role,
                "sampled": sampled,
                "scanned": scanned,
                "wanted": wanted,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.decision_view_chosen_item import DecisionViewChosenItem  # noqa: PLC0415
        from ..models.decision_view_removed import DecisionViewRemoved  # noqa: PLC0415

        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        chosen = []
        _chosen = d.pop("chosen")
        for chosen_item_data in _chosen:
            chosen_item = DecisionViewChosenItem.from_dict(chosen_item_data)

            chosen.append(chosen_item)

        note = d.pop("note")

        removed = DecisionViewRemoved.from_dict(d.pop("removed"))

        role = d.pop("role")

        sampled = d.pop("sampled")

        scanned = d.pop("scanned")

        wanted = d.pop("wanted")

        decision_view = cls(
            at=at,
            chosen=chosen,
            note=note,
            removed=removed,
            role=role,
            sampled=sampled,
            scanned=scanned,
            wanted=wanted,
        )

        decision_view.additional_properties = d
        return decision_view

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
