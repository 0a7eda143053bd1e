from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.judgment_label import JudgmentLabel
    from ..models.judgment_standing import JudgmentStanding


T = TypeVar("T", bound="Judgment")


@_attrs_define
class Judgment:
    """One expert's judgment, under their pseudonymous handle.

    Attributes:
        expert (str):  Example: expert-7f3a.
        label (JudgmentLabel):
        role (str):
        active_seconds (int | None | Unset): Server-measured active seconds the expert worked on it (heartbeats while
            the work
            was open, capped as paid time is).
        agrees (bool | None | Unset): Whether it matches the final label (annotators).
        constitution_version (int | None | Unset): The constitution version the expert applied (pinned on their
            assignment).
        standing_at_submit (JudgmentStanding | None | Unset):
        submitted_at (datetime.datetime | None | Unset):
    """

    expert: str
    label: JudgmentLabel
    role: str
    active_seconds: int | None | Unset = UNSET
    agrees: bool | None | Unset = UNSET
    constitution_version: int | None | Unset = UNSET
    standing_at_submit: JudgmentStanding | None | Unset = UNSET
    submitted_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.judgment_standing import JudgmentStanding  # noqa: PLC0415

        expert = self.expert

        label = self.label.to_dict()

        role = self.role

        active_seconds: int | None | Unset
        if isinstance(self.active_seconds, Unset):
            active_seconds = UNSET
        else:
            active_seconds = self.active_seconds

        agrees: bool | None | Unset
        if isinstance(self.agrees, Unset):
            agrees = UNSET
        else:
            agrees = self.agrees

        constitution_version: int | None | Unset
        if isinstance(self.constitution_version, Unset):
            constitution_version = UNSET
        else:
            constitution_version = self.constitution_version

        standing_at_submit: dict[str, Any] | None | Unset
        if isinstance(self.standing_at_submit, Unset):
            standing_at_submit = UNSET
        elif isinstance(self.standing_at_submit, JudgmentStanding):
            standing_at_submit = self.standing_at_submit.to_dict()
        else:
            standing_at_submit = self.standing_at_submit

        submitted_at: None | str | Unset
        if isinstance(self.submitted_at, Unset):
            submitted_at = UNSET
        elif isinstance(self.submitted_at, datetime.datetime):
            submitted_at = self.submitted_at.isoformat()
        else:
            submitted_at = self.submitted_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "expert": expert,
                "label": label,
                "role": role,
            }
        )
        if active_seconds is not UNSET:
            field_dict["active_seconds"] = active_seconds
        if agrees is not UNSET:
            field_dict["agrees"] = agrees
        if constitution_version is not UNSET:
            field_dict["constitution_version"] = constitution_version
        if standing_at_submit is not UNSET:
            field_dict["standing_at_submit"] = standing_at_submit
        if submitted_at is not UNSET:
            field_dict["submitted_at"] = submitted_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.judgment_label import JudgmentLabel  # noqa: PLC0415
        from ..models.judgment_standing import JudgmentStanding  # noqa: PLC0415

        d = dict(src_dict)
        expert = d.pop("expert")

        label = JudgmentLabel.from_dict(d.pop("label"))

        role = d.pop("role")

        def _parse_active_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        active_seconds = _parse_active_seconds(d.pop("active_seconds", UNSET))

        def _parse_agrees(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        agrees = _parse_agrees(d.pop("agrees", UNSET))

        def _parse_constitution_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        constitution_version = _parse_constitution_version(d.pop("constitution_version", UNSET))

        def _parse_standing_at_submit(data: object) -> JudgmentStanding | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                standing_at_submit_type_0 = JudgmentStanding.from_dict(data)

                return standing_at_submit_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JudgmentStanding | None | Unset, data)

        standing_at_submit = _parse_standing_at_submit(d.pop("standing_at_submit", UNSET))

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

        judgment = cls(
            expert=expert,
            label=label,
            role=role,
            active_seconds=active_seconds,
            agrees=agrees,
            constitution_version=constitution_version,
            standing_at_submit=standing_at_submit,
            submitted_at=submitted_at,
        )

        judgment.additional_properties = d
        return judgment

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
